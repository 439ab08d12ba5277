"""Build the cell hierarchy behind :class:`~commonweal.places.spatial.index.AreaIndex`.

Level 0 is a dense grid over the bounding box of all areas. Every cell that an area boundary
touches ("marked") is split into 2 x 2 children, down to ``depth`` levels; the cells of the
deepest level are the leaves. A cell that no boundary touches has one answer for every point
in it (the set of areas covering it cannot change without crossing a boundary), found by
testing the cell's centre. A marked leaf keeps a short candidate list for the exact test.

Each level is a flat ``int32`` array of codes:

* ``code >= 0``: no boundary crosses the cell, and ``code`` is the smallest area covering
  it, so every point in it has that answer with no exact test.
* ``code == -1``: no area covers any point of the cell.
* ``code <= -2``: the cell is marked. Above the leaf level its four children are at
  ``4 * (-2 - code) + 2 * row_bit + column_bit`` in the next level's array; at the leaf
  level, ``-2 - code`` is the leaf's number in the candidate lists.

For a marked cell ``c`` with boundary areas ``B(c)``, the areas that cover ``c`` entirely
without a boundary in it, ``W(c)``, matter only through their minimum ``w(c)``: a point's
answer is the smallest of ``w(c)`` and the areas in ``B(c)`` that cover it. ``w`` is
inherited downwards: ``w(child)`` is the smallest of ``w(parent)`` and the areas of
``B(parent)`` not in ``B(child)`` that cover the child's centre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from ._exact import first_cover, min_cover_tree
from ._raster import Grid, boundary_segments, rasterise, sorted_unique

# Above this many candidates a centre is located through the STRtree instead of one by one.
_TREE_THRESHOLD = 8
# Marked cells are split in batches of this many, to bound temporary memory.
_BATCH_PARENTS = 1 << 15


@dataclass(frozen=True)
class Levels:
    grid: Grid
    depth: int
    n0x: int
    n0y: int
    codes: tuple[np.ndarray, ...]
    leaf_ptr: np.ndarray
    leaf_candidates: np.ndarray
    leaf_default: np.ndarray

    @property
    def nbytes(self) -> int:
        arrays = (*self.codes, self.leaf_ptr, self.leaf_candidates, self.leaf_default)
        return sum(a.nbytes for a in arrays)


def plan_grid(bounds, n_areas: int, cells_per_area: float, depth: int) -> tuple[Grid, int, int]:
    """Choose the level-0 grid and the depth, then describe the finest grid."""
    x0, y0, x1, y1 = (float(v) for v in bounds)
    width, height = x1 - x0, y1 - y0
    eps = 1e-10 * max(1.0, abs(x0), abs(x1), abs(y0), abs(y1))
    target = min(max(cells_per_area * n_areas, 1.0), float(1 << 20))
    # Longitude/latitude (as the bounds suggest): make cells square on the ground.
    looks_geographic = -180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90
    aspect = max(math.cos(math.radians((y0 + y1) / 2)), 0.01) if looks_geographic else 1.0
    size = math.sqrt(width * height * aspect / target) if width > 0 and height > 0 else 0.0
    n0x = max(1, round(width * aspect / size)) if size > 0 else 1
    n0y = max(1, round(height / size)) if size > 0 else 1
    # Finest cells must stay far larger than eps, so that a boundary piece of half a cell,
    # widened by eps, never spans more than two cells.
    max_x = max(1, math.floor(width / (100 * eps)))
    max_y = max(1, math.floor(height / (100 * eps)))
    n0x, n0y = min(n0x, max_x), min(n0y, max_y)
    while depth > 0 and ((n0x << depth) > max_x or (n0y << depth) > max_y):
        depth -= 1
    # Keys (cell * n_areas + area) must fit comfortably in int64.
    while depth > 0 and (n0x << depth) * (n0y << depth) * max(n_areas, 1) >= 1 << 62:
        depth -= 1
    nx, ny = n0x << depth, n0y << depth
    grid = Grid(
        x0=x0,
        y0=y0,
        x1=x1,
        y1=y1,
        nx=nx,
        ny=ny,
        inv_x=nx / width if width > 0 else 0.0,
        inv_y=ny / height if height > 0 else 0.0,
        eps=eps,
    )
    return grid, n0x, depth


def build_levels(
    geoms: np.ndarray, tree: shapely.STRtree, cells_per_area: float, depth: int
) -> Levels:
    n = len(geoms)
    grid, n0x, depth = plan_grid(shapely.total_bounds(geoms), n, cells_per_area, depth)
    n0y = grid.ny >> depth
    starts, ends, owner = boundary_segments(geoms)
    keys = [rasterise(grid, starts, ends, owner, n)]
    del starts, ends, owner
    for level in range(depth, 0, -1):
        keys.append(_coarsen(keys[-1], n, n0x << level))
    keys.reverse()  # keys[level] now holds the (cell, area) pairs of that level

    def centres(cols, rows, level):
        span = float(1 << (depth - level))
        xs = grid.x0 + (cols + 0.5) * span / grid.inv_x
        ys = grid.y0 + (rows + 0.5) * span / grid.inv_y
        return xs, ys

    # Level 0: every cell, located through the tree at its centre.
    cells = np.arange(n0x * n0y, dtype=np.int64)
    xs, ys = centres(cells % n0x, cells // n0x, 0)
    answer = min_cover_tree(tree, xs, ys, keys[0], cells, n)
    marked, ptr, areas = _csr(keys[0], n)
    codes = [_codes(answer, marked)]
    inherited = answer[marked]  # w(c) of each marked cell, -1 for none

    for level in range(depth):
        child_keys = keys[level + 1]
        child_marked, child_ptr, child_areas = _csr(child_keys, n)
        code = np.empty(4 * len(marked), dtype=np.int32)
        child_inherited = np.full(len(child_marked), -1, dtype=np.int64)
        for lo in range(0, len(marked), _BATCH_PARENTS):
            parent = np.repeat(np.arange(lo, min(lo + _BATCH_PARENTS, len(marked))), 4)
            local = np.tile(np.arange(4), len(parent) // 4)
            nx = n0x << level
            cols = (marked[parent] % nx) * 2 + (local & 1)
            rows = (marked[parent] // nx) * 2 + (local >> 1)
            child = rows * (nx << 1) + cols
            xs, ys = centres(cols, rows, level + 1)
            answer = _child_answers(
                geoms, tree, child_keys, n, parent, child, xs, ys, ptr, areas, inherited
            )
            rank = np.searchsorted(child_marked, child)
            is_marked = rank < len(child_marked)
            is_marked[is_marked] = child_marked[rank[is_marked]] == child[is_marked]
            part = np.where(answer >= 0, answer, -1)
            part[is_marked] = -2 - rank[is_marked]
            code[4 * lo : 4 * lo + len(parent)] = part
            child_inherited[rank[is_marked]] = answer[is_marked]
        codes.append(code)
        keys[level] = None  # no longer needed: free it before the next, larger level
        marked, ptr, areas, inherited = child_marked, child_ptr, child_areas, child_inherited

    # Leaves: keep the boundary areas that could beat the inherited default.
    counts = np.diff(ptr)
    owner_leaf = np.repeat(np.arange(len(marked)), counts)
    limit = np.where(inherited >= 0, inherited, n)
    keep = areas < limit[owner_leaf]
    leaf_candidates = areas[keep].astype(np.int32)
    leaf_ptr = np.zeros(len(marked) + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner_leaf[keep], minlength=len(marked)), out=leaf_ptr[1:])
    return Levels(
        grid=grid,
        depth=depth,
        n0x=n0x,
        n0y=n0y,
        codes=tuple(codes),
        leaf_ptr=leaf_ptr,
        leaf_candidates=leaf_candidates,
        leaf_default=inherited.astype(np.int32),
    )


def _coarsen(keys: np.ndarray, n: int, nx: int) -> np.ndarray:
    """(cell, area) keys of one level, from those of the level below (``nx`` columns)."""
    cell, area = np.divmod(keys, n)
    row, col = np.divmod(cell, nx)
    return sorted_unique(((row >> 1) * (nx >> 1) + (col >> 1)) * n + area)


def _csr(keys: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Marked cells (sorted) and their boundary areas (ascending) as compressed rows."""
    cell, area = np.divmod(keys, n)
    first = np.flatnonzero(np.r_[True, cell[1:] != cell[:-1]]) if len(cell) else np.arange(0)
    ptr = np.r_[first, len(cell)].astype(np.int64)
    return cell[first], ptr, area


