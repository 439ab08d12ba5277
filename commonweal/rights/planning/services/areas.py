"""Neighbourhood area applications: apply, publicise, designate or refuse (rulebook 4.1)."""

import shapely
from django.db import transaction

from commonweal.core import audit
from commonweal.directory.models import OrganisationKind
from commonweal.places.models import Area, AreaType
from commonweal.rights.calendar import periods
from commonweal.rights.planning import stages
from commonweal.rights.planning.models import AreaStatus, AreaStatusChange, NeighbourhoodArea
from commonweal.rights.planning.readings import readings
from commonweal.rights.planning.services._common import (
    check,
    long_date,
    not_before,
    organisation_shape,
    overlaps,
    past_or_today,
    person,
    status_row,
    today,
)
from commonweal.rights.planning.services.errors import PlanningError

# s.61G(2): a parish council, or a body designated as or capable of being a forum.
RELEVANT_BODY_KINDS = (OrganisationKind.PARISH_COUNCIL, OrganisationKind.NEIGHBOURHOOD_FORUM)
PLACE_TYPES = (AreaType.WARD, AreaType.LSOA21, AreaType.MSOA, AreaType.NEIGHBOURHOOD)
# NP-02: an area "is" the whole parish when each covers this share of the other.
WHOLE_PARISH_SHARE = 0.95
WHOLE_PARISH = (
    "A parish council applied for the whole of its parish, so the council must designate it "
    "and no publicity or consultation applies (reg 5A)."
)


def _snapshot(area: NeighbourhoodArea) -> dict:
    return {
        "status": area.status,
        "first_publicised_on": str(area.first_publicised_on or ""),
        "representations_close_on": str(area.representations_close_on or ""),
        "decision_due_on": str(area.decision_due_on or ""),
        "decided_on": str(area.decided_on or ""),
    }


def _places(authority, codes) -> list[Area]:
    if isinstance(codes, str):
        codes = codes.replace(",", " ").split()
    codes = sorted({(c or "").strip().upper() for c in codes} - {""})
    found = list(
        Area.objects.of_type(*PLACE_TYPES).in_authority(authority).filter(gss_code__in=codes)
    )
    unknown = sorted(set(codes) - {a.gss_code for a in found})
    if unknown:
        raise PlanningError(
            f"These are not places we hold in {authority.name}: {', '.join(unknown[:10])}.",
            "places",
        )
    return found


def _shape(authority, place_codes, boundary_geojson) -> tuple[shapely.Geometry, list[Area]]:
    from commonweal.places import services as places

    if boundary_geojson and place_codes:
        raise PlanningError("Give either the places or a drawn boundary, not both.", "boundary")
    if boundary_geojson:
        try:
            shape = places.parse_boundary(boundary_geojson)
            places.check_inside_authority(authority, shape)
        except places.NeighbourhoodInvalid as exc:
            raise PlanningError(exc.reason, "boundary") from None
        return shape, []
    found = _places(authority, place_codes or ())
    if not found:
        raise PlanningError(
            "Say which area you are applying for: choose the wards it covers or draw it.", "places"
        )
    shapes = [a.shape for a in found if a.shape is not None]
    if not shapes:
        raise PlanningError("We hold no boundaries for those places.", "places")
    return shapely.unary_union(shapes), found


def overlapping_designated(authority, shape, *, exclude=None) -> list[NeighbourhoodArea]:
    """Designated areas that share more than a sliver with the shape (s.61G(7))."""
    others = NeighbourhoodArea.objects.designated().in_authority(authority)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return [other for other in others if overlaps(other.shape, shape)]


def _whole_parish(applicant, shape) -> bool:
    parish = organisation_shape(applicant)
    if parish is None:
        raise PlanningError(
            "The directory does not record where your parish is, so we cannot check that this "
            "is the whole parish. Add the parish's area to your entry first.",
            "whole_parish",
        )
    shared = parish.intersection(shape).area
    covers_parish, covers_area = shared / parish.area, shared / shape.area
    if covers_parish < WHOLE_PARISH_SHARE or covers_area < WHOLE_PARISH_SHARE:
        raise PlanningError(
            "The area is not the whole of the parish as the directory records it.", "whole_parish"
        )
    # reg 5A(b): no part of an existing neighbourhood area inside the parish extends outside.
    return not any(
        other.shape.difference(parish).area > 0.01 * other.shape.area
        for other in NeighbourhoodArea.objects.designated().in_authority(applicant.authority)
        if overlaps(other.shape, parish)
    )


