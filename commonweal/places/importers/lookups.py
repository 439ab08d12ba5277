"""ONS lookups: LSOA 2021 → ward → local authority, and LSOA 2011 ↔ LSOA 2021."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commonweal.datasets.importing import RowError, register_importer
from commonweal.datasets.importing.base import CsvImporter
from commonweal.places.importers.common import (
    ONS,
    ONS_OS_ATTRIBUTION,
    AuthorityFilter,
    bulk_save_areas,
    clean_code,
    duplicate_problems,
    unknown_problem,
)
from commonweal.places.models import Area, AreaType, LsoaLink

BOUNDARIES_FIRST = "import the boundaries first"


class LookupImporter(CsvImporter):
    """A CSV lookup whose columns may carry ONS's own names or tidier aliases."""

    publisher = ONS
    attribution = ONS_OS_ATTRIBUTION
    # canonical name -> accepted header spellings
    columns: dict[str, tuple[str, ...]] = {}
    optional: tuple[str, ...] = ()

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.filter = AuthorityFilter(options.get("authority"))

    def read(self, path: Path):
        self._mapping = None
        for line, raw in super().read(path):
            yield line, self._canonical(raw)

    def _canonical(self, raw: dict[str, Any]) -> dict[str, Any]:
        if self._mapping is None:
            self._mapping = {}
            header = {name.lower(): name for name in raw}
            for canonical, aliases in self.columns.items():
                found = next((header[a.lower()] for a in aliases if a.lower() in header), None)
                if found is None and canonical not in self.optional:
                    raise RowError(
                        canonical,
                        f"required column missing ({' or '.join(aliases)}); the file has: "
                        f"{', '.join(list(raw)[:12])}",
                    )
                self._mapping[canonical] = found
        return {
            canonical: (raw.get(found) or "").strip() if found else ""
            for canonical, found in self._mapping.items()
        }


def _existing(area_type: str, codes: set[str]) -> dict[str, Area]:
    return {
        area.gss_code: area for area in Area.objects.of_type(area_type).filter(gss_code__in=codes)
    }


def _authorities(codes_names: dict[str, str]) -> dict[str, Area]:
    """The authority Areas, creating any the boundary import has not (without geometry)."""
    found = _existing(AreaType.LOCAL_AUTHORITY, set(codes_names))
    new = [
        Area(gss_code=code, name=name or code, area_type=AreaType.LOCAL_AUTHORITY)
        for code, name in codes_names.items()
        if code not in found
    ]
    bulk_save_areas(new, [], [])
    return found | _existing(AreaType.LOCAL_AUTHORITY, {area.gss_code for area in new})


@dataclass
class WardLink:
    lsoa21: str
    ward: str
    authority: str
    authority_name: str


