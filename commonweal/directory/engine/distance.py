"""Distances on the ground from a searched point, in metres.

A borough is small enough that an equirectangular projection centred on the searched
point is accurate to well under one per cent, so shapes are moved into that local
metric plane once and measured there with plain planar geometry. Pure: no Django.
"""

import math
from collections.abc import Iterable

import numpy as np
import shapely

# The mean radius of the Earth (IUGG), in metres.
EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180


def check_point(point: tuple[float, float]) -> tuple[float, float]:
    """(lon, lat) as floats, or ValueError if it is not a place on Earth."""
    lon, lat = (float(value) for value in point)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise ValueError("longitude and latitude must be finite numbers")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError("longitude must be in [-180, 180] and latitude in [-90, 90]")
    return lon, lat


class LocalPlane:
    """Metres east (x) and north (y) of an origin, by the equirectangular projection."""

    def __init__(self, origin: tuple[float, float]):
        self.lon0, self.lat0 = check_point(origin)
        self.kx = METRES_PER_DEGREE * math.cos(math.radians(self.lat0))
        self.ky = METRES_PER_DEGREE

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.kx, (lat - self.lat0) * self.ky

    def project(self, geometry: shapely.Geometry) -> shapely.Geometry:
        """The geometry in the local plane (metres, origin at the searched point)."""
        offset = np.array([self.lon0, self.lat0])
        scale = np.array([self.kx, self.ky])
        return shapely.transform(geometry, lambda coords: (coords - offset) * scale)

    def distance_to_point(self, lon: float, lat: float) -> float:
        x, y = self.xy(lon, lat)
        return math.hypot(x, y)

    def distance_to_shape(self, geometry: shapely.Geometry | None) -> float | None:
        """Metres from the origin to the nearest part of the shape; 0 inside it.

        None for a missing or empty shape (there is nothing to measure to).
        """
        if geometry is None or geometry.is_empty:
            return None
        return float(shapely.distance(self.project(geometry), shapely.Point(0, 0)))

    def distance_to_shapes(self, geometries: Iterable[shapely.Geometry | None]) -> float | None:
        """Metres to the nearest of several shapes (an area of benefit made of parts)."""
        found = [d for g in geometries if (d := self.distance_to_shape(g)) is not None]
        return min(found) if found else None


def distance_m(origin: tuple[float, float], point: tuple[float, float]) -> float:
    """Metres between two (lon, lat) points, measured in the plane around the origin."""
    return LocalPlane(origin).distance_to_point(*check_point(point))


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle metres between two (lon, lat) points: the check on the plane's answer."""
    lon1, lat1 = map(math.radians, check_point(a))
    lon2, lat2 = map(math.radians, check_point(b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def nearest_first(distances: Iterable[tuple[object, float | None, str]]) -> list[object]:
    """Items ordered by distance, ties and unknown distances (last) by their sort label."""
    rows = list(distances)
    rows.sort(key=lambda row: (row[1] is None, row[1] if row[1] is not None else 0.0, row[2]))
    return [row[0] for row in rows]


def describe_distance(metres: float | None) -> str:
    """Plain words for a distance: "Here", "350 m", "1.2 km", "14 km"."""
    if metres is None:
        return "Not known"
    if metres < 50:
        return "Here" if metres == 0 else "Under 50 m"
    if metres < 1000:
        return f"{int(round(metres, -1))} m"
    if metres < 10_000:
        return f"{metres / 1000:.1f} km"
    return f"{round(metres / 1000):,} km"
