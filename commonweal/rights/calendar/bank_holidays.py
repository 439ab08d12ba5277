"""Bank holidays in England and Wales, from a maintained source.

The engine never knows where holidays come from: every working-day function takes a
``HolidayCalendar`` (anything with ``is_holiday(day)`` and ``name(day)``). The default is
``EnglandAndWalesBankHolidays``, which reads the ``holidays`` package (subdivision "ENG",
England; Wales has the same bank holidays). Tests may pass a ``FixedHolidays`` instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Protocol

import holidays as holidays_package


class HolidayCalendar(Protocol):
    def is_holiday(self, day: dt.date) -> bool: ...

    def name(self, day: dt.date) -> str | None: ...


class FixedHolidays:
    """A calendar holding exactly the days given (for tests and for local closures)."""

    def __init__(self, days: Mapping[dt.date, str] | Iterable[dt.date] = ()):
        if isinstance(days, Mapping):
            self._days = dict(days)
        else:
            self._days = {day: "holiday" for day in days}

    def is_holiday(self, day: dt.date) -> bool:
        return day in self._days

    def name(self, day: dt.date) -> str | None:
        return self._days.get(day)


class EnglandAndWalesBankHolidays:
    """Bank holidays in England and Wales, as published in the ``holidays`` package.

    Includes one-off bank holidays (for example the State Funeral of Queen Elizabeth II on
    19 September 2022 and the Coronation on 8 May 2023) and substitute days.
    """

    source = f"holidays {holidays_package.__version__} (GB, subdivision ENG)"

    def __init__(self) -> None:
        self._calendar = holidays_package.country_holidays("GB", subdiv="ENG")

    def is_holiday(self, day: dt.date) -> bool:
        return day in self._calendar

    def name(self, day: dt.date) -> str | None:
        return self._calendar.get(day)


_DEFAULT: EnglandAndWalesBankHolidays | None = None


def england_and_wales() -> EnglandAndWalesBankHolidays:
    """The shared England and Wales calendar (built once; it fills itself year by year)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = EnglandAndWalesBankHolidays()
    return _DEFAULT
