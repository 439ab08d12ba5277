"""The statutory calendar: a pure engine (no Django) for community rights' deadlines.

Named functions for each statutory wording (``periods``), England and Wales bank holidays
behind a calendar object (``bank_holidays``), rule sets versioned by date (``rulesets``) and
the right to bid's disposal timeline (``acv``). See docs/rights.md.

>>> import datetime as dt
>>> weeks_beginning_with(dt.date(2024, 3, 4), 6)
datetime.date(2024, 4, 14)
>>> end = months_beginning_with(dt.date(2023, 8, 31), 6)
>>> end.rule_c, end.rule_b, end.differ
(datetime.date(2024, 2, 29), datetime.date(2024, 2, 28), True)
"""

from .acv import (
    AssessedRequest,
    BidderRequest,
    DisposalTimeline,
    InvalidTimelineInput,
    RequestOutcome,
    Unconfirmed,
    Window,
    disposal_timeline,
)
from .bank_holidays import (
    EnglandAndWalesBankHolidays,
    FixedHolidays,
    HolidayCalendar,
    england_and_wales,
)
from .periods import (
    MonthEnd,
    MonthRule,
    day_after,
    days_before,
    is_working_day,
    months_beginning_with,
    months_from,
    next_working_day,
    thirteen_weeks_after,
    weeks_after,
    weeks_beginning_with,
    weeks_beginning_with_day_after,
    weeks_from,
    weeks_from_day_after,
    within_days_of,
    within_weeks_of,
    working_days_beginning_with,
    working_days_beginning_with_day_after,
    years_beginning_with,
)
from .rulesets import ACV_2012, ACV_RULE_BOOK, BodyKind, NoRuleSet, RuleBook, RuleSet

__all__ = [
    "ACV_2012",
    "ACV_RULE_BOOK",
    "AssessedRequest",
    "BidderRequest",
    "BodyKind",
    "DisposalTimeline",
    "EnglandAndWalesBankHolidays",
    "FixedHolidays",
    "HolidayCalendar",
    "InvalidTimelineInput",
    "MonthEnd",
    "MonthRule",
    "NoRuleSet",
    "RequestOutcome",
    "RuleBook",
    "RuleSet",
    "Unconfirmed",
    "Window",
    "day_after",
    "days_before",
    "disposal_timeline",
    "england_and_wales",
    "is_working_day",
    "months_beginning_with",
    "months_from",
    "next_working_day",
    "thirteen_weeks_after",
    "weeks_after",
    "weeks_beginning_with",
    "weeks_beginning_with_day_after",
    "weeks_from",
    "weeks_from_day_after",
    "within_days_of",
    "within_weeks_of",
    "working_days_beginning_with",
    "working_days_beginning_with_day_after",
    "years_beginning_with",
]
