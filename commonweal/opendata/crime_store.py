"""Where street crimes are kept: one Parquet file a month, catalogued by CrimeMonth.

A national month is over half a million rows, read back only a month at a time (an area's
map, a month's counts); the database keeps the per-area counts and, in CrimeMonth, which
file holds each month (ADR 0019). A file is never changed: an import that adds or updates
rows writes a new version under a new name, the catalogue points to it in the import's
transaction, and the old version is removed once that transaction commits. A version
that no committed catalogue row names (a dry run, an import that failed) is swept later.
"""

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings
from django.db import transaction

# The columns of a month's file. `fingerprint` is 63 bits of the row's key (the Crime ID,
# or the hash given to a row without one), `key` that hash (null where the key is the
# Crime ID), `area_code` the LSOA our boundaries put the point in (the file's own
# `lsoa_code` is kept beside it).
SCHEMA = pa.schema(
    [
        ("fingerprint", pa.int64()),
        ("key", pa.string()),
        ("crime_id", pa.string()),
        ("reported_by", pa.string()),
        ("falls_within", pa.string()),
        ("longitude", pa.float64()),
        ("latitude", pa.float64()),
        ("location", pa.string()),
        ("lsoa_code", pa.string()),
        ("lsoa_name", pa.string()),
        ("area_code", pa.string()),
        ("category", pa.string()),
        ("outcome", pa.string()),
        ("context", pa.string()),
    ]
)
# Rows a row group: large enough that reading a column is a few reads, small enough that
# writing one holds little in memory.
ROW_GROUP = 1 << 16
# Texts that repeat (forces, streets, LSOAs, categories, outcomes) are stored by dictionary;
# hashes and IDs are not, and only the columns reads filter on carry statistics. Snappy
# would save a sixth of the size (the hex IDs do not compress) for a third more time.
WRITE_OPTIONS = {
    "compression": "none",
    "use_dictionary": [
        *("reported_by", "falls_within", "location", "lsoa_code", "lsoa_name", "area_code"),
        *("category", "outcome", "context"),
    ],
    "write_statistics": ["longitude", "latitude", "area_code"],
}
# A version nobody names is removed only once it is a day old: it may be an import's that has
# not committed yet (a long archive's first months are written well before it commits).
SWEEP_AFTER_SECONDS = 24 * 3600
SUFFIX = ".parquet"
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crime-store")


def store_dir() -> Path:
    folder = Path(settings.COMMONWEAL_CRIME_STORE)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_for(record) -> Path:
    return store_dir() / record.file_name


def path_for_month(month: date) -> Path | None:
    """The file holding the month's crimes, or None if we hold none for it."""
    from commonweal.opendata.models import CrimeMonth

    name = CrimeMonth.objects.filter(month=month).values_list("file_name", flat=True).first()
    return None if name is None else store_dir() / name


def read_month(month: date, columns: list[str] | None = None, filters=None) -> pa.Table:
    """The month's stored rows (those columns; rows matching the pyarrow filter)."""
    return read_file(path_for_month(month), columns, filters)


class MissingFile(FileNotFoundError):
    """A month the catalogue names has no file in the store (it was not restored with the
    database, or the store setting points elsewhere)."""

    def __init__(self, path: Path):
        super().__init__(
            f"the street crime file {path.name} is not in the crime store ({path.parent}): "
            "restore the store from the backup taken with the database, or check "
            "COMMONWEAL_CRIME_STORE"
        )


def _present(path: Path) -> Path:
    if not path.is_file():
        raise MissingFile(path)
    return path


def read_file(path: Path | None, columns: list[str] | None = None, filters=None) -> pa.Table:
    """A stored file's rows (those columns; rows matching the pyarrow filter); no rows for
    no file. Memory-mapped: a column read is the file's pages, not a copy of them."""
    if path is None:
        return SCHEMA.empty_table().select(columns or SCHEMA.names)
    return pq.read_table(_present(path), columns=columns, filters=filters, memory_map=True)