@transaction.atomic
def apply_for_area(
    *,
    actor,
    applicant,
    name: str,
    statement: str,
    relevant_body_statement: str,
    place_codes=(),
    boundary_geojson: str | None = None,
    more_than_one_authority: bool = False,
    whole_parish: bool = False,
    received_on=None,
    is_sample: bool = False,
) -> NeighbourhoodArea:
    """A relevant body applies for an area (reg 5): the map, why, and that it may apply."""
    check(actor, "neighbourhoodplanning.apply_for_area", applicant)
    if applicant.kind not in RELEVANT_BODY_KINDS:
        raise PlanningError(
            "Only a parish council or a neighbourhood forum (or a body that could become one) "
            "may apply. If your group means to be the forum, record its kind in the directory "
            "as a neighbourhood forum.",
            "applicant",
        )
    name = " ".join((name or "").split())
    if not name:
        raise PlanningError("Give the area a name.", "name")
    for field, value, what in (
        ("statement", statement, "Explain why the area is appropriate."),
        ("relevant_body_statement", relevant_body_statement, "Say why you may apply."),
    ):
        if not (value or "").strip():
            raise PlanningError(what, field)
    authority = applicant.authority
    pending = NeighbourhoodArea.objects.undecided().filter(applicant=applicant).first()
    if pending is not None:
        raise PlanningError(
            f"{applicant.name} already has an application waiting for a decision ({pending.name})."
            " The council may decline a second one until that is decided (reg 5(2)).",
            "applicant",
        )
    shape, found = _shape(authority, place_codes, boundary_geojson)
    must_designate = ""
    if whole_parish:
        if applicant.kind != OrganisationKind.PARISH_COUNCIL:
            raise PlanningError(
                "Only a parish council can apply for a whole parish.", "whole_parish"
            )
        if _whole_parish(applicant, shape):
            must_designate = WHOLE_PARISH
    received_on = past_or_today(received_on or today(), "received_on", "the council received it")
    area = NeighbourhoodArea(
        authority=authority,
        applicant=applicant,
        name=name,
        statement=statement.strip(),
        relevant_body_statement=relevant_body_statement.strip(),
        more_than_one_authority=more_than_one_authority,
        whole_parish=whole_parish,
        received_on=received_on,
        must_designate_reason=must_designate,
        is_sample=is_sample,
        created_by=person(actor),
    )
    area.geometry = shapely.to_wkb(shape)
    area.save()
    area.places.set(found)
    status_row(
        AreaStatusChange,
        actor=actor,
        area=area,
        status=AreaStatus.RECEIVED,
        effective_on=received_on,
        reason="Application received" + (f". {must_designate}" if must_designate else ""),
    )
    audit.record("neighbourhoodplanning.area_applied", actor=actor, obj=area, after=_snapshot(area))
    return area


def _move(area, *, actor, status, on, reason, action, before):
    area.status = status
    area.save()
    status_row(
        AreaStatusChange, actor=actor, area=area, status=status, effective_on=on, reason=reason
    )
    audit.record(action, actor=actor, obj=area, before=before, after=_snapshot(area))
    return area


