"""British National Grid (OSGB36, EPSG:27700) eastings and northings to WGS84 longitude
and latitude. Pure: no Django.

None of the project's declared dependencies converts between coordinate systems (pyproj
comes only with the optional benchmark tools), so this follows Ordnance Survey's published
formulae: the inverse Transverse Mercator projection (OS, "A guide to coordinate systems in
Great Britain", Annex C), exact to the millimetre, then the seven-parameter Helmert
transformation from OSGB36 to WGS84 (the same guide, section 6.6), good to about 5 metres.
That is ample for a map pin at an asset's centre point; it is not a survey-grade OSTN15
transformation.
"""

from __future__ import annotations

import math

# Airy 1830 ellipsoid and the National Grid projection (OS guide, Annex A).
_A, _B = 6377563.396, 6356256.909
_F0 = 0.9996012717
_LAT0, _LON0 = math.radians(49), math.radians(-2)
_N0, _E0 = -100000.0, 400000.0
_E2 = 1 - (_B * _B) / (_A * _A)
_N = (_A - _B) / (_A + _B)

# OSGB36 to WGS84 (the inverse of the guide's WGS84 to OSGB36 parameters).
_TX, _TY, _TZ = 446.448, -125.157, 542.060
_S = -20.4894e-6
_RX, _RY, _RZ = (math.radians(v / 3600) for v in (0.1502, 0.2470, 0.8421))
# GRS80 / WGS84 ellipsoid.
_WGS_A, _WGS_B = 6378137.000, 6356752.3141

# The National Grid's extent, in metres.
MAX_EASTING, MAX_NORTHING = 700000, 1300000


def _meridional_arc(lat: float) -> float:
    n = _N
    dlat, slat = lat - _LAT0, lat + _LAT0
    return (
        _B
        * _F0
        * (
            (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * dlat
            - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(dlat) * math.cos(slat)
            + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * dlat) * math.cos(2 * slat)
            - 35 / 24 * n**3 * math.sin(3 * dlat) * math.cos(3 * slat)
        )
    )


def grid_to_osgb36(easting: float, northing: float) -> tuple[float, float]:
    """OS guide Annex C: (latitude, longitude) in degrees on the OSGB36 datum."""
    lat = _LAT0
    m = 0.0
    while True:
        lat = (northing - _N0 - m) / (_A * _F0) + lat
        m = _meridional_arc(lat)
        if abs(northing - _N0 - m) < 0.00001:
            break
    sin_lat, cos_lat, tan_lat = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = _A * _F0 / math.sqrt(1 - _E2 * sin_lat**2)
    rho = _A * _F0 * (1 - _E2) / (1 - _E2 * sin_lat**2) ** 1.5
    eta2 = nu / rho - 1
    sec_lat = 1 / cos_lat
    vii = tan_lat / (2 * rho * nu)
    viii = tan_lat / (24 * rho * nu**3) * (5 + 3 * tan_lat**2 + eta2 - 9 * tan_lat**2 * eta2)
    ix = tan_lat / (720 * rho * nu**5) * (61 + 90 * tan_lat**2 + 45 * tan_lat**4)
    x = sec_lat / nu
    xi = sec_lat / (6 * nu**3) * (nu / rho + 2 * tan_lat**2)
    xii = sec_lat / (120 * nu**5) * (5 + 28 * tan_lat**2 + 24 * tan_lat**4)
    xiia = sec_lat / (5040 * nu**7) * (61 + 662 * tan_lat**2 + 1320 * tan_lat**4 + 720 * tan_lat**6)
    de = easting - _E0
    latitude = lat - vii * de**2 + viii * de**4 - ix * de**6
    longitude = _LON0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return math.degrees(latitude), math.degrees(longitude)


def _to_cartesian(lat: float, lon: float, a: float, b: float) -> tuple[float, float, float]:
    e2 = 1 - (b * b) / (a * a)
    lat, lon = math.radians(lat), math.radians(lon)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    return (
        nu * math.cos(lat) * math.cos(lon),
        nu * math.cos(lat) * math.sin(lon),
        (1 - e2) * nu * math.sin(lat),
    )


def _from_cartesian(x: float, y: float, z: float, a: float, b: float) -> tuple[float, float]:
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z + e2 * nu * math.sin(lat), p)
    return math.degrees(lat), math.degrees(math.atan2(y, x))


def osgb36_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """The Helmert transformation: (latitude, longitude) in degrees on WGS84."""
    x, y, z = _to_cartesian(lat, lon, _A, _B)
    s = 1 + _S
    x2 = _TX + s * x - _RZ * y + _RY * z
    y2 = _TY + _RZ * x + s * y - _RX * z
    z2 = _TZ - _RY * x + _RX * y + s * z
    return _from_cartesian(x2, y2, z2, _WGS_A, _WGS_B)


def grid_to_lonlat(easting: float, northing: float) -> tuple[float, float]:
    """British National Grid metres to WGS84 (longitude, latitude) in degrees."""
    if not (0 <= easting <= MAX_EASTING and 0 <= northing <= MAX_NORTHING):
        raise ValueError(f"({easting}, {northing}) is outside the British National Grid")
    lat, lon = osgb36_to_wgs84(*grid_to_osgb36(easting, northing))
    return lon, lat
