"""An equal-area-ish projection from longitude/latitude to SVG coordinates.

Longitude is scaled by the cosine of the middle latitude, which keeps shapes
the right way round at the scale of a borough; no map tiles are needed.
"""

import math
from dataclasses import dataclass

import shapely


@dataclass(frozen=True)
class Projection:
    """Maps the bounding box (min_lon, min_lat, max_lon, max_lat) into a width by height box."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    width: float
    height: float
    kx: float  # cos(middle latitude)
    scale: float  # SVG units per degree of latitude
    offset_x: float
    offset_y: float

    @classmethod
    def fit(
        cls,
        bounds: tuple[float, float, float, float],
        width: float = 640,
        height: float | None = None,
        padding: float = 10,
        max_height: float = 640,
    ) -> "Projection":
        """Fit the bounds into the box, centred, keeping the aspect ratio.

        Without a height, the height follows the shape of the bounds (up to max_height).
        """
        min_lon, min_lat, max_lon, max_lat = bounds
        kx = math.cos(math.radians((min_lat + max_lat) / 2))
        span_x = max((max_lon - min_lon) * kx, 1e-9)
        span_y = max(max_lat - min_lat, 1e-9)
        inner_w = width - 2 * padding
        if height is None:
            height = min(max_height, max(inner_w * span_y / span_x, 120) + 2 * padding)
        inner_h = height - 2 * padding
        scale = min(inner_w / span_x, inner_h / span_y)
        offset_x = padding + (inner_w - span_x * scale) / 2
        offset_y = padding + (inner_h - span_y * scale) / 2
        return cls(
            min_lon,
            min_lat,
            max_lon,
            max_lat,
            width,
            round(height, 1),
            kx,
            scale,
            offset_x,
            offset_y,
        )

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = self.offset_x + (lon - self.min_lon) * self.kx * self.scale
        y = self.offset_y + (self.max_lat - lat) * self.scale
        return x, y

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        lon = self.min_lon + (x - self.offset_x) / (self.kx * self.scale)
        lat = self.max_lat - (y - self.offset_y) / self.scale
        return lon, lat

    @property
    def view_box(self) -> str:
        return f"0 0 {_num(self.width)} {_num(self.height)}"

    def data_attributes(self) -> dict[str, str]:
        """What a script needs to turn a click on the map back into longitude and latitude."""
        return {
            "data-min-lon": repr(self.min_lon),
            "data-max-lat": repr(self.max_lat),
            "data-kx": repr(self.kx),
            "data-scale": repr(self.scale),
            "data-offset-x": repr(self.offset_x),
            "data-offset-y": repr(self.offset_y),
        }

    def path(self, geometry: shapely.Geometry) -> str:
        """SVG path data for a polygon or multipolygon (holes drawn with even-odd fill)."""
        parts: list[str] = []
        for polygon in _polygons(geometry):
            for ring in (polygon.exterior, *polygon.interiors):
                points = [self.xy(x, y) for x, y in ring.coords[:-1]]
                if len(points) < 3:
                    continue
                parts.append(
                    "M" + "L".join(f"{_num(x)} {_num(y)}" for x, y in _dedupe(points)) + "Z"
                )
        return "".join(parts)


def expand(
    bounds: tuple[float, float, float, float], fraction: float
) -> tuple[float, float, float, float]:
    """Widen bounds by a fraction of their size on every side."""
    min_x, min_y, max_x, max_y = bounds
    dx = (max_x - min_x) * fraction or 0.001
    dy = (max_y - min_y) * fraction or 0.001
    return min_x - dx, min_y - dy, max_x + dx, max_y + dy


def _polygons(geometry: shapely.Geometry):
    if geometry is None or geometry.is_empty:
        return
    if geometry.geom_type == "Polygon":
        yield geometry
    elif hasattr(geometry, "geoms"):
        for part in geometry.geoms:
            yield from _polygons(part)


def _dedupe(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop points that round to the same place as the one before (smaller SVG)."""
    out: list[tuple[float, float]] = []
    last = None
    for x, y in points:
        key = (round(x, 1), round(y, 1))
        if key != last:
            out.append((x, y))
            last = key
    return out


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
