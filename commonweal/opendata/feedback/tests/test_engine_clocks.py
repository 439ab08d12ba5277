"""The response clocks, against England and Wales bank holidays (no database)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commonweal.opendata.feedback.engine.clocks import (
    ClockState,
    Step,
    Targets,
    clocks,
    first_response,
    working_days_between,
)
from commonweal.rights.calendar import FixedHolidays, england_and_wales

D = dt.date
EW = england_and_wales()
TARGETS = Targets(acknowledge_days=2, respond_days=10)


def test_a_report_before_christmas_is_due_after_the_bank_holidays():
    # Friday 20 December 2024: 23, 24, 27 (25 and 26 are bank holidays) ...
    found = clocks([("received", D(2024, 12, 20))], TARGETS, D(2024, 12, 21), EW)
    ack, respond = found
    assert (ack.step, ack.due, ack.state) == (Step.ACKNOWLEDGE, D(2024, 12, 24), ClockState.DUE)
    # 23, 24, 27, 30, 31, 2 Jan (1 Jan is a holiday), 3, 6, 7, 8
    assert (respond.step, respond.due) == (Step.RESPOND, D(2025, 1, 8))


def test_easter_and_the_early_may_bank_holiday_do_not_count():
    # Thursday 17 April 2025; Good Friday 18 and Easter Monday 21 April are bank holidays.
    ack = clocks([("received", D(2025, 4, 17))], Targets(1, 1), D(2025, 4, 17), EW)[0]
    assert ack.due == D(2025, 4, 22)
    # Friday 2 May 2025; Monday 5 May is the early May bank holiday.
    ack = clocks([("received", D(2025, 5, 2))], Targets(1, 1), D(2025, 5, 2), EW)[0]
    assert ack.due == D(2025, 5, 6)


def test_one_off_bank_holidays_count_too():
    # The State Funeral of Queen Elizabeth II, Monday 19 September 2022.
    ack = clocks([("received", D(2022, 9, 16))], Targets(1, 5), D(2022, 9, 16), EW)[0]
    assert ack.due == D(2022, 9, 20)


def test_met_missed_and_overdue():
    history = [
        ("received", D(2024, 12, 20)),
        ("acknowledged", D(2024, 12, 27)),  # after the 24th: missed, 3 working days
        ("responded", D(2025, 1, 3)),  # before the 8th: met
    ]
    ack, respond = clocks(history, TARGETS, D(2025, 2, 1), EW)
    assert (ack.state, ack.working_days) == (ClockState.MISSED, 3)
    assert (respond.state, respond.working_days) == (ClockState.MET, 7)
    running = clocks([("received", D(2025, 1, 6))], TARGETS, D(2025, 1, 9), EW)
    assert [c.state for c in running] == [ClockState.OVERDUE, ClockState.DUE]


def test_a_response_acknowledges_and_reopening_starts_a_new_response_clock():
    history = [
        ("received", D(2025, 3, 3)),
        ("responded", D(2025, 3, 4)),
        ("reopened", D(2025, 3, 10)),
    ]
    found = clocks(history, TARGETS, D(2025, 3, 11), EW)
    assert [(c.step, c.state, c.reason) for c in found] == [
        (Step.ACKNOWLEDGE, ClockState.MET, "received"),
        (Step.RESPOND, ClockState.MET, "received"),
        (Step.RESPOND, ClockState.DUE, "reopened"),
    ]
    assert found[2].due == D(2025, 3, 24)
    assert first_response(found) is found[1]


def test_escalating_while_a_response_is_owed_keeps_the_running_clock():
    history = [("received", D(2025, 3, 3)), ("escalated", D(2025, 3, 5))]
    found = clocks(history, TARGETS, D(2025, 3, 5), EW)
    assert [c.step for c in found] == [Step.ACKNOWLEDGE, Step.RESPOND]
    assert found[1].due == D(2025, 3, 17)


def test_closing_stops_the_clocks_without_a_verdict():
    history = [("received", D(2025, 3, 3)), ("closed", D(2025, 3, 20))]
    found = clocks(history, TARGETS, D(2025, 4, 1), EW)
    assert {c.state for c in found} == {ClockState.STOPPED}
    assert all(c.on_time is None for c in found)


def test_targets_are_at_least_a_day():
    with pytest.raises(ValueError):
        Targets(0, 5)


@given(
    start=st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31)),
    days=st.integers(min_value=1, max_value=30),
)
def test_the_due_date_is_exactly_n_working_days_after_the_start(start, days):
    clock = clocks([("received", start)], Targets(days, days), start, EW)[0]
    assert working_days_between(start, clock.due, EW) == days
    assert working_days_between(start, clock.due - dt.timedelta(days=1), EW) == days - 1


@given(
    start=st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 12, 31)),
    gap=st.integers(min_value=0, max_value=60),
)
def test_a_step_is_met_when_done_by_its_due_date_and_so_within_the_target(start, gap):
    done = start + dt.timedelta(days=gap)
    clock = clocks([("received", start), ("responded", done)], TARGETS, done, EW)[1]
    assert clock.on_time == (done <= clock.due)
    if clock.working_days > TARGETS.respond_days:
        assert not clock.on_time
    if clock.on_time:
        assert clock.working_days <= TARGETS.respond_days
    # A weekend or bank holiday after the due date is late, though no working day passed.


def test_answering_on_the_saturday_after_the_due_friday_is_late():
    # Received Friday 7 March 2025; 10 working days end Friday 21 March.
    history = [("received", D(2025, 3, 7)), ("responded", D(2025, 3, 22))]
    respond = clocks(history, TARGETS, D(2025, 3, 22), EW)[1]
    assert (respond.due, respond.working_days, respond.state) == (
        D(2025, 3, 21),
        10,
        ClockState.MISSED,
    )


def test_fixed_holidays_can_stand_in_for_a_local_closure():
    closed = FixedHolidays([D(2025, 3, 4)])
    assert clocks([("received", D(2025, 3, 3))], Targets(1, 1), D(2025, 3, 3), closed)[0].due == D(
        2025, 3, 5
    )
