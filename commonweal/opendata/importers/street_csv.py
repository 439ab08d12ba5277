"""data.police.uk street-level crime CSV: one force's month, or a monthly archive (.zip).

A file is a single CSV (optionally gzip-compressed), or a .zip laid out as the
data.police.uk archive is: `YYYY-MM/YYYY-MM-<force>-street.csv`, any number of months
and forces. Other members of the archive (outcomes, stop and search) are skipped.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from commonweal.datasets.importing import RowError, register_importer
from commonweal.datasets.importing.base import open_text
from commonweal.opendata.importers.columns import (
    LAT_RANGE,
    LON_RANGE,
    CrimeBlock,
    NotColumnar,
    blocks,
)
from commonweal.opendata.importers.common import (
    CrimeImporter,
    CrimeRow,
    clean_coordinates,
    clean_month,
)
from commonweal.opendata.importers.load import CrimeLoad

COLUMNS = (
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
)
STREET_MEMBER = re.compile(r"(?:^|/)(\d{4}-\d{2})/\1-[a-z0-9-]+-street\.csv$")
NAMED_MONTH = re.compile(r"^(\d{4}-\d{2})-")
LSOA_CODE = re.compile(r"^[EWN]0[01]\d{6}$")
(LON_LOW, LON_HIGH), (LAT_LOW, LAT_HIGH) = LON_RANGE, LAT_RANGE


@register_importer
class PoliceStreetCrime(CrimeImporter):
    source = "police-street-crime"
    title = "Street-level crime (data.police.uk)"
    source_url = "https://data.police.uk/data/"
    description = "One row per crime or anti-social behaviour incident, one file per force a month."

    def read(self, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        if zipfile.is_zipfile(path):
            yield from self._read_archive(path)
            return
        with open_text(path) as handle:
            yield from self._read_csv(handle, path.name)

    def check_file(self, path: Path) -> int | None:
        # Column-wise in pyarrow, loading as it checks (the load is written to new files
        # only, so nothing is changed before the import's transaction); None, for the
        # row-by-row check, for anything it cannot vouch for.
        self._prepared = None
        rows = 0
        loader = CrimeLoad()
        try:
            for block in self._blocks(path):
                loader.add(block)
                rows += len(block)
        except (NotColumnar, RowError, OSError, EOFError, ValueError, csv.Error, pa.ArrowException):
            # The row-by-row check reads the file again and reports what is wrong with it.
            loader.discard()
            return None
        if not rows:
            loader.discard()
            return None
        self._prepared = loader
        return rows

    def rows_for_load(self, path: Path):
        if self._prepared is not None:
            return self._prepared
        return super().rows_for_load(path)

    def _blocks(self, path: Path) -> Iterator[CrimeBlock]:
        if not zipfile.is_zipfile(path):
            yield from self._member_blocks(
                lambda: open_text(path), lambda: _binary(path), path.name
            )
            return
        with zipfile.ZipFile(path) as archive:
            members = sorted(name for name in archive.namelist() if STREET_MEMBER.search(name))
            if not members:
                raise NotColumnar("no street-level files")
            for name in members:
                yield from self._member_blocks(
                    lambda name=name: _archive_text(archive, name),
                    lambda name=name: archive.open(name),
                    name.rsplit("/", 1)[-1],
                )

    def _member_blocks(self, text, binary, name: str) -> Iterator[CrimeBlock]:
        named = NAMED_MONTH.match(name)
        expected = clean_month(named.group(1), "Month") if named else None
        with text() as handle:
            reader = csv.reader(handle)
            try:
                header = [column.strip() for column in next(reader, [])]
            except (UnicodeDecodeError, csv.Error):
                raise NotColumnar("the header cannot be read") from None
            if reader.line_num != 1 or sorted(header) != sorted(COLUMNS):
                raise NotColumnar("not the street-level columns")
        self.reset_keys()
        with binary() as stream:
            for block in blocks(stream, header, 2, expected, clean_month, checking=True):
                self.key_block(block)
                yield block

    def _read_archive(self, path: Path):
        with zipfile.ZipFile(path) as archive:
            members = sorted(name for name in archive.namelist() if STREET_MEMBER.search(name))
            if not members:
                raise RowError(
                    "", "the archive holds no street-level files (YYYY-MM/YYYY-MM-force-street.csv)"
                )
            for name in members:
                with archive.open(name) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                    yield from self._read_csv(text, name.rsplit("/", 1)[-1], member=name)

    def _read_csv(self, handle, name: str, member: str = ""):
        where = f"{member}: " if member else ""
        named = NAMED_MONTH.match(name)
        self._expected_month = clean_month(named.group(1), "Month") if named else None
        self._where = where
        self.reset_keys()
        reader = csv.reader(handle)
        try:
            header = [column.strip() for column in next(reader, [])]
            unknown = [column for column in header if column not in COLUMNS]
            missing = [column for column in COLUMNS if column not in header]
            if unknown or missing:
                said = []
                if missing:
                    said.append(f"missing: {', '.join(missing)}")
                if unknown:
                    said.append(f"unknown: {', '.join(unknown)}")
                raise RowError(
                    ", ".join(missing + unknown),
                    f"{where}not a data.police.uk street-level file ({'; '.join(said)})",
                )
            # Each row is passed on as the reader's own list (no dict a row): the columns'
            # positions are worked out once from the header, in whatever order it has them.
            width = len(header)
            self._positions = (
                None if tuple(header) == COLUMNS else [header.index(c) for c in COLUMNS]
            )
            for values in reader:
                self._line = reader.line_num
                if len(values) != width:
                    yield reader.line_num, {"_width": len(values), "_where": where}
                    continue
                yield reader.line_num, values
        except UnicodeDecodeError as exc:
            raise RowError("", f"{where}the file is not UTF-8 text ({exc.reason})") from exc
        except csv.Error as exc:
            raise RowError(
                "", f"{where}line {reader.line_num}: the CSV cannot be read ({exc})"
            ) from exc

    def clean_row(self, raw: list[str] | dict[str, Any]) -> CrimeRow | None:
        if raw.__class__ is dict:
            raise RowError(
                "",
                f"{raw['_where']}the row has {raw['_width']} fields, not {len(COLUMNS)} "
                "(is the file cut off?)",
            )
        if self._positions is not None:
            raw = [raw[i] for i in self._positions]
        (crime_id, month_text, reported_by, falls_within, lon_text, lat_text, location, code,
         lsoa_name, category, outcome, context) = raw  # fmt: skip
        where = self._where
        month = clean_month(month_text, "Month")
        if self._expected_month is not None and month != self._expected_month:
            raise RowError(
                "Month",
                f"{where}{month_text} in a file for {self._expected_month:%Y-%m} (mixed months)",
            )
        lon = lat = None
        if lon_text and lat_text:
            # The common case checked inline; anything unusual gets the full check and its
            # message (float() ignores the surrounding spaces the full check strips).
            try:
                lon, lat = float(lon_text), float(lat_text)
            except ValueError:
                lon = None
            if lon is None or not (LON_LOW <= lon <= LON_HIGH and LAT_LOW <= lat <= LAT_HIGH):
                lon, lat = clean_coordinates(lon_text, lat_text, ("Longitude", "Latitude"))
        elif lon_text or lat_text:
            lon, lat = clean_coordinates(lon_text, lat_text, ("Longitude", "Latitude"))
        code = code.strip()
        if code and not LSOA_CODE.match(code):
            raise RowError("LSOA code", f"{where}“{code}” is not an LSOA code")
        category = category.strip()
        if not category:
            raise RowError("Crime type", f"{where}the crime type is missing")
        if not self.loading:
            # The checking pass: the row is valid, and nothing of it is kept.
            return None
        return self.keyed(
            CrimeRow(
                line=self._line,
                month=month,
                crime_id=crime_id.strip(),
                reported_by=reported_by.strip(),
                falls_within=falls_within.strip(),
                longitude=lon,
                latitude=lat,
                location=location.strip(),
                lsoa_code=code,
                lsoa_name=lsoa_name.strip(),
                category=category,
                outcome=outcome.strip(),
                context=context.strip(),
            )
        )


def _binary(path: Path):
    """The file's bytes, decompressed in pyarrow if it is gzip."""
    with path.open("rb") as raw:
        compressed = raw.read(2) == b"\x1f\x8b"
    stream = pa.OSFile(str(path))
    return pa.CompressedInputStream(stream, "gzip") if compressed else stream


def _archive_text(archive: zipfile.ZipFile, name: str):
    return io.TextIOWrapper(archive.open(name), encoding="utf-8-sig", newline="")
