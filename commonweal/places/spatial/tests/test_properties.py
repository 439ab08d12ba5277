"""Property: AreaIndex agrees with a brute-force reference on random areas and points.

Areas are built on a coarse lattice so that shared edges, shared vertices, overlaps and
points exactly on boundaries come up often; some are offset to real longitude/latitude
magnitudes, where cells are small and rounding matters.
"""

import numpy as np
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commonweal.places.spatial import AreaIndex

LATTICE = st.integers(min_value=0, max_value=8).map(lambda v: v / 2)  # 0, 0.5, ..., 4


@st.composite
def shapes(draw, parts=True):
    kind = draw(
        st.sampled_from(
            ["box", "triangle", "holed", "multi"] if parts else ["box", "triangle", "holed"]
        )
    )
    if kind == "box":
        x0, x1 = sorted(draw(st.lists(LATTICE, min_size=2, max_size=2, unique=True)))
        y0, y1 = sorted(draw(st.lists(LATTICE, min_size=2, max_size=2, unique=True)))
        return shapely.box(x0, y0, x1, y1)
    if kind == "triangle":
        corners = draw(st.lists(st.tuples(LATTICE, LATTICE), min_size=3, max_size=3, unique=True))
        return shapely.Polygon(corners)  # invalid if collinear
    if kind == "holed":
        x0, y0 = draw(LATTICE), draw(LATTICE)
        return shapely.box(x0, y0, x0 + 3, y0 + 3).difference(
            shapely.box(x0 + 1, y0 + 1, x0 + 2, y0 + 2)
        )
    first, second = draw(shapes(parts=False)), draw(shapes(parts=False))
    return shapely.multipolygons([*shapely.get_parts(first), *shapely.get_parts(second)])


KEYS = st.text(alphabet="ABCab01", min_size=1, max_size=3)


@st.composite
def area_sets(draw):
    keys = draw(st.lists(KEYS, min_size=1, max_size=7, unique=True))
    areas = []
    for key in keys:
        geom = draw(shapes())  # possibly invalid (overlapping parts, collinear corners)
        repaired = shapely.make_valid(geom, method="structure", keep_collapsed=False)
        if shapely.area(repaired) > 0:
            areas.append((key, geom))
    if not areas:
        areas.append(("only", shapely.box(0, 0, 1, 1)))
    return areas


def points(count: int):
    lattice = st.integers(min_value=-2, max_value=18).map(lambda v: v / 4)
    anywhere = st.floats(min_value=-1, max_value=5, allow_nan=False)
    coordinate = st.one_of(lattice, anywhere)
    return st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=count)


def repair(geom):
    """The documented repair rule, applied independently of the index."""
    if geom.is_valid:
        return geom
    return shapely.make_valid(geom, method="structure", keep_collapsed=False)


def reference(areas, xs, ys) -> list[str | None]:
    """Every area tested with ``covers``; the smallest covering key wins."""
    repaired = [(key, repair(geom)) for key, geom in areas]
    answers = []
    for x, y in zip(xs, ys, strict=True):
        point = shapely.Point(x, y)
        covering = [key for key, geom in repaired if geom.covers(point)]
        answers.append(min(covering) if covering else None)
    return answers


def check_against_reference(index: AreaIndex, areas, pts) -> None:
    xs = np.array([p[0] for p in pts], dtype=float)
    ys = np.array([p[1] for p in pts], dtype=float)
    expected = reference(areas, xs, ys)
    assert list(index.lookup_many(xs, ys)) == expected
    assert [index.lookup(x, y) for x, y in zip(xs, ys, strict=True)] == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    areas=area_sets(),
    pts=points(60),
    depth=st.integers(min_value=0, max_value=4),
    cells_per_area=st.sampled_from([0.01, 0.5, 2.0, 16.0]),
)
def test_lookup_matches_brute_force(areas, pts, depth, cells_per_area):
    index = AreaIndex(areas, depth=depth, cells_per_area=cells_per_area)
    check_against_reference(index, areas, pts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(areas=area_sets(), pts=points(40), depth=st.integers(min_value=0, max_value=5))
def test_lookup_matches_brute_force_at_lon_lat_scale(areas, pts, depth):
    """The same shapes shrunk to tens of metres and moved to Calderdale's longitude/latitude."""

    def place(geom):
        return shapely.transform(geom, lambda c: c * 1e-4 + np.array([-1.85, 53.72]))

    moved = [(key, place(geom)) for key, geom in areas]
    index = AreaIndex(moved, depth=depth)
    moved_pts = [(x * 1e-4 - 1.85, y * 1e-4 + 53.72) for x, y in pts]
    check_against_reference(index, moved, moved_pts)


@settings(max_examples=40, deadline=None)
@given(areas=area_sets(), pts=points(40))
def test_every_vertex_and_edge_midpoint(areas, pts):
    """Boundary points of every area: always the smallest key among the areas covering them."""
    index = AreaIndex(areas, depth=3)
    coords = shapely.get_coordinates(shapely.boundary([repair(g) for _, g in areas]))
    midpoints = (coords[1:] + coords[:-1]) / 2
    check_against_reference(index, areas, [*map(tuple, coords), *map(tuple, midpoints), *pts])
