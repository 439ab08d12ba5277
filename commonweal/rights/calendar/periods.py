"""The statutory periods, one named function for each wording (rulebook section 1).

Business code never adds days to dates itself: it names the wording the statute uses
and calls the function here. Every function takes calendar dates (the trigger date as a
calendar date in Europe/London) and returns a calendar date; a period ends at the end of
its last day (DATE-8), so an act allowed only "after the period" may happen from the next
day (``day_after``).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .bank_holidays import HolidayCalendar

_DAY = dt.timedelta(days=1)


class MonthRule(StrEnum):
    """The two readings of "N months beginning with D" where the later month is short.

    C: the corresponding date N months later, minus one day; where there is no such date,
       the last day of the later month (the rulebook's recommendation, after Dodds v Walker).
    B: the corresponding date clamped to the end of the later month, minus one day (the
       reading common in software; one day earlier than C at month ends).
    They differ only when D is the 29th, 30th or 31st of a month. Unconfirmed (U14).
    """

    C = "C"
    B = "B"


@dataclass(frozen=True)
class MonthEnd:
    """The last day of a month period under both month rules."""

    rule_c: dt.date
    rule_b: dt.date

    @property
    def differ(self) -> bool:
        return self.rule_c != self.rule_b

    def under(self, rule: MonthRule | str) -> dt.date:
        return self.rule_c if MonthRule(rule) is MonthRule.C else self.rule_b


def _add_months(day: dt.date, months: int) -> tuple[int, int, bool]:
    """(year, month) N months after ``day``'s month, and whether ``day.day`` exists there."""
    if months < 0:
        raise ValueError("a number of months cannot be negative")
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return year, month, day.day <= _calendar.monthrange(year, month)[1]


def _last_day_of(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def _check_count(count: int, what: str) -> None:
    if count < 1:
        raise ValueError(f"a period must be at least one {what} long")


def day_after(last_day: dt.date) -> dt.date:
    """DATE-8: the first day on which an act allowed only after a period may happen."""
    return last_day + _DAY


def weeks_beginning_with(day: dt.date, weeks: int) -> dt.date:
    """DATE-1: the last day of "a period of N weeks beginning with D".

    D is day 1, so the last day is D + (7N - 1) days. [L] wording; [O] inclusive reading.
    """
    _check_count(weeks, "week")
    return day + dt.timedelta(days=7 * weeks - 1)


def months_beginning_with(day: dt.date, months: int) -> MonthEnd:
    """DATE-2: the last day of "a period of N months beginning with D", under both rules.

    Rule C: the day before the corresponding date N months later; where the later month has
    no corresponding date, the last day of that month. Rule B: clamp(D + N months) - 1 day.
    [O]/[R]: which binds awaits legal sign-off (U14), so both are always computed.
    """
    _check_count(months, "month")
    year, month, exists = _add_months(day, months)
    if exists:
        last = dt.date(year, month, day.day) - _DAY
        return MonthEnd(rule_c=last, rule_b=last)
    month_end = _last_day_of(year, month)
    return MonthEnd(rule_c=month_end, rule_b=month_end - _DAY)


def years_beginning_with(day: dt.date, years: int) -> MonthEnd:
    """ "A period of N years beginning with D": N x 12 months beginning with D (DATE-2)."""
    _check_count(years, "year")
    return months_beginning_with(day, 12 * years)


def within_days_of(day: dt.date, days: int) -> dt.date:
    """DATE-3: the deadline for "within N days of X": X is excluded, so X + N days. [O]"""
    _check_count(days, "day")
    return day + dt.timedelta(days=days)


def within_weeks_of(day: dt.date, weeks: int) -> dt.date:
    """DATE-3: "within N weeks of X": X is excluded, so X + 7N days. [O]"""
    _check_count(weeks, "week")
    return within_days_of(day, 7 * weeks)


def weeks_from(day: dt.date, weeks: int) -> dt.date:
    """DATE-3: the earliest closing date "not less than N weeks from X": X + 7N days. [O]"""
    _check_count(weeks, "week")
    return day + dt.timedelta(days=7 * weeks)


def weeks_from_day_after(day: dt.date, weeks: int) -> dt.date:
    """DATE-4: "N weeks from the date immediately following X": (X + 1 day) + 7N days.

    [L] wording (Neighbourhood Planning (General) Regulations regs 6A and 9A, SI 2015/20).
    """
    _check_count(weeks, "week")
    return day_after(day) + dt.timedelta(days=7 * weeks)


def weeks_after(day: dt.date, weeks: int) -> dt.date:
    """DATE-5: the last day "before the end of N weeks after X": X is excluded, X + 7N. [O]"""
    _check_count(weeks, "week")
    return day + dt.timedelta(days=7 * weeks)


def thirteen_weeks_after(day: dt.date) -> dt.date:
    """DATE-5: "before the end of thirteen weeks after X" (ACV compensation): X + 91 days."""
    return weeks_after(day, 13)


def weeks_beginning_with_day_after(day: dt.date, weeks: int) -> dt.date:
    """ "N weeks beginning with the day after X": the day after is day 1 (DATE-1 on X + 1)."""
    return weeks_beginning_with(day_after(day), weeks)


def months_from(day: dt.date, months: int) -> dt.date:
    """ "N months from X": the corresponding date N months later (X excluded).

    Where the later month has no corresponding date, its last day. [R]: the counting
    wording for councils' own published periods (CRtC) was not seen.
    """
    _check_count(months, "month")
    year, month, exists = _add_months(day, months)
    return dt.date(year, month, day.day) if exists else _last_day_of(year, month)


def days_before(day: dt.date, days: int) -> dt.date:
    """The latest date "not fewer than N days before X": X - N days (X excluded)."""
    _check_count(days, "day")
    return day - dt.timedelta(days=days)


# --- working days -------------------------------------------------------------------------

WEEKEND = frozenset({5, 6})  # Saturday, Sunday (date.weekday())


def is_working_day(day: dt.date, holidays: HolidayCalendar) -> bool:
    """DATE-6: Monday to Friday and not a bank holiday. [R] (U12: definition not seen)."""
    return day.weekday() not in WEEKEND and not holidays.is_holiday(day)


def working_days_beginning_with(day: dt.date, count: int, holidays: HolidayCalendar) -> dt.date:
    """DATE-6: the last day of "N working days beginning with D" (D counts if it works)."""
    _check_count(count, "working day")
    current = day
    seen = 0
    while True:
        if is_working_day(current, holidays):
            seen += 1
            if seen == count:
                return current
        current += _DAY


def working_days_beginning_with_day_after(
    day: dt.date, count: int, holidays: HolidayCalendar
) -> dt.date:
    """DATE-6: "by the last day of N working days beginning with the day after X". [R]

    Used for the neighbourhood referendum (Referendums Regulations reg 2A; U12).
    """
    return working_days_beginning_with(day_after(day), count, holidays)


def next_working_day(day: dt.date, holidays: HolidayCalendar) -> dt.date:
    """DATE-7: the day itself if it is a working day, else the next working day.

    Only for time limits that roll forward (the First-tier Tribunal, believed to be GRC rule
    12 [R], U16); ACV statutory periods are calendar periods and never roll forward.
    """
    current = day
    while not is_working_day(current, holidays):
        current += _DAY
    return current
