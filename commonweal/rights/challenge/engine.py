"""The right to challenge's rules, pure (no Django): who may express an interest, what an
expression of interest must contain, the grounds for rejecting one, and its clocks.

The clocks compose the statutory calendar's primitives (commonweal.rights.calendar); this
module never adds days to dates itself. Rule IDs (CRC-xx) are the rulebook's, section 3.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from commonweal.rights.calendar import (
    MonthRule,
    day_after,
    months_beginning_with,
    months_from,
    weeks_beginning_with,
    within_days_of,
    within_weeks_of,
)


class BodyKind(StrEnum):
    """CRC-02: the relevant bodies of s.81(6)."""

    VOLUNTARY_OR_COMMUNITY = "voluntary_or_community_body"
    CHARITABLE_TRUST = "charitable_trust"
    PARISH_COUNCIL = "parish_council"
    EMPLOYEES = "employees"


BODY_LABELS = {
    BodyKind.VOLUNTARY_OR_COMMUNITY: "Voluntary or community body",
    BodyKind.CHARITABLE_TRUST: "Body or trust established for charitable purposes only",
    BodyKind.PARISH_COUNCIL: "Parish council",
    BodyKind.EMPLOYEES: "Two or more employees of the council",
}

# The directory's kinds of organisation, as relevant bodies. Businesses and public service
# providers are not (CRC-T3: a profit-distributing company may only be a sub-contractor).
KIND_TO_BODY = {
    "neighbourhood_group": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "residents_association": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "tenants_association": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "community_group": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "faith_group": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "cic": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "cooperative": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "social_enterprise": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "neighbourhood_forum": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "infrastructure": BodyKind.VOLUNTARY_OR_COMMUNITY,
    "charity": BodyKind.CHARITABLE_TRUST,
    "cio": BodyKind.CHARITABLE_TRUST,
    "parish_council": BodyKind.PARISH_COUNCIL,
}
# A company limited by shares distributes profit, unless it is a CIC (asset-locked).
PROFIT_DISTRIBUTING_FORMS = frozenset({"company_shares"})


@dataclass(frozen=True)
class BodyFinding:
    relevant: bool
    kind: BodyKind | None
    reason: str


def organisation_body(kind: str, legal_form: str = "") -> BodyFinding:
    """CRC-02: whether a directory organisation of this kind and legal form is a relevant body."""
    body = KIND_TO_BODY.get(kind)
    if body is None:
        return BodyFinding(
            False,
            None,
            "Only a voluntary or community body, a charity, a parish council or two or more of "
            "the council's employees can express an interest (Localism Act 2011 s.81(6)). A "
            "business or a public body can take part only as a sub-contractor.",
        )
    if legal_form in PROFIT_DISTRIBUTING_FORMS and kind != "cic":
        return BodyFinding(
            False,
            None,
            "A company limited by shares that can distribute profit is not a voluntary body "
            "(s.81(7)); it can take part only as a sub-contractor.",
        )
    return BodyFinding(True, body, BODY_LABELS[body])


def employees_body(names: list[str]) -> BodyFinding:
    """CRC-T1/T2: two or more employees of the authority are a relevant body; one is not."""
    named = [name.strip() for name in names if name.strip()]
    if len({name.lower() for name in named}) < 2:
        return BodyFinding(
            False,
            None,
            "An expression of interest from the council's employees needs two or more of them, "
            "each named (s.81(6)(d)). One employee on their own is not a relevant body.",
        )
    return BodyFinding(True, BodyKind.EMPLOYEES, BODY_LABELS[BodyKind.EMPLOYEES])


# CRC-03: what an expression of interest must contain. (field, label, rule, confidence)
CONTENTS = (
    (
        "service_and_area",
        "The service, and the geographical area it covers",
        "SI 2012/1313 Sch 1",
        "O",
    ),
    (
        "financial_resources",
        "Information about the body's financial resources",
        "Sch 1 para 2",
        "L",
    ),
    (
        "capability",
        "Evidence that the body will be capable of providing the service by the time of any "
        "procurement exercise",
        "Sch 1 para 3",
        "L",
    ),
    (
        "outcomes",
        "The outcomes to be achieved: how the proposal promotes social, economic or "
        "environmental well-being and meets the needs of service users",
        "Sch 1",
        "O",
    ),
)
CONSORTIUM_ITEM = (
    "consortium_details",
    "For each consortium member and sub-contractor: its financial resources and capability",
    "Sch 1 para 1",
    "L",
)
EMPLOYEES_ITEM = (
    "employee_engagement",
    "How the employees will engage other affected employees",
    "Sch 1",
    "R",
)


def required_contents(
    *, employees: bool, consortium: bool, employee_engagement_required: bool = True
) -> list[tuple[str, str, str, str]]:
    """The checklist for this expression of interest (CRC-03)."""
    items = list(CONTENTS)
    if consortium:
        items.append(CONSORTIUM_ITEM)
    if employees and employee_engagement_required:
        items.append(EMPLOYEES_ITEM)
    return items


def missing_contents(
    values: dict[str, str],
    *,
    employees: bool,
    consortium: bool,
    employee_engagement_required: bool = True,
) -> list[tuple[str, str]]:
    """(field, label) for every required item left blank, in the checklist's order."""
    items = required_contents(
        employees=employees,
        consortium=consortium,
        employee_engagement_required=employee_engagement_required,
    )
    return [(field, label) for field, label, _, _ in items if not (values.get(field) or "").strip()]


