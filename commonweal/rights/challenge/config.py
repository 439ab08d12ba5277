"""The council's settings for the readings the rulebook marks unconfirmed ([R]); the pages
and the API list them as awaiting legal confirmation."""

from dataclasses import dataclass

from django.conf import settings


def wording() -> str:
    return getattr(settings, "RIGHTS_CHALLENGE_PERIOD_WORDING", "from")


def month_rule() -> str:
    return getattr(settings, "RIGHTS_MONTH_RULE", "C")


def notice_days() -> int:
    return getattr(settings, "RIGHTS_CHALLENGE_TIMETABLE_NOTICE_DAYS", 30)


def refuse_outside_window() -> bool:
    return getattr(settings, "RIGHTS_CHALLENGE_REFUSE_OUTSIDE_WINDOW", True)


def employee_engagement_required() -> bool:
    return getattr(settings, "RIGHTS_CHALLENGE_EMPLOYEE_ENGAGEMENT_REQUIRED", True)


@dataclass(frozen=True)
class Unconfirmed:
    code: str
    summary: str
    setting: str
    value: str


def unconfirmed() -> list[Unconfirmed]:
    """Every unconfirmed reading the right to challenge uses, with the council's choice."""
    return [
        Unconfirmed(
            "U10",
            "Expressions of interest received outside a published window are refused "
            "(believed allowed by s.82(3)).",
            "RIGHTS_CHALLENGE_REFUSE_OUTSIDE_WINDOW",
            "yes" if refuse_outside_window() else "no",
        ),
        Unconfirmed(
            "U10",
            "The body is told when the council will decide within this many days of receipt, "
            "or of the window's end (the statutory source was not found).",
            "RIGHTS_CHALLENGE_TIMETABLE_NOTICE_DAYS",
            str(notice_days()),
        ),
        Unconfirmed(
            "CRC-T8",
            "The council's published periods count “from” the date (the corresponding date "
            "later), rather than “beginning with” it.",
            "RIGHTS_CHALLENGE_PERIOD_WORDING",
            wording(),
        ),
        Unconfirmed(
            "CRC-03",
            "Two or more employees must say how they will engage other affected employees.",
            "RIGHTS_CHALLENGE_EMPLOYEE_ENGAGEMENT_REQUIRED",
            "yes" if employee_engagement_required() else "no",
        ),
        Unconfirmed(
            "U10",
            "The grounds for rejection are those of SI 2012/1647, as councils list them; the "
            "regulation's number was not seen.",
            "",
            "",
        ),
    ]
