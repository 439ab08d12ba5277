"""Areas of benefit: the places a group serves, and the small areas that follows."""

import shapely
from django.db import transaction

from commonweal.core import audit
from commonweal.directory.models import InterestTag, Organisation
from commonweal.directory.services._common import check
from commonweal.directory.services.errors import DirectoryError
from commonweal.places.models import Area, AreaType


def served_lsoas(organisation: Organisation, areas: list[Area], shape) -> set[int]:
    """Primary keys of the LSOAs (2021) the areas of benefit cover."""
    authority = organisation.authority
    lsoas = Area.objects.of_type(AreaType.LSOA21).in_authority(authority)
    if organisation.borough_wide:
        return set(lsoas.values_list("pk", flat=True))
    from commonweal.places import services as places

    found: set[int] = set()
    for area in areas:
        found.update(places.lsoa21_of(area).in_authority(authority).values_list("pk", flat=True))
    if shape is not None:
        found.update(lsoa.pk for lsoa in places.lsoas_within(authority, shape))
    return found


def _areas(organisation: Organisation, codes) -> list[Area]:
    if isinstance(codes, str):
        codes = codes.replace(",", " ").split()
    codes = sorted({(code or "").strip().upper() for code in codes or []} - {""})
    if not codes:
        return []
    authority = organisation.authority
    held = {}
    for area in Area.objects.filter(gss_code__in=codes):
        if area.pk == authority.pk or area.authority_id == authority.pk:
            held.setdefault(area.gss_code, area)
        else:
            held.setdefault(area.gss_code, None)
    unknown = [code for code in codes if code not in held]
    if unknown:
        raise DirectoryError(f"We do not hold these areas: {', '.join(unknown[:10])}.", "areas")
    elsewhere = [code for code in codes if held[code] is None]
    if elsewhere:
        raise DirectoryError(
            f"These areas are not in {authority.name}: {', '.join(elsewhere[:10])}.", "areas"
        )
    return [held[code] for code in codes]


def set_benefit(
    *,
    actor,
    organisation: Organisation,
    area_codes=(),
    boundary_geojson: str | None = None,
    borough_wide: bool = False,
    keep_boundary: bool = False,
) -> Organisation:
    """Say where a group works. A neighbourhood group needs a defined area: one or more
    areas we hold, or a drawn boundary inside the borough; it cannot be borough-wide."""
    from commonweal.places import services as places

    check(actor, "directory.change_organisation", organisation)
    areas = _areas(organisation, area_codes)
    shape = None
    if boundary_geojson:
        try:
            shape = places.parse_boundary(boundary_geojson)
            places.check_inside_authority(organisation.authority, shape)
        except places.NeighbourhoodInvalid as exc:
            raise DirectoryError(exc.reason, "boundary") from None
    elif keep_boundary:
        shape = organisation.benefit_shape
    if organisation.is_neighbourhood_kind:
        if borough_wide:
            raise DirectoryError(
                f"A {organisation.get_kind_display().lower()} serves a neighbourhood, not the "
                "whole borough: choose its areas or draw its boundary.",
                "areas",
            )
        if not areas and shape is None:
            raise DirectoryError(
                f"A {organisation.get_kind_display().lower()} must have a defined area: choose "
                "one or more areas, or draw its boundary.",
                "areas",
            )
    elif not areas and shape is None and not borough_wide:
        raise DirectoryError(
            "Say where the organisation works: choose areas, draw a boundary, or choose the "
            "whole borough.",
            "areas",
        )
    with transaction.atomic():
        organisation = Organisation.records.select_for_update().get(pk=organisation.pk)
        before = _benefit_state(organisation)
        organisation.borough_wide = borough_wide
        organisation.benefit_geometry = shapely.to_wkb(shape) if shape is not None else None
        organisation.__dict__.pop("benefit_shape", None)
        organisation.save()
        organisation.benefit_areas.set(areas)
        organisation.served_lsoas.set(served_lsoas(organisation, areas, shape))
        after = _benefit_state(organisation)
        if before != after:
            audit.record(
                "directory.benefit_changed",
                actor=actor,
                obj=organisation,
                before=before,
                after=after,
            )
    return organisation


def _benefit_state(organisation: Organisation) -> dict:
    return {
        "areas": sorted(organisation.benefit_areas.values_list("gss_code", flat=True)),
        "boundary": organisation.benefit_geometry is not None,
        "borough_wide": organisation.borough_wide,
        "small_areas_served": organisation.served_lsoas.count(),
    }


def set_interest_tags(*, actor, organisation: Organisation, slugs) -> Organisation:
    check(actor, "directory.change_organisation", organisation)
    slugs = sorted({slug.strip() for slug in slugs or [] if slug and slug.strip()})
    tags = list(InterestTag.objects.current().filter(slug__in=slugs))
    unknown = sorted(set(slugs) - {tag.slug for tag in tags})
    if unknown:
        raise DirectoryError(
            f"These are not communities of interest we list: {', '.join(unknown)}.", "tags"
        )
    with transaction.atomic():
        before = sorted(organisation.interest_tags.values_list("slug", flat=True))
        organisation.interest_tags.set(tags)
        if before != slugs:
            audit.record(
                "directory.tags_changed",
                actor=actor,
                obj=organisation,
                before={"tags": before},
                after={"tags": slugs},
            )
    return organisation
