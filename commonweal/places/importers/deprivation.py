"""English Indices of Deprivation: 2019 (LSOA 2011; ranks and deciles) and 2025 (LSOA 2021)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar

from commonweal.datasets.importing import RowError, register_importer
from commonweal.datasets.importing.base import CsvImporter
from commonweal.places.importers.common import (
    MHCLG,
    PSI_ATTRIBUTION,
    AuthorityFilter,
    clean_code,
    clean_count,
    duplicate_problems,
    pick,
    require_filter_basis,
    unknown_problem,
)
from commonweal.places.models import (
    EDITION_AREA_COUNT,
    Area,
    AreaType,
    DeprivationScore,
    Domain,
    Edition,
)


@dataclass
class Measure:
    domain: str
    rank: int
    decile: int
    score: Decimal | None


@dataclass
class LsoaMeasures:
    code: str
    measures: list[Measure]


class DeprivationImporter(CsvImporter):
    """Shared loading; subclasses say which columns hold which domain."""

    edition: ClassVar[str]
    area_type: ClassVar[str]
    code_columns: ClassVar[tuple[str, ...]]
    authority_columns: ClassVar[tuple[str, ...]] = ()
    name_columns: ClassVar[tuple[str, ...]] = ()
    publisher = MHCLG
    attribution = PSI_ATTRIBUTION
    units = "rank of LSOAs in England (1 = most deprived) and national decile"

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.filter = AuthorityFilter(options.get("authority"), self.area_type)

    def read(self, path: Path):
        self.columns = None
        for line, raw in super().read(path):
            if self.columns is None:
                header = list(raw)
                self.columns = self.domain_columns(header)
                self.code_column = pick(header, *self.code_columns)
                self.authority_column = pick(header, *self.authority_columns)
                self.name_column = pick(header, *self.name_columns)
                if self.code_column is None:
                    raise RowError(
                        self.code_columns[0],
                        f"required column missing ({self.code_columns[0]}); the file has: "
                        f"{', '.join(header[:8])}",
                    )
                require_filter_basis(
                    self.filter,
                    self.authority_column is not None,
                    by_name=self.name_column is not None,
                )
            yield line, raw

    def domain_columns(self, header: list[str]) -> dict[str, tuple[str, str, str | None]]:
        """{domain: (rank column, decile column, score column or None)}"""
        raise NotImplementedError

    def clean_row(self, raw: dict[str, Any]) -> LsoaMeasures | None:
        code = clean_code(raw[self.code_column], self.area_type, self.code_column)
        authority = raw[self.authority_column] if self.authority_column else None
        name = (raw[self.name_column] or "") if self.name_column else ""
        if not self.filter.keeps(code, authority_code=authority, name=name.strip()):
            return None
        national = EDITION_AREA_COUNT[self.edition]
        measures = []
        for domain, (rank_column, decile_column, score_column) in self.columns.items():
            rank = clean_count(raw[rank_column], rank_column)
            decile = clean_count(raw[decile_column], decile_column)
            if not 1 <= rank <= national:
                raise RowError(rank_column, f"rank {rank} is outside 1 to {national:,}")
            if not 1 <= decile <= 10:
                raise RowError(decile_column, f"decile {decile} is outside 1 to 10")
            score = None
            if score_column:
                text = (raw[score_column] or "").strip()
                try:
                    score = Decimal(text).quantize(Decimal("0.001")) if text else None
                except InvalidOperation:
                    raise RowError(score_column, f"“{text}” is not a number") from None
            measures.append(Measure(domain=domain, rank=rank, decile=decile, score=score))
        return LsoaMeasures(code=code, measures=measures)

    def check_rows(self, rows):
        problems = duplicate_problems(rows, lambda row: row.code, self.code_column, "LSOA")
        codes = {row.code for _, row in rows if row is not None}
        held = set(
            Area.objects.of_type(self.area_type)
            .filter(gss_code__in=codes)
            .values_list("gss_code", flat=True)
        )
        if missing := codes - held:
            label = "LSOA 2011" if self.area_type == AreaType.LSOA11 else "LSOA 2021"
            problems.append(
                unknown_problem(
                    list(missing),
                    label,
                    f"import the {label} boundaries first, or import one borough with "
                    "--option authority=<its GSS code>",
                )
            )
        return problems

    def load(self, rows, dataset, report):
        lsoas = [row for row in rows if row is not None]
        areas = {
            area.gss_code: area.pk
            for area in Area.objects.of_type(self.area_type).filter(
                gss_code__in=[row.code for row in lsoas]
            )
        }
        held = {
            (score.area_id, score.domain): score
            for score in DeprivationScore.objects.filter(
                edition=self.edition, area_id__in=areas.values()
            )
        }
        create, update = [], []
        for row in lsoas:
            area_id = areas[row.code]
            for measure in row.measures:
                score = held.get((area_id, measure.domain))
                if score is None:
                    create.append(
                        DeprivationScore(
                            area_id=area_id,
                            edition=self.edition,
                            domain=measure.domain,
                            rank=measure.rank,
                            decile=measure.decile,
                            score=measure.score,
                            dataset=dataset,
                        )
                    )
                    report.created += 1
                elif (score.rank, score.decile, score.score) != (
                    measure.rank,
                    measure.decile,
                    measure.score,
                ):
                    score.rank, score.decile = measure.rank, measure.decile
                    score.score, score.dataset = measure.score, dataset
                    update.append(score)
                    report.updated += 1
                else:
                    report.unchanged += 1
        DeprivationScore.objects.bulk_create(create, batch_size=500)
        DeprivationScore.objects.bulk_update(
            update, ["rank", "decile", "score", "dataset"], batch_size=500
        )
        if note := self.filter.note():
            report.notes.append(note)

    def counts(self):
        label = "LSOA 2011" if self.area_type == AreaType.LSOA11 else "LSOA 2021"
        return {
            f"{label} areas with {self.edition.upper()} figures": DeprivationScore.objects.filter(
                edition=self.edition, domain=Domain.IMD
            ).count(),
            f"{self.edition.upper()} figures": DeprivationScore.objects.filter(
                edition=self.edition
            ).count(),
        }


# The start of each IoD 2019 column heading, by domain ("… Rank (where 1 is most deprived)").
IOD2019_HEADINGS = {
    Domain.IMD: "Index of Multiple Deprivation (IMD)",
    Domain.INCOME: "Income",
    Domain.EMPLOYMENT: "Employment",
    Domain.EDUCATION: "Education, Skills and Training",
    Domain.HEALTH: "Health Deprivation and Disability",
    Domain.CRIME: "Crime",
    Domain.HOUSING: "Barriers to Housing and Services",
    Domain.ENVIRONMENT: "Living Environment",
}


class IoD2019Base(DeprivationImporter):
    edition = Edition.IOD2019
    area_type = AreaType.LSOA11
    code_columns = ("LSOA code (2011)", "lsoa11_code", "LSOA11CD")
    authority_columns = ("Local Authority District code (2019)", "lad19_code", "LAD19CD")
    name_columns = ("LSOA name (2011)", "lsoa11_name", "LSOA11NM")
    source_url = "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019"
    release_date = date(2019, 9, 26)
    domains: ClassVar[tuple[str, ...]]

    def domain_columns(self, header):
        found, missing = {}, []
        for domain in self.domains:
            heading = IOD2019_HEADINGS[domain]
            rank = next((h for h in header if h.startswith(f"{heading} Rank")), None)
            decile = next((h for h in header if h.startswith(f"{heading} Decile")), None)
            if rank is None or decile is None:
                missing.append(f"{heading} Rank/Decile")
            else:
                found[domain] = (rank, decile, None)
        if missing:
            raise RowError(
                missing[0],
                f"required columns missing ({'; '.join(missing)}); the file has: "
                f"{', '.join(header[:6])}",
            )
        return found


@register_importer
class IoD2019Domains(IoD2019Base):
    source = "iod2019"
    title = "English Indices of Deprivation 2019: File 2, domains of deprivation"
    domains = tuple(IOD2019_HEADINGS)


@register_importer
class IoD2019Imd(IoD2019Base):
    source = "iod2019-imd"
    title = "English Indices of Deprivation 2019: File 1, Index of Multiple Deprivation"
    domains = (Domain.IMD,)


IOD2025_PREFIXES = {
    Domain.IMD: "IMD",
    Domain.INCOME: "Income",
    Domain.EMPLOYMENT: "Employment",
    Domain.EDUCATION: "Education",
    Domain.HEALTH: "Health",
    Domain.CRIME: "Crime",
    Domain.HOUSING: "Housing_and_Services",
    Domain.ENVIRONMENT: "Environment",
}


@register_importer
class IoD2025(DeprivationImporter):
    source = "iod2025"
    title = "English Indices of Deprivation 2025 (LSOA 2021): scores, ranks and deciles"
    edition = Edition.IOD2025
    area_type = AreaType.LSOA21
    code_columns = ("lsoa21_code", "LSOA21CD", "LSOA code (2021)")
    authority_columns = ("ltla24_code", "LAD24CD", "Local Authority District code (2024)")
    name_columns = ("lsoa21_name", "LSOA21NM", "LSOA name (2021)")
    source_url = "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025"
    release_date = date(2025, 10, 30)
    units = "score; rank of LSOAs in England (1 = most deprived); national decile"

    def domain_columns(self, header):
        wanted = {
            domain: (f"{prefix}_rank", f"{prefix}_decile", f"{prefix}_score")
            for domain, prefix in IOD2025_PREFIXES.items()
        }
        missing = [
            column for columns in wanted.values() for column in columns if column not in header
        ]
        if missing:
            raise RowError(
                missing[0],
                f"required column{'s' if len(missing) > 1 else ''} missing "
                f"({', '.join(missing[:6])}{' …' if len(missing) > 6 else ''}); the file has: "
                f"{', '.join(header[:6])}",
            )
        return wanted
