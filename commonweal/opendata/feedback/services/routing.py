"""Where a report is, and who answers for it there: the most specific area wins."""

from dataclasses import dataclass, field

from commonweal.opendata.feedback.models import Responsibility
from commonweal.opendata.feedback.services.errors import FeedbackError
from commonweal.places import services as places
from commonweal.places.models import Area, AreaType
from commonweal.places.services.lookup import TYPE_ORDER


@dataclass
class Location:
    authority: Area
    lsoa: Area | None
    areas: list[Area] = field(default_factory=list)  # smallest first
    longitude: float | None = None
    latitude: float | None = None
    postcode: str = ""


def _rank(area: Area) -> int:
    return TYPE_ORDER.index(area.area_type) if area.area_type in TYPE_ORDER else len(TYPE_ORDER)


def locate(*, postcode: str = "", lon=None, lat=None) -> Location:
    """Find the place from a postcode, or else from a point. Raises FeedbackError."""
    postcode = (postcode or "").strip()
    if postcode:
        try:
            found = places.lookup_postcode(postcode)
        except places.PlacesError as exc:
            raise FeedbackError(str(exc), "postcode") from None
        areas = list(found.areas)
        held = {a.pk for a in areas}
        # Neighbourhoods drawn by officers are not in the postcode file, nor always the 2021
        # LSOA: take those from the postcode's point.
        types = {a.area_type for a in areas}
        areas += [
            a
            for a in found.point_areas
            if a.pk not in held
            and (a.area_type == AreaType.NEIGHBOURHOOD or a.area_type not in types)
        ]
        lon, lat = found.point if found.point else (None, None)
        postcode = found.postcode.postcode
    elif lon not in (None, "") or lat not in (None, ""):
        try:
            areas = places.areas_for_point(lon, lat)
        except places.PlacesError as exc:
            raise FeedbackError(str(exc), "point") from None
        lon, lat = float(lon), float(lat)
    else:
        raise FeedbackError("Enter the postcode of the place, or give its position.", "postcode")
    areas.sort(key=lambda a: (_rank(a), a.gss_code))
    authority = next((a for a in areas if a.area_type == AreaType.LOCAL_AUTHORITY), None)
    if authority is None:
        raise FeedbackError(
            "This place is not in a borough we hold, so we cannot send the report anywhere.",
            "postcode" if postcode else "point",
        )
    lsoa = next((a for a in areas if a.area_type == AreaType.LSOA21), None)
    return Location(authority, lsoa, areas, lon, lat, postcode)


def responsible_for(service, areas: list[Area]) -> Responsibility | None:
    """The responsibility for the service in the smallest of the areas that has one."""
    found = {
        r.area_id: r
        for r in Responsibility.objects.filter(service=service, area__in=areas).select_related(
            "provider__organisation", "area"
        )
    }
    for area in sorted(areas, key=lambda a: (_rank(a), a.gss_code)):
        if area.pk in found:
            return found[area.pk]
    return None