@transaction.atomic
def publicise_area(*, actor, area: NeighbourhoodArea, first_publicised_on, closes_on=None):
    """reg 6: publish the application with a closing date at least six weeks on; the
    decision date follows from the first day of publicity (reg 6A)."""
    check(actor, "neighbourhoodplanning.decide_area", area)
    if area.status != AreaStatus.RECEIVED:
        raise PlanningError("Only an application just received can be publicised.")
    if area.must_designate_reason:
        raise PlanningError(
            "This whole-parish application is not publicised: designate it (reg 5A)."
        )
    before = _snapshot(area)
    first = past_or_today(first_publicised_on, "first_publicised_on", "of first publicity")
    not_before(first, area.received_on, "first_publicised_on", "Publicity")
    earliest = stages.representations_close_earliest(first)
    closes_on = closes_on or earliest
    not_before(closes_on, earliest, "closes_on", "The closing date for comments")
    weeks = (
        stages.MULTI_AUTHORITY_DECISION_WEEKS
        if area.more_than_one_authority
        else readings().decision_weeks
    )
    area.first_publicised_on = first
    area.representations_close_on = closes_on
    area.decision_weeks = weeks
    area.decision_due_on = stages.decision_due(
        first,
        more_than_one_authority=area.more_than_one_authority,
        single_authority_weeks=weeks,
    )
    return _move(
        area,
        actor=actor,
        status=AreaStatus.PUBLICISED,
        on=first,
        reason=f"Published for comments until {long_date(closes_on)}; "
        f"decision due by {long_date(area.decision_due_on)}",
        action="neighbourhoodplanning.area_publicised",
        before=before,
    )


def is_late(area: NeighbourhoodArea, on=None) -> bool:
    return area.decision_due_on is not None and (on or today()) > area.decision_due_on


def earliest_decision(area: NeighbourhoodArea):
    """The first day a decision may be made: after the comments close, if there were any."""
    if area.representations_close_on is None:
        return area.received_on
    return periods.day_after(area.representations_close_on)


@transaction.atomic
def designate_area(
    *, actor, area: NeighbourhoodArea, decided_on=None, business_area=False, reasons: str = ""
) -> NeighbourhoodArea:
    """Designate the area as applied for, once comments have closed (or at once, reg 5A)."""
    check(actor, "neighbourhoodplanning.decide_area", area)
    if area.status == AreaStatus.RECEIVED and not area.must_designate_reason:
        raise PlanningError("Publicise the application before deciding it (reg 6).")
    if area.status not in (AreaStatus.RECEIVED, AreaStatus.PUBLICISED):
        raise PlanningError("This application has already been decided.")
    before = _snapshot(area)
    decided_on = past_or_today(decided_on or today(), "decided_on", "of the decision")
    not_before(decided_on, earliest_decision(area), "decided_on", "The decision")
    clashes = overlapping_designated(area.authority, area.shape, exclude=area)
    if clashes:
        names = ", ".join(c.name for c in clashes)
        raise PlanningError(
            f"The area overlaps one already designated ({names}); neighbourhood areas may not "
            "overlap (s.61G(7)).",
            "places",
        )
    area.decided_on = decided_on
    area.business_area = bool(business_area)
    area.decision_reasons = (reasons or "").strip()
    reason = area.decision_reasons or area.must_designate_reason or "Designated as applied for"
    return _move(
        area,
        actor=actor,
        status=AreaStatus.DESIGNATED,
        on=decided_on,
        reason=reason,
        action="neighbourhoodplanning.area_designated",
        before=before,
    )


@transaction.atomic
def refuse_area(*, actor, area: NeighbourhoodArea, reasons: str, decided_on=None):
    """Refuse the application, with reasons, once comments have closed."""
    check(actor, "neighbourhoodplanning.decide_area", area)
    if area.status != AreaStatus.PUBLICISED:
        if area.must_designate_reason and area.status == AreaStatus.RECEIVED:
            raise PlanningError(area.must_designate_reason)
        raise PlanningError("Only an application that has been publicised can be refused.")
    reasons = (reasons or "").strip()
    if not reasons:
        raise PlanningError("Give the reasons for refusing the application.", "reasons")
    decided_on = past_or_today(decided_on or today(), "decided_on", "of the decision")
    not_before(decided_on, earliest_decision(area), "decided_on", "The decision")
    if readings().designate_when_late and decided_on > area.decision_due_on:
        raise PlanningError(
            f"The decision was due by {long_date(area.decision_due_on)}. After that date the "
            "council must designate the area applied for (this rule awaits legal "
            "confirmation).",
            "decided_on",
        )
    before = _snapshot(area)
    area.decided_on = decided_on
    area.decision_reasons = reasons
    return _move(
        area,
        actor=actor,
        status=AreaStatus.REFUSED,
        on=decided_on,
        reason=reasons,
        action="neighbourhoodplanning.area_refused",
        before=before,
    )
