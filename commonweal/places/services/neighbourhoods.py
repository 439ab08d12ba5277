"""Neighbourhoods an officer defines: from LSOAs (2021), or from a drawn GeoJSON boundary.

User input is refused, never silently repaired: a shape that crosses itself is an error
the person drawing it should see and fix.
"""

import json
import uuid

import shapely
from django.core.exceptions import PermissionDenied
from django.db import transaction
from shapely.geometry import shape

from commonweal.core import audit
from commonweal.places.models import Area, AreaType
from commonweal.places.services.errors import NeighbourhoodInvalid
from commonweal.places.services.population import refresh_population_totals

# A drawn shape may stray this far outside the authority's (generalised) boundary.
MAX_SHARE_OUTSIDE = 0.05
# An LSOA belongs to a drawn neighbourhood when at least this share of it lies inside.
MEMBER_SHARE_INSIDE = 0.5
GENERATION = "Custom neighbourhood"


def _check_permission(actor, permission: str, obj) -> None:
    # actor=None is the system itself (a command or the demo loader), not a person.
    if actor is not None and not actor.has_perm(permission, obj):
        raise PermissionDenied("Only the authority's officers and administrators may do this.")


def _clean_name(authority: Area, name: str, exclude: Area | None = None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise NeighbourhoodInvalid("Give the neighbourhood a name.")
    if len(name) > 200:
        raise NeighbourhoodInvalid("The name must be 200 characters or fewer.")
    clash = (
        Area.objects.of_type(AreaType.NEIGHBOURHOOD)
        .in_authority(authority)
        .filter(name__iexact=name)
    )
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise NeighbourhoodInvalid(f"{authority.name} already has a neighbourhood called “{name}”.")
    return name


def _lsoas(authority: Area, lsoa_codes) -> list[Area]:
    if isinstance(lsoa_codes, str):
        lsoa_codes = lsoa_codes.replace(",", " ").split()
    codes = sorted({(code or "").strip().upper() for code in lsoa_codes} - {""})
    if not codes:
        raise NeighbourhoodInvalid("Choose at least one LSOA.")
    found = {
        area.gss_code: area
        for area in Area.objects.of_type(AreaType.LSOA21).filter(gss_code__in=codes)
    }
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise NeighbourhoodInvalid(
            f"We do not hold these LSOAs (2021): {', '.join(unknown[:10])}. Check the codes."
        )
    elsewhere = [code for code in codes if found[code].authority_id != authority.pk]
    if elsewhere:
        raise NeighbourhoodInvalid(
            f"These LSOAs are not in {authority.name}: {', '.join(elsewhere[:10])}."
        )
    missing_shape = [code for code in codes if found[code].geometry is None]
    if missing_shape:
        raise NeighbourhoodInvalid(
            f"We hold no boundary for these LSOAs: {', '.join(missing_shape[:10])}."
        )
    return [found[code] for code in codes]


def _parse_geojson(text: str) -> shapely.Geometry:
    try:
        document = json.loads(text)
    except (TypeError, ValueError):
        raise NeighbourhoodInvalid(
            "The boundary is not valid GeoJSON: the file cannot be read as JSON."
        ) from None
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features") or []
        if len(features) != 1:
            raise NeighbourhoodInvalid(
                f"The file holds {len(features)} shapes; give exactly one boundary."
            )
        document = features[0]
    if isinstance(document, dict) and document.get("type") == "Feature":
        document = document.get("geometry")
    if not isinstance(document, dict) or document.get("type") not in ("Polygon", "MultiPolygon"):
        kind = document.get("type") if isinstance(document, dict) else type(document).__name__
        raise NeighbourhoodInvalid(
            f"The boundary must be a GeoJSON Polygon or MultiPolygon, not {kind or 'nothing'}."
        )
    try:
        geometry = shape(document)
    except (
        ValueError,
        TypeError,
        AttributeError,
        KeyError,
        IndexError,
        shapely.errors.GEOSException,
    ):
        raise NeighbourhoodInvalid("The boundary's coordinates cannot be read.") from None
    if geometry.is_empty:
        raise NeighbourhoodInvalid("The boundary is empty.")
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        raise NeighbourhoodInvalid(
            "The boundary crosses itself or is otherwise not a proper shape "
            f"({reason}). Redraw it so that its edges do not cross."
        )
    if geometry.area == 0:
        raise NeighbourhoodInvalid("The boundary encloses no area.")
    min_x, min_y, max_x, max_y = geometry.bounds
    if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
        raise NeighbourhoodInvalid(
            "The coordinates are not longitude and latitude (WGS84); export the shape in EPSG:4326."
        )
    return geometry


def _inside_authority(authority: Area, geometry: shapely.Geometry) -> None:
    outline = authority.shape
    if outline is None:
        raise NeighbourhoodInvalid(
            f"We hold no boundary for {authority.name}, so a drawn shape cannot be checked."
        )
    outside = geometry.difference(outline).area / geometry.area
    if outside > MAX_SHARE_OUTSIDE:
        raise NeighbourhoodInvalid(
            f"The shape must lie inside {authority.name}; {outside:.0%} of it is outside."
        )


def _members_within(authority: Area, geometry: shapely.Geometry) -> list[Area]:
    members = []
    for lsoa in Area.objects.of_type(AreaType.LSOA21).in_authority(authority).with_geometry():
        lsoa_shape = lsoa.shape
        if not lsoa_shape.intersects(geometry):
            continue
        if lsoa_shape.intersection(geometry).area >= MEMBER_SHARE_INSIDE * lsoa_shape.area:
            members.append(lsoa)
    return members


def _next_code(authority: Area) -> str:
    # Numbered from the row's own id, which is never reused, so codes stay stable.
    return f"N-{authority.gss_code}-"


def _save(area: Area, geometry: shapely.Geometry, members: list[Area]) -> None:
    area.set_shape(geometry)
    area.save()
    area.members.set(members)
    refresh_population_totals(area.authority)
    area.refresh_from_db()


def _snapshot(area: Area) -> dict:
    return {
        "name": area.name,
        "code": area.gss_code,
        "authority": area.authority.gss_code if area.authority_id else None,
        "members": sorted(area.members.values_list("gss_code", flat=True)),
        "description": area.description,
        "population": area.population_total,
    }


def _create(*, actor, authority: Area, name: str, description: str, geometry, members) -> Area:
    area = Area(
        gss_code=f"pending-{uuid.uuid4().hex[:20]}",  # gss_code holds 32
        name=name,
        area_type=AreaType.NEIGHBOURHOOD,
        generation=GENERATION,
        authority=authority,
        description=description or "",
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _save(area, geometry, members)
    area.gss_code = f"{_next_code(authority)}{area.pk:04d}"
    area.save(update_fields=["gss_code"])
    audit.record("places.neighbourhood_created", actor=actor, obj=area, after=_snapshot(area))
    return area


def _authority(authority) -> Area:
    if isinstance(authority, Area) and authority.area_type == AreaType.LOCAL_AUTHORITY:
        return authority
    found = Area.objects.of_type(AreaType.LOCAL_AUTHORITY).filter(gss_code=str(authority)).first()
    if found is None:
        raise NeighbourhoodInvalid(f"We hold no local authority {authority}.")
    return found


@transaction.atomic
def create_neighbourhood_from_lsoas(
    *, actor, authority, name: str, lsoa_codes, description: str = ""
) -> Area:
    """A neighbourhood made of whole LSOAs (2021) of one authority."""
    authority = _authority(authority)
    _check_permission(actor, "places.add_neighbourhood", authority)
    name = _clean_name(authority, name)
    members = _lsoas(authority, lsoa_codes)
    geometry = shapely.unary_union([member.shape for member in members])
    return _create(
        actor=actor,
        authority=authority,
        name=name,
        description=description,
        geometry=geometry,
        members=members,
    )


@transaction.atomic
def create_neighbourhood_from_geojson(
    *, actor, authority, name: str, geojson_text: str, description: str = ""
) -> Area:
    """A neighbourhood with a drawn boundary; its members are the LSOAs mostly inside it."""
    authority = _authority(authority)
    _check_permission(actor, "places.add_neighbourhood", authority)
    name = _clean_name(authority, name)
    geometry = _parse_geojson(geojson_text)
    _inside_authority(authority, geometry)
    return _create(
        actor=actor,
        authority=authority,
        name=name,
        description=description,
        geometry=geometry,
        members=_members_within(authority, geometry),
    )


def _neighbourhood(neighbourhood: Area | None, area: Area | None) -> Area:
    target = neighbourhood or area
    if target is None or target.area_type != AreaType.NEIGHBOURHOOD:
        raise NeighbourhoodInvalid("Only neighbourhoods can be changed here.")
    return target


@transaction.atomic
def update_neighbourhood(
    neighbourhood: Area | None = None,
    *,
    actor,
    area: Area | None = None,
    name: str | None = None,
    description: str | None = None,
    lsoa_codes=None,
    geojson_text: str | None = None,
) -> Area:
    """Rename, redescribe or redraw a neighbourhood (by LSOAs or by a boundary)."""
    area = _neighbourhood(neighbourhood, area)
    _check_permission(actor, "places.change_neighbourhood", area)
    authority = area.authority
    before = _snapshot(area)
    if name is not None:
        area.name = _clean_name(authority, name, exclude=area)
    if description is not None:
        area.description = description
    if lsoa_codes is not None and geojson_text is not None:
        raise NeighbourhoodInvalid("Give either LSOAs or a boundary, not both.")
    if lsoa_codes is not None:
        members = _lsoas(authority, lsoa_codes)
        _save(area, shapely.unary_union([m.shape for m in members]), members)
    elif geojson_text is not None:
        geometry = _parse_geojson(geojson_text)
        _inside_authority(authority, geometry)
        _save(area, geometry, _members_within(authority, geometry))
    else:
        area.save(update_fields=["name", "description", "updated_at"])
    audit.record(
        "places.neighbourhood_changed", actor=actor, obj=area, before=before, after=_snapshot(area)
    )
    return area


@transaction.atomic
def delete_neighbourhood(
    neighbourhood: Area | None = None, *, actor, area: Area | None = None
) -> None:
    """Delete a neighbourhood (its LSOAs are untouched)."""
    area = _neighbourhood(neighbourhood, area)
    _check_permission(actor, "places.delete_neighbourhood", area)
    before = _snapshot(area)
    audit.record("places.neighbourhood_deleted", actor=actor, obj=area, before=before)
    area.members.clear()
    area.delete()


# Shared with other apps that take a drawn boundary (a group's area of benefit, say), so
# that every drawn shape is checked by the same rules.
def parse_boundary(geojson_text: str) -> shapely.Geometry:
    """A GeoJSON Polygon or MultiPolygon, checked; raises NeighbourhoodInvalid."""
    return _parse_geojson(geojson_text)


def check_inside_authority(authority: Area, geometry: shapely.Geometry) -> None:
    """Refuse a shape that lies (more than a sliver) outside the authority."""
    _inside_authority(authority, geometry)


def lsoas_within(authority: Area, geometry: shapely.Geometry) -> list[Area]:
    """The authority's LSOAs (2021) at least half inside the shape."""
    return _members_within(authority, geometry)
