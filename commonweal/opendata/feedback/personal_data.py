"""What feedback holds about a person, for their download and their erasure."""

from commonweal.core import audit


def personal_data(user) -> dict:
    from commonweal.opendata.feedback.models import Report, StatusChange, Supporter

    reports = Report.objects.filter(reporter=user).select_related("service", "lsoa")
    return {
        "reports_raised": [
            {
                "id": r.pk,
                "service": r.service.name,
                "kind": r.kind,
                "title": r.title,
                "description": r.description,
                "postcode": r.postcode,
                "longitude": r.longitude,
                "latitude": r.latitude,
                "lsoa21": r.lsoa.gss_code if r.lsoa else None,
                "status": r.status,
                "raised_at": r.created_at.isoformat(),
            }
            for r in reports
        ],
        "steps_taken": [
            {
                "report": c.report_id,
                "status": c.status,
                "acting_as": c.acting_as,
                "note": c.note,
                "at": c.changed_at.isoformat(),
            }
            for c in StatusChange.objects.filter(changed_by=user)
        ],
        "support_given": [
            {
                "report": s.report_id,
                "name": s.name,
                "consent_text": s.consent_text,
                "consented_at": s.consented_at.isoformat(),
                "withdrawn_at": s.withdrawn_at.isoformat() if s.withdrawn_at else None,
            }
            for s in Supporter.objects.filter(user=user)
        ],
        # An officer who took an escalation answers for it: the reports they hold now.
        "escalations_taken": [
            {"report": r.pk, "taken_at": r.escalation_taken_at.isoformat()}
            for r in Report.objects.filter(escalation_owner=user)
        ],
    }


def erase_person(user) -> None:
    """Forget the reporter and supporter; the anonymised public record of the report stays.

    The report keeps its title, description, small area and history (published, with the
    reporter told not to include personal details), so the provider's record is not
    rewritten; the postcode and exact point go, and so does the link to the person. Support
    is withdrawn and the name erased. Steps the person took as a reporter lose their link to
    them; steps taken for a provider keep it, since they record the provider's answer.
    """
    from django.utils import timezone

    from commonweal.core.models import AuditEvent
    from commonweal.opendata.feedback.models import Actor, Report, StatusChange, Supporter

    Report.objects.filter(reporter=user).update(
        reporter=None, postcode="", longitude=None, latitude=None
    )
    StatusChange.objects.filter(changed_by=user, acting_as=Actor.REPORTER).update(changed_by=None)
    Supporter.objects.filter(user=user, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    Supporter.objects.filter(user=user).update(name="", user=None)
    audit.pseudonymise(
        AuditEvent.objects.filter(actor=user, action__startswith="feedback."), keys=("name",)
    )
