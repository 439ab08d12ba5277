"""Where a data file comes from: a local data folder, the cache, or its publisher.

A file is named by its path relative to a data folder laid out like the shared
open data (for example `boundaries/calderdale_lsoa2011_bsc.geojson`). `Finder.find`
looks for it, in order:

1. in each local data folder (`--data-dir`, then `COMMONWEAL_SHARED_DATA`);
2. in the cache (`COMMONWEAL_CACHE_DIR/data/<the same path>`), if downloaded before;
3. on the web, if downloads are allowed: from a mirror laid out like the data
   folder when one is given (`--source-base-url`), otherwise from the publisher's
   official address.

An official address may name a packaged file: `…/file.zip#member=Data/*.csv`
extracts matching members (several CSVs are joined under one header), and
`…/file.xlsx#sheet=Sheet name` converts that worksheet to CSV, and `…/query?…&f=geojson#as=csv`
turns the features' properties into CSV rows (the ONS lookups and postcode directory are served
as ArcGIS feature layers, which answer in JSON, page by page (see download.py), while their
importers read CSV). When nothing works,
`SourceMissing` says which file is missing, where we looked and how to fix it.
"""

import csv
import fnmatch
import json
import os
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from django.conf import settings

from commonweal.datasets.download import DownloadFailed, fetch

CACHE_SUBDIR = "data"
DOWNLOADS_SUBDIR = "downloads"


class SourceMissing(Exception):
    """A data file could be found nowhere; the message says where we looked and what to do."""


@dataclass(frozen=True)
class Found:
    path: Path
    origin: str  # "data folder", "cache" or "download"
    url: str = ""

    def describe(self) -> str:
        if self.origin == "download":
            return f"downloaded from {self.url}"
        return f"from the {self.origin} ({self.path})"


