"""Exact point-in-area tests, vectorised over many points at once.

Both helpers return, for each point, the smallest area index among the areas that cover the
point (interior or boundary), or -1 if none does. Area indices follow key order, so the
smallest index is the lexicographically smallest key.
"""

from __future__ import annotations

import numpy as np
import shapely


def first_cover(
    geoms: np.ndarray,
    starts: np.ndarray,
    counts: np.ndarray,
    candidates: np.ndarray,
    xs: np.ndarray,
    ys: np.ndarray,
) -> np.ndarray:
    """Test each point against its own ascending candidate list; the first hit wins.

    Point ``i`` has candidates ``candidates[starts[i] : starts[i] + counts[i]]``, in ascending
    order. Candidates are tested rank by rank for all still-unresolved points together, so a
    point stops being tested as soon as one candidate covers it.
    """
    out = np.full(len(xs), -1, dtype=np.int64)
    pending = np.flatnonzero(counts > 0)
    rank = 0
    while pending.size:
        area = candidates[starts[pending] + rank]
        hit = shapely.intersects_xy(geoms[area], xs[pending], ys[pending])
        out[pending[hit]] = area[hit]
        pending = pending[~hit]
        rank += 1
        pending = pending[counts[pending] > rank]
    return out


def min_cover_tree(
    tree: shapely.STRtree,
    xs: np.ndarray,
    ys: np.ndarray,
    excluded: np.ndarray | None = None,
    point_codes: np.ndarray | None = None,
    n_areas: int = 0,
) -> np.ndarray:
    """The smallest covering area of each point, found through the STRtree.

    If ``excluded`` is given (sorted keys ``code * n_areas + area``), pairs whose key
    ``point_codes[i] * n_areas + area`` is in it are ignored.
    """
    out = np.full(len(xs), -1, dtype=np.int64)
    if len(xs) == 0:
        return out
    point_idx, area = tree.query(shapely.points(xs, ys), predicate="intersects")
    if excluded is not None and len(excluded) and len(area):
        keys = point_codes[point_idx] * n_areas + area
        pos = np.searchsorted(excluded, keys)
        pos[pos == len(excluded)] = 0
        keep = excluded[pos] != keys
        point_idx, area = point_idx[keep], area[keep]
    if len(area):
        big = np.iinfo(np.int64).max
        best = np.full(len(xs), big, dtype=np.int64)
        np.minimum.at(best, point_idx, area)
        found = best != big
        out[found] = best[found]
    return out
