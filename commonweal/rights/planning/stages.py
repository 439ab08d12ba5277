"""Neighbourhood planning's clocks and counts: a pure module (no Django).

Every period is composed from the statutory calendar's named wordings
(``commonweal.rights.calendar.periods``); nothing here adds days to dates itself. The
readings the rulebook marks [R] are parameters whose defaults are its best reading; the
Django side passes the council's settings (see docs/neighbourhood-planning.md).

>>> import datetime as dt
>>> representations_close_earliest(dt.date(2024, 1, 8))
datetime.date(2024, 2, 19)
>>> decision_due(dt.date(2024, 1, 8), more_than_one_authority=True)
datetime.date(2024, 5, 28)
>>> referendum_result(501, 500, rejected=3).passed
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from commonweal.rights.calendar import periods
from commonweal.rights.calendar.bank_holidays import HolidayCalendar, england_and_wales

# NP-03, NP-08, NP-10, NP-11: "not less than six weeks from the date ... first publicised".
PUBLICITY_WEEKS = 6
# NP-04 and NP-09: 20 weeks where the area is in two or more planning authorities [L].
MULTI_AUTHORITY_DECISION_WEEKS = 20
# NP-04 and NP-09 in other cases [R] (U11): believed to be 13 weeks.
SINGLE_AUTHORITY_DECISION_WEEKS = 13
# NP-06: at least 21 individuals who live, work or are elected members in the area [O].
FORUM_MINIMUM_MEMBERS = 21
# NP-06: a forum's designation ceases after five years [R] (s.61F(8) wording not seen).
FORUM_DESIGNATION_YEARS = 5
# NP-12: the decision on the examiner's report within five weeks [O]/[R].
EXAMINER_DECISION_WEEKS = 5
# NP-13: the referendum by the last of 56 (or 84) working days [R] (U12).
REFERENDUM_WORKING_DAYS = 56
COMBINED_REFERENDUM_WORKING_DAYS = 84
# NP-14: the information statement not fewer than 28 (or 56) days before the poll [L].
INFORMATION_DAYS = 28
COMBINED_INFORMATION_DAYS = 56
# NP-15: the plan made within 8 weeks beginning with the day after the referendum [R].
MAKE_WEEKS = 8


class WeeksReading(StrEnum):
    """How "within N weeks of receiving" is counted (NP-12, unconfirmed)."""

    FROM = "from"  # DATE-3: the day of receipt is excluded (the later date)
    BEGINNING_WITH = "beginning-with"  # DATE-1: the day of receipt is day one


def representations_close_earliest(first_publicised: dt.date) -> dt.date:
    """NP-03 / NP-08 / NP-10 / NP-11: the earliest closing date for representations.

    "Not less than six weeks from the date on which it is first publicised" (DATE-3).
    """
    return periods.weeks_from(first_publicised, PUBLICITY_WEEKS)


def decision_due(
    first_publicised: dt.date,
    *,
    more_than_one_authority: bool = False,
    single_authority_weeks: int = SINGLE_AUTHORITY_DECISION_WEEKS,
) -> dt.date:
    """NP-04 / NP-09: the date by which an area or forum application must be decided.

    "N weeks from the date immediately following the date on which the application was
    first publicised" (DATE-4): 20 weeks where the area lies in two or more planning
    authorities [L]; otherwise ``single_authority_weeks`` (13, [R]).
    """
    weeks = MULTI_AUTHORITY_DECISION_WEEKS if more_than_one_authority else single_authority_weeks
    return periods.weeks_from_day_after(first_publicised, weeks)


def forum_designation_last_day(
    designated_on: dt.date, *, years: int = FORUM_DESIGNATION_YEARS
) -> periods.MonthEnd:
    """NP-06 / NP-T8: the last day of a forum's designation, under both month rules.

    Five years beginning with the date of designation (DATE-2) [R].
    """
    return periods.years_beginning_with(designated_on, years)


def examiner_decision_due(
    report_received: dt.date,
    *,
    reading: WeeksReading | str = WeeksReading.FROM,
    weeks: int = EXAMINER_DECISION_WEEKS,
) -> dt.date:
    """NP-12 / NP-T11: the decision on whether the plan goes to referendum.

    "Within five weeks" of receiving the examiner's report: on the "from" reading the day of
    receipt is excluded (DATE-3); on the "beginning with" reading it is day one (DATE-1).
    """
    if WeeksReading(reading) is WeeksReading.FROM:
        return periods.within_weeks_of(report_received, weeks)
    return periods.weeks_beginning_with(report_received, weeks)


def examiner_decision_dates(report_received: dt.date, *, weeks: int = EXAMINER_DECISION_WEEKS):
    """Both readings of NP-12, so that officers see both where they differ."""
    return {
        reading: examiner_decision_due(report_received, reading=reading, weeks=weeks)
        for reading in WeeksReading
    }


def referendum_due(
    decision_published: dt.date,
    *,
    combined: bool = False,
    working_days: int = REFERENDUM_WORKING_DAYS,
    combined_working_days: int = COMBINED_REFERENDUM_WORKING_DAYS,
    holidays: HolidayCalendar | None = None,
) -> dt.date:
    """NP-13 / NP-T12: the last day on which the referendum may be held.

    The last of 56 working days (84 with a business referendum or combined polls)
    beginning with the day after the decision statement is published [R] (DATE-6).
    """
    count = combined_working_days if combined else working_days
    return periods.working_days_beginning_with_day_after(
        decision_published, count, holidays or england_and_wales()
    )


def information_statement_due(
    referendum_on: dt.date,
    *,
    business_referendum: bool = False,
    days: int = INFORMATION_DAYS,
    business_days: int = COMBINED_INFORMATION_DAYS,
) -> dt.date:
    """NP-14 / NP-T13: the latest day to publish the information statement.

    "Not fewer than 28 days before" the referendum (56 with a business referendum). The
    regulations ignore certain days in this count; which ones was not seen [R].
    """
    return periods.days_before(referendum_on, business_days if business_referendum else days)


def make_due(referendum_on: dt.date, *, weeks: int = MAKE_WEEKS) -> dt.date:
    """NP-15 / NP-T15: the plan to be made within 8 weeks beginning with the day after [R]."""
    return periods.weeks_beginning_with_day_after(referendum_on, weeks)


# --- counts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferendumResult:
    yes: int
    no: int
    rejected: int
    counted_as_voting: int
    passed: bool
    reason: str


def referendum_result(
    yes: int, no: int, *, rejected: int = 0, rejected_count_as_voting: bool = False
) -> ReferendumResult:
    """NP-15 / NP-T14: approved only if more than half of those voting vote yes.

    A tie is not "more than half", and with no votes nothing is approved. Whether rejected
    ballots are among "those voting" is unconfirmed [R]; the best reading excludes them.
    """
    for name, value in (("yes", yes), ("no", no), ("rejected", rejected)):
        if value < 0:
            raise ValueError(f"the {name} count cannot be negative")
    voting = yes + no + (rejected if rejected_count_as_voting else 0)
    passed = voting > 0 and 2 * yes > voting
    if voting == 0:
        reason = "No votes were cast, so the plan is not approved."
    elif passed:
        reason = f"{yes} of {voting} voting said yes: more than half."
    elif 2 * yes == voting:
        reason = f"{yes} of {voting} voting said yes: exactly half, which is not more than half."
    else:
        reason = f"{yes} of {voting} voting said yes: not more than half."
    return ReferendumResult(yes, no, rejected, voting, passed, reason)


class Outcome(StrEnum):
    APPROVED = "approved"
    NOT_APPROVED = "not-approved"
    # NP-16: only one of the two referendums approved; the authority may, but need not,
    # make the plan [R].
    SPLIT = "split"


def combined_outcome(residential: bool, business: bool | None) -> Outcome:
    """NP-15 / NP-16: the plan is approved when every applicable referendum approves it.

    ``business`` is None where there is no business referendum.
    """
    if business is None:
        return Outcome.APPROVED if residential else Outcome.NOT_APPROVED
    if residential and business:
        return Outcome.APPROVED
    if residential or business:
        return Outcome.SPLIT
    return Outcome.NOT_APPROVED


@dataclass(frozen=True)
class ForumMembership:
    """The forum's membership as counts by category (no personal details): NP-06.

    Each qualifying individual is counted once, under the first category that applies.
    """

    live: int
    work: int
    elected: int
    other: int = 0
    open_to_residents: bool = True
    open_to_workers: bool = True
    open_to_elected_members: bool = True

    @property
    def qualifying(self) -> int:
        return self.live + self.work + self.elected


def forum_condition_failures(
    membership: ForumMembership,
    *,
    written_constitution: bool,
    express_purpose: bool,
    minimum_members: int = FORUM_MINIMUM_MEMBERS,
) -> list[str]:
    """NP-06 / NP-T4 to NP-T6: the mandatory conditions a forum fails, in plain words.

    An empty list means the mandatory conditions are met; the "regard to" factors remain
    the authority's judgement.
    """
    failures = []
    for name, value in (
        ("live", membership.live),
        ("work", membership.work),
        ("elected", membership.elected),
        ("other", membership.other),
    ):
        if value < 0:
            raise ValueError(f"the {name} count cannot be negative")
    if membership.qualifying < minimum_members:
        failures.append(
            f"Its membership includes {membership.qualifying} individuals who live or work in "
            f"the area or are elected members for it; at least {minimum_members} are needed."
        )
    closed = [
        label
        for label, open_ in (
            ("people who live in the area", membership.open_to_residents),
            ("people who work there", membership.open_to_workers),
            ("elected members for the area", membership.open_to_elected_members),
        )
        if not open_
    ]
    if closed:
        failures.append("Its membership is not open to " + " or ".join(closed) + ".")
    if not written_constitution:
        failures.append("It has no written constitution.")
    if not express_purpose:
        failures.append(
            "It is not established for the express purpose of promoting or improving the "
            "social, economic and environmental well-being of the area."
        )
    return failures