def batches(path: Path, columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
    """A stored file's rows a row group at a time (memory stays flat)."""
    stored = pq.ParquetFile(_present(path), memory_map=True)
    yield from stored.iter_batches(ROW_GROUP, columns=columns)


def months(month_list=None) -> Iterator[tuple[date, Path]]:
    """(month, file) for every stored month, or for those months, in order."""
    from commonweal.opendata.models import CrimeMonth

    records = CrimeMonth.objects.order_by("month")
    if month_list is not None:
        records = records.filter(month__in=list(month_list))
    for record in records:
        yield record.month, file_for(record)


def stored_rows(month_list=None, columns: list[str] | None = None) -> list[dict]:
    """Every stored row as a dict with its month and key (for the tests' assertions)."""
    rows = []
    for month, path in months(month_list):
        for row in read_file(path, columns).to_pylist():
            row["month"] = month
            if "key" in row:
                row["key"] = row["key"] or row["crime_id"]
            rows.append(row)
    return rows


class MonthFile:
    """A new file being written for one month: rows in, row groups out, closed once."""

    def __init__(self, month: date):
        self.month = month
        self.name = f"{month:%Y-%m}-{uuid.uuid4().hex}{SUFFIX}"
        self.path = store_dir() / self.name
        self.rows = 0
        self.located = 0
        self._pending: list[pa.RecordBatch] = []
        self._pending_rows = 0
        self._writer: pq.ParquetWriter | None = None
        self._writing: Future | None = None

    def write(self, batch: pa.RecordBatch | pa.Table) -> None:
        if batch.num_rows == 0:
            return
        for part in batch.to_batches() if isinstance(batch, pa.Table) else [batch]:
            self._pending.append(part)
            self._pending_rows += part.num_rows
        self.rows += batch.num_rows
        self.located += batch.num_rows - batch.column("longitude").null_count
        if self._pending_rows >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, SCHEMA, **WRITE_OPTIONS)
        table = pa.Table.from_batches(self._pending, SCHEMA)
        self._pending, self._pending_rows = [], 0
        self._wait()
        # Encoding a row group runs in pyarrow without the GIL: on a thread of its own it
        # overlaps the reading of the next rows (one row group waits, at most).
        self._writing = _WRITER.submit(self._writer.write_table, table)

    def _wait(self) -> None:
        writing, self._writing = self._writing, None
        if writing is not None:
            writing.result()

    def close(self) -> Path:
        if self._writer is None:
            # An empty month still has a file, so every catalogue row names one.
            self._writer = pq.ParquetWriter(self.path, SCHEMA, **WRITE_OPTIONS)
        self._flush()
        self._wait()
        self._writer.close()
        return self.path

    def discard(self) -> None:
        writing, self._writing = self._writing, None
        if writing is not None:
            # Whatever it raised, the file is removed below.
            writing.exception()
        if self._writer is not None and self._writer.is_open:
            self._writer.close()
        self.path.unlink(missing_ok=True)


def merged(month: date, old: Path | None, removed: np.ndarray, added: Path) -> MonthFile:
    """A new version of the month: the old rows but those whose fingerprint is in `removed`
    (sorted), then the added rows; a batch at a time."""
    out = MonthFile(month)
    if old is not None:
        for batch in batches(old):
            if removed.size:
                fingerprints = batch.column("fingerprint").to_numpy()
                batch = batch.filter(pa.array(~_isin_sorted(fingerprints, removed)))
            out.write(batch)
    for batch in batches(added):
        out.write(batch)
    out.close()
    return out


def _isin_sorted(values: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    at = np.minimum(sorted_values.searchsorted(values), sorted_values.size - 1)
    return sorted_values[at] == values


def replace_on_commit(old: Path | None) -> None:
    """Remove the old version once the catalogue's change to the new one has committed."""
    if old is not None:
        transaction.on_commit(lambda: old.unlink(missing_ok=True))


def sweep(now: float | None = None) -> int:
    """Remove versions no catalogue row names, once they are old enough not to be an
    import's still in progress; returns how many were removed."""
    from commonweal.opendata.models import CrimeMonth

    named = set(CrimeMonth.objects.values_list("file_name", flat=True))
    now = time.time() if now is None else now
    removed = 0
    for path in store_dir().glob(f"*{SUFFIX}"):
        if path.name in named:
            continue
        try:
            old_enough = now - path.stat().st_mtime >= SWEEP_AFTER_SECONDS
        except FileNotFoundError:
            continue
        if old_enough:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
