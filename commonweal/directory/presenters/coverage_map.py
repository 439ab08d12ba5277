"""A borough's small areas shaded by how many groups serve each, the count written on
every area too, so the colour is never the only cue."""

from dataclasses import dataclass

import shapely

from commonweal.places.presenters.maps import Shaded, shaded_map

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
    shaded = [
        Shaded(
            label=s.label,
            geometry=s.geometry,
            href=s.href,
            fill=count_colour(s.count),
            text=str(s.count),
            text_colour=count_text_colour(s.count),
        )
        for s in shapes
    ]
    return shaded_map(
        label,
        shaded,
        modifier="coverage",
        path_attrs={
            "stroke": "#505a5f",
            "stroke_width": "0.75",
            "vector_effect": "non-scaling-stroke",
        },
        width=width,
    )
