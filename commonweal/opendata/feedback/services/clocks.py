"""A report's clocks, from its history and its provider's targets (see engine/clocks.py)."""

from django.conf import settings
from django.utils import timezone

from commonweal.opendata.feedback.engine.clocks import Clock, Targets, clocks, escalation_clocks
from commonweal.rights.calendar import england_and_wales


def today():
    return timezone.localdate()


def default_targets() -> Targets:
    return Targets(settings.FEEDBACK_ACKNOWLEDGE_DAYS, settings.FEEDBACK_RESPOND_DAYS)


def report_clocks(report, history=None, *, on=None) -> list[Clock]:
    """Every clock the report has had; none while it waits in the council's triage queue."""
    if report.provider_id is None:
        return []
    rows = history if history is not None else list(report.history.all())
    steps = [(row.status, timezone.localdate(row.changed_at)) for row in rows]
    return clocks(steps, report.provider.targets, on or today(), england_and_wales())


def _steps(report, history):
    rows = history if history is not None else list(report.history.all())
    return [(row.status, timezone.localdate(row.changed_at)) for row in rows]


def report_escalation_clocks(report, history=None, *, on=None) -> list[Clock]:
    """The council's clock for each time the report was escalated (none if it never was)."""
    if not report.escalated:
        return []
    days = settings.FEEDBACK_ESCALATION_RESPOND_DAYS
    return escalation_clocks(_steps(report, history), days, on or today(), england_and_wales())


def current_escalation_clock(report, history=None, *, on=None) -> Clock | None:
    """The latest escalation's clock: running, or the last to stop."""
    found = report_escalation_clocks(report, history, on=on)
    return found[-1] if found else None
