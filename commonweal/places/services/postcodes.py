"""Postcodes: normalising what people type, and finding a postcode's areas."""

import re
from dataclasses import dataclass, field

from commonweal.places.models import Area, AreaType, Postcode
from commonweal.places.services.errors import InvalidPostcode, UnknownPostcode

# The shapes of a UK postcode's outward code (A9, A99, AA9, AA99, A9A, AA9A) and its
# inward code (9AA). Special cases such as GIR 0AA fit the general pattern closely enough.
_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_INWARD = r"[0-9][A-Z]{2}"
_POSTCODE = re.compile(rf"^({_OUTWARD})({_INWARD})$")

# Smallest first, the order in which a postcode's areas are listed.
_POSTCODE_AREA_ORDER = (AreaType.LSOA11, AreaType.LSOA21, AreaType.WARD, AreaType.LOCAL_AUTHORITY)


def normalise_postcode(text: str) -> str:
    """Return the postcode in its standard form, e.g. "HX1 1AA", or raise InvalidPostcode."""
    if not isinstance(text, str):
        raise InvalidPostcode("Enter a postcode, like HX1 1AA.")
    squashed = re.sub(r"\s+", "", text).upper()
    if not squashed:
        raise InvalidPostcode("Enter a postcode, like HX1 1AA.")
    match = _POSTCODE.match(squashed)
    if match is None:
        shown = text.strip()[:20]
        raise InvalidPostcode(
            f"“{shown}” is not a UK postcode. A postcode looks like HX1 1AA or M15 4AB."
        )
    return f"{match.group(1)} {match.group(2)}"


@dataclass
class PostcodeResult:
    """A postcode, its point, and its areas.

    `areas` come from the postcode file (the ONS lookup), the authoritative answer.
    `point_areas` are the areas the postcode's point falls in; near a boundary they can
    differ, especially where boundaries are generalised (`generalised` is then True).
    """

    postcode: Postcode
    point: tuple[float, float] | None
    areas: list[Area]
    point_areas: list[Area] = field(default_factory=list)
    generalised: bool = False

    def area_of_type(self, area_type: str) -> Area | None:
        return next((area for area in self.areas if area.area_type == area_type), None)


def lookup_postcode(text: str) -> PostcodeResult:
    """Find a postcode we hold. Raises InvalidPostcode or UnknownPostcode."""
    from commonweal.places.services.errors import OutsideKnownAreas
    from commonweal.places.services.lookup import areas_for_point

    normalised = normalise_postcode(text)
    postcode = Postcode.objects.select_related("dataset").filter(postcode=normalised).first()
    if postcode is None:
        raise UnknownPostcode(
            f"We do not hold the postcode {normalised}. Check it, or try a nearby postcode."
        )
    wanted = {
        AreaType.LSOA11: postcode.lsoa11_code,
        AreaType.LSOA21: postcode.lsoa21_code,
        AreaType.WARD: postcode.ward_code,
        AreaType.LOCAL_AUTHORITY: postcode.authority_code,
    }
    found = {
        area.area_type: area
        for area in Area.objects.filter(
            gss_code__in=[code for code in wanted.values() if code],
            area_type__in=list(wanted),
        )
        if wanted[area.area_type] == area.gss_code
    }
    areas = [found[area_type] for area_type in _POSTCODE_AREA_ORDER if area_type in found]
    point = None
    point_areas: list[Area] = []
    if postcode.longitude is not None and postcode.latitude is not None:
        point = (postcode.longitude, postcode.latitude)
        try:
            point_areas = areas_for_point(*point)
        except OutsideKnownAreas:
            point_areas = []
    return PostcodeResult(
        postcode=postcode,
        point=point,
        areas=areas,
        point_areas=point_areas,
        generalised=any(area.generalised for area in point_areas),
    )
