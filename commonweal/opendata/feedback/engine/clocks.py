"""Response clocks: each step a provider owes has a due date in working days.

A report reaching its provider (on the day it was raised, or on the day the council routed
it from triage) starts two clocks: acknowledge within N working days, respond within M.
Reopening or escalating a report that has been answered starts a new response clock of M
working days. A clock stops when the step is done: met if on or before the due date, missed
if after; a running clock is due, or overdue once its due date has passed. A report closed
by its reporter stops its running clocks without a verdict.

An escalated report also has the council's own clock (escalation_clocks): from the day it
was escalated, N working days for the next response, whoever gives it (the provider, or the
council officer who took the escalation); closing it first stops the clock without a verdict.

Days are counted as "N working days beginning with the day after" the start, the wording
and arithmetic of the statutory calendar, with England and Wales bank holidays.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from commonweal.rights.calendar.bank_holidays import HolidayCalendar
from commonweal.rights.calendar.periods import (
    is_working_day,
    working_days_beginning_with_day_after,
)

from .machine import Status


@dataclass(frozen=True)
class Targets:
    acknowledge_days: int
    respond_days: int

    def __post_init__(self):
        if self.acknowledge_days < 1 or self.respond_days < 1:
            raise ValueError("targets are at least one working day")


class Step(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    RESPOND = "respond"
    ESCALATION = "escalation"  # the council settling an escalated report (its own clock)


class ClockState(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    MET = "met"
    MISSED = "missed"
    STOPPED = "stopped"  # the reporter closed the report first


@dataclass(frozen=True)
class Clock:
    step: Step
    started: dt.date
    due: dt.date
    stopped: dt.date | None
    state: ClockState
    # Working days from the start to the step being done (None while running).
    working_days: int | None
    # Why this clock started: "received", "reopened" or "escalated".
    reason: str

    @property
    def decided(self) -> bool:
        return self.state in (ClockState.MET, ClockState.MISSED, ClockState.OVERDUE)

    @property
    def on_time(self) -> bool | None:
        if self.state is ClockState.MET:
            return True
        if self.state in (ClockState.MISSED, ClockState.OVERDUE):
            return False
        return None


def working_days_between(start: dt.date, end: dt.date, holidays: HolidayCalendar) -> int:
    """Working days after `start` up to and including `end` (0 for the same day)."""
    if end <= start:
        return 0
    count, day = 0, start + dt.timedelta(days=1)
    while day <= end:
        count += is_working_day(day, holidays)
        day += dt.timedelta(days=1)
    return count


def _state(due: dt.date, stopped: dt.date | None, today: dt.date) -> ClockState:
    if stopped is not None:
        return ClockState.MET if stopped <= due else ClockState.MISSED
    return ClockState.OVERDUE if today > due else ClockState.DUE


def clocks(
    history: Sequence[tuple[str, dt.date]],
    targets: Targets,
    today: dt.date,
    holidays: HolidayCalendar,
) -> list[Clock]:
    """Every clock in a report's history of (status, date) changes, oldest first."""
    done: list[Clock] = []
    running: dict[Step, tuple[dt.date, dt.date, str]] = {}

    def start(step: Step, day: dt.date, reason: str) -> None:
        if step in running:
            return  # an earlier clock for the same step is still running: it still binds
        days = targets.acknowledge_days if step is Step.ACKNOWLEDGE else targets.respond_days
        running[step] = (day, working_days_beginning_with_day_after(day, days, holidays), reason)

    def stop(step: Step, day: dt.date, *, verdict: bool = True) -> None:
        if step not in running:
            return
        began, due, reason = running.pop(step)
        state = _state(due, day, today) if verdict else ClockState.STOPPED
        taken = working_days_between(began, day, holidays)
        done.append(Clock(step, began, due, day, state, taken, reason))

    for raw, day in history:
        status = Status(raw)
        if status is Status.RECEIVED:
            start(Step.ACKNOWLEDGE, day, "received")
            start(Step.RESPOND, day, "received")
        elif status is Status.ACKNOWLEDGED:
            stop(Step.ACKNOWLEDGE, day)
        elif status is Status.RESPONDED:
            stop(Step.ACKNOWLEDGE, day)  # a response acknowledges too
            stop(Step.RESPOND, day)
        elif status in (Status.REOPENED, Status.ESCALATED):
            start(Step.RESPOND, day, status.value)
        elif status is Status.CLOSED:
            for step in list(running):
                stop(step, day, verdict=False)
    for step, (began, due, reason) in running.items():
        done.append(Clock(step, began, due, None, _state(due, None, today), None, reason))
    return sorted(done, key=lambda c: (c.started, c.step != Step.ACKNOWLEDGE, c.due))


def first_response(all_clocks: Sequence[Clock]) -> Clock | None:
    """The clock for the provider's first response (the one the league table measures)."""
    return next((c for c in all_clocks if c.step is Step.RESPOND), None)


def escalation_clocks(
    history: Sequence[tuple[str, dt.date]],
    days: int,
    today: dt.date,
    holidays: HolidayCalendar,
) -> list[Clock]:
    """The council's clock for each escalation in a report's history, oldest first."""
    if days < 1:
        raise ValueError("targets are at least one working day")
    done: list[Clock] = []
    running: tuple[dt.date, dt.date] | None = None
    for raw, day in history:
        status = Status(raw)
        if status is Status.ESCALATED and running is None:
            running = (day, working_days_beginning_with_day_after(day, days, holidays))
        elif status in (Status.RESPONDED, Status.CLOSED) and running is not None:
            began, due = running
            state = _state(due, day, today) if status is Status.RESPONDED else ClockState.STOPPED
            taken = working_days_between(began, day, holidays)
            done.append(Clock(Step.ESCALATION, began, due, day, state, taken, "escalated"))
            running = None
    if running is not None:
        began, due = running
        done.append(
            Clock(Step.ESCALATION, began, due, None, _state(due, None, today), None, "escalated")
        )
    return done
