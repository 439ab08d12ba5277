"""What the pages, the exports and the API show about an entry: every date from the
calendar (through services.state and services.deadlines), in one place so that the public
page, the CSV, the GeoJSON and the API always agree."""

import datetime as dt
from dataclasses import dataclass, field

import shapely

from commonweal.rights.models import CaseStatus, Nomination
from commonweal.rights.services.deadlines import Deadline, case_deadlines
from commonweal.rights.services.state import (
    is_expired,
    latest_notice,
    listing_end,
    month_rule,
    moratorium_on,
    timeline_for,
    unsuccessful_end,
)

PREFIX = "asset-of-community-value"


@dataclass
class Entry:
    nomination: Nomination
    status_code: str
    status_label: str
    listing_end: dt.date | None
    listing_end_other: dt.date | None
    moratorium_code: str
    moratorium_label: str
    moratorium_explanation: str
    notice_received: dt.date | None = None
    interim_end: dt.date | None = None
    full_end: dt.date | None = None
    full_end_other: dt.date | None = None
    full_reason: str = ""
    protected_end: dt.date | None = None
    protected_end_other: dt.date | None = None
    interested_groups: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)

    @property
    def other_rule(self) -> str:
        return "B" if month_rule() == "C" else "C"


def _other(end) -> dt.date | None:
    if end is None or not end.differ:
        return None
    return end.rule_b if month_rule() == "C" else end.rule_c


def entry(nomination: Nomination, on: dt.date, *, public: bool = True) -> Entry:
    status, label = nomination.status, nomination.get_status_display()
    if is_expired(nomination, on):
        status, label = "expired", "Listing expired"
    end = listing_end(nomination) if nomination.status == CaseStatus.LISTED else None
    if nomination.status == CaseStatus.NOT_LISTED:
        end = unsuccessful_end(nomination)
    state = moratorium_on(nomination, on)
    shown = Entry(
        nomination=nomination,
        status_code=status,
        status_label=label,
        listing_end=end.under(month_rule()) if end else None,
        listing_end_other=_other(end),
        moratorium_code=state.code,
        moratorium_label=state.label,
        moratorium_explanation=state.explanation,
    )
    notice = latest_notice(nomination) if nomination.status == CaseStatus.LISTED else None
    if notice is not None:
        timeline = timeline_for(notice)
        shown.notice_received = notice.received_on
        shown.interim_end = timeline.interim_moratorium_end
        if timeline.full_moratorium_end is not None:
            shown.full_end = timeline.full_moratorium_end.under(month_rule())
            shown.full_end_other = _other(timeline.full_moratorium_end)
        shown.full_reason = timeline.full_moratorium_reason
        shown.protected_end = timeline.protected_period_end.under(month_rule())
        shown.protected_end_other = _other(timeline.protected_period_end)
        shown.interested_groups = [
            r.group_name for r in notice.bidder_requests.all() if r.received_by_council
        ]
    shown.deadlines = [d for d in case_deadlines(nomination) if d.public or not public]
    return shown


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def export_row(shown: Entry) -> dict:
    """One entry with the digital-land asset-of-community-value field names (SOURCES.md 10),
    then our moratorium columns (both month rules where they differ)."""
    n = shown.nomination
    point = shapely.Point(n.point)
    end_date = n.removed_on or (shown.listing_end if shown.status_code == "expired" else None)
    return {
        "reference": n.reference,
        "name": n.name,
        "description": n.description,
        "address-text": ", ".join(p for p in (n.address, n.postcode) if p),
        "point": point.wkt,
        "geometry": n.shape.wkt,
        "organisation": f"local-authority:{n.authority.gss_code}",
        "nominating-group": n.nominator.name,
        "nomination-date": _iso(n.received_on),
        "decision": {"listed": "listed", "removed": "listed", "not_listed": "not-listed"}.get(
            n.status, ""
        ),
        "decision-date": _iso(n.decided_on),
        "interested-group": ";".join(shown.interested_groups),
        "notification-to-sell-date": _iso(shown.notice_received),
        "protected-period-start-date": _iso(shown.notice_received),
        "expiry-date": _iso(shown.listing_end),
        "notes": f"{shown.status_label}. {shown.moratorium_label}: {shown.moratorium_explanation}",
        "entry-date": _iso(n.decided_on),
        "start-date": _iso(n.decided_on),
        "end-date": _iso(end_date),
        "prefix": PREFIX,
        "entity": "",
        "status": shown.status_code,
        "moratorium-state": shown.moratorium_code,
        "interim-moratorium-end-date": _iso(shown.interim_end),
        "full-moratorium-end-date": _iso(shown.full_end),
        "full-moratorium-end-date-other-rule": _iso(shown.full_end_other),
        "protected-period-end-date": _iso(shown.protected_end),
        "protected-period-end-date-other-rule": _iso(shown.protected_end_other),
        "expiry-date-other-rule": _iso(shown.listing_end_other),
        "month-rule": month_rule().value,
    }


EXPORT_FIELDS = [
    "reference",
    "name",
    "description",
    "address-text",
    "point",
    "geometry",
    "organisation",
    "nominating-group",
    "nomination-date",
    "decision",
    "decision-date",
    "interested-group",
    "notification-to-sell-date",
    "protected-period-start-date",
    "expiry-date",
    "notes",
    "entry-date",
    "start-date",
    "end-date",
    "prefix",
    "entity",
    # Ours, after the standard's: the moratorium's state and dates under both month rules.
    "status",
    "moratorium-state",
    "interim-moratorium-end-date",
    "full-moratorium-end-date",
    "full-moratorium-end-date-other-rule",
    "protected-period-end-date",
    "protected-period-end-date-other-rule",
    "expiry-date-other-rule",
    "month-rule",
]
