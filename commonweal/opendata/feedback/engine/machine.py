"""The life of a report: named events move it from one status to the next.

Every change is recorded as an append-only row by the services; this module only says
which changes are allowed, so the pages, the API and the services agree.
"""

from enum import StrEnum


class Status(StrEnum):
    TRIAGE = "triage"  # no provider is responsible here: the council's triage queue
    RECEIVED = "received"  # with the responsible provider, not yet acknowledged
    ACKNOWLEDGED = "acknowledged"
    RESPONDED = "responded"
    REOPENED = "reopened"  # the reporter was not satisfied with the response
    ESCALATED = "escalated"  # the reporter asked for a senior review (the council sees it)
    CLOSED = "closed"


class Event(StrEnum):
    ROUTE = "route"
    ACKNOWLEDGE = "acknowledge"
    RESPOND = "respond"
    REOPEN = "reopen"
    ESCALATE = "escalate"
    CLOSE = "close"


OPEN = frozenset(s for s in Status if s is not Status.CLOSED)
# Waiting for the provider: the statuses in which a response is owed.
AWAITING_PROVIDER = frozenset(
    {Status.RECEIVED, Status.ACKNOWLEDGED, Status.REOPENED, Status.ESCALATED}
)

TRANSITIONS: dict[tuple[Status, Event], Status] = {
    (Status.TRIAGE, Event.ROUTE): Status.RECEIVED,
    **{
        (s, Event.ACKNOWLEDGE): Status.ACKNOWLEDGED
        for s in (Status.RECEIVED, Status.REOPENED, Status.ESCALATED)
    },
    **{(s, Event.RESPOND): Status.RESPONDED for s in AWAITING_PROVIDER},
    (Status.RESPONDED, Event.REOPEN): Status.REOPENED,
    **{
        (s, Event.ESCALATE): Status.ESCALATED
        for s in (Status.RECEIVED, Status.ACKNOWLEDGED, Status.RESPONDED, Status.REOPENED)
    },
    **{(s, Event.CLOSE): Status.CLOSED for s in OPEN},
}


class NotAllowed(ValueError):
    """The event cannot happen to a report in this status."""


def can_happen(status: str, event: str) -> bool:
    return (Status(status), Event(event)) in TRANSITIONS


def next_status(status: str, event: str) -> Status:
    try:
        return TRANSITIONS[(Status(status), Event(event))]
    except KeyError:
        raise NotAllowed(f"A report that is {status} cannot be given the event {event}.") from None


def events_from(status: str) -> list[Event]:
    """The events that may happen next, in a stable order."""
    return [event for event in Event if can_happen(status, event)]
