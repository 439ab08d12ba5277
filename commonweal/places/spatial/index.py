"""Which area contains a point: an in-memory index over polygons in longitude/latitude.

:class:`AreaIndex` answers "which area is this point in?" for one point or for millions at
once. It is a pure engine: shapely and numpy only, nothing from Django or the rest of
Commonweal.

Rules
-----
* A point inside an area **or on its boundary** is contained by it (shapely ``covers``,
  which for a point is the same as ``intersects``).
* When several areas contain a point (a shared edge or vertex, or overlapping polygons),
  the answer is the area with the **lexicographically smallest key** (Python string order),
  so results are deterministic and independent of input order.
* Only the polygonal part of a geometry counts (lines and points have no area). Invalid
  geometries are repaired with ``shapely.make_valid(..., method="structure",
  keep_collapsed=False)``: overlapping or nested shells of a multipolygon are unioned (which
  is how GEOS predicates already treat them, and what boundary data mean by them), a
  self-intersecting ring is split into its lobes, and parts that collapse to lines are
  dropped. An empty geometry, or one with no polygonal part, raises ``ValueError`` naming
  the key. Keys must be unique strings.
* Coordinates that are not finite (NaN, infinity): :meth:`AreaIndex.lookup` raises
  ``ValueError``; :meth:`AreaIndex.lookup_many` answers ``None`` for that point, because a
  bulk load commonly has rows without coordinates.

Sharing
-------
Queries never modify the index (GEOS point locators are built with it), so one index can
be built per boundary generation and shared by every thread of a process.

How it works
------------
A grid over the areas' bounding box is refined (2 x 2, a few levels) wherever an area
boundary passes. A point falling in a cell that no boundary touches is answered by array
look-ups alone; only points in boundary cells at the finest level are tested exactly, and
only against the few areas whose boundary passes through that cell. See ``_build.py``.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable

import numpy as np
import shapely

from ._build import Levels, build_levels
from ._exact import first_cover

_POLYGON = 3
_MULTIPOINT = 4  # MultiPoint, MultiLineString, MultiPolygon and collections come after it
_MULTIPOLYGON = 6


class AreaIndex:
    """An index of named areas answering point-in-area queries.

    ``areas`` yields ``(key, geometry)`` pairs, for example ``("E01010875", polygon)``, with
    geometries in longitude/latitude (WGS84); any planar coordinates work the same way.

    ``cells_per_area`` (the level-0 grid's size relative to the number of areas) and
    ``depth`` (the number of 2 x 2 refinements of boundary cells) trade build time and memory
    against query speed; the defaults suit anything from a few areas to every LSOA in
    England and Wales. When the bounds lie within longitude/latitude ranges, cells are made
    square on the ground; this only affects speed, never answers.
    """

    def __init__(
        self,
        areas: Iterable[tuple[str, shapely.Geometry]],
        *,
        cells_per_area: float = 2.0,
        depth: int = 3,
    ) -> None:
        if depth < 0:
            raise ValueError("depth must be zero or more")
        keys, geoms = _normalise(areas)
        self._keys = keys
        self._geoms = geoms
        self._answers = np.array([*keys, None], dtype=object)  # index -1 gives None
        self._levels: Levels | None = None
        if len(keys):
            shapely.prepare(geoms)
            # GEOS builds a prepared area's point locator on first use; do it now, so that
            # queries only ever read the index (and the first query is not slower).
            x0, y0, x1, y1 = shapely.bounds(geoms).T
            shapely.intersects_xy(geoms, (x0 + x1) / 2, (y0 + y1) / 2)
            tree = shapely.STRtree(geoms)
            self._levels = build_levels(geoms, tree, cells_per_area, depth)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return f"<AreaIndex of {len(self)} areas>"

    @property
    def keys(self) -> tuple[str, ...]:
        """The area keys, in ascending order."""
        return tuple(self._keys)

    def geometry(self, key: str) -> shapely.Geometry:
        """The (repaired, polygonal) geometry indexed under ``key``."""
        i = bisect.bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            return self._geoms[i]
        raise KeyError(key)

    @property
    def nbytes(self) -> int:
        """Memory held by the cell arrays (not counting the geometries themselves)."""
        return self._levels.nbytes if self._levels else 0

    def lookup(self, lon: float, lat: float) -> str | None:
        """The key of the area containing the point, or ``None``.

        Raises ``ValueError`` if either coordinate is not finite.
        """
        lon, lat = float(lon), float(lat)
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ValueError(f"coordinates must be finite numbers, not ({lon}, {lat})")
        index = self._lookup_one(lon, lat)
        return self._keys[index] if index >= 0 else None

    def lookup_many(self, lons, lats) -> np.ndarray:
        """Keys of the areas containing each point: an object array, ``None`` for misses.

        Non-finite coordinates give ``None``.
        """
        return self._answers[self.lookup_indices(lons, lats)]

    def lookup_indices(self, lons, lats) -> np.ndarray:
        """Like :meth:`lookup_many`, as positions in :attr:`keys` (``-1`` for misses)."""
        xs = np.ascontiguousarray(lons, dtype=np.float64).ravel()
        ys = np.ascontiguousarray(lats, dtype=np.float64).ravel()
        if xs.shape != ys.shape:
            raise ValueError("lons and lats must have the same length")
        out = np.full(len(xs), -1, dtype=np.int64)
        levels = self._levels
        if levels is None or not len(xs):
            return out
        grid = levels.grid
        # NaN fails every comparison, and infinities fall outside the box.
        inside = (xs >= grid.x0) & (xs <= grid.x1) & (ys >= grid.y0) & (ys <= grid.y1)
        idx = np.flatnonzero(inside)
        px, py = xs[idx], ys[idx]
        cols, rows = grid.columns(px), grid.rows(py)
        depth = levels.depth
        code = levels.codes[0][(rows >> depth) * levels.n0x + (cols >> depth)]
        for level in range(1, depth + 1):
            done = code > -2
            out[idx[done]] = code[done]
            deeper = ~done
            idx, cols, rows, code = idx[deeper], cols[deeper], rows[deeper], code[deeper]
            shift = depth - level
            local = ((rows >> shift) & 1) * 2 + ((cols >> shift) & 1)
            code = levels.codes[level][(-2 - code.astype(np.int64)) * 4 + local]
        done = code > -2
        out[idx[done]] = code[done]
        idx = idx[~done]
        if idx.size:
            leaf = -2 - code[~done].astype(np.int64)
            order = np.argsort(leaf, kind="stable")  # neighbours share areas: cache-friendly
            idx, leaf = idx[order], leaf[order]
            starts = levels.leaf_ptr[leaf]
            counts = levels.leaf_ptr[leaf + 1] - starts
            found = first_cover(
                self._geoms, starts, counts, levels.leaf_candidates, xs[idx], ys[idx]
            )
            out[idx] = np.where(found >= 0, found, levels.leaf_default[leaf])
        return out

    def _lookup_one(self, x: float, y: float) -> int:
        levels = self._levels
        if levels is None:
            return -1
        grid = levels.grid
        if not (grid.x0 <= x <= grid.x1 and grid.y0 <= y <= grid.y1):
            return -1
        col, row = grid.column(x), grid.row(y)
        depth = levels.depth
        code = int(levels.codes[0][(row >> depth) * levels.n0x + (col >> depth)])
        level = 0
        while code <= -2 and level < depth:
            level += 1
            shift = depth - level
            local = ((row >> shift) & 1) * 2 + ((col >> shift) & 1)
            code = int(levels.codes[level][(-2 - code) * 4 + local])
        if code > -2:
            return code
        leaf = -2 - code
        for i in range(levels.leaf_ptr[leaf], levels.leaf_ptr[leaf + 1]):
            area = int(levels.leaf_candidates[i])
            if shapely.intersects_xy(self._geoms[area], x, y):
                return area
        return int(levels.leaf_default[leaf])


def _normalise(areas: Iterable[tuple[str, shapely.Geometry]]) -> tuple[list[str], np.ndarray]:
    """Check keys and geometries, repair them, and sort both by key."""
    pairs = []
    for item in areas:
        key, geom = item
        if not isinstance(key, str):
            raise TypeError(f"area keys must be strings, not {type(key).__name__}: {key!r}")
        if not isinstance(geom, shapely.Geometry):
            raise TypeError(f"area {key!r}: expected a shapely geometry, not {type(geom)!r}")
        pairs.append((key, geom))
    pairs.sort(key=lambda pair: pair[0])
    keys = [key for key, _ in pairs]
    for a, b in itertools.pairwise(keys):
        if a == b:
            raise ValueError(f"area key {a!r} appears more than once")
    geoms = np.empty(len(pairs), dtype=object)
    geoms[:] = [geom for _, geom in pairs]
    if not len(keys):
        return keys, geoms
    for i in np.flatnonzero(shapely.is_empty(geoms)):
        raise ValueError(f"area {keys[i]!r} has an empty geometry")
    types = shapely.get_type_id(geoms)
    for i in np.flatnonzero((types != _POLYGON) & (types != _MULTIPOLYGON)):
        geoms[i] = _polygonal_part(geoms[i])
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        # "structure" unions overlapping or nested shells (as GEOS predicates treat them on
        # the invalid input) and drops parts that collapse to lines or points.
        geoms[invalid] = shapely.make_valid(
            geoms[invalid], method="structure", keep_collapsed=False
        )
    for i in np.flatnonzero(shapely.is_empty(geoms)):
        raise ValueError(f"area {keys[i]!r} has no polygonal part, so no area")
    return keys, geoms


def _polygonal_part(geom: shapely.Geometry) -> shapely.Geometry:
    """The polygons of a geometry (collections flattened), as one MultiPolygon."""
    parts = shapely.get_parts(geom)
    while (shapely.get_type_id(parts) >= _MULTIPOINT).any():
        parts = shapely.get_parts(parts)
    polygons = parts[shapely.get_type_id(parts) == _POLYGON]
    return shapely.multipolygons(polygons) if len(polygons) else shapely.Polygon()
