"""A borough's small areas shaded by how many groups serve each, the count written on
every area too, so the colour is never the only cue."""

from dataclasses import dataclass

import shapely

from commonweal.places.presenters import svg
from commonweal.places.presenters.projection import Projection

# 0, 1, 2, 3, 4 or more groups: a sequential blue scale (ColorBrewer Blues), darker
# meaning more groups; it keeps its order in greyscale.
COUNT_COLOURS = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
TOP = len(COUNT_COLOURS) - 1


def band(count: int) -> int:
    return min(count, TOP)


def count_colour(count: int) -> str:
    return COUNT_COLOURS[band(count)]


def count_text_colour(count: int) -> str:
    return "#ffffff" if band(count) >= 3 else "#0b0c0c"


def band_label(index: int) -> str:
    if index == TOP:
        return f"{TOP} or more groups"
    return "1 group" if index == 1 else f"{index} groups"


@dataclass(frozen=True)
class CountShape:
    label: str
    geometry: shapely.Geometry | None
    count: int
    href: str | None = None


def coverage_map(label: str, shapes, width: int = 640) -> str:
    shapes = [s for s in shapes if s.geometry is not None and not s.geometry.is_empty]
    if not shapes:
        return ""
    bounds = shapely.total_bounds([s.geometry for s in shapes])
    projection = Projection.fit(tuple(bounds), width=width, max_height=720)
    parts, labels = [], []
    for shape in shapes:
        path = svg.element(
            "path",
            d=projection.path(shape.geometry),
            fill=count_colour(shape.count),
            stroke="#505a5f",
            stroke_width="0.75",
            vector_effect="non-scaling-stroke",
        )
        inner = svg.title(shape.label) + path
        if shape.href:
            parts.append(
                svg.element(
                    "a", inner, href=shape.href, aria_label=shape.label, class_="cw-map__link"
                )
            )
        else:
            parts.append(svg.element("g", inner))
        point = shape.geometry.representative_point()
        x, y = projection.xy(point.x, point.y)
        labels.append(
            svg.text(
                str(shape.count),
                x=f"{x:.1f}",
                y=f"{y:.1f}",
                fill=count_text_colour(shape.count),
                class_="cw-map__label",
                aria_hidden="true",
            )
        )
    body = "".join(parts) + svg.element("g", "".join(labels), class_="cw-map__labels")
    return svg.document(
        body,
        view_box=projection.view_box,
        label=label,
        css_class="cw-map cw-map--coverage",
        role="group" if any(s.href for s in shapes) else "img",
    )
