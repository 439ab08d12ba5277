"""ONS postcode lookups: a postcode's point and the areas the ONS places it in.

Two shapes are accepted: the ONS Postcode Directory (ONSPD; official column names or
Trafford Data Lab's tidied extract) and the ONS postcode → OA → LSOA → MSOA → LAD lookup
joined to OS Code-Point Open coordinates (the Calderdale derived file).
"""

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commonweal.datasets.importing import RowError, register_importer
from commonweal.datasets.importing.base import CsvImporter
from commonweal.places.importers.common import (
    ONS,
    ONS_OS_ATTRIBUTION,
    AuthorityFilter,
    clean_code,
    duplicate_problems,
    pick,
)
from commonweal.places.models import AreaType, Postcode
from commonweal.places.services.errors import InvalidPostcode
from commonweal.places.services.postcodes import normalise_postcode

# Generous bounds around the UK, Channel Islands and Isle of Man.
UK_LON = (-14.0, 3.0)
UK_LAT = (49.0, 61.5)

COLUMNS = {
    "postcode": ("pcds", "postcode", "pcd", "pcd7", "pcd8"),
    "lsoa11": ("lsoa11cd", "lsoa11", "lsoa11_code"),
    # Trafford Data Lab's ONSPD extract names the LSOA 2021 column plainly "lsoa_code".
    "lsoa21": ("lsoa21cd", "lsoa21", "lsoa21_code", "lsoa_code"),
    "ward": ("ward_code", "osward", "wd24cd", "ward_code_cpo_2025"),
    "authority": ("ladcd", "la_code", "oslaua", "lad24cd"),
    "longitude": ("longitude", "lon", "long"),
    "latitude": ("latitude", "lat"),
}


@dataclass
class PostcodeRow:
    postcode: str
    longitude: float | None
    latitude: float | None
    lsoa11: str
    lsoa21: str
    ward: str
    authority: str

    def values(self) -> tuple:
        return (
            self.longitude,
            self.latitude,
            self.lsoa11,
            self.lsoa21,
            self.ward,
            self.authority,
        )


def _held_values(postcode: Postcode) -> tuple:
    return (
        postcode.longitude,
        postcode.latitude,
        postcode.lsoa11_code,
        postcode.lsoa21_code,
        postcode.ward_code,
        postcode.authority_code,
    )


