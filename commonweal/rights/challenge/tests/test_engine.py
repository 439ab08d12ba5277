"""The rulebook's right to challenge cases (section 3) on the pure rules."""

import datetime as dt

import pytest

from commonweal.rights.challenge import engine

D = dt.date


def test_crc_t1_three_employees_are_a_relevant_body():
    finding = engine.employees_body(["Ann Able", "Ben Baker", "Cy Cole"])
    assert finding.relevant and finding.kind is engine.BodyKind.EMPLOYEES


@pytest.mark.parametrize("names", [["Ann Able"], ["Ann Able", "ann able"], [], ["  "]])
def test_crc_t2_a_single_employee_is_not_a_relevant_body(names):
    finding = engine.employees_body(names)
    assert not finding.relevant and "two or more" in finding.reason


def test_crc_t3_a_profit_distributing_company_is_not_a_relevant_body():
    assert not engine.organisation_body("business", "company_shares").relevant
    assert not engine.organisation_body("community_group", "company_shares").relevant
    assert "sub-contractor" in engine.organisation_body("business").reason
    # A CIC limited by shares is asset-locked, so it is a voluntary or community body.
    assert engine.organisation_body("cic", "company_shares").relevant


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("charity", engine.BodyKind.CHARITABLE_TRUST),
        ("cio", engine.BodyKind.CHARITABLE_TRUST),
        ("parish_council", engine.BodyKind.PARISH_COUNCIL),
        ("residents_association", engine.BodyKind.VOLUNTARY_OR_COMMUNITY),
        ("community_group", engine.BodyKind.VOLUNTARY_OR_COMMUNITY),
    ],
)
def test_crc_02_relevant_bodies(kind, body):
    assert engine.organisation_body(kind).kind is body


def test_crc_t5_outside_the_published_window():
    assert not engine.in_window(D(2024, 10, 2), D(2024, 9, 1), D(2024, 9, 30))
    assert engine.in_window(D(2024, 9, 30), D(2024, 9, 1), D(2024, 9, 30))
    assert engine.in_window(D(2024, 9, 1), D(2024, 9, 1), D(2024, 9, 30))


def test_crc_t6_missing_financial_resources_is_listed():
    values = {
        "service_and_area": "x",
        "capability": "x",
        "outcomes": "x",
    }
    missing = engine.missing_contents(values, employees=False, consortium=False)
    assert [field for field, _ in missing] == ["financial_resources"]


def test_crc_03_consortium_and_employees_add_items():
    fields = {f for f, *_ in engine.required_contents(employees=True, consortium=True)}
    assert {"consortium_details", "employee_engagement"} <= fields
    fields = {
        f
        for f, *_ in engine.required_contents(
            employees=True, consortium=False, employee_engagement_required=False
        )
    }
    assert "employee_engagement" not in fields


def test_crc_07_exactly_the_ten_statutory_grounds():
    assert len(engine.GROUNDS) == 10
    assert "procurement exercise" in engine.GROUNDS[engine.Ground.PROCUREMENT]


def test_crc_t8_decision_due_three_months_from_the_window_close():
    due = engine.decision_due(
        received=D(2024, 9, 10), window_closes=D(2024, 9, 30), count=3, unit="months"
    )
    assert due.date == D(2024, 12, 30)
    assert due.start == D(2024, 9, 30)
    notice = engine.timetable_notice_due(received=D(2024, 9, 10), window_closes=D(2024, 9, 30))
    assert notice.date == D(2024, 10, 30)


def test_crc_t8_without_a_window_the_clock_runs_from_receipt():
    due = engine.decision_due(received=D(2024, 9, 10), window_closes=None, count=3, unit="months")
    assert due.date == D(2024, 12, 10)


def test_crc_t8_on_the_beginning_with_reading_it_is_a_day_earlier():
    due = engine.decision_due(
        received=D(2024, 9, 10),
        window_closes=D(2024, 9, 30),
        count=3,
        unit="months",
        wording="beginning-with",
    )
    assert due.date == D(2024, 12, 29)


def test_crc_t9_procurement_not_before_six_months_from_acceptance():
    start = engine.earliest_procurement_start(accepted=D(2024, 11, 15), count=6, unit="months")
    assert start.date == D(2025, 5, 15)
    # "Beginning with" the acceptance day: the period ends 2025-05-14, so the same first day.
    start = engine.earliest_procurement_start(
        accepted=D(2024, 11, 15), count=6, unit="months", wording="beginning-with"
    )
    assert start.date == D(2025, 5, 15)


@pytest.mark.parametrize(
    ("unit", "wording", "expected"),
    [
        ("days", "from", D(2024, 10, 30)),
        ("days", "beginning-with", D(2024, 10, 29)),
        ("weeks", "from", D(2024, 10, 14)),
        ("weeks", "beginning-with", D(2024, 10, 13)),
    ],
)
def test_periods_in_days_and_weeks(unit, wording, expected):
    count = 30 if unit == "days" else 2
    assert engine.period_end(D(2024, 9, 30), count, unit, wording) == expected


def test_month_end_under_both_month_rules():
    # 31 August + 6 months "beginning with": Rule C 29 Feb, Rule B 28 Feb (DATE-T4).
    assert engine.period_end(D(2023, 8, 31), 6, "months", "beginning-with", "C") == D(2024, 2, 29)
    assert engine.period_end(D(2023, 8, 31), 6, "months", "beginning-with", "B") == D(2024, 2, 28)
    # "From" 31 August: no 31 February, so the last day of February.
    assert engine.period_end(D(2023, 8, 31), 6, "months", "from") == D(2024, 2, 29)
