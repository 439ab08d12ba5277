"""The map of assets offered for transfer: numbered pins (matching the table's numbers) over
the boroughs' outlines, drawn as inline SVG. The page always has the table too."""

from dataclasses import dataclass

import shapely

from commonweal.places.presenters import svg
from commonweal.places.presenters.projection import Projection, expand

PIN = "#1d70b8"  # GOV.UK blue
DONE = "#00703c"  # GOV.UK green: transferred


@dataclass(frozen=True)
class Pin:
    number: int
    label: str
    href: str
    point: tuple[float, float]
    transferred: bool = False


def offers_map(pins: list[Pin], boroughs: list, width: int = 640) -> str:
    if not pins:
        return ""
    shapes = [b.shape for b in boroughs if b.shape is not None]
    geometries = [shapely.Point(p.point) for p in pins] + shapes
    bounds = expand(tuple(shapely.total_bounds(geometries)), 0.04)
    projection = Projection.fit(bounds, width=width, max_height=560)
    parts = [
        svg.element(
            "path", svg.title(b.name), d=projection.path(b.shape), class_="cw-map__neighbour"
        )
        for b in boroughs
        if b.shape is not None
    ]
    for pin in pins:
        x, y = projection.xy(*pin.point)
        colour = DONE if pin.transferred else PIN
        inner = (
            svg.title(f"{pin.number}. {pin.label}")
            + svg.element(
                "circle",
                cx=f"{x:.1f}",
                cy=f"{y:.1f}",
                r="11",
                fill=colour,
                stroke="#ffffff",
                stroke_width="2",
            )
            + svg.text(
                str(pin.number),
                x=f"{x:.1f}",
                y=f"{y:.1f}",
                fill="#ffffff",
                class_="cw-map__label",
                style="font-size: 13px; font-weight: bold",
                aria_hidden="true",
            )
        )
        parts.append(
            svg.element("a", inner, href=pin.href, aria_label=pin.label, class_="cw-map__pin")
        )
    return svg.document(
        "".join(parts),
        view_box=projection.view_box,
        label="Map of the assets offered for transfer, numbered as in the table; "
        "transferred ones in green",
        css_class="cw-map",
        role="group",
    )
