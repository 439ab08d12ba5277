"""The right to bid's casework clocks other than the disposal timeline (rulebook 2.1-2.6).

Each function names the statutory wording and the rule it implements; business code asks
these functions for a date and never adds days itself. Month periods return ``MonthEnd``
(both month rules, U14); where the rulebook records two readings of one clock (U4, the
decision period), both are returned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .periods import (
    MonthEnd,
    thirteen_weeks_after,
    weeks_beginning_with,
    within_days_of,
    within_weeks_of,
    years_beginning_with,
)

DECISION_WEEKS = 8  # ACV-07, reg 7 [L]; the clock's wording was not seen (U4) [R]
LISTING_YEARS = 5  # ACV-01, s.87(3) [L]
REVIEW_REQUEST_WEEKS = 8  # ACV-12, Schedule 2 [O]/[R]
REVIEW_DECISION_WEEKS = 8  # ACV-12 [O]
TRIBUNAL_DAYS = 28  # ACV-13, GRC Rules 2009 r.22(1)(b) [L]
COMPENSATION_REVIEW_WEEKS = 8  # ACV-29 [O]/[R]


@dataclass(frozen=True)
class TwoReadings:
    """A deadline whose clock wording is unconfirmed: the earlier reading is the target."""

    target: dt.date
    alternative: dt.date

    @property
    def differ(self) -> bool:
        return self.target != self.alternative


def decision_due(received: dt.date) -> TwoReadings:
    """ACV-07: decide within 8 weeks. Target "8 weeks beginning with the date of receipt"
    (receipt + 55 days); the alternative reading "within 8 weeks of receipt" (+ 56). [R] U4"""
    return TwoReadings(
        target=weeks_beginning_with(received, DECISION_WEEKS),
        alternative=within_weeks_of(received, DECISION_WEEKS),
    )


def listing_last_day(entry_date: dt.date) -> MonthEnd:
    """ACV-01: an entry is removed with effect from the end of "the period of 5 years
    beginning with the date of that entry" (s.87(3)); this is that period's last day."""
    return years_beginning_with(entry_date, LISTING_YEARS)


def unsuccessful_entry_last_day(decision_date: dt.date, years: int) -> MonthEnd:
    """ACV-09: how long an unsuccessful nomination stays on the list (U9, [R]; the
    council's setting, 5 years by practice), counted like a listing."""
    return years_beginning_with(decision_date, years)


def review_request_by(notice_given: dt.date) -> dt.date:
    """ACV-12: the owner's request for a review must be made within "8 weeks beginning with
    the day on which notice was given" (Schedule 2 reading, [O]/[R]); the council may allow
    longer in writing."""
    return weeks_beginning_with(notice_given, REVIEW_REQUEST_WEEKS)


def review_decision_due(request_received: dt.date) -> dt.date:
    """ACV-12: the review is completed within 8 weeks beginning with the day the request
    was received, unless the owner agrees a longer period."""
    return weeks_beginning_with(request_received, REVIEW_DECISION_WEEKS)


def tribunal_appeal_by(decision_sent: dt.date) -> dt.date:
    """ACV-13: the tribunal must receive the appeal "within 28 days of the date on which
    notice of the decision was sent" (DATE-3). Shown unrolled; the tribunal's own rule on a
    non-working last day (DATE-7, U16) is applied by ``next_working_day`` where wanted."""
    return within_days_of(decision_sent, TRIBUNAL_DAYS)


def compensation_claim_by(loss_incurred: dt.date) -> dt.date:
    """ACV-28: a claim is made "before the end of thirteen weeks after the loss or expense
    was incurred (or finished being incurred)" (reg 14(5)(b); DATE-5)."""
    return thirteen_weeks_after(loss_incurred)


def compensation_advice_note_by(moratorium_or_listing_end: dt.date) -> dt.date:
    """ACV-28 (information only): the advice note's older paraphrase, 13 weeks from the end
    of the moratorium or the date the land ceased to be listed. Never the binding date."""
    return thirteen_weeks_after(moratorium_or_listing_end)


def compensation_review_by(decision_notice_given: dt.date) -> dt.date:
    """ACV-29: a compensation review is asked for within 8 weeks beginning with the date
    the council gave written notice of its reasons ([O]/[R])."""
    return weeks_beginning_with(decision_notice_given, COMPENSATION_REVIEW_WEEKS)


@dataclass(frozen=True)
class Week:
    monday: dt.date
    sunday: dt.date

    def contains(self, day: dt.date) -> bool:
        return self.monday <= day <= self.sunday


def this_week(day: dt.date) -> Week:
    """The Monday-to-Sunday week containing ``day`` (for "due this week" on the dashboard)."""
    monday = day - dt.timedelta(days=day.weekday())
    return Week(monday, monday + dt.timedelta(days=6))
