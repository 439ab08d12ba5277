"""The pure distance helpers: the local plane against great-circle distances."""

import math

import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from commonweal.directory.engine.distance import (
    LocalPlane,
    check_point,
    describe_distance,
    distance_m,
    haversine_m,
    nearest_first,
)

HALIFAX = (-1.8575, 53.7243)


def test_a_point_is_no_distance_from_itself():
    assert distance_m(HALIFAX, HALIFAX) == 0


def test_one_degree_of_latitude_is_about_111_km():
    assert distance_m(HALIFAX, (HALIFAX[0], HALIFAX[1] + 1)) == pytest.approx(111_195, rel=1e-3)


def test_a_degree_of_longitude_shrinks_with_latitude():
    east = distance_m(HALIFAX, (HALIFAX[0] + 1, HALIFAX[1]))
    assert east == pytest.approx(111_195 * math.cos(math.radians(HALIFAX[1])), rel=1e-6)
    assert east == pytest.approx(65_800, rel=1e-2)


def test_halifax_to_hebden_bridge_is_about_11_km():
    hebden_bridge = (-2.0129, 53.7418)
    assert distance_m(HALIFAX, hebden_bridge) == pytest.approx(10_400, rel=0.05)
    assert distance_m(HALIFAX, hebden_bridge) == pytest.approx(
        haversine_m(HALIFAX, hebden_bridge), rel=1e-3
    )


@given(
    dlon=st.floats(min_value=-0.3, max_value=0.3),
    dlat=st.floats(min_value=-0.2, max_value=0.2),
    lat=st.floats(min_value=49.8, max_value=60.9),
)
def test_within_a_borough_the_plane_agrees_with_the_great_circle(dlon, dlat, lat):
    origin = (-1.9, lat)
    other = (origin[0] + dlon, lat + dlat)
    planar, sphere = distance_m(origin, other), haversine_m(origin, other)
    # Under half a per cent, or under a metre for points very close together.
    assert abs(planar - sphere) <= max(0.005 * sphere, 1.0)


def test_inside_a_shape_the_distance_is_zero_and_outside_it_is_to_the_edge():
    plane = LocalPlane(HALIFAX)
    around = shapely.box(HALIFAX[0] - 0.01, HALIFAX[1] - 0.01, HALIFAX[0] + 0.01, HALIFAX[1] + 0.01)
    assert plane.distance_to_shape(around) == 0
    north = shapely.box(HALIFAX[0] - 0.01, HALIFAX[1] + 0.01, HALIFAX[0] + 0.01, HALIFAX[1] + 0.02)
    assert plane.distance_to_shape(north) == pytest.approx(0.01 * 111_195, rel=1e-3)


def test_the_nearest_of_several_shapes_counts_and_missing_shapes_are_skipped():
    plane = LocalPlane(HALIFAX)
    near = shapely.Point(HALIFAX[0], HALIFAX[1] + 0.001).buffer(0.0001)
    far = shapely.Point(HALIFAX[0], HALIFAX[1] + 0.1).buffer(0.0001)
    assert plane.distance_to_shapes([far, None, near]) == pytest.approx(
        plane.distance_to_shape(near)
    )
    assert plane.distance_to_shapes([None, shapely.Polygon()]) is None
    assert plane.distance_to_shape(None) is None


def test_projecting_keeps_the_shape_in_metres_around_the_origin():
    plane = LocalPlane(HALIFAX)
    square = shapely.box(HALIFAX[0], HALIFAX[1], HALIFAX[0] + 0.001, HALIFAX[1] + 0.001)
    projected = plane.project(square)
    min_x, min_y, max_x, max_y = projected.bounds
    assert (min_x, min_y) == pytest.approx((0, 0), abs=1e-6)
    assert max_y == pytest.approx(111.2, rel=1e-3)
    assert max_x == pytest.approx(111.2 * math.cos(math.radians(HALIFAX[1])), rel=1e-3)


@pytest.mark.parametrize("point", [(math.nan, 53), (0, math.inf), (181, 0), (0, -91), ("east", 1)])
def test_points_that_are_not_on_earth_are_refused(point):
    with pytest.raises(ValueError):
        check_point(point)


def test_nearest_first_puts_unknown_distances_last_and_breaks_ties_by_label():
    rows = [("c", None, "c"), ("b", 10.0, "b"), ("a", 10.0, "a"), ("z", 0.0, "z")]
    assert nearest_first(rows) == ["z", "a", "b", "c"]


@pytest.mark.parametrize(
    "metres, words",
    [
        (None, "Not known"),
        (0, "Here"),
        (12.5, "Under 50 m"),
        (349, "350 m"),
        (1234, "1.2 km"),
        (14_400, "14 km"),
        (123_456, "123 km"),
    ],
)
def test_distances_in_plain_words(metres, words):
    assert describe_distance(metres) == words
