"""The rulebook's worked date cases (section 1 and the rights' own cases), one test each.

Pure: no database. Each test id is the rulebook's case id.
"""

import datetime as dt

import pytest

from commonweal.rights.calendar import (
    FixedHolidays,
    MonthRule,
    day_after,
    days_before,
    england_and_wales,
    is_working_day,
    months_beginning_with,
    months_from,
    next_working_day,
    thirteen_weeks_after,
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

D = dt.date.fromisoformat


def case(case_id, actual, expected):
    return pytest.param(actual, expected, id=case_id)


# Single-answer cases: (id, computed, expected).
SINGLE = [
    case("DATE-T1", lambda: weeks_beginning_with(D("2024-03-04"), 6), "2024-04-14"),
    case("DATE-T6", lambda: within_days_of(D("2024-10-14"), 28), "2024-11-11"),
    case("DATE-T7", lambda: thirteen_weeks_after(D("2017-06-29")), "2017-09-28"),
    case("DATE-T8", lambda: weeks_from_day_after(D("2024-01-08"), 13), "2024-04-09"),
    case("ACV-T13", lambda: weeks_beginning_with(D("2024-06-10"), 8), "2024-08-04"),
    case("ACV-T13-alternative", lambda: within_weeks_of(D("2024-06-10"), 8), "2024-08-05"),
    case("ACV-T14", lambda: weeks_beginning_with(D("2024-07-01"), 8), "2024-08-25"),
    case("ACV-T15", lambda: weeks_beginning_with(D("2024-08-20"), 8), "2024-10-14"),
    case("ACV-T16", lambda: within_days_of(D("2024-10-14"), 28), "2024-11-11"),
    case("ACV-T38", lambda: thirteen_weeks_after(D("2017-06-29")), "2017-09-28"),
    case("ACV-T38-from-review", lambda: thirteen_weeks_after(D("2017-10-05")), "2018-01-04"),
    case("ACV-T39", lambda: thirteen_weeks_after(D("2024-09-03")), "2024-12-03"),
    case("ACV-T40", lambda: weeks_beginning_with(D("2024-11-01"), 8), "2024-12-26"),
    case("CRC-T8-decision", lambda: months_from(D("2024-09-30"), 3), "2024-12-30"),
    case("CRC-T8-timetable-notice", lambda: within_days_of(D("2024-09-30"), 30), "2024-10-30"),
    case("CRC-T9", lambda: months_from(D("2024-11-15"), 6), "2025-05-15"),
    case("NP-T1-closing", lambda: weeks_from(D("2024-01-08"), 6), "2024-02-19"),
    case("NP-T1-decision", lambda: weeks_from_day_after(D("2024-01-08"), 13), "2024-04-09"),
    case("NP-T2", lambda: weeks_from_day_after(D("2024-01-08"), 20), "2024-05-28"),
    case("NP-T9-closing", lambda: weeks_from(D("2024-01-08"), 6), "2024-02-19"),
    case("NP-T9-decision", lambda: weeks_from_day_after(D("2024-01-08"), 13), "2024-04-09"),
    case("NP-T10", lambda: weeks_from(D("2024-06-03"), 6), "2024-07-15"),
    case("NP-T11", lambda: within_weeks_of(D("2024-06-03"), 5), "2024-07-08"),
    case("NP-T11-beginning-with", lambda: weeks_beginning_with(D("2024-06-03"), 5), "2024-07-07"),
    case("NP-T13", lambda: days_before(D("2024-05-02"), 28), "2024-04-04"),
    case("NP-T13-business", lambda: days_before(D("2024-05-02"), 56), "2024-03-07"),
    case("NP-T15", lambda: weeks_beginning_with_day_after(D("2024-05-02"), 8), "2024-06-27"),
    # Section 7, the end-to-end scenario's clocks.
    case("S7-1-decision", lambda: weeks_beginning_with(D("2024-01-15"), 8), "2024-03-10"),
    case("S7-1-alternative", lambda: within_weeks_of(D("2024-01-15"), 8), "2024-03-11"),
    case("S7-3-review-request", lambda: weeks_beginning_with(D("2024-03-08"), 8), "2024-05-02"),
    case("S7-4-review-decision", lambda: weeks_beginning_with(D("2024-04-02"), 8), "2024-05-27"),
    case("S7-4-appeal", lambda: within_days_of(D("2024-05-20"), 28), "2024-06-17"),
    case("S7-5-interim", lambda: weeks_beginning_with(D("2024-07-01"), 6), "2024-08-11"),
    case("S7-9-compensation", lambda: thirteen_weeks_after(D("2024-12-31")), "2025-04-01"),
]


@pytest.mark.parametrize(("compute", "expected"), SINGLE)
def test_worked_case(compute, expected):
    assert compute() == D(expected)


# Month periods: (id, start, months, Rule C last day, Rule B last day).
MONTHS = [
    ("DATE-T2", "2024-03-04", 6, "2024-09-03", "2024-09-03"),
    ("DATE-T3", "2023-03-01", 6, "2023-08-31", "2023-08-31"),
    ("DATE-T4", "2023-08-31", 6, "2024-02-29", "2024-02-28"),
    ("DATE-T5", "2024-02-29", 60, "2029-02-28", "2029-02-27"),
    ("ACV-T1", "2024-05-15", 60, "2029-05-14", "2029-05-14"),
    ("ACV-T2", "2024-03-04", 60, "2029-03-03", "2029-03-03"),
    ("ACV-T3", "2024-02-29", 60, "2029-02-28", "2029-02-27"),
    ("NP-T8", "2019-03-15", 60, "2024-03-14", "2024-03-14"),
    ("S7-2-listing", "2024-03-04", 60, "2029-03-03", "2029-03-03"),
    ("S7-5-full", "2024-07-01", 6, "2024-12-31", "2024-12-31"),
    ("S7-5-protected", "2024-07-01", 18, "2025-12-31", "2025-12-31"),
]


@pytest.mark.parametrize(
    ("start", "months", "rule_c", "rule_b"),
    [pytest.param(*row[1:], id=row[0]) for row in MONTHS],
)
def test_month_period_under_both_rules(start, months, rule_c, rule_b):
    end = months_beginning_with(D(start), months)
    assert (end.rule_c, end.rule_b) == (D(rule_c), D(rule_b))
    assert end.differ is (rule_c != rule_b)
    assert end.under(MonthRule.C) == D(rule_c) and end.under("B") == D(rule_b)


def test_five_years_is_sixty_months():
    assert years_beginning_with(D("2024-02-29"), 5) == months_beginning_with(D("2024-02-29"), 60)


def test_the_rejected_rule_is_not_used():
    # "(D - 1 day) + N months" would give 2023-08-28 for DATE-T3.
    assert months_beginning_with(D("2023-03-01"), 6).rule_c != D("2023-08-28")


def test_acv_t4_listing_lapses_before_a_renomination_is_decided():
    last_listed = years_beginning_with(D("2024-03-04"), 5).rule_c
    assert last_listed == D("2029-03-03")
    assert day_after(last_listed) == D("2029-03-04")  # not listed from this day


def test_crc_t5_an_eoi_outside_the_published_window():
    from commonweal.rights.calendar import Window

    window = Window(D("2024-09-01"), D("2024-09-30"))
    assert not window.contains(D("2024-10-02")) and window.contains(D("2024-09-30"))


@pytest.mark.parametrize(
    ("count", "expected"),
    [pytest.param(56, "2024-09-03", id="NP-T12"), pytest.param(84, "2024-10-11", id="NP-T12-84")],
)
def test_np_t12_referendum_working_days(count, expected):
    published = D("2024-06-14")
    assert working_days_beginning_with_day_after(published, count, england_and_wales()) == D(
        expected
    )


def test_np_t12_counts_the_late_summer_bank_holiday():
    # Without the 26 August 2024 bank holiday the 56th working day would be a day earlier.
    no_holidays = FixedHolidays()
    assert working_days_beginning_with_day_after(D("2024-06-14"), 56, no_holidays) == D(
        "2024-09-02"
    )


@pytest.mark.parametrize(
    ("day", "name"),
    [
        ("2024-08-26", "Late Summer Bank Holiday"),
        ("2022-09-19", "State Funeral of Queen Elizabeth II"),
        ("2023-05-08", "Coronation of Charles III"),
        ("2020-05-08", "May Day"),  # moved from Monday 4 May for VE Day
        ("2021-12-28", "Boxing Day (observed)"),
    ],
)
def test_england_and_wales_bank_holidays_come_from_the_maintained_source(day, name):
    holidays = england_and_wales()
    assert holidays.is_holiday(D(day))
    assert holidays.name(D(day)) == name


def test_scottish_and_northern_irish_holidays_are_not_counted():
    holidays = england_and_wales()
    assert not holidays.is_holiday(D("2024-01-02"))  # Scotland only
    assert not holidays.is_holiday(D("2024-03-18"))  # St Patrick's Day (observed), NI only
    assert not holidays.is_holiday(D("2024-08-05"))  # Scottish summer bank holiday
    assert not holidays.is_holiday(D("2020-05-04"))  # the 2020 May Day moved to VE Day


def test_tribunal_deadlines_roll_forward_and_calendar_periods_do_not():
    holidays = england_and_wales()
    # ACV-T2's last day is a Saturday: a calendar period, no roll-forward.
    assert years_beginning_with(D("2024-03-04"), 5).rule_c.weekday() == 5
    # A tribunal deadline on Christmas Day 2026 (a Friday) moves to Tuesday 29 December.
    assert next_working_day(D("2026-12-25"), holidays) == D("2026-12-29")
    assert next_working_day(D("2024-11-11"), holidays) == D("2024-11-11")


def test_working_days_beginning_with_counts_the_first_day_when_it_works():
    holidays = FixedHolidays({D("2024-12-25"): "Christmas Day"})
    assert working_days_beginning_with(D("2024-12-23"), 1, holidays) == D("2024-12-23")
    assert working_days_beginning_with(D("2024-12-23"), 3, holidays) == D("2024-12-26")
    assert not is_working_day(D("2024-12-25"), holidays)


@pytest.mark.parametrize(
    "call",
    [
        lambda: weeks_beginning_with(D("2024-01-01"), 0),
        lambda: months_beginning_with(D("2024-01-01"), 0),
        lambda: within_days_of(D("2024-01-01"), -1),
        lambda: working_days_beginning_with(D("2024-01-01"), 0, FixedHolidays()),
    ],
)
def test_a_period_must_have_a_length(call):
    with pytest.raises(ValueError):
        call()
