"""Server-rendered boundary maps: an area with its neighbours, a decile map of a
borough's LSOAs, and the borough picker on the home page.

Each map is inline SVG drawn from the stored WKB geometry; no tiles are fetched.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import shapely

from commonweal.places.presenters import svg
from commonweal.places.presenters.projection import Projection, expand

# Deciles of deprivation, 1 (most deprived 10%) to 10 (least deprived 10%): the viridis
# scale, which stays in order for people with colour-blindness and in greyscale.
DECILE_COLOURS = {
    1: "#440154",
    2: "#482878",
    3: "#3e4989",
    4: "#31688e",
    5: "#26828e",
    6: "#1f9e89",
    7: "#35b779",
    8: "#6ece58",
    9: "#b5de2b",
    10: "#fde725",
}
NO_DATA_COLOUR = "#f3f2f1"


def decile_text_colour(decile: int | None) -> str:
    """Black or white, whichever contrasts better with the decile's colour."""
    return "#ffffff" if decile is not None and decile <= 5 else "#0b0c0c"


@dataclass(frozen=True)
class Shape:
    """One area on a map."""

    label: str
    geometry: shapely.Geometry
    href: str | None = None
    decile: int | None = None


def area_map(
    area_label: str, geometry: shapely.Geometry, neighbours: Iterable[Shape], width: int = 640
) -> str:
    """The area filled in blue, its neighbours lighter and linked to their pages."""
    neighbours = [n for n in neighbours if n.geometry is not None and not n.geometry.is_empty]
    projection = Projection.fit(expand(geometry.bounds, 0.35), width=width, max_height=520)
    parts = []
    for shape in neighbours:
        path = svg.element("path", d=projection.path(shape.geometry), class_="cw-map__neighbour")
        parts.append(_linked(shape, path))
    parts.append(
        svg.element(
            "path",
            svg.title(area_label),
            d=projection.path(geometry),
            class_="cw-map__area",
        )
    )
    label = f"Map of {area_label}"
    if neighbours:
        label += ", with its neighbouring areas drawn lighter and linked"
    return svg.document(
        "".join(parts),
        view_box=projection.view_box,
        label=label,
        css_class="cw-map",
        role="group" if any(n.href for n in neighbours) else "img",
    )


def decile_map(label: str, shapes: Iterable[Shape], width: int = 640) -> str:
    """Each area filled by its deprivation decile, with the decile written on it too."""
    shaded = [
        Shaded(
            label=s.label,
            geometry=s.geometry,
            href=s.href,
            fill=DECILE_COLOURS.get(s.decile, NO_DATA_COLOUR),
            text=str(s.decile) if s.decile is not None else None,
            text_colour=decile_text_colour(s.decile),
        )
        for s in shapes
    ]
    return shaded_map(label, shaded, modifier="decile", path_attrs={"class_": "cw-map__decile"})


@dataclass(frozen=True)
class Shaded:
    """One area on a shaded map: its fill, and the figure written on it (never colour alone)."""

    label: str
    geometry: shapely.Geometry | None
    href: str | None
    fill: str
    text: str | None
    text_colour: str


def shaded_map(
    label: str, shapes: Iterable[Shaded], *, modifier: str, path_attrs: dict, width: int = 640
) -> str:
    """Areas filled by a value, each with its figure written at a point inside it, and
    linked to its page when it has one."""
    shapes = [s for s in shapes if s.geometry is not None and not s.geometry.is_empty]
    if not shapes:
        return ""
    bounds = shapely.total_bounds([s.geometry for s in shapes])
    projection = Projection.fit(tuple(bounds), width=width, max_height=720)
    parts = []
    labels = []
    for shape in shapes:
        path = svg.element("path", d=projection.path(shape.geometry), fill=shape.fill, **path_attrs)
        parts.append(_linked(shape, path))
        if shape.text is not None:
            point = shape.geometry.representative_point()
            x, y = projection.xy(point.x, point.y)
            labels.append(
                svg.text(
                    shape.text,
                    x=f"{x:.1f}",
                    y=f"{y:.1f}",
                    fill=shape.text_colour,
                    class_="cw-map__label",
                    aria_hidden="true",
                )
            )
    body = "".join(parts) + svg.element("g", "".join(labels), class_="cw-map__labels")
    return svg.document(
        body,
        view_box=projection.view_box,
        label=label,
        css_class=f"cw-map cw-map--{modifier}",
        role="group" if any(s.href for s in shapes) else "img",
    )


def picker_map(
    label: str,
    outline: shapely.Geometry,
    shapes: Iterable[Shape],
    *,
    point_url: str,
    width: int = 480,
) -> str:
    """A borough with its wards (or small areas) linked; a script can turn clicks into points."""
    shapes = [s for s in shapes if s.geometry is not None and not s.geometry.is_empty]
    projection = Projection.fit(outline.bounds, width=width, max_height=480)
    parts = [_linked(s, svg.element("path", d=projection.path(s.geometry))) for s in shapes]
    parts.append(svg.element("path", d=projection.path(outline), class_="cw-map__outline"))
    extra = projection.data_attributes()
    extra["data-module"] = "cw-point-map"
    extra["data-point-url"] = point_url
    return svg.document(
        "".join(parts),
        view_box=projection.view_box,
        label=label,
        css_class="cw-map cw-map--picker",
        role="group" if any(s.href for s in shapes) else "img",
        extra=extra,
    )


def _linked(shape: "Shape | Shaded", path: str) -> str:
    inner = svg.title(shape.label) + path
    if not shape.href:
        return svg.element("g", inner)
    return svg.element("a", inner, href=shape.href, aria_label=shape.label, class_="cw-map__link")


def shapes_from(areas, href: Callable | None = None, decile_of: Callable | None = None):
    """Shapes for areas (anything with .name, .shape), linked by href(area)."""
    for area in areas:
        yield Shape(
            label=area.name if decile_of is None else _decile_label(area, decile_of(area)),
            geometry=area.shape,
            href=href(area) if href else None,
            decile=decile_of(area) if decile_of else None,
        )


def _decile_label(area, decile: int | None) -> str:
    if decile is None:
        return f"{area.name}: no deprivation figures held"
    return f"{area.name}: decile {decile}"
