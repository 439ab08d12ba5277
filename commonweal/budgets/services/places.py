"""Checking places against a pot's area with the places services."""

from commonweal.budgets.services.errors import BudgetsError
from commonweal.places.models import Area, AreaType, Postcode
from commonweal.places.services import (
    InvalidPoint,
    InvalidPostcode,
    OutsideKnownAreas,
    UnknownPostcode,
    areas_for_point,
    lookup_postcode,
    lsoa21_of,
)

_POSTCODE_FIELD = {
    AreaType.LOCAL_AUTHORITY: "authority_code",
    AreaType.WARD: "ward_code",
    AreaType.LSOA21: "lsoa21_code",
    AreaType.LSOA11: "lsoa11_code",
}


def area_of_pot(pot) -> Area | None:
    return pot.area or pot.process.authority


def postcode_in(postcode: Postcode, area: Area) -> bool:
    """Whether the ONS postcode lookup places the postcode inside the area."""
    field = _POSTCODE_FIELD.get(area.area_type)
    if field:
        return getattr(postcode, field) == area.gss_code
    return lsoa21_of(area).filter(gss_code=postcode.lsoa21_code).exists()


def find_postcode(text: str, field: str = "postcode") -> Postcode:
    try:
        return lookup_postcode(text).postcode
    except (InvalidPostcode, UnknownPostcode) as exc:
        raise BudgetsError(str(exc), field) from None


def check_place(pot, *, postcode: str = "", lon=None, lat=None) -> dict:
    """The idea's place, checked to lie in the pot's area: a postcode or a point."""
    area = area_of_pot(pot)
    if postcode:
        found = find_postcode(postcode)
        if area is not None and not postcode_in(found, area):
            raise BudgetsError(f"{found.postcode} is not in {area.name}.", "postcode")
        ward = Area.objects.filter(area_type=AreaType.WARD, gss_code=found.ward_code).first()
        return {
            "postcode": found.postcode,
            "longitude": found.longitude,
            "latitude": found.latitude,
            "place_area": ward or area,
        }
    if lon in (None, "") and lat in (None, ""):
        raise BudgetsError("Enter the postcode of the place, or a point.", "postcode")
    try:
        inside = areas_for_point(lon, lat)
    except (InvalidPoint, OutsideKnownAreas) as exc:
        raise BudgetsError(str(exc), "longitude") from None
    if area is not None and not any(a.pk == area.pk or a.authority_id == area.pk for a in inside):
        raise BudgetsError(f"That point is not in {area.name}.", "longitude")
    ward = next((a for a in inside if a.area_type == AreaType.WARD), None)
    return {
        "postcode": "",
        "longitude": float(lon),
        "latitude": float(lat),
        "place_area": ward or area,
    }
