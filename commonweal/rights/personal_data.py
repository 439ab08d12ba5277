"""What the right to bid holds about a person, for their download: the nominations they
sent for a group, and land they are linked to as its owner."""


def personal_data(user) -> dict:
    from commonweal.rights.models import Nomination

    return {
        "nominations_sent": [
            {"reference": n.reference, "land": n.name, "received_on": n.received_on.isoformat()}
            for n in Nomination.objects.filter(created_by=user)
        ],
        "land_owned": [
            {"reference": n.reference, "land": n.name, "status": n.status}
            for n in Nomination.objects.filter(owner_user=user)
        ],
    }
