"""Conservative rasterisation of polygon boundaries onto the finest grid.

Every boundary segment of every area is cut into pieces no longer than half a finest cell
along either axis. Each piece's bounding box, widened by ``eps``, marks the (at most 2 x 2)
finest cells it overlaps, and records which area the boundary belongs to. The result is a
sorted array of unique keys ``cell * n_areas + area``.

The marking is conservative: any point that lies on an area's boundary maps (through the
same floating-point arithmetic the query uses, see :class:`Grid`) to a marked cell that
records that area. Over-marking is harmless; it only sends more points to the exact test.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import shapely

# Pieces are processed in batches of roughly this many, to bound temporary memory.
_BATCH_PIECES = 1 << 18


@dataclass(frozen=True)
class Grid:
    """The finest grid: ``nx`` by ``ny`` cells anchored at ``(x0, y0)``.

    A coordinate maps to a column with ``floor((x - x0) * inv_x)`` clipped to
    ``[0, nx - 1]``. Floating-point subtraction and multiplication round monotonically, so
    this mapping is monotonic in ``x``; the correctness argument relies on that alone.
    """

    x0: float
    y0: float
    x1: float
    y1: float
    nx: int
    ny: int
    inv_x: float
    inv_y: float
    eps: float

    def columns(self, x: np.ndarray) -> np.ndarray:
        col = np.floor((x - self.x0) * self.inv_x)
        return np.clip(col, 0, self.nx - 1).astype(np.int64)

    def rows(self, y: np.ndarray) -> np.ndarray:
        row = np.floor((y - self.y0) * self.inv_y)
        return np.clip(row, 0, self.ny - 1).astype(np.int64)

    def column(self, x: float) -> int:
        """Scalar twin of :meth:`columns`, with identical arithmetic."""
        return min(max(math.floor((x - self.x0) * self.inv_x), 0), self.nx - 1)

    def row(self, y: float) -> int:
        return min(max(math.floor((y - self.y0) * self.inv_y), 0), self.ny - 1)


def boundary_segments(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every ring segment of every (multi)polygon: start points, end points, owning area."""
    _, coords, offsets = shapely.to_ragged_array(geoms, include_z=False)
    # offsets[0] splits coordinates into rings, offsets[1] rings into polygons and, for
    # multipolygons, offsets[2] polygons into geometries.
    owner = np.arange(len(geoms))
    for split in reversed(offsets):
        owner = np.repeat(owner, np.diff(split))  # ends as the owner of each coordinate
    ring = np.repeat(np.arange(len(offsets[0]) - 1), np.diff(offsets[0]))
    same_ring = ring[1:] == ring[:-1]
    starts = coords[:-1][same_ring]
    ends = coords[1:][same_ring]
    return starts, ends, owner[:-1][same_ring].astype(np.int64)


def rasterise(
    grid: Grid, starts: np.ndarray, ends: np.ndarray, owner: np.ndarray, n_areas: int
) -> np.ndarray:
    """Sorted unique keys ``(row * nx + column) * n_areas + area`` of marked finest cells."""
    if len(starts) == 0:
        return np.empty(0, dtype=np.int64)
    span = np.maximum(
        np.abs(ends[:, 0] - starts[:, 0]) * grid.inv_x,
        np.abs(ends[:, 1] - starts[:, 1]) * grid.inv_y,
    )
    pieces = np.maximum(np.ceil(span * 2.0), 1).astype(np.int64)
    bounds = np.cumsum(pieces)
    # Split the segment list into batches of about _BATCH_PIECES pieces each.
    cuts = np.searchsorted(bounds, np.arange(_BATCH_PIECES, bounds[-1], _BATCH_PIECES))
    edges = [0, *np.unique(cuts + 1).tolist(), len(starts)]
    parts = []
    for lo, hi in itertools.pairwise(edges):
        if hi > lo:
            parts.append(
                _rasterise_batch(
                    grid, starts[lo:hi], ends[lo:hi], owner[lo:hi], pieces[lo:hi], n_areas
                )
            )
    return sorted_unique(np.concatenate(parts))


def _rasterise_batch(grid, starts, ends, owner, pieces, n_areas) -> np.ndarray:
    seg = np.repeat(np.arange(len(starts)), pieces)
    first = np.cumsum(pieces) - pieces
    step = np.arange(len(seg)) - first[seg]
    n = pieces[seg].astype(np.float64)
    t0 = (step / n)[:, None]
    t1 = ((step + 1) / n)[:, None]
    delta = (ends - starts)[seg]
    p = starts[seg] + delta * t0
    q = starts[seg] + delta * t1
    lo = np.minimum(p, q) - grid.eps
    hi = np.maximum(p, q) + grid.eps
    c_lo, c_hi = grid.columns(lo[:, 0]), grid.columns(hi[:, 0])
    r_lo, r_hi = grid.rows(lo[:, 1]), grid.rows(hi[:, 1])
    if (c_hi - c_lo).max(initial=0) > 1 or (r_hi - r_lo).max(initial=0) > 1:
        raise AssertionError("a boundary piece spans more than two cells")  # pragma: no cover
    area = owner[seg]
    wide, tall = c_hi != c_lo, r_hi != r_lo
    keys = np.concatenate(
        [
            _runs((r_lo * grid.nx + c_lo) * n_areas + area),
            _runs(((r_lo * grid.nx + c_hi) * n_areas + area)[wide]),
            _runs(((r_hi * grid.nx + c_lo) * n_areas + area)[tall]),
            _runs(((r_hi * grid.nx + c_hi) * n_areas + area)[wide & tall]),
        ]
    )
    return sorted_unique(keys)


def _runs(keys: np.ndarray) -> np.ndarray:
    """Drop consecutive repeats (pieces of one segment mostly share cells)."""
    if len(keys) < 2:
        return keys
    return keys[np.r_[True, keys[1:] != keys[:-1]]]


def sorted_unique(keys: np.ndarray) -> np.ndarray:
    """``np.unique`` for integer keys, by sorting (faster here than hashing)."""
    keys = np.sort(keys)
    if len(keys) < 2:
        return keys
    return keys[np.r_[True, keys[1:] != keys[:-1]]]
