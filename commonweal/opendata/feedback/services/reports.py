"""Raising a report and every step after it: each an attributed, append-only status row."""

from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.core.permissions import can
from commonweal.opendata.feedback.engine.machine import Event, NotAllowed, Status, next_status
from commonweal.opendata.feedback.models import Actor, Report, ReportKind, StatusChange
from commonweal.opendata.feedback.services import notify
from commonweal.opendata.feedback.services.errors import FeedbackError, check, person
from commonweal.opendata.feedback.services.routing import locate, responsible_for

MAX_TITLE = 150


def _when(at):
    return at or timezone.now()


def _step(report: Report, status: str, *, actor, acting_as: str, at, event: str = "", note=""):
    last = report.history.order_by("-changed_at", "-id").first()
    if last is not None and at < last.changed_at:
        raise FeedbackError("A step cannot be dated before the one it follows.", "at")
    return StatusChange.objects.create(
        report=report,
        status=status,
        event=event,
        note=note,
        acting_as=acting_as,
        changed_by=person(actor),
        changed_at=at,
    )


@transaction.atomic
def raise_report(
    *,
    actor,
    service,
    title: str,
    description: str,
    kind: str = ReportKind.REPORT,
    postcode: str = "",
    lon=None,
    lat=None,
    group=None,
    at=None,
    is_sample: bool = False,
) -> Report:
    """Raise a report and send it to the provider responsible for the service there, or, if
    nobody is, to the council's triage queue."""
    check(actor, "feedback.raise_report")
    problems = {}
    title, description = (title or "").strip(), (description or "").strip()
    if not title:
        problems["title"] = "Enter a short title for the report."
    elif len(title) > MAX_TITLE:
        problems["title"] = f"The title must be {MAX_TITLE} characters or fewer."
    if not description:
        problems["description"] = "Say what the problem, question or complaint is."
    if kind not in ReportKind.values:
        problems["kind"] = "Choose whether this is a problem, a question or a complaint."
    if (
        group is not None
        and actor is not None
        and not can(actor, "feedback.raise_for_group", group)
    ):
        problems["group"] = "You can raise a report only for a group you lead or run."
    if problems:
        field, reason = next(iter(problems.items()))
        raise FeedbackError(reason, field)
    where = locate(postcode=postcode, lon=lon, lat=lat)
    responsibility = responsible_for(service, where.areas)
    at = _when(at)
    report = Report.objects.create(
        kind=kind,
        service=service,
        title=title,
        description=description,
        reporter=person(actor),
        group=group,
        authority=where.authority,
        lsoa=where.lsoa,
        postcode=where.postcode,
        longitude=where.longitude,
        latitude=where.latitude,
        provider=responsibility.provider if responsibility else None,
        routed_by_area=responsibility.area if responsibility else None,
        status=Status.RECEIVED if responsibility else Status.TRIAGE,
        is_sample=is_sample,
        created_at=at,
    )
    _step(report, report.status, actor=actor, acting_as=Actor.REPORTER, at=at)
    audit.record(
        "feedback.report_raised",
        actor=actor,
        obj=report,
        after={
            "service": service.slug,
            "kind": kind,
            "provider": report.provider_id,
            "lsoa": where.lsoa.gss_code if where.lsoa else None,
            "status": report.status,
        },
    )
    if report.provider_id:
        notify.report_arrived(report)
    return report


def _capacity(actor, report: Report) -> str:
    if actor is None:
        return Actor.SYSTEM
    if (
        report.provider_id
        and report.provider.organisation.memberships.current().filter(user=actor).exists()
    ):
        return Actor.PROVIDER
    if report.reporter_id == getattr(actor, "pk", None) or (
        report.group_id and report.group.memberships.editors().filter(user=actor).exists()
    ):
        return Actor.REPORTER
    return Actor.OFFICER


