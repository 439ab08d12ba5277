"""Deprivation for areas larger than an LSOA: population-weighted aggregation.

Pure arithmetic, no Django. The Indices of Deprivation rank every LSOA in England
(1 = most deprived). A larger area's figure here is the population-weighted mean of its
LSOAs' ranks (and, where published, scores); its decile is the national decile in which
that mean rank falls. The share of its population living in LSOAs in the most deprived
national decile is given too, because an average can hide pockets of deep deprivation.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SmallAreaFigure:
    """One LSOA's figure on one domain, and the weight (population) it carries."""

    weight: float
    rank: int
    decile: int
    score: float | None = None


@dataclass(frozen=True)
class AggregateFigure:
    mean_rank: float
    decile: int
    mean_score: float | None
    share_most_deprived: float  # 0..1 of the weight in national decile 1
    weight: float
    count: int


def decile_for_rank(rank: float, national_count: int) -> int:
    """The national decile (1 = most deprived tenth) in which a rank falls."""
    if national_count <= 0:
        raise ValueError("national_count must be positive")
    if not 1 <= rank <= national_count:
        raise ValueError(f"rank {rank} is outside 1 to {national_count}")
    return min(10, math.floor((rank - 1) * 10 / national_count) + 1)


def aggregate(figures: Sequence[SmallAreaFigure], national_count: int) -> AggregateFigure | None:
    """Population-weighted mean rank (and score) of some LSOAs; None if there are none.

    If no figure carries any weight (populations unknown), every LSOA counts equally.
    """
    figures = [figure for figure in figures if figure.weight >= 0]
    if not figures:
        return None
    total = math.fsum(figure.weight for figure in figures)
    if total <= 0:
        figures = [
            SmallAreaFigure(1.0, figure.rank, figure.decile, figure.score) for figure in figures
        ]
        total = float(len(figures))
    mean_rank = math.fsum(figure.weight * figure.rank for figure in figures) / total
    scored = [figure for figure in figures if figure.score is not None]
    mean_score = None
    if scored and len(scored) == len(figures):
        mean_score = math.fsum(figure.weight * figure.score for figure in scored) / total
    share = math.fsum(figure.weight for figure in figures if figure.decile == 1) / total
    return AggregateFigure(
        mean_rank=mean_rank,
        decile=decile_for_rank(mean_rank, national_count),
        mean_score=mean_score,
        share_most_deprived=share,
        weight=total,
        count=len(figures),
    )
