"""AreaIndex on hand-built areas: borders, holes, multipolygons, overlaps, bad input."""

import math

import numpy as np
import pytest
import shapely
from shapely import MultiPolygon, Polygon, box

from commonweal.places.spatial import AreaIndex

DEPTHS = [0, 1, 3]


def squares_2x2() -> list[tuple[str, shapely.Geometry]]:
    """Four unit squares meeting at (1, 1), given in an order unrelated to their keys."""
    return [
        ("D", box(1, 1, 2, 2)),
        ("B", box(1, 0, 2, 1)),
        ("C", box(0, 1, 1, 2)),
        ("A", box(0, 0, 1, 1)),
    ]


def check(index: AreaIndex, cases: dict[tuple[float, float], str | None]) -> None:
    """Each point gives the expected key, through the scalar and the bulk API alike."""
    points = list(cases)
    for (x, y), expected in cases.items():
        assert index.lookup(x, y) == expected, (x, y)
    xs = np.array([p[0] for p in points], dtype=float)
    ys = np.array([p[1] for p in points], dtype=float)
    assert list(index.lookup_many(xs, ys)) == list(cases.values())


@pytest.mark.parametrize("depth", DEPTHS)
def test_shared_edges_and_vertices_go_to_the_smallest_key(depth):
    index = AreaIndex(squares_2x2(), depth=depth)
    check(
        index,
        {
            (0.5, 0.5): "A",
            (1.5, 0.5): "B",
            (0.5, 1.5): "C",
            (1.5, 1.5): "D",
            (1.0, 1.0): "A",  # the vertex all four share
            (1.0, 0.5): "A",  # edge A|B
            (1.0, 1.5): "C",  # edge C|D
            (0.5, 1.0): "A",  # edge A|C
            (1.5, 1.0): "B",  # edge B|D
            (2.0, 2.0): "D",  # outer corner, on the boundary
            (0.0, 0.3): "A",  # outer edge
            (2.0, 1.0): "B",  # outer edge, shared vertex of B and D
        },
    )


@pytest.mark.parametrize("depth", DEPTHS)
def test_points_outside_every_area_are_none(depth):
    index = AreaIndex(squares_2x2(), depth=depth)
    check(
        index,
        {
            (-0.001, 0.5): None,
            (2.0000001, 1.0): None,
            (1.0, -1e-12): None,
            (100.0, 100.0): None,
            (-1e300, 1e300): None,
        },
    )


@pytest.mark.parametrize("depth", DEPTHS)
def test_hole_is_outside_and_an_island_in_it_is_found(depth):
    ring = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], holes=[[(4, 4), (6, 4), (6, 6), (4, 6)]])
    without_island = AreaIndex([("M", ring)], depth=depth)
    check(without_island, {(5, 5): None, (4, 5): "M", (1, 1): "M", (4.5, 4.5): None})
    with_island = AreaIndex([("M", ring), ("N", box(4, 4, 6, 6))], depth=depth)
    check(with_island, {(5, 5): "N", (4, 5): "M", (6, 6): "M", (1, 1): "M", (5.9, 4.1): "N"})
    island_first = AreaIndex([("M", ring), ("K", box(4, 4, 6, 6))], depth=depth)
    check(island_first, {(5, 5): "K", (4, 5): "K", (6, 6): "K", (1, 1): "M"})


@pytest.mark.parametrize("depth", DEPTHS)
def test_multipolygons(depth):
    two_parts = MultiPolygon([box(0, 0, 1, 1), box(5, 5, 6, 6)])
    index = AreaIndex([("X", two_parts), ("Y", box(2, 2, 3, 3))], depth=depth)
    check(index, {(0.5, 0.5): "X", (5.5, 5.5): "X", (2.5, 2.5): "Y", (3.5, 3.5): None})


@pytest.mark.parametrize("depth", DEPTHS)
def test_overlapping_areas_give_the_smallest_key(depth):
    index = AreaIndex(
        [("B", box(0, 0, 10, 10)), ("A", box(2, 2, 3, 3)), ("C", box(6, 6, 7, 7))], depth=depth
    )
    check(index, {(2.5, 2.5): "A", (6.5, 6.5): "B", (9, 1): "B", (3, 3): "A", (7, 7): "B"})


