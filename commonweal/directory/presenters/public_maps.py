"""Server-rendered maps for the public directory pages: search results, and one group's
area of benefit. Inline SVG from the boundaries we hold; the page always has a table too.

Numbered markers match the numbers in the results table, so the map is never the only
way to tell which group is where.
"""

from dataclasses import dataclass

import shapely

from commonweal.places import spatial_cache
from commonweal.places.models import AreaType
from commonweal.places.presenters import svg
from commonweal.places.presenters.projection import Projection, expand

MARKER = "#1d70b8"  # GOV.UK blue
ORIGIN = "#d4351c"  # GOV.UK red: the searched point stands apart from the groups
AREA_FILL = "#1d70b8"


@dataclass(frozen=True)
class Marker:
    number: int
    label: str
    href: str
    point: tuple[float, float] | None  # where it meets
    area: shapely.Geometry | None  # where it works, when we do not know where it meets


def lsoa_shapes(pks) -> shapely.Geometry | None:
    """One shape for a set of small areas (LSOA 2021), from the point index's shapes."""
    pks = set(pks)
    if not pks:
        return None
    layer = spatial_cache.layers(AreaType.LSOA21)[AreaType.LSOA21]
    parts = [shape for pk, shape in zip(layer.pks, layer.shapes, strict=True) if pk in pks]
    return shapely.union_all(parts) if parts else None


def results_map(
    markers: list[Marker],
    boroughs: list,
    origin: tuple[float, float] | None,
    origin_label: str,
    width: int = 640,
) -> str:
    """The results' meeting places (or areas), the searched point, and the boroughs behind."""
    geometries = [shapely.Point(m.point) for m in markers if m.point is not None]
    geometries += [m.area for m in markers if m.point is None and m.area is not None]
    if origin is not None:
        geometries.append(shapely.Point(origin))
    if not geometries:
        return ""
    # The whole borough behind the results, so the map is recognisable.
    geometries += [b.shape for b in boroughs if b.shape is not None]
    bounds = expand(tuple(shapely.total_bounds(geometries)), 0.04)
    projection = Projection.fit(bounds, width=width, max_height=560)
    parts = [_borough(projection, b) for b in boroughs if b.shape is not None]
    for marker in markers:
        if marker.point is None and marker.area is not None:
            parts.append(_area(projection, marker))
    for marker in markers:
        parts.append(_numbered(projection, marker))
    if origin is not None:
        parts.append(_origin(projection, origin, origin_label))
    label = "Map of the groups found"
    if origin is not None:
        label += f", numbered as in the table, with {origin_label} marked in red"
    return svg.document(
        "".join(parts),
        view_box=projection.view_box,
        label=label,
        css_class="cw-map",
        role="group" if markers else "img",
    )


def benefit_map(
    name: str,
    borough,
    area: shapely.Geometry | None,
    point: tuple[float, float] | None,
    width: int = 640,
) -> str:
    """One group's area of benefit in blue within its borough, and where it meets."""
    if borough.shape is None and area is None:
        return ""
    frame = borough.shape if borough.shape is not None else area
    if area is not None and not area.is_empty and borough.shape is not None:
        # Close in on a small area of benefit, but keep some of the borough around it.
        frame = area if area.area < borough.shape.area * 0.5 else borough.shape
    projection = Projection.fit(expand(frame.bounds, 0.15), width=width, max_height=520)
    parts = []
    if borough.shape is not None:
        parts.append(_borough(projection, borough))
    if area is not None and not area.is_empty:
        parts.append(
            svg.element(
                "path",
                svg.title(f"The area {name} serves"),
                d=projection.path(area),
                class_="cw-map__area",
                fill_rule="evenodd",
            )
        )
    if point is not None:
        x, y = projection.xy(*point)
        parts.append(
            svg.element(
                "g",
                svg.title(f"Where {name} meets")
                + svg.element(
                    "circle",
                    cx=f"{x:.1f}",
                    cy=f"{y:.1f}",
                    r="7",
                    fill="#ffdd00",
                    stroke="#0b0c0c",
                    stroke_width="2",
                ),
            )
        )
    label = f"Map of the area {name} serves"
    if point is not None:
        label += ", with where it meets marked in yellow"
    return svg.document(
        "".join(parts), view_box=projection.view_box, label=label, css_class="cw-map"
    )


def _borough(projection: Projection, borough) -> str:
    return svg.element(
        "path",
        svg.title(borough.name),
        d=projection.path(borough.shape),
        class_="cw-map__neighbour",
    )


def _area(projection: Projection, marker: Marker) -> str:
    return svg.element(
        "path",
        d=projection.path(marker.area),
        fill=AREA_FILL,
        fill_opacity="0.18",
        stroke=AREA_FILL,
        stroke_width="1",
        fill_rule="evenodd",
    )


def _numbered(projection: Projection, marker: Marker) -> str:
    if marker.point is not None:
        lon, lat = marker.point
    elif marker.area is not None and not marker.area.is_empty:
        inside = marker.area.representative_point()
        lon, lat = inside.x, inside.y
    else:
        return ""
    x, y = projection.xy(lon, lat)
    shape = svg.element(
        "circle",
        cx=f"{x:.1f}",
        cy=f"{y:.1f}",
        r="11",
        fill=MARKER if marker.point is not None else "#ffffff",
        stroke=MARKER if marker.point is None else "#ffffff",
        stroke_width="2",
    )
    number = svg.text(
        str(marker.number),
        x=f"{x:.1f}",
        y=f"{y:.1f}",
        fill="#ffffff" if marker.point is not None else MARKER,
        class_="cw-map__label",
        style="font-size: 13px; font-weight: bold",
        aria_hidden="true",
    )
    inner = svg.title(f"{marker.number}. {marker.label}") + shape + number
    return svg.element("a", inner, href=marker.href, aria_label=marker.label, class_="cw-map__pin")


def _origin(projection: Projection, origin: tuple[float, float], label: str) -> str:
    x, y = projection.xy(*origin)
    size = 9
    cross = (
        f"M{x - size:.1f} {y - size:.1f}L{x + size:.1f} {y + size:.1f}"
        f"M{x - size:.1f} {y + size:.1f}L{x + size:.1f} {y - size:.1f}"
    )
    return svg.element(
        "g",
        svg.title(f"You searched near {label}")
        + svg.element("path", d=cross, stroke=ORIGIN, stroke_width="4", fill="none"),
    )
