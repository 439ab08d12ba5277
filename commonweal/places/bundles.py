"""Borough bundles: the official files that make one borough's places data, in load order.

Each step names an importer, the file's path relative to the shared data folder, and the
official publication it comes from (for a deployment that downloads it afresh).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from commonweal.datasets.importing import ImportReport, get_importer, run_import

GEOPORTAL = "https://geoportal.statistics.gov.uk/datasets/ons::"
LSOA11_BSC = (
    f"{GEOPORTAL}lower-layer-super-output-areas-december-2011-boundaries-"
    "super-generalised-clipped-bsc-ew-v3"
)
LSOA11_BGC = (
    f"{GEOPORTAL}lower-layer-super-output-areas-december-2011-boundaries-"
    "generalised-clipped-bgc-ew-v3"
)
LSOA21_BSC = f"{GEOPORTAL}lower-layer-super-output-areas-december-2021-boundaries-ew-bsc-v4-2"
LSOA21_BGC = f"{GEOPORTAL}lower-layer-super-output-areas-december-2021-boundaries-ew-bgc-v5-2"
WARDS_2022_BSC = f"{GEOPORTAL}wards-december-2022-boundaries-uk-bsc"
WARDS_2023_BGC = f"{GEOPORTAL}wards-december-2023-boundaries-uk-bgc"
LAD_2024_BUC = f"{GEOPORTAL}local-authority-districts-may-2024-boundaries-uk-buc"
LAD_2023_BGC = f"{GEOPORTAL}local-authority-districts-may-2023-boundaries-uk-bgc"
LOOKUP_11_21 = (
    f"{GEOPORTAL}lsoa-2011-to-lsoa-2021-to-local-authority-district-2022-lookup-"
    "for-england-and-wales-version-2"
)
LOOKUP_21_WARD = f"{GEOPORTAL}lsoa-2021-to-electoral-ward-2024-to-lad-2024-best-fit-lookup-in-ew"
POPULATION_2020 = (
    "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/"
    "populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates"
)
IOD2019_FILE2 = (
    "https://assets.publishing.service.gov.uk/media/5d8b3abded915d0373d3540f/"
    "File_2_-_IoD2019_Domains_of_Deprivation.xlsx"
)
IOD2025 = "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025"
POSTCODES_MAY22 = (
    f"{GEOPORTAL}postcode-to-output-area-to-lower-layer-super-output-area-to-middle-layer-"
    "super-output-area-to-local-authority-district-may-2022-lookup-in-the-uk"
)
ONSPD_FEB25 = f"{GEOPORTAL}ons-postcode-directory-february-2025"


@dataclass(frozen=True)
class Step:
    source: str  # the importer's key
    path: str  # relative to the shared data folder
    official_url: str  # the publication a deployment downloads it from
    options: dict = field(default_factory=dict)

    def importer_options(self, borough: "Borough") -> dict:
        # Official tables are often national, so keep only the borough's rows. Boundary
        # downloads are already filtered by their query, and filtering them again by the
        # simplified borough outline would drop edge areas.
        if self.source in NATIONAL_TABLE_SOURCES:
            return {"authority": borough.gss_code, **self.options}
        return dict(self.options)


# Sources whose official publication covers the whole country, with a local-authority
# column (or LSOA names) to keep one borough's rows by.
NATIONAL_TABLE_SOURCES = frozenset(
    {
        "lsoa-ward-authority-lookup",
        "lsoa2011-2021-lookup",
        "population-mid2020",
        "iod2019",
        "iod2025",
        "postcodes-ons",
    }
)


@dataclass(frozen=True)
class Borough:
    key: str
    name: str
    gss_code: str
    steps: tuple[Step, ...]


def _steps(
    prefix: str,
    *,
    lsoa11: tuple[str, str, dict],
    lsoa21: tuple[str, str, dict],
    wards: tuple[str, str, dict],
    authority: tuple[str, str, dict],
    postcodes: tuple[str, str, dict] | None,
) -> tuple[Step, ...]:
    steps = [
        Step("authority-boundaries", *authority),
        Step("lsoa2011-boundaries", *lsoa11),
        Step("lsoa2021-boundaries", *lsoa21),
        Step("ward-boundaries", *wards),
        Step(
            "lsoa-ward-authority-lookup",
            f"boundaries/{prefix}_lookup_lsoa21_ward24_lad24.csv",
            LOOKUP_21_WARD,
        ),
        Step("lsoa2011-2021-lookup", f"boundaries/{prefix}_lookup_lsoa11_lsoa21.csv", LOOKUP_11_21),
        Step(
            "population-mid2020",
            f"population/{prefix}_mid-2020_population_lsoa11_single_year_of_age.csv",
            POPULATION_2020,
        ),
        Step("iod2019", f"imd2019/{prefix}_iod2019_file2_domains.csv", IOD2019_FILE2),
        Step("iod2025", f"iod2025/{prefix}_imd2025_lsoa21.csv", IOD2025),
    ]
    if postcodes is not None:
        steps.append(Step("postcodes-ons", *postcodes))
    return tuple(steps)


BOROUGHS: dict[str, Borough] = {
    "calderdale": Borough(
        key="calderdale",
        name="Calderdale",
        gss_code="E08000033",
        steps=_steps(
            "calderdale",
            authority=(
                "boundaries/calderdale_lad2024_buc.geojson",
                LAD_2024_BUC,
                {"generation": "LAD May 2024 BUC"},
            ),
            lsoa11=(
                "boundaries/calderdale_lsoa2011_bsc.geojson",
                LSOA11_BSC,
                {"generation": "LSOA Dec 2011 BSC V3"},
            ),
            lsoa21=(
                "boundaries/calderdale_lsoa2021_bsc.geojson",
                LSOA21_BSC,
                {"generation": "LSOA Dec 2021 BSC V4"},
            ),
            wards=(
                "boundaries/calderdale_ward2022_bsc.geojson",
                WARDS_2022_BSC,
                {"generation": "Wards Dec 2022 BSC"},
            ),
            postcodes=(
                "postcodes/calderdale_postcode_lsoa_latlong_derived.csv",
                POSTCODES_MAY22,
                {"code_point_open": True},
            ),
        ),
    ),
    "trafford": Borough(
        key="trafford",
        name="Trafford",
        gss_code="E08000009",
        steps=_steps(
            "trafford",
            authority=(
                "boundaries/trafford_lad2023_generalised.geojson",
                LAD_2023_BGC,
                {"generation": "LAD May 2023 generalised (20 m)", "generalised": True},
            ),
            lsoa11=(
                "boundaries/trafford_lsoa2011_generalised.geojson",
                LSOA11_BGC,
                {"generation": "LSOA Dec 2011 generalised (20 m)", "generalised": True},
            ),
            lsoa21=(
                "boundaries/trafford_lsoa2021_generalised.geojson",
                LSOA21_BGC,
                {"generation": "LSOA Dec 2021 generalised (20 m)", "generalised": True},
            ),
            wards=(
                "boundaries/trafford_ward2023_generalised.geojson",
                WARDS_2023_BGC,
                {"generation": "Wards Dec 2023 generalised (20 m)", "generalised": True},
            ),
            postcodes=("postcodes/trafford_postcodes_onspd_feb2025.csv", ONSPD_FEB25, {}),
        ),
    ),
    # Partial: no postcode file is held for Kensington and Chelsea.
    "kensington_chelsea": Borough(
        key="kensington_chelsea",
        name="Kensington and Chelsea",
        gss_code="E09000020",
        steps=_steps(
            "kensington_chelsea",
            authority=(
                "boundaries/kensington_chelsea_lad2024_buc.geojson",
                LAD_2024_BUC,
                {"generation": "LAD May 2024 BUC"},
            ),
            lsoa11=(
                "boundaries/kensington_chelsea_lsoa2011_bsc.geojson",
                LSOA11_BSC,
                {"generation": "LSOA Dec 2011 BSC V3"},
            ),
            lsoa21=(
                "boundaries/kensington_chelsea_lsoa2021_bsc.geojson",
                LSOA21_BSC,
                {"generation": "LSOA Dec 2021 BSC V4"},
            ),
            wards=(
                "boundaries/kensington_chelsea_ward2022_bsc.geojson",
                WARDS_2022_BSC,
                {"generation": "Wards Dec 2022 BSC"},
            ),
            postcodes=None,
        ),
    ),
}


class _RollBack(Exception):
    """Raised to undo a dry run of a whole bundle."""


def load_borough(
    key: str,
    data_dir: Path,
    *,
    commit: bool = True,
    progress: Callable[[int, int, Step], None] | None = None,
    actor_label: str = "",
) -> list[ImportReport]:
    """Import a borough's bundle in order, atomically: all of it, or (on ImportFailed) none.

    `progress(number, of, step)` is called before each step. With commit=False every
    step runs for real inside one transaction that is then rolled back, so later steps
    see what earlier ones would have written.
    """
    from commonweal.places.services.population import refresh_population_totals

    borough = BOROUGHS[key]
    data_dir = Path(data_dir)
    reports: list[ImportReport] = []
    try:
        with transaction.atomic():
            for number, step in enumerate(borough.steps, start=1):
                if progress:
                    progress(number, len(borough.steps), step)
                importer = get_importer(step.source)(**step.importer_options(borough))
                report = run_import(
                    importer,
                    data_dir / step.path,
                    commit=True,
                    actor_label=actor_label or f"bundle {borough.key}",
                )
                report.committed = commit
                reports.append(report)
            refresh_population_totals(borough.gss_code)
            if not commit:
                raise _RollBack
    except _RollBack:
        pass
    return reports
