"""Feedback services: every write goes through these, atomic and audited."""

from commonweal.opendata.feedback.services.catalogue import (
    add_service,
    assign_responsibility,
    register_provider,
    remove_responsibility,
)
from commonweal.opendata.feedback.services.clocks import (
    current_escalation_clock,
    report_clocks,
    report_escalation_clocks,
    today,
)
from commonweal.opendata.feedback.services.errors import FeedbackError
from commonweal.opendata.feedback.services.reports import (
    acknowledge,
    close,
    escalate,
    raise_report,
    reopen,
    respond,
    route_from_triage,
    take_escalation,
)
from commonweal.opendata.feedback.services.routing import Location, locate, responsible_for
from commonweal.opendata.feedback.services.support import (
    add_support,
    collect_support,
    withdraw_support,
)

__all__ = [
    "FeedbackError",
    "Location",
    "acknowledge",
    "add_service",
    "add_support",
    "assign_responsibility",
    "close",
    "collect_support",
    "current_escalation_clock",
    "escalate",
    "locate",
    "raise_report",
    "register_provider",
    "remove_responsibility",
    "reopen",
    "report_clocks",
    "report_escalation_clocks",
    "respond",
    "responsible_for",
    "route_from_triage",
    "take_escalation",
    "today",
    "withdraw_support",
]