def _move(report: Report, event: Event, *, actor, permission: str, note: str, at, **changes):
    check(actor, permission, report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    try:
        status = next_status(report.status, event)
    except NotAllowed:
        raise FeedbackError(
            f"This report is {report.status_label.lower()}, so it cannot be given that step.",
            "status",
        ) from None
    before = {"status": report.status}
    report.status = status
    for name, value in changes.items():
        setattr(report, name, value)
    report.save(update_fields=["status", *changes])
    at = _when(at)
    _step(
        report,
        status,
        actor=actor,
        acting_as=_capacity(actor, report),
        at=at,
        event=event.value,
        note=note,
    )
    audit.record(
        f"feedback.report_{status.value}",
        actor=actor,
        obj=report,
        before=before,
        after={"status": status.value, **{k: getattr(v, "pk", v) for k, v in changes.items()}},
    )
    return report


def _required(note: str, message: str, field: str = "note") -> str:
    note = (note or "").strip()
    if not note:
        raise FeedbackError(message, field)
    return note


@transaction.atomic
def acknowledge(*, actor, report: Report, note: str = "", at=None) -> Report:
    report = _move(
        report,
        Event.ACKNOWLEDGE,
        actor=actor,
        permission="feedback.acknowledge_report",
        note=(note or "").strip(),
        at=at,
    )
    notify.provider_answered(report, responded=False)
    return report


@transaction.atomic
def respond(*, actor, report: Report, note: str, at=None) -> Report:
    note = _required(note, "Write the response the reporter and the public will read.")
    report = _move(
        report, Event.RESPOND, actor=actor, permission="feedback.respond_report", note=note, at=at
    )
    notify.provider_answered(report, responded=True)
    return report


@transaction.atomic
def reopen(*, actor, report: Report, note: str, at=None) -> Report:
    note = _required(note, "Say why the response does not settle it.")
    return _move(
        report, Event.REOPEN, actor=actor, permission="feedback.reopen_report", note=note, at=at
    )


@transaction.atomic
def escalate(*, actor, report: Report, note: str, at=None) -> Report:
    note = _required(note, "Say why you are asking for the report to be escalated.")
    return _move(
        report,
        Event.ESCALATE,
        actor=actor,
        permission="feedback.escalate_report",
        note=note,
        at=at,
        escalated=True,
    )


@transaction.atomic
def close(*, actor, report: Report, note: str = "", at=None) -> Report:
    return _move(
        report,
        Event.CLOSE,
        actor=actor,
        permission="feedback.close_report",
        note=(note or "").strip(),
        at=at,
    )


@transaction.atomic
def route_from_triage(*, actor, report: Report, provider, note: str = "", at=None) -> Report:
    """An officer sends a report nobody was responsible for to a provider; its clocks start."""
    if provider is None:
        raise FeedbackError("Choose the provider to send the report to.", "provider")
    report = _move(
        report,
        Event.ROUTE,
        actor=actor,
        permission="feedback.route_report",
        note=(note or "").strip(),
        at=at,
        provider=provider,
    )
    notify.report_arrived(report, routed=True)
    return report


@transaction.atomic
def take_escalation(*, actor, report: Report, at=None) -> Report:
    """A council officer takes an escalated report: they answer for settling it on time.

    Another officer may take it over later; the audit log keeps who held it before."""
    check(actor, "feedback.take_escalation", report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.escalated or not report.is_open:
        raise FeedbackError("Only an open, escalated report can be taken.", "status")
    if report.escalation_owner_id == getattr(actor, "pk", None):
        raise FeedbackError("You have already taken this escalation.", "status")
    before = {"escalation_owner": report.escalation_owner_id}
    report.escalation_owner = person(actor)
    report.escalation_taken_at = _when(at)
    report.save(update_fields=["escalation_owner", "escalation_taken_at"])
    audit.record(
        "feedback.escalation_taken",
        actor=actor,
        obj=report,
        before=before,
        after={"escalation_owner": report.escalation_owner_id},
    )
    return report
