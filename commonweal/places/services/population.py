"""Population totals for every area, derived from the LSOA 2011 estimates.

The ONS estimates we hold are for LSOAs (2011). LSOA 2021 figures come through the
2011 ↔ 2021 lookup: an unchanged or merged LSOA takes the whole of its 2011 LSOAs; a
2011 LSOA split into n parts gives each part an equal 1/n share (the population of the
parts is not published for 2020, so the note on the area says it is an estimate).
Wards, authorities and neighbourhoods are the sums of their LSOAs (2021).
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Max

from commonweal.places.models import Area, AreaType, LsoaLink, PopulationEstimate

NOTE_LENGTH = 300


def _authority(authority) -> Area | None:
    if authority is None or isinstance(authority, Area):
        return authority
    if isinstance(authority, int):
        return Area.objects.get(pk=authority)
    return Area.objects.of_type(AreaType.LOCAL_AUTHORITY).get(gss_code=authority)


def _shares(total: int, parts: int) -> list[int]:
    """Split a whole number into `parts` whole numbers that differ by at most one."""
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


@transaction.atomic
def refresh_population_totals(authority=None) -> int:
    """Recompute Area.population_total/adults/note; returns how many areas changed.

    `authority` (an Area, pk or GSS code) limits the work to one authority's areas.
    Idempotent: a second call changes nothing.
    """
    authority = _authority(authority)
    values: dict[int, tuple[int | None, int | None, str]] = {}

    lsoa11 = Area.objects.of_type(AreaType.LSOA11)
    if authority is not None:
        lsoa11 = lsoa11.in_authority(authority)
    latest = PopulationEstimate.objects.filter(area__in=lsoa11).aggregate(year=Max("year"))["year"]
    estimates = {
        estimate.area_id: estimate
        for estimate in PopulationEstimate.objects.filter(area__in=lsoa11, year=latest)
    }
    codes11 = dict(lsoa11.values_list("pk", "gss_code"))
    for area_id in codes11:
        estimate = estimates.get(area_id)
        if estimate is None:
            values[area_id] = (None, None, "")
        else:
            values[area_id] = (estimate.total, estimate.adults, f"ONS mid-{latest} estimate.")

    # LSOA 2021: shares of their 2011 predecessors.
    links = list(
        LsoaLink.objects.filter(lsoa11_id__in=list(codes11)).values_list("lsoa11_id", "lsoa21_id")
    )
    parts = defaultdict(list)
    for old, new in links:
        parts[old].append(new)
    totals21: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    notes21: dict[int, list[str]] = defaultdict(list)
    missing21: set[int] = set()
    for old, successors in parts.items():
        estimate = estimates.get(old)
        if estimate is None:
            missing21.update(successors)
            continue
        successors.sort()
        for new, total, adults in zip(
            successors,
            _shares(estimate.total, len(successors)),
            _shares(estimate.adults, len(successors)),
            strict=True,
        ):
            totals21[new][0] += total
            totals21[new][1] += adults
            if len(successors) > 1:
                notes21[new].append(
                    f"an equal share of LSOA 2011 {codes11[old]}, split into "
                    f"{len(successors)} in 2021"
                )
            else:
                notes21[new].append(codes11[old])
    lsoa21 = Area.objects.of_type(AreaType.LSOA21)
    lsoa21 = lsoa21.filter(pk__in=totals21.keys() | missing21) | (
        lsoa21.in_authority(authority) if authority is not None else lsoa21
    )
    for area_id in lsoa21.values_list("pk", flat=True):
        if area_id in missing21 or area_id not in totals21:
            values[area_id] = (None, None, "")
            continue
        total, adults = totals21[area_id]
        sources = notes21[area_id]
        if any(source.startswith("an equal share") for source in sources):
            note = f"Estimated from the ONS mid-{latest} estimates: {'; '.join(sources)}."
        elif len(sources) > 1:
            note = f"Sum of the ONS mid-{latest} estimates for LSOAs 2011 {', '.join(sources)}."
        else:
            note = f"ONS mid-{latest} estimate for the same LSOA (2011 boundaries)."
        values[area_id] = (total, adults, note[:NOTE_LENGTH])

    # Wards, authorities and neighbourhoods: sums of their LSOAs (2021).
    def lsoa21_values(area_ids):
        return [values.get(area_id) or _held(area_id) for area_id in area_ids]

    wards = Area.objects.of_type(AreaType.WARD)
    if authority is not None:
        wards = wards.in_authority(authority)
    through = Area.parents.through
    ward_members = defaultdict(list)
    for lsoa_id, ward_id in through.objects.filter(
        to_area__in=wards, from_area__area_type=AreaType.LSOA21
    ).values_list("from_area_id", "to_area_id"):
        ward_members[ward_id].append(lsoa_id)
    for ward_id in wards.values_list("pk", flat=True):
        values[ward_id] = _sum(lsoa21_values(ward_members.get(ward_id, [])), latest)

    authorities = Area.objects.of_type(AreaType.LOCAL_AUTHORITY)
    if authority is not None:
        authorities = authorities.filter(pk=authority.pk)
    for authority_id in authorities.values_list("pk", flat=True):
        members = list(
            Area.objects.of_type(AreaType.LSOA21)
            .filter(authority_id=authority_id)
            .values_list("pk", flat=True)
        )
        values[authority_id] = _sum(lsoa21_values(members), latest)

    neighbourhoods = Area.objects.of_type(AreaType.NEIGHBOURHOOD)
    if authority is not None:
        neighbourhoods = neighbourhoods.in_authority(authority)
    for area in neighbourhoods.prefetch_related("members"):
        members = [member.pk for member in area.members.all()]
        values[area.pk] = _sum(lsoa21_values(members), latest)

    return _save(values)


def _held(area_id: int) -> tuple[int | None, int | None, str]:
    area = Area.objects.only("population_total", "population_adults").get(pk=area_id)
    return (area.population_total, area.population_adults, "")


def _sum(parts: list[tuple[int | None, int | None, str]], year) -> tuple:
    if not parts:
        return (None, None, "")
    known = [part for part in parts if part[0] is not None]
    if not known:
        return (None, None, "")
    total = sum(part[0] for part in known)
    adults = sum(part[1] or 0 for part in known)
    note = f"Sum of the mid-{year} estimates for its {len(known)} LSOAs (2021)."
    if len(known) < len(parts):
        note += f" {len(parts) - len(known)} of its LSOAs have no estimate, so this is too low."
    return (total, adults, note)


def _save(values: dict[int, tuple[int | None, int | None, str]]) -> int:
    changed = []
    for area in Area.objects.filter(pk__in=values.keys()).only(
        "pk", "population_total", "population_adults", "population_note"
    ):
        total, adults, note = values[area.pk]
        if (area.population_total, area.population_adults, area.population_note) != (
            total,
            adults,
            note,
        ):
            area.population_total, area.population_adults = total, adults
            area.population_note = note
            changed.append(area)
    # Population is not geometry: leave updated_at alone so the spatial cache stays warm.
    Area.objects.bulk_update(
        changed, ["population_total", "population_adults", "population_note"], batch_size=500
    )
    return len(changed)