def test_many_small_areas_in_one_cell_use_the_tree_path():
    areas = [(f"S{i:02d}", box(i % 6, i // 6, i % 6 + 1, i // 6 + 1)) for i in range(36)]
    for cells_per_area in (0.001, 0.5, 4.0):
        index = AreaIndex(areas, cells_per_area=cells_per_area, depth=3)
        check(index, {(0.5, 0.5): "S00", (1.0, 1.0): "S00", (5.5, 5.5): "S35", (3, 4): "S20"})


def test_invalid_geometry_is_repaired():
    bow_tie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
    assert not bow_tie.is_valid
    index = AreaIndex([("T", bow_tie)])
    assert index.geometry("T").is_valid
    check(index, {(0.2, 1.0): "T", (1.8, 1.0): "T", (1.0, 1.0): "T", (1.0, 0.2): None})


def test_overlapping_shells_of_one_multipolygon_are_unioned():
    """Three real 2011 LSOAs have such "nested shells"; GEOS predicates treat them as a union."""
    overlapping = MultiPolygon([box(0, 0, 2, 2), box(1, 1, 3, 3)])
    assert not overlapping.is_valid
    index = AreaIndex([("U", overlapping)])
    assert index.geometry("U").is_valid
    check(index, {(1.5, 1.5): "U", (0.5, 0.5): "U", (2.5, 2.5): "U", (2.5, 0.5): None})


def test_only_the_polygonal_part_of_a_collection_counts():
    mixed = shapely.GeometryCollection([box(0, 0, 1, 1), shapely.LineString([(1, 1), (5, 5)])])
    index = AreaIndex([("G", mixed)])
    check(index, {(0.5, 0.5): "G", (1, 1): "G", (3, 3): None})


def test_empty_and_arealess_geometries_are_refused_by_key():
    with pytest.raises(ValueError, match=r"'E01000001'.*empty"):
        AreaIndex([("A", box(0, 0, 1, 1)), ("E01000001", Polygon())])
    with pytest.raises(ValueError, match=r"'L'.*no polygonal part"):
        AreaIndex([("L", shapely.LineString([(0, 0), (1, 1)]))])
    with pytest.raises(ValueError, match=r"'Z'.*no polygonal part"):
        AreaIndex([("Z", Polygon([(0, 0), (1, 1), (2, 2)]))])  # collapses to a line


def test_bad_keys_are_refused():
    with pytest.raises(ValueError, match="'A' appears more than once"):
        AreaIndex([("A", box(0, 0, 1, 1)), ("A", box(1, 1, 2, 2))])
    with pytest.raises(TypeError, match="strings"):
        AreaIndex([(1, box(0, 0, 1, 1))])
    with pytest.raises(TypeError, match="shapely geometry"):
        AreaIndex([("A", [(0, 0), (1, 1)])])


def test_non_finite_coordinates():
    index = AreaIndex(squares_2x2())
    for x, y in [(math.nan, 0.5), (0.5, math.inf), (-math.inf, 0.5)]:
        with pytest.raises(ValueError, match="finite"):
            index.lookup(x, y)
    xs = np.array([math.nan, 0.5, math.inf, 0.5])
    ys = np.array([0.5, math.nan, 0.5, 0.5])
    assert list(index.lookup_many(xs, ys)) == [None, None, None, "A"]


def test_bulk_api_shapes_and_types():
    index = AreaIndex(squares_2x2())
    result = index.lookup_many([0.5, 1.5], [0.5, 0.5])
    assert isinstance(result, np.ndarray)
    assert result.dtype == object
    assert list(result) == ["A", "B"]
    assert index.lookup_many(np.array([]), np.array([])).shape == (0,)
    assert list(index.lookup_indices([0.5, 9.0], [1.5, 9.0])) == [2, -1]
    with pytest.raises(ValueError, match="same length"):
        index.lookup_many([0.5, 1.5], [0.5])


def test_empty_index():
    index = AreaIndex([])
    assert len(index) == 0
    assert index.lookup(0, 0) is None
    assert list(index.lookup_many([0.0], [0.0])) == [None]


def test_introspection():
    index = AreaIndex(squares_2x2())
    assert len(index) == 4
    assert index.keys == ("A", "B", "C", "D")
    assert index.geometry("B").equals(box(1, 0, 2, 1))
    with pytest.raises(KeyError):
        index.geometry("E")
    assert index.nbytes > 0
    assert "4 areas" in repr(index)


def test_input_order_does_not_matter():
    areas = squares_2x2()
    xs = np.linspace(-0.5, 2.5, 61)
    grid_x, grid_y = (a.ravel() for a in np.meshgrid(xs, xs))
    forward = AreaIndex(areas).lookup_many(grid_x, grid_y)
    backward = AreaIndex(reversed(areas)).lookup_many(grid_x, grid_y)
    assert list(forward) == list(backward)


def test_negative_depth_is_refused():
    with pytest.raises(ValueError, match="depth"):
        AreaIndex(squares_2x2(), depth=-1)
