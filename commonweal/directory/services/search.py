"""Finding groups: by postcode or point (nearest first), area, kind, interest and words.

Read-only: nothing here writes, so there is no actor; `user` decides what may be seen
(listed entries only for the public, `Organisation.records.visible_to(user)` otherwise).
"""

from dataclasses import dataclass

from django.db import connection

from commonweal.directory.engine.distance import LocalPlane, nearest_first
from commonweal.directory.models import InterestTag, Organisation, OrganisationKind
from commonweal.directory.services import search_text
from commonweal.directory.services.errors import DirectoryError
from commonweal.places.models import Area, AreaType


@dataclass(frozen=True)
class SearchQuery:
    authority: Area | None = None  # a local authority Area, or None for all
    postcode: str = ""  # any common spelling
    point: tuple[float, float] | None = None  # (lon, lat)
    area_code: str = ""  # a GSS code of an area we hold: groups that serve it
    kind: str = ""  # an OrganisationKind value
    tag: str = ""  # an InterestTag slug
    text: str = ""  # free text


@dataclass(frozen=True)
class SearchHit:
    organisation: Organisation
    distance_m: float | None  # from the searched point, when there is one
    serves_point: bool  # its area of benefit covers the searched point
    rank: float | None  # text relevance, when text was given


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    origin: tuple[float, float] | None  # the searched point
    origin_label: str  # e.g. "HX1 1AA"
    # The area searched for (area_code) or else the searched point's small area (LSOA 2021).
    area: Area | None


@dataclass(frozen=True)
class _Origin:
    point: tuple[float, float]
    label: str
    lsoa: Area | None


def search(query: SearchQuery, *, user=None) -> SearchResults:
    """Groups matching every part of the query. Raises DirectoryError for bad input."""
    if user is None:
        candidates = Organisation.public.all()
    else:
        candidates = Organisation.records.visible_to(user)
    if query.authority is not None:
        if query.authority.area_type != AreaType.LOCAL_AUTHORITY:
            raise DirectoryError(f"{query.authority.name} is not a borough.", "authority")
        candidates = candidates.in_authority(query.authority)
    kind = (query.kind or "").strip()
    if kind:
        if kind not in OrganisationKind.values:
            raise DirectoryError(f"“{kind[:40]}” is not a kind of group we list.", "kind")
        candidates = candidates.of_kind(kind)
    tag = (query.tag or "").strip()
    if tag:
        if not InterestTag.objects.filter(slug=tag).exists():
            raise DirectoryError(f"“{tag[:40]}” is not a community of interest we list.", "tag")
        candidates = candidates.with_tag(tag)
    area = None
    if (query.area_code or "").strip():
        area, lsoas = _area_and_lsoas(query.area_code)
        candidates = candidates.filter(served_lsoas__in=lsoas)
    origin = _origin(query)

    # One plain query over the chosen rows: the filters above may have joined and
    # de-duplicated, which full-text ranking should not have to work around.
    chosen = Organisation.records.filter(pk__in=candidates.values("pk")).select_related("authority")
    ranks: dict[int, float] | None = None
    text = " ".join((query.text or "").split())
    if text:
        if connection.vendor == "postgresql":
            chosen, ranks = search_text.postgres(chosen, text)
        else:
            chosen, ranks = search_text.fallback(chosen, text)
    organisations = list(chosen)
    if ranks is not None:
        organisations.sort(key=lambda o: (-ranks.get(o.pk, 0.0), o.name.lower(), o.pk))

    if origin is None:
        hits = [
            SearchHit(o, None, False, ranks.get(o.pk) if ranks is not None else None)
            for o in organisations
        ]
        return SearchResults(hits=hits, origin=None, origin_label="", area=area)

    served = _served_lsoas([o.pk for o in organisations])
    plane = LocalPlane(origin.point)
    to_lsoa = _lsoa_distances(plane, set().union(*served.values()) if served else set())
    rows = []
    for organisation in organisations:
        mine = served.get(organisation.pk, set())
        serves = origin.lsoa is not None and origin.lsoa.pk in mine
        distance = _distance(plane, organisation, mine, serves, to_lsoa)
        rank = ranks.get(organisation.pk) if ranks is not None else None
        hit = SearchHit(organisation, distance, serves, rank)
        rows.append((hit, distance, organisation.name.lower()))
    return SearchResults(
        hits=nearest_first(rows),
        origin=origin.point,
        origin_label=origin.label,
        area=area if area is not None else origin.lsoa,
    )


