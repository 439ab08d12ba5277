"""The provider league table: how quickly and how well providers answer, pure arithmetic.

Each report contributes one Outcome. Response time is the working days from the report
reaching the provider to its first response. "On time" is judged on the first response
clock once it is decided (met, missed, or overdue and still running). The reopen rate is
the share of answered reports that the reporter reopened at least once.
"""

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    provider: str
    sector: str
    response_days: int | None  # None: not answered yet
    on_time: bool | None  # None: the first response clock is still running, not yet due
    reopened: bool


@dataclass(frozen=True)
class Row:
    name: str
    sector: str  # the sector itself when grouping by sector
    reports: int
    answered: int
    median_days: float | None
    p90_days: float | None
    judged: int  # reports whose first response clock is decided
    on_time: int
    reopened: int

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.judged if self.judged else None

    @property
    def reopen_rate(self) -> float | None:
        return self.reopened / self.answered if self.answered else None


def percentile(values: list[int], share: float) -> float | None:
    """The nearest-rank percentile: the smallest value with at least `share` of values at or
    below it (so the 90th percentile is always a time some report actually took)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return float(ordered[rank - 1])


def _row(name: str, sector: str, outcomes: list[Outcome]) -> Row:
    days = [o.response_days for o in outcomes if o.response_days is not None]
    judged = [o for o in outcomes if o.on_time is not None]
    return Row(
        name=name,
        sector=sector,
        reports=len(outcomes),
        answered=len(days),
        median_days=float(statistics.median(days)) if days else None,
        p90_days=percentile(days, 0.9),
        judged=len(judged),
        on_time=sum(1 for o in judged if o.on_time),
        reopened=sum(1 for o in outcomes if o.reopened and o.response_days is not None),
    )


def league(outcomes: Iterable[Outcome], *, by: str = "provider") -> list[Row]:
    """One row per provider (or per sector), best on-time share first, then quickest."""
    if by not in ("provider", "sector"):
        raise ValueError("group by 'provider' or 'sector'")
    groups: dict[tuple[str, str], list[Outcome]] = {}
    for outcome in outcomes:
        key = (outcome.provider, outcome.sector) if by == "provider" else (outcome.sector, "")
        groups.setdefault(key, []).append(outcome)
    rows = [
        _row(name, sector if by == "provider" else name, items)
        for (name, sector), items in groups.items()
    ]
    return sorted(
        rows,
        key=lambda r: (
            -(r.on_time_share if r.on_time_share is not None else -1),
            r.median_days if r.median_days is not None else math.inf,
            r.name,
            r.sector,
        ),
    )
