"""Importer base classes and the shapes of an import's report."""

import csv
import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from commonweal.datasets.models import OGL_V3, OGL_V3_URL


@dataclass(frozen=True)
class RowProblem:
    """One problem with one row: where it is and what is wrong, in plain words."""

    line: int | None
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "file"
        column = f", column {self.column!r}" if self.column else ""
        return f"{where}{column}: {self.reason}"


class RowError(Exception):
    """Raised by an importer's clean_row() for a row it cannot accept."""

    def __init__(self, column: str, reason: str):
        super().__init__(reason)
        self.column = column
        self.reason = reason


@dataclass
class ImportReport:
    source: str
    file_name: str
    committed: bool
    rows_read: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    # label -> (before, after), e.g. {"LSOA 2011 areas": (0, 128)}
    changes: dict[str, tuple[int, int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dataset_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary_lines(self) -> list[str]:
        mode = "Committed" if self.committed else "Dry run (nothing saved; add --commit to save)"
        lines = [f"{mode}: {self.source} from {self.file_name}", f"Rows read: {self.rows_read}"]
        lines += [f"{label}: {before} → {after}" for label, (before, after) in self.changes.items()]
        lines.append(
            f"Records created: {self.created}, updated: {self.updated}, unchanged: {self.unchanged}"
        )
        lines += self.notes
        return lines


class ImportFailed(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, report: ImportReport, message: str = ""):
        self.report = report
        count = len(report.problems)
        super().__init__(
            message or f"{count} problem{'s' if count != 1 else ''} found; nothing was saved."
        )


class Importer:
    """One official source. Subclasses declare provenance and three steps.

    - read(path): yield (line_number, raw_row) pairs; raise RowError for a file
      that cannot be read at all (wrong format, missing columns).
    - clean_row(raw): return a cleaned row or raise RowError(column, reason).
    - load(rows, dataset, report): write the cleaned rows idempotently
      (update_or_create on natural keys), counting created/updated/unchanged.
    - counts(): {label: number} before and after, for the change summary.

    The runner wraps everything in one transaction, and rolls it back unless
    the import is committed, so a dry run executes every line.

    A `streaming` importer's rows are not held: the runner validates the whole file,
    then reads it again and passes load() an iterator of cleaned rows (check_rows()
    gets none), so memory does not grow with the file. read() and clean_row() must
    then give the same rows each time the file is read.
    """

    source: ClassVar[str]
    title: ClassVar[str]
    publisher: ClassVar[str]
    source_url: ClassVar[str] = ""
    licence: ClassVar[str] = OGL_V3
    licence_url: ClassVar[str] = OGL_V3_URL
    attribution: ClassVar[str] = (
        "Contains public sector information licensed under the Open Government Licence v3.0."
    )
    release_date: ClassVar[date | None] = None
    units: ClassVar[str] = ""
    description: ClassVar[str] = ""
    streaming: ClassVar[bool] = False

    def __init__(self, **options: Any):
        self.options = options

    def read(self, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        raise NotImplementedError

    def clean_row(self, raw: dict[str, Any]) -> Any:
        return raw

    def check_file(self, path: Path) -> int | None:
        """An optional check of the whole file faster than row by row: the number of data
        rows when every row is valid, or None to check row by row (which then reports each
        problem with its line). It must accept no file that the row-by-row check rejects."""
        return None

    def rows_for_load(self, path: Path) -> Iterator[Any]:
        """A streaming importer's rows for load(), read again once the file is valid."""
        return (self.clean_row(raw) for _, raw in self.read(path))

    def discard(self) -> None:
        """Called when the import did not commit (a dry run, a failure): remove anything
        it wrote outside the database's transaction."""

    def check_rows(self, rows: list[tuple[int, Any]]) -> list[RowProblem]:
        """Whole-file checks after every row is clean (duplicates, coverage)."""
        return []

    def load(self, rows: list[Any], dataset, report: ImportReport) -> None:
        raise NotImplementedError

    def counts(self) -> dict[str, int]:
        return {}


@contextmanager
def open_text(path: Path) -> Iterator[io.TextIOBase]:
    """Open a text file, gzip-compressed or not, dropping any byte-order mark."""
    with path.open("rb") as raw:
        compressed = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if compressed else raw
        with io.TextIOWrapper(stream, encoding="utf-8-sig", newline="") as text:
            yield text


class CsvImporter(Importer):
    """An importer for a CSV file with a header row naming required columns."""

    required_columns: ClassVar[tuple[str, ...]] = ()

    def read(self, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        with open_text(path) as handle:
            try:
                sample = handle.read(64 * 1024)
            except UnicodeDecodeError as exc:
                raise RowError("", f"the file is not UTF-8 text ({exc.reason})") from exc
            handle.seek(0)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
            except csv.Error:
                dialect = csv.excel
            reader = csv.DictReader(handle, dialect=dialect)
            header = [name.strip() for name in (reader.fieldnames or [])]
            missing = [column for column in self.required_columns if column not in header]
            if missing:
                found = ", ".join(header[:12]) or "no header"
                raise RowError(
                    ", ".join(missing),
                    f"required column{'s' if len(missing) > 1 else ''} missing "
                    f"({', '.join(missing)}); the file has: {found}",
                )
            reader.fieldnames = header
            try:
                for row in reader:
                    yield reader.line_num, row
            except (csv.Error, UnicodeDecodeError) as exc:
                raise RowError(
                    "", f"line {reader.line_num}: the CSV cannot be read ({exc})"
                ) from exc
