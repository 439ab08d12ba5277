"""The SVG maps and charts: well-formed, labelled, and drawn where they should be."""

import math
import re
from xml.dom import minidom  # our own markup, not untrusted input

import pytest
from shapely.geometry import MultiPolygon, Polygon, box

from commonweal.places.presenters import charts, maps
from commonweal.places.presenters.projection import Projection, expand

SVG_NS = "http://www.w3.org/2000/svg"
HALIFAX = box(-1.90, 53.70, -1.84, 53.74)


def parse(markup: str):
    document = minidom.parseString(str(markup))  # noqa: S318 - our own markup
    root = document.documentElement
    assert root.tagName == "svg"
    assert root.getAttribute("xmlns") == SVG_NS
    return root


def path_points(markup: str) -> list[tuple[float, float]]:
    numbers = []
    for d in re.findall(r' d="([^"]+)"', str(markup)):
        numbers += [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


class TestProjection:
    def test_bounding_box_fills_the_view_box_within_the_padding(self):
        projection = Projection.fit((-2.0, 53.0, -1.0, 54.0), width=640, height=480, padding=10)
        corners = [projection.xy(-2.0, 53.0), projection.xy(-1.0, 54.0)]
        for x, y in corners:
            assert 10 - 1e-6 <= x <= 630 + 1e-6
            assert 10 - 1e-6 <= y <= 470 + 1e-6
        # The tighter axis (latitude here) touches the padding on both sides.
        assert corners[0][1] == pytest.approx(470)
        assert corners[1][1] == pytest.approx(10)

    def test_north_is_up_and_east_is_right(self):
        projection = Projection.fit(HALIFAX.bounds)
        west_x, _ = projection.xy(-1.90, 53.72)
        east_x, _ = projection.xy(-1.84, 53.72)
        _, north_y = projection.xy(-1.87, 53.74)
        _, south_y = projection.xy(-1.87, 53.70)
        assert west_x < east_x
        assert north_y < south_y

    def test_longitude_is_scaled_by_the_cosine_of_latitude(self):
        # A box one degree each way at 60° north is twice as tall as it is wide.
        projection = Projection.fit((0.0, 59.5, 1.0, 60.5), width=1000, height=1000, padding=0)
        x0, y0 = projection.xy(0.0, 59.5)
        x1, y1 = projection.xy(1.0, 60.5)
        assert (x1 - x0) / (y0 - y1) == pytest.approx(math.cos(math.radians(60)), rel=1e-9)

    def test_lonlat_inverts_xy(self):
        projection = Projection.fit(HALIFAX.bounds, width=480)
        for lon, lat in [(-1.9, 53.7), (-1.87, 53.725), (-1.84, 53.74)]:
            assert projection.lonlat(*projection.xy(lon, lat)) == pytest.approx((lon, lat))

    def test_height_follows_the_shape_of_the_area(self):
        wide = Projection.fit((0.0, 53.0, 1.0, 53.1), width=640)
        tall = Projection.fit((0.0, 53.0, 0.1, 54.0), width=640, max_height=700)
        assert wide.height < 200
        assert tall.height == 700

    def test_expand_widens_every_side(self):
        assert expand((0, 0, 10, 20), 0.1) == (-1, -2, 11, 22)


class TestAreaMap:
    def test_is_well_formed_labelled_and_links_neighbours(self):
        neighbour = maps.Shape(
            "Sowerby <Bridge> & Co", box(-1.84, 53.70, -1.80, 53.74), "/n?a=1&b=2"
        )
        markup = maps.area_map("Town", HALIFAX, [neighbour])
        root = parse(markup)
        assert root.getAttribute("aria-label").startswith("Map of Town")
        assert root.getElementsByTagName("title")[0].firstChild.data.startswith("Map of Town")
        links = root.getElementsByTagName("a")
        assert [a.getAttribute("href") for a in links] == ["/n?a=1&b=2"]
        assert links[0].getAttribute("aria-label") == "Sowerby <Bridge> & Co"
        # The area itself is drawn last, on top of its neighbours.
        paths = root.getElementsByTagName("path")
        assert paths[-1].getAttribute("class") == "cw-map__area"

    def test_a_picture_without_links_is_an_image(self):
        root = parse(maps.area_map("Town", HALIFAX, []))
        assert root.getAttribute("role") == "img"

    def test_a_map_with_links_is_a_group_so_the_links_stay_reachable(self):
        neighbour = maps.Shape("N", box(-1.84, 53.70, -1.80, 53.74), "/n/")
        root = parse(maps.area_map("Town", HALIFAX, [neighbour]))
        assert root.getAttribute("role") == "group"

    def test_the_area_fits_inside_the_view_box(self):
        markup = maps.area_map("Town", HALIFAX, [])
        root = parse(markup)
        _, _, width, height = (float(v) for v in root.getAttribute("viewBox").split())
        for x, y in path_points(markup):
            assert 0 <= x <= width
            assert 0 <= y <= height

    def test_holes_and_multipolygons_are_drawn(self):
        ring = Polygon(
            [(-1.9, 53.7), (-1.84, 53.7), (-1.84, 53.74), (-1.9, 53.74)],
            [[(-1.88, 53.71), (-1.86, 53.71), (-1.86, 53.73), (-1.88, 53.73)]],
        )
        shape = MultiPolygon([ring, box(-1.83, 53.7, -1.82, 53.71)])
        markup = maps.area_map("Holes", shape, [])
        d = re.findall(r' d="([^"]+)"', str(markup))[0]
        assert d.count("M") == 3
        assert d.count("Z") == 3


class TestDecileMap:
    def test_each_area_is_filled_by_decile_and_numbered(self):
        shapes = [
            maps.Shape("A: decile 1", box(0, 53, 1, 54), "/a/", 1),
            maps.Shape("B: decile 10", box(1, 53, 2, 54), "/b/", 10),
            maps.Shape("C: no figures", box(2, 53, 3, 54), "/c/", None),
        ]
        root = parse(maps.decile_map("Deciles", shapes))
        fills = [p.getAttribute("fill") for p in root.getElementsByTagName("path")]
        assert fills == [maps.DECILE_COLOURS[1], maps.DECILE_COLOURS[10], maps.NO_DATA_COLOUR]
        labels = [t.firstChild.data for t in root.getElementsByTagName("text")]
        assert labels == ["1", "10"]

    def test_numbers_contrast_with_their_colour(self):
        assert maps.decile_text_colour(1) == "#ffffff"
        assert maps.decile_text_colour(10) == "#0b0c0c"

    def test_ten_distinct_colours(self):
        assert len(set(maps.DECILE_COLOURS.values())) == 10


class TestPickerMap:
    def test_carries_what_a_script_needs_to_invert_the_projection(self):
        markup = maps.picker_map(
            "Borough", HALIFAX, [maps.Shape("Ward", HALIFAX, "/w/")], point_url="/places/point/"
        )
        root = parse(markup)
        assert root.getAttribute("data-point-url") == "/places/point/"
        projection = Projection.fit(HALIFAX.bounds, width=480, max_height=480)
        x, y = projection.xy(-1.87, 53.72)
        lon = float(root.getAttribute("data-min-lon")) + (
            x - float(root.getAttribute("data-offset-x"))
        ) / (float(root.getAttribute("data-kx")) * float(root.getAttribute("data-scale")))
        lat = float(root.getAttribute("data-max-lat")) - (
            y - float(root.getAttribute("data-offset-y"))
        ) / float(root.getAttribute("data-scale"))
        assert (lon, lat) == pytest.approx((-1.87, 53.72))


class TestDecileChart:
    def test_is_well_formed_with_one_bar_per_domain(self):
        bars = [charts.Bar("Income", 2), charts.Bar("Crime & safety", 10)]
        root = parse(charts.decile_chart("Deprivation", bars))
        assert root.getAttribute("role") == "img"
        assert "Income decile 2" in root.getAttribute("aria-label")
        assert root.getElementsByTagName("title")[0].firstChild.data.startswith("Deprivation")
        rects = root.getElementsByTagName("rect")
        assert len(rects) == 2
        widths = [float(r.getAttribute("width")) for r in rects]
        assert widths[1] == pytest.approx(widths[0] * 5)

    def test_no_bars_no_chart(self):
        assert charts.decile_chart("Nothing", []) == ""
