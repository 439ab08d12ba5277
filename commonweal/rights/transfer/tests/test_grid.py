"""British National Grid to WGS84, by Ordnance Survey's formulae."""

import math

import pytest

from commonweal.rights.transfer import grid


def test_the_os_guides_worked_example_of_the_inverse_projection():
    # OS "A guide to coordinate systems in Great Britain", Annex C: E 651409.903,
    # N 313177.270 is 52°39'27.2531"N 1°43'4.5177"E on OSGB36.
    lat, lon = grid.grid_to_osgb36(651409.903, 313177.270)
    assert lat == pytest.approx(52 + 39 / 60 + 27.2531 / 3600, abs=1e-7)
    assert lon == pytest.approx(1 + 43 / 60 + 4.5177 / 3600, abs=1e-7)


def test_a_point_in_trafford_lands_in_trafford():
    # Trafford Town Hall, Talbot Road, Stretford: about (-2.2889, 53.4593) on WGS84.
    lon, lat = grid.grid_to_lonlat(380795, 395900)
    assert lon == pytest.approx(-2.2889, abs=0.005)
    assert lat == pytest.approx(53.4593, abs=0.005)


def test_outside_the_grid_is_refused():
    with pytest.raises(ValueError, match="outside"):
        grid.grid_to_lonlat(-5, 100)
    with pytest.raises(ValueError, match="outside"):
        grid.grid_to_lonlat(53.4, -2.3)


@pytest.mark.parametrize(
    ("easting", "northing"),
    [(651409.903, 313177.270), (376000, 390000), (530000, 180000), (400000, 1000000)],
)
def test_agrees_with_pyproj_where_it_is_installed(easting, northing):
    # pyproj is not a dependency (it comes with the benchmark tools); where it is present it
    # is the oracle: both use the same Helmert transformation, so they agree to centimetres.
    pyproj = pytest.importorskip("pyproj")
    transformer = pyproj.Transformer.from_crs(27700, 4326, always_xy=True)
    expected = transformer.transform(easting, northing)
    got = grid.grid_to_lonlat(easting, northing)
    metres = math.hypot(
        (got[0] - expected[0]) * 111320 * math.cos(math.radians(got[1])),
        (got[1] - expected[1]) * 110540,
    )
    assert metres < 5
