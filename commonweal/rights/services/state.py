"""A case's dates, all from the calendar: the listing's end, the disposal timeline of the
latest owner's notice, and the moratorium in force on a given day.

Nothing here is stored: expiry after five years and the end of a moratorium happen by
themselves, because every page asks these functions about today.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from commonweal.rights.calendar import (
    BidderRequest,
    BodyKind,
    DisposalTimeline,
    MonthEnd,
    MonthRule,
    disposal_timeline,
)
from commonweal.rights.calendar.acv_casework import listing_last_day, unsuccessful_entry_last_day
from commonweal.rights.models import CaseStatus, DisposalNotice, Nomination
from commonweal.rights.timeline import configured_rule_book


def month_rule() -> MonthRule:
    return MonthRule(settings.RIGHTS_MONTH_RULE)


def listing_end(nomination: Nomination) -> MonthEnd | None:
    entry = nomination.entry_date
    return listing_last_day(entry) if entry is not None else None


def unsuccessful_end(nomination: Nomination) -> MonthEnd | None:
    if nomination.status != CaseStatus.NOT_LISTED or nomination.decided_on is None:
        return None
    return unsuccessful_entry_last_day(
        nomination.decided_on, settings.RIGHTS_ACV_UNSUCCESSFUL_YEARS
    )


def is_expired(nomination: Nomination, on: dt.date) -> bool:
    end = listing_end(nomination)
    return (
        nomination.status == CaseStatus.LISTED and end is not None and on > end.under(month_rule())
    )


def timeline_for(notice: DisposalNotice) -> DisposalTimeline:
    requests = [
        BidderRequest(
            received=request.received_on,
            kind=BodyKind(request.body_kind),
            received_by_council=request.received_by_council,
        )
        for request in notice.bidder_requests.all()
    ]
    return disposal_timeline(
        notice.received_on, requests, month_rule=month_rule(), rule_book=configured_rule_book()
    )


def latest_notice(nomination: Nomination) -> DisposalNotice | None:
    """The owner's notice whose periods govern now: the latest that started a moratorium
    (a further notice inside a protected period starts none, ACV-22 [R])."""
    return (
        nomination.disposal_notices.filter(within_earlier_protected_period=False)
        .order_by("-received_on", "-id")
        .first()
    )


@dataclass(frozen=True)
class Moratorium:
    code: str  # none, interim, full, protected, ended
    label: str
    explanation: str
    timeline: DisposalTimeline | None = None


def moratorium_on(nomination: Nomination, on: dt.date) -> Moratorium:
    """The moratorium (or protected period) in force on ``on``, in words."""
    if nomination.status != CaseStatus.LISTED or is_expired(nomination, on):
        return Moratorium(
            "none", "Not listed", "The land is not on the list, so no moratorium applies."
        )
    notice = latest_notice(nomination)
    if notice is None:
        return Moratorium(
            "none",
            "No moratorium",
            "The owner has not told the council they wish to sell. Before any relevant "
            "disposal they must, and a moratorium then begins.",
        )
    timeline = timeline_for(notice)
    rule = month_rule()
    day = f"{on.day} {on:%B %Y}"
    if notice.received_on > on:
        return Moratorium("none", "No moratorium", f"No owner's notice had been received by {day}.")
    if on <= timeline.interim_moratorium_end:
        end = timeline.interim_moratorium_end
        return Moratorium(
            "interim",
            "Interim moratorium",
            f"Until {end.day} {end:%B %Y} the owner may not sell except to a community interest "
            "group. A community interest group may ask to be treated as a potential bidder "
            "until then.",
            timeline,
        )
    if timeline.full_moratorium_applies and on <= timeline.moratorium_end(rule):
        end = timeline.moratorium_end(rule)
        return Moratorium(
            "full",
            "Full moratorium",
            f"A community interest group asked to bid, so until {end.day} {end:%B %Y} the owner "
            "may not sell except to a community interest group.",
            timeline,
        )
    protected = timeline.protected_period_end.under(rule)
    if on <= protected:
        return Moratorium(
            "protected",
            "Protected period: sale allowed",
            f"The moratorium is over. The owner may sell to anyone until {protected.day} "
            f"{protected:%B %Y}; after that a new notice (and moratorium) is needed.",
            timeline,
        )
    return Moratorium(
        "ended",
        "Protected period ended",
        f"The protected period ended on {protected.day} {protected:%B %Y}. The owner must give "
        "a new notice before any relevant disposal.",
        timeline,
    )
