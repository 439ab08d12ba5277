"""The council's chosen readings of the unconfirmed rules, read from the settings.

Each has the rulebook's best reading as its default, and every page that uses one says
that it awaits legal confirmation.
"""

from dataclasses import dataclass

from django.conf import settings

AWAITS_CONFIRMATION = "This rule awaits legal confirmation."


@dataclass(frozen=True)
class Readings:
    decision_weeks: int
    designate_when_late: bool
    forum_years: int
    month_rule: str
    examiner_reading: str
    referendum_working_days: int
    combined_referendum_working_days: int
    rejected_ballots_count: bool
    make_weeks: int


def readings() -> Readings:
    return Readings(
        decision_weeks=settings.NEIGHBOURHOOD_PLANNING_DECISION_WEEKS,
        designate_when_late=settings.NEIGHBOURHOOD_PLANNING_DESIGNATE_WHEN_LATE,
        forum_years=settings.NEIGHBOURHOOD_PLANNING_FORUM_YEARS,
        month_rule=settings.RIGHTS_MONTH_RULE,
        examiner_reading=settings.NEIGHBOURHOOD_PLANNING_EXAMINER_READING,
        referendum_working_days=settings.NEIGHBOURHOOD_PLANNING_REFERENDUM_WORKING_DAYS,
        combined_referendum_working_days=(
            settings.NEIGHBOURHOOD_PLANNING_COMBINED_REFERENDUM_WORKING_DAYS
        ),
        rejected_ballots_count=settings.NEIGHBOURHOOD_PLANNING_REJECTED_BALLOTS_COUNT,
        make_weeks=settings.NEIGHBOURHOOD_PLANNING_MAKE_WEEKS,
    )