@register_importer
class LsoaWardAuthorityLookup(LookupImporter):
    source = "lsoa-ward-authority-lookup"
    title = "LSOA (2021) to Electoral Ward (2024) to LAD (2024) Best Fit Lookup in EW"
    source_url = (
        "https://geoportal.statistics.gov.uk/datasets/"
        "ons::lsoa-2021-to-electoral-ward-2024-to-lad-2024-best-fit-lookup-in-ew"
    )
    columns = {
        "lsoa21": ("lsoa21_code", "LSOA21CD", "lsoa21cd"),
        "ward": ("ward24_code", "WD24CD", "wd24cd", "ward_code"),
        "authority": ("ltla24_code", "LAD24CD", "lad24cd", "la_code"),
        "authority_name": ("ltla24_name", "LAD24NM", "lad24nm", "la_name"),
    }
    optional = ("authority_name",)

    def clean_row(self, raw):
        link = WardLink(
            lsoa21=clean_code(raw["lsoa21"], AreaType.LSOA21, "lsoa21_code"),
            ward=clean_code(raw["ward"], AreaType.WARD, "ward24_code"),
            authority=clean_code(raw["authority"], AreaType.LOCAL_AUTHORITY, "ltla24_code"),
            authority_name=raw["authority_name"],
        )
        return link if self.filter.keeps(link.lsoa21, authority_code=link.authority) else None

    def check_rows(self, rows):
        problems = duplicate_problems(rows, lambda row: row.lsoa21, "lsoa21_code", "LSOA")
        links = [row for _, row in rows if row is not None]
        for area_type, label, codes in (
            (AreaType.LSOA21, "LSOA 2021", {link.lsoa21 for link in links}),
            (AreaType.WARD, "ward", {link.ward for link in links}),
        ):
            missing = codes - set(_existing(area_type, codes))
            if missing:
                problems.append(unknown_problem(list(missing), label, BOUNDARIES_FIRST))
        return problems

    def load(self, rows, dataset, report):
        links = [row for row in rows if row is not None]
        lsoas = _existing(AreaType.LSOA21, {link.lsoa21 for link in links})
        wards = _existing(AreaType.WARD, {link.ward for link in links})
        authorities = _authorities({link.authority: link.authority_name for link in links})
        ward_parents = _parent_ids(list(lsoas.values()), AreaType.WARD)
        authority_parents = _parent_ids(list(wards.values()), AreaType.LOCAL_AUTHORITY)
        changed_areas: dict[int, Area] = {}
        through = Area.parents.through
        add, remove = [], []
        for link in links:
            lsoa, ward = lsoas[link.lsoa21], wards[link.ward]
            authority = authorities[link.authority]
            touched = False
            for area in (lsoa, ward):
                if area.authority_id != authority.pk:
                    area.authority = authority
                    changed_areas[area.pk] = area
                    touched = True
            if ward_parents.get(lsoa.pk) != {ward.pk}:
                remove += [(lsoa.pk, old) for old in ward_parents.get(lsoa.pk, set())]
                add.append(through(from_area_id=lsoa.pk, to_area_id=ward.pk))
                ward_parents[lsoa.pk] = {ward.pk}
                touched = True
            if authority.pk not in authority_parents.setdefault(ward.pk, set()):
                add.append(through(from_area_id=ward.pk, to_area_id=authority.pk))
                authority_parents[ward.pk].add(authority.pk)
                touched = True
            if touched:
                report.updated += 1
            else:
                report.unchanged += 1
        for lsoa_id, ward_id in remove:
            through.objects.filter(from_area_id=lsoa_id, to_area_id=ward_id).delete()
        through.objects.bulk_create(add, ignore_conflicts=True)
        bulk_save_areas([], list(changed_areas.values()), ["authority"])
        if note := self.filter.note():
            report.notes.append(note)
        _refresh_population(report, authorities.values())

    def counts(self):
        return {
            "LSOA 2021 areas in a ward": Area.objects.of_type(AreaType.LSOA21)
            .filter(parents__area_type=AreaType.WARD)
            .distinct()
            .count(),
            "Wards in an authority": Area.objects.of_type(AreaType.WARD)
            .filter(authority__isnull=False)
            .count(),
        }


def _parent_ids(children: list[Area], parent_type: str) -> dict[int, set[int]]:
    through = Area.parents.through
    result: dict[int, set[int]] = {}
    for child_id, parent_id in through.objects.filter(
        from_area__in=children, to_area__area_type=parent_type
    ).values_list("from_area_id", "to_area_id"):
        result.setdefault(child_id, set()).add(parent_id)
    return result


def _refresh_population(report, authorities) -> None:
    from commonweal.places.services.population import refresh_population_totals

    changed = sum(refresh_population_totals(authority) for authority in authorities)
    if changed:
        report.notes.append(f"Population totals refreshed for {changed} areas.")


@dataclass
class Generations:
    lsoa11: str
    lsoa21: str
    change: str
    authority: str
    authority_name: str


