"""Coverage: for every small area, which active community-led groups serve it, and the
share of adults living in small areas served by at least one of them.

Active means listed (verified, not withdrawn); community-led is the classification,
overridden or not. Two figures are reported:

- local: only groups with a defined local area. This is the programme's own ambition,
  a neighbourhood group for every adult. A group that serves the whole borough, by
  saying so or by naming the borough itself as its area, is not counted here.
- including borough-wide: interest and identity groups that serve the whole borough
  count too, so every small area is covered once there is one such group.

Read-only: nothing here writes, so there is no actor.
"""

from dataclasses import dataclass

from commonweal.directory.engine.coverage import CoverageShare, coverage_share
from commonweal.directory.models import Organisation
from commonweal.places.models import Area, AreaType


@dataclass(frozen=True)
class LsoaCoverage:
    """One small area (LSOA 2021) and the active community-led groups serving it."""

    area: Area
    ward: Area | None
    adults: int | None
    local_groups: tuple[Organisation, ...]
    borough_wide_groups: tuple[Organisation, ...]

    @property
    def groups(self) -> tuple[Organisation, ...]:
        return self.local_groups + self.borough_wide_groups


@dataclass(frozen=True)
class WardCoverage:
    ward: Area
    lsoas: tuple[LsoaCoverage, ...]
    local: CoverageShare
    including_borough_wide: CoverageShare
    # Groups with a defined area serving any of the ward's small areas.
    local_groups: tuple[Organisation, ...]

    @property
    def adults(self) -> int:
        return self.local.adults_total


@dataclass(frozen=True)
class AuthorityCoverage:
    authority: Area
    local: CoverageShare
    including_borough_wide: CoverageShare
    lsoas: tuple[LsoaCoverage, ...]
    wards: tuple[WardCoverage, ...]
    borough_wide_groups: tuple[Organisation, ...]
    local_groups: tuple[Organisation, ...]


def active_community_groups(authority=None):
    """Listed community-led groups (of one authority, if given)."""
    groups = Organisation.public.community_led()
    if authority is not None:
        groups = groups.in_authority(authority)
    return groups


def is_borough_wide(organisation: Organisation) -> bool:
    """Serves the whole borough: said so, or named the borough itself as its area."""
    if organisation.borough_wide:
        return True
    return any(a.area_type == AreaType.LOCAL_AUTHORITY for a in organisation.benefit_areas.all())


def authority_coverage(authority: Area) -> AuthorityCoverage:
    """Every small area (LSOA 2021) of the borough, its wards, and both figures."""
    lsoas = list(
        Area.objects.of_type(AreaType.LSOA21)
        .in_authority(authority)
        .prefetch_related("parents")
        .order_by("gss_code")
    )
    serving = _serving(lsoas)
    rows = []
    for lsoa in lsoas:
        groups = serving.get(lsoa.pk, [])
        rows.append(
            LsoaCoverage(
                area=lsoa,
                ward=next((p for p in lsoa.parents.all() if p.area_type == AreaType.WARD), None),
                adults=lsoa.population_adults,
                local_groups=tuple(g for g in groups if not is_borough_wide(g)),
                borough_wide_groups=tuple(g for g in groups if is_borough_wide(g)),
            )
        )
    local, including = _shares(rows)
    borough_wide = {g.pk: g for row in rows for g in row.borough_wide_groups}
    local_groups = {g.pk: g for row in rows for g in row.local_groups}
    return AuthorityCoverage(
        authority=authority,
        local=local,
        including_borough_wide=including,
        lsoas=tuple(rows),
        wards=tuple(_wards(rows)),
        borough_wide_groups=tuple(sorted(borough_wide.values(), key=_by_name)),
        local_groups=tuple(sorted(local_groups.values(), key=_by_name)),
    )


def ward_coverage(ward: Area) -> WardCoverage:
    """One ward's figures (its small areas are those whose ward it is)."""
    for row in authority_coverage(ward.authority).wards:
        if row.ward.pk == ward.pk:
            return row
    return WardCoverage(ward, (), *_shares([]), ())


def lsoas_of(area: Area):
    """The small areas (LSOA 2021) that make up, or cover, any area we hold."""
    from commonweal.places import services as places

    return places.lsoa21_of(area)


def groups_serving(area: Area, community_led: bool = True):
    """Listed groups serving any of an area's small areas: for every area, who serves it."""
    groups = active_community_groups() if community_led else Organisation.public.all()
    return (
        groups.filter(served_lsoas__in=lsoas_of(area))
        .distinct()
        .prefetch_related("benefit_areas")
        .order_by("name")
    )


def _serving(lsoas: list[Area]) -> dict[int, list[Organisation]]:
    """Small area pk -> the active community-led groups serving it, by name."""
    through = Organisation.served_lsoas.through
    groups = {
        g.pk: g
        for g in active_community_groups()
        .filter(served_lsoas__in=lsoas)
        .distinct()
        .prefetch_related("benefit_areas")
    }
    out: dict[int, list[Organisation]] = {}
    pairs = through.objects.filter(area__in=lsoas, organisation_id__in=list(groups)).values_list(
        "area_id", "organisation_id"
    )
    for area_id, organisation_id in pairs:
        out.setdefault(area_id, []).append(groups[organisation_id])
    for found in out.values():
        found.sort(key=_by_name)
    return out


def _shares(rows) -> tuple[CoverageShare, CoverageShare]:
    adults = {row.area.gss_code: row.adults for row in rows}
    local = coverage_share(adults, [row.area.gss_code for row in rows if row.local_groups])
    including = coverage_share(adults, [row.area.gss_code for row in rows if row.groups])
    return local, including


def _wards(rows: list[LsoaCoverage]) -> list[WardCoverage]:
    by_ward: dict[int, list[LsoaCoverage]] = {}
    wards: dict[int, Area] = {}
    for row in rows:
        if row.ward is not None:
            by_ward.setdefault(row.ward.pk, []).append(row)
            wards[row.ward.pk] = row.ward
    out = []
    for pk, ward_rows in by_ward.items():
        groups = {g.pk: g for row in ward_rows for g in row.local_groups}
        out.append(
            WardCoverage(
                wards[pk],
                tuple(ward_rows),
                *_shares(ward_rows),
                tuple(sorted(groups.values(), key=_by_name)),
            )
        )
    return sorted(out, key=lambda w: w.ward.name)


def _by_name(organisation: Organisation) -> tuple[str, int]:
    return (organisation.name.lower(), organisation.pk)
