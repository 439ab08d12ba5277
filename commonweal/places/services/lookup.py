"""Point lookups, neighbours, LSOA generations, and how well postcodes agree with points."""

import math
from dataclasses import dataclass

import numpy as np
import shapely

from commonweal.places import spatial_cache
from commonweal.places.models import Area, AreaType, LsoaLink, Postcode
from commonweal.places.services.errors import InvalidPoint, OutsideKnownAreas

# The order areas are listed in: smallest type first.
TYPE_ORDER = (
    AreaType.LSOA11,
    AreaType.LSOA21,
    AreaType.WARD,
    AreaType.NEIGHBOURHOOD,
    AreaType.LOCAL_AUTHORITY,
)


def _point(lon, lat) -> tuple[float, float]:
    try:
        lon, lat = float(lon), float(lat)
    except (TypeError, ValueError):
        raise InvalidPoint("Give the point as two numbers: longitude and latitude.") from None
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise InvalidPoint("Give the point as two numbers: longitude and latitude.")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise InvalidPoint(
            f"({lon}, {lat}) is not a place on Earth: longitude must be between -180 and 180, "
            "latitude between -90 and 90."
        )
    return lon, lat


def areas_for_point(lon, lat) -> list[Area]:
    """Every area we hold that contains the point, smallest type first.

    A point on a shared border belongs to the area with the smallest code (the spatial
    index's rule), so the answer never depends on the order boundaries were loaded in.
    """
    lon, lat = _point(lon, lat)
    layers = spatial_cache.layers()
    pks: list[int] = []
    for area_type in spatial_cache.INDEXED_TYPES:
        layer = layers[area_type]
        if layer.index is not None and (code := layer.index.lookup(lon, lat)) is not None:
            pks.append(layer.pk_for_code[code])
    neighbourhoods = layers[AreaType.NEIGHBOURHOOD]
    if neighbourhoods.pks:
        inside = shapely.covers(neighbourhoods.shapes, shapely.Point(lon, lat))
        pks += [pk for pk, hit in zip(neighbourhoods.pks, inside, strict=True) if hit]
    if not pks:
        raise OutsideKnownAreas("This point is not in any area we hold.")
    areas = list(Area.objects.filter(pk__in=pks).select_related("authority"))
    return sorted(areas, key=lambda area: (TYPE_ORDER.index(area.area_type), area.gss_code))


def neighbours(area: Area) -> list[Area]:
    """Areas of the same type whose boundaries touch this one's, by name."""
    if area.geometry is None:
        return []
    layer = spatial_cache.layers(area.area_type)[area.area_type]
    if not layer.pks:
        return []
    hits = layer.tree.query(area.shape, predicate="dwithin", distance=spatial_cache.TOUCH_TOLERANCE)
    pks = [layer.pks[hit] for hit in hits if layer.pks[hit] != area.pk]
    return list(Area.objects.filter(pk__in=pks).order_by("name", "gss_code"))


def lsoa_successors(area: Area) -> list[tuple[Area, str]]:
    """The LSOAs (2021) a 2011 LSOA became, with the ONS change code (U, S, M or X)."""
    links = (
        LsoaLink.objects.filter(lsoa11=area).select_related("lsoa21").order_by("lsoa21__gss_code")
    )
    return [(link.lsoa21, link.change) for link in links]


def lsoa_predecessors(area: Area) -> list[tuple[Area, str]]:
    """The LSOAs (2011) a 2021 LSOA came from, with the ONS change code."""
    links = (
        LsoaLink.objects.filter(lsoa21=area).select_related("lsoa11").order_by("lsoa11__gss_code")
    )
    return [(link.lsoa11, link.change) for link in links]


@dataclass(frozen=True)
class PointAgreement:
    """How often a postcode's point lands in the LSOA the postcode file names."""

    authority: Area
    lsoa_type: str
    postcodes: int  # with coordinates and an LSOA of this type
    agreeing: int
    generalised: bool  # the boundaries are simplified, so some disagreement is expected

    @property
    def share(self) -> float | None:
        return self.agreeing / self.postcodes if self.postcodes else None

    @property
    def percentage(self) -> str:
        return f"{self.share:.1%}" if self.share is not None else "not known"


_POSTCODE_FIELD = {AreaType.LSOA11: "lsoa11_code", AreaType.LSOA21: "lsoa21_code"}


def postcode_point_agreement(authority: Area, lsoa_type: str) -> PointAgreement:
    """The share of the authority's postcodes whose point lies in their own LSOA."""
    field = _POSTCODE_FIELD[lsoa_type]
    rows = list(
        Postcode.objects.filter(authority_code=authority.gss_code, longitude__isnull=False)
        .exclude(**{field: ""})
        .values_list("longitude", "latitude", field)
    )
    layer = spatial_cache.layers(lsoa_type)[lsoa_type]
    if not rows or layer.index is None:
        return PointAgreement(authority, lsoa_type, 0, 0, layer.generalised)
    lons = np.array([row[0] for row in rows])
    lats = np.array([row[1] for row in rows])
    found = layer.index.lookup_many(lons, lats)
    agreeing = sum(1 for row, code in zip(rows, found, strict=True) if code == row[2])
    return PointAgreement(authority, lsoa_type, len(rows), agreeing, layer.generalised)


def lsoa21_of(area: Area):
    """The small areas (LSOA 2021) that make up, or cover, any area we hold, as a QuerySet:
    itself, the 2021 successors of a 2011 LSOA, a neighbourhood's members, an authority's
    LSOAs, or those whose parents include a ward or MSOA."""
    lsoas = Area.objects.of_type(AreaType.LSOA21)
    if area.area_type == AreaType.LSOA21:
        return lsoas.filter(pk=area.pk)
    if area.area_type == AreaType.LSOA11:
        return lsoas.filter(pk__in=LsoaLink.objects.filter(lsoa11=area).values("lsoa21_id"))
    if area.area_type == AreaType.LOCAL_AUTHORITY:
        return lsoas.in_authority(area)
    if area.area_type == AreaType.NEIGHBOURHOOD:
        return lsoas.filter(member_of=area)
    return lsoas.filter(parents=area)