class Ground(StrEnum):
    """CRC-07: the only grounds on which an expression of interest may be rejected
    (s.83(11); SI 2012/1647; the regulation number is unconfirmed, U10)."""

    NON_COMPLIANT = "non_compliant"
    INADEQUATE = "inadequate"
    NOT_SUITABLE = "not_suitable"
    STOPPING_SERVICE = "stopping_service"
    NHS_INTEGRATED = "nhs_integrated"
    PROCUREMENT = "procurement"
    NEGOTIATIONS = "negotiations"
    EMPLOYEE_MUTUAL = "employee_mutual"
    FRIVOLOUS = "frivolous"
    BREACH = "breach"


GROUNDS = {
    Ground.NON_COMPLIANT: "It does not comply with the requirements of the Act or regulations",
    Ground.INADEQUATE: "The information in it is inadequate or inaccurate",
    Ground.NOT_SUITABLE: "The body, or a consortium member or sub-contractor, is not suitable "
    "to provide the service",
    Ground.STOPPING_SERVICE: "The council has decided in writing to stop providing the service",
    Ground.NHS_INTEGRATED: "The service's users also receive an integrated service from an NHS "
    "body, and continued integration is critical to their well-being",
    Ground.PROCUREMENT: "The service is already the subject of a procurement exercise",
    Ground.NEGOTIATIONS: "The council and a third party have entered into negotiations in "
    "writing for the provision of the service",
    Ground.EMPLOYEE_MUTUAL: "The council has published its intention to consider the service "
    "being provided by a body that two or more specified employees propose to set up",
    Ground.FRIVOLOUS: "It is frivolous or vexatious",
    Ground.BREACH: "Accepting it would be likely to lead to a breach of an enactment, another "
    "rule of law or a statutory duty",
}


# --- clocks -----------------------------------------------------------------------------


class Unit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class Wording(StrEnum):
    """How a council's own published period counts (CRC-T8, CRC-T9: unconfirmed, [R]).

    FROM: "N months from D": D excluded, the corresponding date (the rulebook's reading).
    BEGINNING_WITH: "N months beginning with D": D is day 1, the day before that.
    """

    FROM = "from"
    BEGINNING_WITH = "beginning-with"


@dataclass(frozen=True)
class Deadline:
    """A computed date with what it was computed from, for the record and the page."""

    date: dt.date
    start: dt.date
    count: int
    unit: Unit
    wording: Wording
    rule: str

    @property
    def explanation(self) -> str:
        reading = "from" if self.wording is Wording.FROM else "beginning with"
        return f"{self.count} {self.unit.value} {reading} {self.start:%-d %B %Y} ({self.rule})"


def period_end(
    start: dt.date,
    count: int,
    unit: Unit | str,
    wording: Wording | str = Wording.FROM,
    month_rule: MonthRule | str = MonthRule.C,
) -> dt.date:
    """The last day of a council-published period, by the statutory calendar's functions."""
    unit, wording = Unit(unit), Wording(wording)
    if wording is Wording.FROM:
        if unit is Unit.DAYS:
            return within_days_of(start, count)
        if unit is Unit.WEEKS:
            return within_weeks_of(start, count)
        return months_from(start, count)
    if unit is Unit.DAYS:
        return _days_beginning_with(start, count)
    if unit is Unit.WEEKS:
        return weeks_beginning_with(start, count)
    return months_beginning_with(start, count).under(month_rule)


def _days_beginning_with(start: dt.date, count: int) -> dt.date:
    # "N days beginning with D": D is day 1, so the last day is N - 1 days of D.
    return start if count == 1 else within_days_of(start, count - 1)


def decision_due(
    *,
    received: dt.date,
    window_closes: dt.date | None,
    count: int,
    unit: Unit | str,
    wording: Wording | str = Wording.FROM,
    month_rule: MonthRule | str = MonthRule.C,
) -> Deadline:
    """CRC-06 (s.84): the latest date for notifying the decision, counted from the end of the
    submission window when the council published one, otherwise from receipt (CRC-T8)."""
    start = window_closes if window_closes is not None else received
    return Deadline(
        period_end(start, count, unit, wording, month_rule),
        start,
        count,
        Unit(unit),
        Wording(wording),
        "CRC-06, s.84(1)(b)",
    )


def timetable_notice_due(
    *, received: dt.date, window_closes: dt.date | None, days: int = 30
) -> Deadline:
    """CRC-06: notify the body of when the council will decide, within 30 days of receipt or of
    the window's end (CRC-T8; the statutory source is unconfirmed, U10)."""
    start = window_closes if window_closes is not None else received
    return Deadline(
        within_days_of(start, days), start, days, Unit.DAYS, Wording.FROM, "CRC-06 (U10)"
    )


def earliest_procurement_start(
    *,
    accepted: dt.date,
    count: int,
    unit: Unit | str,
    wording: Wording | str = Wording.FROM,
    month_rule: MonthRule | str = MonthRule.C,
) -> Deadline:
    """CRC-06 (s.84(1)(a)): the first day the procurement exercise may start after the
    published minimum period from acceptance (CRC-T9: 2024-11-15 + 6 months → 2025-05-15)."""
    wording = Wording(wording)
    end = period_end(accepted, count, unit, wording, month_rule)
    # "N months from D" ends on the corresponding date, which may itself be the start; under
    # "beginning with" the period's last day must pass first.
    first = end if wording is Wording.FROM else day_after(end)
    return Deadline(first, accepted, count, Unit(unit), wording, "CRC-06, s.84(1)(a)")


def in_window(received: dt.date, opens: dt.date, closes: dt.date) -> bool:
    """CRC-05: a window is inclusive of its first and last days."""
    return opens <= received <= closes
