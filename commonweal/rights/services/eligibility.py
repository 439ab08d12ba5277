"""Which body kind a directory organisation is, and whether it has a local connection
with the council's area and the land (ACV-04, ACV-05). The rules themselves are the pure
``calendar.nominators``; this module reads the directory and the boundaries."""

from dataclasses import dataclass

import shapely

from commonweal.directory.models import LegalForm, Organisation, OrganisationKind
from commonweal.places.models import Area, AreaType
from commonweal.places.services.lookup import neighbours
from commonweal.rights.calendar import BodyKind

# Groups that are usually unincorporated associations unless their legal form says otherwise.
_ASSOCIATION_KINDS = {
    OrganisationKind.NEIGHBOURHOOD_GROUP,
    OrganisationKind.RESIDENTS_ASSOCIATION,
    OrganisationKind.TENANTS_ASSOCIATION,
    OrganisationKind.COMMUNITY_GROUP,
    OrganisationKind.FAITH_GROUP,
}
# How far (in degrees, about 500 m) the land may lie outside a parish council's area of
# benefit and still count as in a neighbouring parish: we hold no parish boundaries, so
# the officer confirms this finding.
NEIGHBOURING_PARISH_REACH = 0.005


def body_kind_for(organisation: Organisation) -> BodyKind:
    kind, form = organisation.kind, organisation.legal_form
    if kind == OrganisationKind.PARISH_COUNCIL:
        return BodyKind.PARISH_COUNCIL
    if kind == OrganisationKind.NEIGHBOURHOOD_FORUM:
        return BodyKind.NEIGHBOURHOOD_FORUM
    if kind == OrganisationKind.PUBLIC_PROVIDER or form == LegalForm.STATUTORY:
        return BodyKind.LOCAL_AUTHORITY
    if kind == OrganisationKind.CIC or form == LegalForm.CIC:
        return BodyKind.COMMUNITY_INTEREST_COMPANY
    if (
        kind in (OrganisationKind.CHARITY, OrganisationKind.CIO)
        or form in (LegalForm.TRUST, LegalForm.CIO)
        or organisation.charity_number
    ):
        return BodyKind.CHARITY
    if kind == OrganisationKind.COOPERATIVE or form == LegalForm.SOCIETY:
        return BodyKind.COMMUNITY_BENEFIT_SOCIETY
    if form == LegalForm.COMPANY_GUARANTEE:
        return BodyKind.COMPANY_LIMITED_BY_GUARANTEE
    if form in (LegalForm.UNINCORPORATED, LegalForm.OTHER) and kind in _ASSOCIATION_KINDS:
        return BodyKind.UNINCORPORATED_BODY
    return BodyKind.OTHER


def local_authorities(authority: Area) -> set[int]:
    """The council and its neighbouring authorities (reg 1(3): boundaries that touch)."""
    ids = {authority.pk}
    ids.update(a.pk for a in neighbours(authority) if a.area_type == AreaType.LOCAL_AUTHORITY)
    return ids


def benefit_area(organisation: Organisation) -> shapely.Geometry | None:
    """The organisation's area of benefit as one shape: drawn, or its small areas."""
    from commonweal.directory.presenters.public_maps import lsoa_shapes

    if organisation.benefit_shape is not None:
        return organisation.benefit_shape
    if organisation.borough_wide:
        return organisation.authority.shape
    return lsoa_shapes(organisation.served_lsoas.values_list("pk", flat=True))


@dataclass(frozen=True)
class Connection:
    connected: bool
    explanation: str


def local_connection(organisation: Organisation, authority: Area, land) -> Connection:
    """ACV-05: activities concerned with the council's or a neighbouring area; for a parish
    council, land in its area or in a parish next to it."""
    if organisation.kind == OrganisationKind.PARISH_COUNCIL:
        area = benefit_area(organisation)
        if area is None or area.is_empty:
            return Connection(
                False, f"{organisation.name} has not said which area it covers in the directory."
            )
        if area.intersects(land):
            return Connection(True, f"The land is in the area {organisation.name} covers.")
        if area.buffer(NEIGHBOURING_PARISH_REACH).intersects(land):
            return Connection(
                True,
                f"The land is just outside the area {organisation.name} covers: in a "
                "neighbouring parish (the officer confirms the parishes share a boundary).",
            )
        return Connection(False, f"The land is outside the area {organisation.name} covers.")
    local = local_authorities(authority)
    if organisation.authority_id in local and (
        organisation.borough_wide
        or organisation.benefit_geometry is not None
        or organisation.served_lsoas.exists()
    ):
        where = "this borough" if organisation.authority_id == authority.pk else "a neighbour"
        return Connection(
            True,
            f"{organisation.name} works in {organisation.authority.name} ({where}), according "
            "to its area of benefit in the directory.",
        )
    if organisation.served_lsoas.filter(authority_id__in=local).exists():
        return Connection(
            True,
            f"{organisation.name}'s area of benefit includes places in this borough or a "
            "neighbouring one.",
        )
    return Connection(
        False,
        f"{organisation.name}'s area of benefit in the directory is not in this borough or a "
        "neighbouring one. Add the places it serves to its directory entry first.",
    )