@dataclass
class Finder:
    data_dirs: list[Path] = field(default_factory=list)
    cache_dir: Path | None = None
    allow_download: bool = True
    refresh: bool = False
    progress: bool = True
    mirror_base_url: str = ""

    @classmethod
    def from_settings(cls, *, data_dir: Path | None = None, **options) -> "Finder":
        """Local folders in order: the one given, then COMMONWEAL_SHARED_DATA."""
        dirs = [Path(data_dir)] if data_dir else []
        shared = Path(settings.COMMONWEAL_SHARED_DATA)
        if shared not in dirs:
            dirs.append(shared)
        options.setdefault("cache_dir", Path(settings.COMMONWEAL_CACHE_DIR))
        options.setdefault(
            "mirror_base_url", getattr(settings, "COMMONWEAL_SOURCE_BASE_URL", "") or ""
        )
        return cls(data_dirs=dirs, **options)

    @property
    def cache_root(self) -> Path:
        return Path(self.cache_dir or settings.COMMONWEAL_CACHE_DIR) / CACHE_SUBDIR

    def cached_path(self, relative: str) -> Path:
        return self.cache_root / relative

    def download_url(self, relative: str, official_url: str) -> str:
        if self.mirror_base_url:
            return f"{self.mirror_base_url.rstrip('/')}/{quote(relative)}"
        return official_url

    def find(
        self, relative: str, official_url: str = "", *, label: str = "", sha256: str = ""
    ) -> Found:
        """Find the file; a download must match `sha256` when given, or nothing is kept."""
        relative = _clean_relative(relative)
        for folder in self.data_dirs:
            candidate = folder / relative
            if candidate.is_file():
                return Found(candidate, "data folder")
        cached = self.cached_path(relative)
        if cached.is_file() and not self.refresh:
            return Found(cached, "cache")
        url = self.download_url(relative, official_url)
        if not self.allow_download or not url:
            raise SourceMissing(self._missing(relative, label, url, reason=None))
        try:
            self._download(url, cached, packaged=not self.mirror_base_url, sha256=sha256)
        except DownloadFailed as exc:
            raise SourceMissing(self._missing(relative, label, url, reason=str(exc))) from exc
        return Found(cached, "download", url)

    def _download(self, url: str, target: Path, *, packaged: bool, sha256: str = "") -> None:
        address, _, fragment = url.partition("#")
        raw = fetch(
            address,
            cache_dir=self.cache_root.parent / DOWNLOADS_SUBDIR,
            refresh=self.refresh,
            progress=self.progress,
            expected_sha256=sha256 or None,
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            unpack(raw, partial, url=address, fragment=fragment if packaged else "")
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        raw.unlink(missing_ok=True)  # the unpacked copy in the cache is what we keep

    def _missing(self, relative: str, label: str, url: str, *, reason: str | None) -> str:
        what = f"{label} ({relative})" if label else relative
        looked = [f"{folder / relative} (not there)" for folder in self.data_dirs]
        looked.append(f"{self.cached_path(relative)} (not downloaded yet)")
        lines = [f"The data file {what} is missing.", "Looked in:"]
        lines += [f"  - {place}" for place in looked]
        fixes = [
            "set COMMONWEAL_SHARED_DATA (or give --data-dir) to a folder holding the shared "
            f"open data, with this file at {relative}"
        ]
        if reason:
            lines.append(f"Downloading it failed: {reason}")
            fixes.append("check the network connection and run the command again")
        elif not url:
            lines.append("There is no download address for this file.")
        else:
            lines.append(f"Downloads are turned off, so it was not fetched from {url}.")
            fixes.append("run the command without --offline so it can be downloaded")
        fixes.append(f"or download it yourself and save it as {self.cached_path(relative)}")
        lines.append("To fix this, " + "; or ".join(fixes[:-1]) + "; " + fixes[-1] + ".")
        return "\n".join(lines)


def _clean_relative(relative: str) -> str:
    path = Path(relative)
    if path.is_absolute() or ".." in path.parts:
        raise ValueError(f"{relative!r} must be a path inside the data folder")
    return path.as_posix()


# Unpacking ---------------------------------------------------------------------------


def unpack(raw: Path, target: Path, *, url: str, fragment: str = "") -> None:
    """Write the usable file from a download: as it is, a zip member, or a worksheet."""
    with raw.open("rb") as handle:
        start = handle.read(512).lstrip().lower()
    if start.startswith((b"<!doctype html", b"<html")):
        raise DownloadFailed(
            f"{url} answered with a web page, not a data file (the address is probably the "
            f"publication's page rather than its download)"
        )
    options = {key: values[-1] for key, values in parse_qs(fragment).items()}
    suffix = Path(urlsplit(url).path).suffix.lower()
    if options.get("as") == "csv":
        _features_to_csv(raw, target, url=url)
    elif "member" in options or suffix == ".zip":
        _unzip(raw, target, url=url, pattern=options.get("member", ""))
    elif "sheet" in options or suffix in (".xlsx", ".xlsm"):
        _worksheet_to_csv(raw, target, url=url, sheet=options.get("sheet", ""))
    else:
        target.write_bytes(raw.read_bytes())


_DATA_SUFFIXES = (".csv", ".geojson", ".json")


def _unzip(raw: Path, target: Path, *, url: str, pattern: str) -> None:
    try:
        archive = zipfile.ZipFile(raw)
    except zipfile.BadZipFile as exc:
        raise DownloadFailed(f"{url} is not a zip file, so it cannot be unpacked") from exc
    with archive:
        names = [name for name in archive.namelist() if not name.endswith("/")]
        if pattern:
            chosen = sorted(name for name in names if fnmatch.fnmatch(name, pattern))
        else:
            chosen = [name for name in names if name.lower().endswith(_DATA_SUFFIXES)]
            if len(chosen) > 1:
                raise DownloadFailed(
                    f"{url} holds several data files ({', '.join(chosen[:5])}); "
                    f"the address must say which, with #member=NAME"
                )
        if not chosen:
            wanted = f"matching {pattern}" if pattern else "of data (CSV or GeoJSON)"
            raise DownloadFailed(
                f"{url} holds no file {wanted}; it holds: {', '.join(names[:10]) or 'nothing'}"
            )
        if len(chosen) == 1:
            with archive.open(chosen[0]) as member, target.open("wb") as out:
                while chunk := member.read(1024 * 1024):
                    out.write(chunk)
            return
        _join_csv_members(archive, chosen, target, url=url)


def _join_csv_members(archive: zipfile.ZipFile, names: list[str], target: Path, *, url: str):
    """Join several CSVs with the same header (for example one per postcode area)."""
    header: str | None = None
    with target.open("wb") as out:
        for name in names:
            with archive.open(name) as member:
                first = member.readline()
                text = first.decode("utf-8-sig").strip()
                if header is None:
                    header = text
                    out.write(first.removeprefix(b"\xef\xbb\xbf"))
                elif text != header:
                    raise DownloadFailed(
                        f"{url}: {name} has different columns from {names[0]}, "
                        f"so they cannot be joined"
                    )
                last = first
                while chunk := member.read(1024 * 1024):
                    out.write(chunk)
                    last = chunk
                if not last.endswith(b"\n"):
                    out.write(b"\n")


def _worksheet_to_csv(raw: Path, target: Path, *, url: str, sheet: str) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(raw, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DownloadFailed(f"{url} is not an Excel workbook (.xlsx) we can read") from exc
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise DownloadFailed(
                    f"{url} has no worksheet called {sheet!r}; it has: {', '.join(book.sheetnames)}"
                )
            worksheet = book[sheet]
        else:
            data = [n for n in book.sheetnames if n.strip().lower() not in ("notes", "contents")]
            worksheet = book[(data or book.sheetnames)[0]]
        with target.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            in_table = False
            for row in worksheet.iter_rows(values_only=True):
                filled = sum(value not in (None, "") for value in row or ())
                # Titles and notes above the table fill one cell; the table starts at
                # the first row with several (its header).
                in_table = in_table or filled > 1
                if in_table and filled:
                    writer.writerow([_cell(value) for value in row])
    finally:
        book.close()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _features_to_csv(raw: Path, target: Path, *, url: str) -> None:
    """GeoJSON features' properties (or ArcGIS JSON features' attributes) as CSV rows."""
    try:
        document = json.loads(raw.read_bytes())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DownloadFailed(f"{url} did not answer with JSON ({exc})") from exc
    if not isinstance(document, dict) or not isinstance(document.get("features"), list):
        error = document.get("error") if isinstance(document, dict) else None
        detail = f": {error.get('message')}" if isinstance(error, dict) else ""
        raise DownloadFailed(f"{url} did not answer with a list of features{detail}")
    if document.get("exceededTransferLimit") or document.get("properties", {}).get(
        "exceededTransferLimit"
    ):
        # Layer queries are paged in download.py; this is any other address that stops short.
        raise DownloadFailed(
            f"{url} sent only the first {len(document['features'])} rows; narrow the query "
            f"(filter it to one authority), or give the layer's own query address "
            f"(…/FeatureServer/<n>/query), which is fetched page by page"
        )
    rows = [
        feature.get("properties") or feature.get("attributes") or {}
        for feature in document["features"]
        if isinstance(feature, dict)
    ]
    columns: list[str] = []
    for row in rows:
        columns += [name for name in row if name not in columns]
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({name: _cell(row.get(name)) for name in columns})
