"""ONS mid-2020 small-area population estimates (LSOA 2011, single year of age)."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from commonweal.datasets.importing import RowError, register_importer
from commonweal.datasets.importing.base import CsvImporter
from commonweal.places.importers.common import (
    ONS,
    ONS_ATTRIBUTION,
    AuthorityFilter,
    clean_code,
    clean_count,
    duplicate_problems,
    pick,
    require_filter_basis,
    unknown_problem,
)
from commonweal.places.models import Area, AreaType, PopulationEstimate

AGES = [str(age) for age in range(90)] + ["90+"]
ADULT_AGES = AGES[18:]


@dataclass
class Estimate:
    code: str
    total: int
    adults: int
    by_age: dict[str, int]


@register_importer
class PopulationMid2020(CsvImporter):
    source = "population-mid2020"
    title = "Lower layer Super Output Area population estimates, mid-2020 (single year of age)"
    publisher = ONS
    source_url = (
        "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/"
        "populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates"
    )
    attribution = ONS_ATTRIBUTION
    release_date = date(2021, 9, 16)
    units = "usual residents, persons, by single year of age"
    year = 2020

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.filter = AuthorityFilter(options.get("authority"), AreaType.LSOA11)

    def read(self, path: Path):
        self.columns: dict[str, str] | None = None
        for line, raw in super().read(path):
            if self.columns is None:
                self.columns = self._columns(list(raw))
            yield line, raw

    def _columns(self, header: list[str]) -> dict[str, str]:
        columns = {
            "code": pick(header, "lsoa11_code", "LSOA Code", "LSOA11CD"),
            "name": pick(header, "lsoa11_name", "LSOA Name", "LSOA11NM"),
            "authority": pick(
                header, "LA Code (2021 boundaries)", "LA Code (2018 boundaries)", "LAD Code"
            ),
            "total": pick(header, "total_population", "All Ages", "all_ages"),
        }
        missing = [label for label in ("code", "total") if columns[label] is None]
        missing += [age for age in AGES if age not in header]
        if missing:
            raise RowError(
                ", ".join(missing[:5]),
                "required columns missing (lsoa11_code, total_population and one column per "
                f"age 0 … 89, 90+); the file has: {', '.join(header[:12])}",
            )
        require_filter_basis(
            self.filter, columns["authority"] is not None, by_name=columns["name"] is not None
        )
        return columns

    def clean_row(self, raw: dict[str, Any]) -> Estimate | None:
        columns = self.columns
        code = clean_code(raw[columns["code"]], AreaType.LSOA11, columns["code"])
        authority = raw[columns["authority"]] if columns["authority"] else None
        name = (raw[columns["name"]] or "").strip() if columns["name"] else ""
        if not self.filter.keeps(code, authority_code=authority, name=name):
            return None
        by_age = {age: clean_count(raw[age], age) for age in AGES}
        total = clean_count(raw[columns["total"]], columns["total"])
        if total != sum(by_age.values()):
            raise RowError(
                columns["total"],
                f"the total ({total:,}) is not the sum of the ages ({sum(by_age.values()):,})",
            )
        adults = sum(by_age[age] for age in ADULT_AGES)
        return Estimate(code=code, total=total, adults=adults, by_age=by_age)

    def check_rows(self, rows):
        problems = duplicate_problems(rows, lambda row: row.code, "lsoa11_code", "LSOA")
        codes = {row.code for _, row in rows if row is not None}
        held = set(
            Area.objects.of_type(AreaType.LSOA11)
            .filter(gss_code__in=codes)
            .values_list("gss_code", flat=True)
        )
        if missing := codes - held:
            problems.append(
                unknown_problem(list(missing), "LSOA 2011", "import the LSOA 2011 boundaries first")
            )
        return problems

    def load(self, rows, dataset, report):
        estimates = [row for row in rows if row is not None]
        areas = {
            area.gss_code: area
            for area in Area.objects.of_type(AreaType.LSOA11).filter(
                gss_code__in=[row.code for row in estimates]
            )
        }
        held = {
            estimate.area_id: estimate
            for estimate in PopulationEstimate.objects.filter(
                area__in=areas.values(), year=self.year
            )
        }
        create, update = [], []
        for row in estimates:
            area = areas[row.code]
            estimate = held.get(area.pk)
            if estimate is None:
                create.append(
                    PopulationEstimate(
                        area=area,
                        year=self.year,
                        total=row.total,
                        adults=row.adults,
                        by_age=row.by_age,
                        dataset=dataset,
                    )
                )
                report.created += 1
            elif (estimate.total, estimate.adults, estimate.by_age) != (
                row.total,
                row.adults,
                row.by_age,
            ):
                estimate.total, estimate.adults = row.total, row.adults
                estimate.by_age, estimate.dataset = row.by_age, dataset
                update.append(estimate)
                report.updated += 1
            else:
                report.unchanged += 1
        PopulationEstimate.objects.bulk_create(create, batch_size=500)
        PopulationEstimate.objects.bulk_update(
            update, ["total", "adults", "by_age", "dataset"], batch_size=500
        )
        if note := self.filter.note():
            report.notes.append(note)
        from commonweal.places.services.population import refresh_population_totals

        authority_ids = {area.authority_id for area in areas.values()}
        if None in authority_ids:
            changed = refresh_population_totals()
        else:
            changed = sum(refresh_population_totals(authority) for authority in authority_ids)
        if changed:
            report.notes.append(f"Population totals refreshed for {changed} areas.")

    def counts(self):
        return {
            f"LSOA 2011 population estimates (mid-{self.year})": PopulationEstimate.objects.filter(
                year=self.year
            ).count()
        }