def clean_coordinate(raw: str, column: str, bounds: tuple[float, float]) -> float | None:
    text = (raw or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise RowError(column, f"“{text}” is not a number") from None
    if not math.isfinite(value):
        raise RowError(column, f"“{text}” is not a number")
    if not bounds[0] <= value <= bounds[1]:
        raise RowError(column, f"{value} is outside the United Kingdom")
    return round(value, 6)


@register_importer
class OnsPostcodes(CsvImporter):
    source = "postcodes-ons"
    title = "ONS postcode lookup (postcode to LSOA, ward and local authority, with coordinates)"
    publisher = ONS
    source_url = (
        "https://geoportal.statistics.gov.uk/datasets/ons::ons-postcode-directory-february-2025"
    )
    attribution = ONS_OS_ATTRIBUTION
    units = "postcode centroid in longitude/latitude (WGS84)"

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.filter = AuthorityFilter(options.get("authority"))
        if options.get("code_point_open"):
            self.attribution = (
                f"{ONS_OS_ATTRIBUTION}. Contains Royal Mail data © Royal Mail copyright and "
                "database right 2025. Contains National Statistics data © Crown copyright and "
                "database right 2025"
            )

    def read(self, path: Path):
        self.columns = None
        for line, raw in super().read(path):
            if self.columns is None:
                self.columns = self._columns(list(raw))
            yield line, raw

    def _columns(self, header: list[str]) -> dict[str, str | None]:
        columns = {key: pick(header, *aliases) for key, aliases in COLUMNS.items()}
        missing = [COLUMNS[key][0] for key in ("postcode", "authority") if columns[key] is None]
        if columns["lsoa11"] is None and columns["lsoa21"] is None:
            missing.append("lsoa11cd or lsoa21cd")
        if (columns["longitude"] is None) != (columns["latitude"] is None):
            missing.append("longitude and latitude together")
        if missing:
            raise RowError(
                ", ".join(missing),
                f"required columns missing ({', '.join(missing)}); the file has: "
                f"{', '.join(header[:12])}",
            )
        return columns

    def _value(self, raw: dict[str, Any], key: str) -> str:
        column = self.columns[key]
        return (raw.get(column) or "").strip() if column else ""

    def clean_row(self, raw: dict[str, Any]) -> PostcodeRow | None:
        authority = clean_code(
            self._value(raw, "authority"), AreaType.LOCAL_AUTHORITY, self.columns["authority"]
        )
        if not self.filter.keeps("", authority_code=authority):
            return None
        try:
            postcode = normalise_postcode(self._value(raw, "postcode"))
        except InvalidPostcode as exc:
            raise RowError(self.columns["postcode"], str(exc)) from None
        longitude = latitude = None
        if self.columns["longitude"] and not _onspd_no_point(raw, self.columns):
            longitude = clean_coordinate(
                self._value(raw, "longitude"), self.columns["longitude"], UK_LON
            )
            latitude = clean_coordinate(
                self._value(raw, "latitude"), self.columns["latitude"], UK_LAT
            )
            if (longitude is None) != (latitude is None):
                raise RowError(self.columns["latitude"], "only one of the coordinates is given")
        return PostcodeRow(
            postcode=postcode,
            longitude=longitude,
            latitude=latitude,
            lsoa11=clean_code(
                self._value(raw, "lsoa11"), AreaType.LSOA11, "lsoa11", required=False
            ),
            lsoa21=clean_code(
                self._value(raw, "lsoa21"), AreaType.LSOA21, "lsoa21", required=False
            ),
            ward=clean_code(self._value(raw, "ward"), AreaType.WARD, "ward", required=False),
            authority=authority,
        )

    def check_rows(self, rows):
        return duplicate_problems(rows, lambda row: row.postcode, "postcode", "the postcode")

    def load(self, rows, dataset, report):
        incoming = [row for row in rows if row is not None]
        held = _fetch_in_chunks({row.postcode for row in incoming})
        create, update = [], []
        for row in incoming:
            postcode = held.get(row.postcode)
            if postcode is None:
                create.append(
                    Postcode(
                        postcode=row.postcode,
                        longitude=row.longitude,
                        latitude=row.latitude,
                        lsoa11_code=row.lsoa11,
                        lsoa21_code=row.lsoa21,
                        ward_code=row.ward,
                        authority_code=row.authority,
                        dataset=dataset,
                    )
                )
                report.created += 1
            elif _held_values(postcode) != row.values():
                (
                    postcode.longitude,
                    postcode.latitude,
                    postcode.lsoa11_code,
                    postcode.lsoa21_code,
                    postcode.ward_code,
                    postcode.authority_code,
                ) = row.values()
                postcode.dataset = dataset
                update.append(postcode)
                report.updated += 1
            else:
                report.unchanged += 1
        Postcode.objects.bulk_create(create, batch_size=1000)
        Postcode.objects.bulk_update(
            update,
            [
                "longitude",
                "latitude",
                "lsoa11_code",
                "lsoa21_code",
                "ward_code",
                "authority_code",
                "dataset",
            ],
            batch_size=1000,
        )
        without_point = sum(1 for row in incoming if row.longitude is None)
        if without_point:
            report.notes.append(
                f"{without_point} postcodes have no coordinates; "
                "their areas still come from the file."
            )
        if note := self.filter.note():
            report.notes.append(note)

    def counts(self):
        return {
            "Postcodes": Postcode.objects.count(),
            "Postcodes with coordinates": Postcode.objects.filter(longitude__isnull=False).count(),
        }


def _onspd_no_point(raw: dict[str, Any], columns: dict[str, str | None]) -> bool:
    """ONSPD marks a postcode without a grid reference with latitude 99.999999."""
    return (raw.get(columns["latitude"]) or "").strip() == "99.999999"


def _fetch_in_chunks(codes: set[str]) -> dict[str, Postcode]:
    # Chunks stay under SQLite's limit on query parameters.
    found: dict[str, Postcode] = {}
    ordered = sorted(codes)
    for start in range(0, len(ordered), 900):
        chunk = ordered[start : start + 900]
        found |= {p.postcode: p for p in Postcode.objects.filter(postcode__in=chunk)}
    return found
