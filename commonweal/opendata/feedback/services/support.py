"""A group collecting support for a report, and residents adding their names to it."""

from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.core.permissions import can
from commonweal.opendata.feedback.models import Report, Supporter
from commonweal.opendata.feedback.services.errors import FeedbackError, check, person

CONSENT = (
    "I add my name in support of this report. The number of supporters is public; my name "
    "is shown only to the leaders of the group collecting support and to the provider."
)


@transaction.atomic
def collect_support(*, actor, report: Report, group) -> Report:
    check(actor, "feedback.collect_support", report)
    if actor is not None and not can(actor, "feedback.collect_support_for", group):
        raise FeedbackError("Choose a group you lead or run.", "group")
    if report.support_group_id is not None:
        raise FeedbackError(
            f"{report.support_group.name} is already collecting support for this report.",
            "group",
        )
    report.support_group = group
    report.save(update_fields=["support_group"])
    audit.record("feedback.support_collected", actor=actor, obj=report, after={"group": group.pk})
    return report


@transaction.atomic
def add_support(*, actor, report: Report, name: str = "", consent: bool = False) -> Supporter:
    check(actor, "feedback.add_support", report)
    if not consent:
        raise FeedbackError("Tick the box to say you agree to add your name.", "consent")
    name = (name or "").strip() or str(actor)
    if len(name) > 150:
        raise FeedbackError("Your name must be 150 characters or fewer.", "name")
    if Supporter.objects.current().filter(report=report, user=actor).exists():
        raise FeedbackError("You already support this report.", "consent")
    supporter = Supporter.objects.create(
        report=report,
        user=person(actor),
        name=name,
        consent_text=CONSENT,
        consented_at=timezone.now(),
    )
    audit.record(
        "feedback.support_added", actor=actor, obj=report, after={"supporter": supporter.pk}
    )
    return supporter


@transaction.atomic
def withdraw_support(*, actor, report: Report) -> None:
    """Withdraw support: the name is erased, the record that it was given stays."""
    held = Supporter.objects.current().filter(report=report, user=actor).first()
    if held is None:
        raise FeedbackError("You do not support this report.", "consent")
    held.withdrawn_at = timezone.now()
    held.name = ""
    held.save(update_fields=["withdrawn_at", "name"])
    audit.record(
        "feedback.support_withdrawn", actor=actor, obj=report, after={"supporter": held.pk}
    )