def _distance(plane, organisation, served: set[int], serves: bool, to_lsoa) -> float | None:
    """To where it meets if we know; else to its area of benefit (0 if that covers us)."""
    if organisation.longitude is not None and organisation.latitude is not None:
        return plane.distance_to_point(organisation.longitude, organisation.latitude)
    if serves:
        return 0.0
    found = [to_lsoa[pk] for pk in served if pk in to_lsoa]
    drawn = plane.distance_to_shape(organisation.benefit_shape)
    if drawn is not None:
        found.append(drawn)
    return min(found) if found else None


def _served_lsoas(organisation_pks: list[int]) -> dict[int, set[int]]:
    through = Organisation.served_lsoas.through
    served: dict[int, set[int]] = {}
    rows = through.objects.filter(organisation_id__in=organisation_pks).values_list(
        "organisation_id", "area_id"
    )
    for organisation_pk, area_pk in rows:
        served.setdefault(organisation_pk, set()).add(area_pk)
    return served


def _lsoa_distances(plane: LocalPlane, pks: set[int]) -> dict[int, float]:
    """Metres from the point to each small area, from the shapes the point index holds."""
    if not pks:
        return {}
    from commonweal.places import spatial_cache

    layer = spatial_cache.layers(AreaType.LSOA21)[AreaType.LSOA21]
    distances = {}
    for position, pk in enumerate(layer.pks):
        if pk in pks:
            distances[pk] = plane.distance_to_shape(layer.shapes[position])
    return distances


def _origin(query: SearchQuery) -> _Origin | None:
    from commonweal.places import services as places

    postcode = (query.postcode or "").strip()
    if postcode and query.point is not None:
        raise DirectoryError("Search near a postcode or near a point, not both.", "postcode")
    if postcode:
        try:
            found = places.lookup_postcode(postcode)
        except places.PlacesError as exc:
            raise DirectoryError(str(exc), "postcode") from None
        if found.point is None:
            raise DirectoryError(
                f"We hold the postcode {found.postcode.postcode} but not where it is, so we "
                "cannot measure distances from it. Try a nearby postcode.",
                "postcode",
            )
        # The ONS lookup says which small area a postcode is in; a point near a
        # simplified boundary can fall just over it, so the lookup wins.
        lsoa = found.area_of_type(AreaType.LSOA21) or _lsoa_among(found.point_areas)
        return _Origin(found.point, found.postcode.postcode, lsoa)
    if query.point is None:
        return None
    try:
        lon, lat = (float(value) for value in query.point)
        areas = places.areas_for_point(lon, lat)
    except (TypeError, ValueError):
        raise DirectoryError(
            "Give the point as two numbers: longitude and latitude.", "point"
        ) from None
    except places.InvalidPoint as exc:
        raise DirectoryError(str(exc), "point") from None
    except places.OutsideKnownAreas:
        raise DirectoryError(
            f"The point at longitude {lon:.5f}, latitude {lat:.5f} is outside every area we "
            "hold, so we cannot say which groups serve it.",
            "point",
        ) from None
    return _Origin((lon, lat), f"longitude {lon:.5f}, latitude {lat:.5f}", _lsoa_among(areas))


def _lsoa_among(areas) -> Area | None:
    return next((area for area in areas if area.area_type == AreaType.LSOA21), None)


def _area_and_lsoas(code: str) -> tuple[Area, list[int]]:
    """The area with this code, and the small areas (LSOA 2021) that make it up."""
    from commonweal.places import services as places

    code = "".join(code.split()).upper()
    # A code is unique within a type; prefer the smallest type holding it.
    areas = sorted(
        Area.objects.filter(gss_code=code), key=lambda a: _TYPE_ORDER.get(a.area_type, 99)
    )
    if not areas:
        raise DirectoryError(
            f"We do not hold an area with the code “{code[:20]}”. An area code looks like "
            "E05001234 (a ward) or E01010875 (a small area).",
            "area_code",
        )
    area = areas[0]
    pks = list(places.lsoa21_of(area).values_list("pk", flat=True))
    if not pks:
        raise DirectoryError(
            f"We do not hold the small areas that make up {area.name}, so we cannot say which "
            "groups serve it.",
            "area_code",
        )
    return area, pks


_TYPE_ORDER = {
    AreaType.LSOA21: 0,
    AreaType.LSOA11: 1,
    AreaType.WARD: 2,
    AreaType.NEIGHBOURHOOD: 3,
    AreaType.MSOA: 4,
    AreaType.LOCAL_AUTHORITY: 5,
}
