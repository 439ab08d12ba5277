"""What a page shows of a report: anonymised for the public, more for those who answer it."""

from commonweal.core.permissions import can
from commonweal.opendata.feedback.engine.clocks import ClockState, Step
from commonweal.opendata.feedback.engine.machine import events_from
from commonweal.opendata.feedback.models import Actor, Report, Supporter
from commonweal.opendata.feedback.services.clocks import report_clocks, report_escalation_clocks

CLOCK_TAGS = {
    ClockState.DUE: ("Due", "govuk-tag--blue"),
    ClockState.OVERDUE: ("Overdue", "govuk-tag--red"),
    ClockState.MET: ("Met", "govuk-tag--green"),
    ClockState.MISSED: ("Missed", "govuk-tag--orange"),
    ClockState.STOPPED: ("Stopped", "govuk-tag--grey"),
}
STEP_LABELS = {
    Step.ACKNOWLEDGE: "Acknowledge",
    Step.RESPOND: "Respond",
    Step.ESCALATION: "Council settles the escalation",
}
REASONS = {
    "received": "from receipt",
    "reopened": "after it was reopened",
    "escalated": "after it was escalated",
}
# The escalation's own clock says nothing more about why it started.
NO_REASON = {Step.ESCALATION}
STATUS_TAGS = {
    "triage": "govuk-tag--yellow",
    "received": "govuk-tag--blue",
    "acknowledged": "govuk-tag--light-blue",
    "responded": "govuk-tag--green",
    "reopened": "govuk-tag--orange",
    "escalated": "govuk-tag--red",
    "closed": "govuk-tag--grey",
}
# The events a person may take from a report's page, with the permission each needs.
ACTIONS = {
    "acknowledge": ("feedback.acknowledge_report", "Acknowledge it"),
    "respond": ("feedback.respond_report", "Respond"),
    "reopen": ("feedback.reopen_report", "Reopen it"),
    "escalate": ("feedback.escalate_report", "Escalate it"),
    "close": ("feedback.close_report", "Close it"),
    "route": ("feedback.route_report", "Send it to a provider"),
}


def place_label(report: Report) -> str:
    if report.lsoa is not None:
        return f"{report.lsoa.name} ({report.lsoa.gss_code})"
    return report.authority.name


def clock_row(clock) -> dict:
    tag, css = CLOCK_TAGS[clock.state]
    reason = "" if clock.step in NO_REASON else REASONS.get(clock.reason, "")
    return {
        "step": f"{STEP_LABELS[clock.step]} {reason}".strip(),
        "started": clock.started,
        "due": clock.due,
        "done": clock.stopped,
        "working_days": clock.working_days,
        "tag": tag,
        "css": css,
    }


def clock_rows(report: Report, history, *, escalation: bool = True) -> list[dict]:
    """The provider's clocks, then (unless left out) the council's escalation clocks."""
    found = report_clocks(report, history)
    if escalation:
        found += report_escalation_clocks(report, history)
    return [clock_row(clock) for clock in found]


def who(change, report: Report) -> str:
    if change.acting_as == Actor.PROVIDER and report.provider_id:
        return report.provider.name
    if change.acting_as == Actor.REPORTER and report.group_id:
        return f"The reporter, for {report.group.name}"
    return Actor(change.acting_as).label


def present(report: Report, user) -> dict:
    history = list(report.history.all())
    private = can(user, "feedback.view_report_private", report)
    supporters = Supporter.objects.current().filter(report=report)
    actions = [
        {"event": e.value, "label": ACTIONS[e.value][1]}
        for e in events_from(report.status)
        if can(user, ACTIONS[e.value][0], report)
    ]
    escalations = report_escalation_clocks(report, history)
    return {
        "report": report,
        "place": place_label(report),
        "status_css": STATUS_TAGS[report.status],
        "clocks": clock_rows(report, history),
        "escalation": (
            {
                "clock": clock_row(escalations[-1]),
                "taken_at": report.escalation_taken_at,
                # Who took it is for those who may see the private details; the public see
                # that a council officer holds it.
                "owner": report.escalation_owner if private else None,
            }
            if escalations
            else None
        ),
        "can_take": can(user, "feedback.take_escalation", report)
        and report.escalation_owner_id != getattr(user, "pk", None),
        "history": [
            {"change": c, "who": who(c, report), "label": report_status_label(c.status)}
            for c in history
        ],
        "supporters": supporters.count(),
        "supporter_names": (
            list(supporters.values_list("name", flat=True))
            if can(user, "feedback.view_supporters", report)
            else None
        ),
        "private": private,
        "reporter": (report.reporter if private else None),
        "actions": actions,
        "can_collect": report.support_group_id is None
        and can(user, "feedback.collect_support", report),
        "can_support": can(user, "feedback.add_support", report),
        "supports": getattr(user, "is_authenticated", False)
        and supporters.filter(user=user).exists(),
    }


def report_status_label(status: str) -> str:
    from commonweal.opendata.feedback.models.reports import STATUS_LABELS

    return STATUS_LABELS[status]