def _codes(answer: np.ndarray, marked: np.ndarray) -> np.ndarray:
    code = np.where(answer >= 0, answer, -1)
    code[marked] = -2 - np.arange(len(marked))
    return code.astype(np.int32)


def _child_answers(geoms, tree, child_keys, n, parent, child, xs, ys, ptr, areas, inherited):
    """w(child) for marked children, the cell's answer for unmarked ones (-1 for none)."""
    counts = ptr[parent + 1] - ptr[parent]
    pair_child = np.repeat(np.arange(len(child)), counts)
    first = np.cumsum(counts) - counts
    offset = np.arange(len(pair_child)) - first[pair_child]
    pair_area = areas[ptr[parent[pair_child]] + offset]
    limit = np.where(inherited >= 0, inherited, n)
    keep = pair_area < limit[parent[pair_child]]
    if len(child_keys):
        pair_key = child[pair_child] * n + pair_area
        pos = np.searchsorted(child_keys, pair_key)
        pos[pos == len(child_keys)] = 0
        keep &= child_keys[pos] != pair_key
    pair_child, pair_area = pair_child[keep], pair_area[keep]
    counts = np.bincount(pair_child, minlength=len(child))
    starts = np.cumsum(counts) - counts
    answer = np.full(len(child), -1, dtype=np.int64)
    few = counts <= _TREE_THRESHOLD
    answer[few] = first_cover(geoms, starts[few], counts[few], pair_area, xs[few], ys[few])
    fallback = inherited[parent]
    answer = np.where(few & (answer < 0), fallback, answer)
    many = ~few
    if many.any():
        answer[many] = min_cover_tree(tree, xs[many], ys[many], child_keys, child[many], n)
    return answer
