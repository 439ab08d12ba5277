"""What neighbourhood planning holds about a person: the applications they made (with the
contact they published for a forum) and the steps they recorded. The records themselves
belong to the organisations and the council's statutory casework, so nothing is erased here;
the account's own erasure detaches the person from them (the foreign keys are SET_NULL)."""


def personal_data(user) -> dict:
    from commonweal.rights.planning.models import (
        AreaStatusChange,
        ForumStatusChange,
        NeighbourhoodArea,
        NeighbourhoodForum,
        PlanStatusChange,
    )

    def steps(model, field):
        return [
            {
                "case": str(getattr(change, field)),
                "status": getattr(change, "status", None) or change.stage,
                "on": change.effective_on.isoformat(),
                "recorded_at": change.changed_at.isoformat(),
            }
            for change in model.objects.filter(changed_by=user).select_related(field)
        ]

    return {
        "neighbourhood_area_applications": [
            {
                "area": a.name,
                "applicant": a.applicant.name,
                "received_on": a.received_on.isoformat(),
            }
            for a in NeighbourhoodArea.objects.filter(created_by=user).select_related("applicant")
        ],
        "neighbourhood_forum_applications": [
            {"forum": f.name, "area": f.area.name, "published_contact": f.contact}
            for f in NeighbourhoodForum.objects.filter(created_by=user).select_related("area")
        ],
        "neighbourhood_planning_steps_recorded": [
            *steps(AreaStatusChange, "area"),
            *steps(ForumStatusChange, "forum"),
            *steps(PlanStatusChange, "plan"),
        ],
    }