@register_importer
class Lsoa2011To2021Lookup(LookupImporter):
    source = "lsoa2011-2021-lookup"
    title = (
        "LSOA (2011) to LSOA (2021) to Local Authority District (2022) Lookup for England and Wales"
    )
    source_url = (
        "https://geoportal.statistics.gov.uk/datasets/"
        "ons::lsoa-2011-to-lsoa-2021-to-local-authority-district-2022-lookup-for-england-and-wales-version-2"
    )
    columns = {
        "lsoa11": ("lsoa11_code", "LSOA11CD", "lsoa11cd"),
        "change": ("change_code", "CHGIND", "chgind"),
        "lsoa21": ("lsoa21_code", "LSOA21CD", "lsoa21cd"),
        "authority": ("ltla22_code", "LAD22CD", "lad22cd"),
        "authority_name": ("ltla22_name", "LAD22NM", "lad22nm"),
    }
    optional = ("authority_name",)

    def clean_row(self, raw):
        change = raw["change"].upper()
        if change not in LsoaLink.Change.values:
            raise RowError("change_code", f"“{raw['change']}” is not a change code (U, S, M or X)")
        row = Generations(
            lsoa11=clean_code(raw["lsoa11"], AreaType.LSOA11, "lsoa11_code"),
            lsoa21=clean_code(raw["lsoa21"], AreaType.LSOA21, "lsoa21_code"),
            change=change,
            authority=clean_code(raw["authority"], AreaType.LOCAL_AUTHORITY, "ltla22_code"),
            authority_name=raw["authority_name"],
        )
        return row if self.filter.keeps(row.lsoa11, authority_code=row.authority) else None

    def check_rows(self, rows):
        problems = duplicate_problems(
            rows, lambda row: (row.lsoa11, row.lsoa21), "lsoa21_code", "the pair"
        )
        links = [row for _, row in rows if row is not None]
        for area_type, label, codes in (
            (AreaType.LSOA11, "LSOA 2011", {link.lsoa11 for link in links}),
            (AreaType.LSOA21, "LSOA 2021", {link.lsoa21 for link in links}),
        ):
            missing = codes - set(_existing(area_type, codes))
            if missing:
                problems.append(unknown_problem(list(missing), label, BOUNDARIES_FIRST))
        return problems

    def load(self, rows, dataset, report):
        links = [row for row in rows if row is not None]
        old = _existing(AreaType.LSOA11, {link.lsoa11 for link in links})
        new = _existing(AreaType.LSOA21, {link.lsoa21 for link in links})
        authorities = _authorities({link.authority: link.authority_name for link in links})
        held = {
            (link.lsoa11_id, link.lsoa21_id): link
            for link in LsoaLink.objects.filter(lsoa11__in=old.values())
        }
        wanted = set()
        create, update, changed_areas = [], [], []
        for row in links:
            lsoa11, lsoa21 = old[row.lsoa11], new[row.lsoa21]
            wanted.add((lsoa11.pk, lsoa21.pk))
            link = held.get((lsoa11.pk, lsoa21.pk))
            authority = authorities[row.authority]
            if lsoa11.authority_id != authority.pk:
                lsoa11.authority = authority
                changed_areas.append(lsoa11)
            if link is None:
                create.append(
                    LsoaLink(lsoa11=lsoa11, lsoa21=lsoa21, change=row.change, dataset=dataset)
                )
                report.created += 1
            elif link.change != row.change:
                link.change, link.dataset = row.change, dataset
                update.append(link)
                report.updated += 1
            else:
                report.unchanged += 1
        # Pairs the lookup no longer makes (for the LSOAs it covers) are withdrawn.
        stale = [link.pk for pair, link in held.items() if pair not in wanted]
        LsoaLink.objects.filter(pk__in=stale).delete()
        report.updated += len(stale)
        LsoaLink.objects.bulk_create(create, batch_size=500)
        LsoaLink.objects.bulk_update(update, ["change", "dataset"], batch_size=500)
        bulk_save_areas([], list({area.pk: area for area in changed_areas}.values()), ["authority"])
        if note := self.filter.note():
            report.notes.append(note)
        _refresh_population(report, authorities.values())

    def counts(self):
        return {"LSOA 2011 ↔ 2021 links": LsoaLink.objects.count()}
