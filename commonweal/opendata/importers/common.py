"""What both crime importers share: the cleaned row, stable keys, and the batched load."""

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

import numpy as np
from django.db import connection

from commonweal.datasets.importing import Importer, RowError
from commonweal.opendata.models import StreetCrime
from commonweal.places import spatial_cache
from commonweal.places.models import AreaType

POLICE = "data.police.uk (the police forces of England, Wales and Northern Ireland)"
POLICE_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
BATCH = 2000
SAMPLE = 5
# A generous box around England, Wales and Northern Ireland (longitude, latitude).
LON_RANGE, LAT_RANGE = (-11.0, 3.0), (49.0, 61.0)
UPDATABLE = ("outcome", "context", "location", "longitude", "latitude", "lsoa_code", "lsoa_name")


@dataclass(slots=True)
class CrimeRow:
    line: int
    month: date
    crime_id: str
    reported_by: str
    falls_within: str
    longitude: float | None
    latitude: float | None
    location: str
    lsoa_code: str
    lsoa_name: str
    category: str
    outcome: str
    context: str
    key: str = ""


_MONTHS: dict[str, date] = {}


def clean_month(raw: Any, column: str) -> date:
    # A file holds one month or a few: each text is parsed once.
    known = _MONTHS.get(raw)
    if known is not None:
        return known
    value = _parse_month(raw, column)
    if len(_MONTHS) < 1000:
        _MONTHS[raw] = value
    return value


def _parse_month(raw: Any, column: str) -> date:
    text = (raw or "").strip()
    try:
        year, month = text.split("-")
        value = date(int(year), int(month), 1)
    except ValueError:
        raise RowError(column, f"“{text}” is not a month (YYYY-MM)") from None
    if not (len(year) == 4 and len(month) == 2 and 2000 <= value.year <= 2100):
        raise RowError(column, f"“{text}” is not a month (YYYY-MM)")
    return value


def clean_coordinates(lon_raw: Any, lat_raw: Any, columns: tuple[str, str]):
    """(lon, lat), (None, None) for a row with no location, or RowError."""
    lon_text, lat_text = (lon_raw or "").strip(), (lat_raw or "").strip()
    if not lon_text and not lat_text:
        return None, None
    values = []
    for text, column, (low, high) in zip(
        (lon_text, lat_text), columns, (LON_RANGE, LAT_RANGE), strict=True
    ):
        if not text:
            raise RowError(column, "one coordinate is given without the other")
        try:
            value = float(text)
        except ValueError:
            raise RowError(column, f"“{text}” is not a number") from None
        if not (math.isfinite(value) and low <= value <= high):
            raise RowError(column, f"{text} is outside the United Kingdom")
        values.append(value)
    return values[0], values[1]


def fingerprint(text: str) -> int:
    """63 bits of a stable hash of the text (fits numpy's int64, the same in every process)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") >> 1


class Fingerprints:
    """The Crime IDs seen so far in a file, 8 bytes each in a sorted numpy array (a Python
    set of the texts costs over 100 bytes each, so memory grew with the file). Two IDs
    sharing a fingerprint (about one chance in 10^7 for a national month) would only give the
    second a hash key instead of its ID: still unique, and the same at every re-import."""

    MERGE = 16384
    # A byte per slot, fixed at 8 MiB: a zero says at once that an ID is new, so the sorted
    # array is searched only for the few whose slot is taken (about 7% at 550,000 IDs).
    SLOTS = 1 << 23

    def __init__(self) -> None:
        self._sorted = np.empty(0, dtype=np.int64)
        self._recent: set[int] = set()
        self._slots = bytearray(self.SLOTS)

    def add(self, text: str) -> bool:
        """Add the text; True if it was not there before."""
        value = fingerprint(text)
        slot = value & (self.SLOTS - 1)
        if self._slots[slot]:
            if value in self._recent:
                return False
            held = self._sorted
            if held.size:
                at = held.searchsorted(value)
                if at < held.size and held[at] == value:
                    return False
        else:
            self._slots[slot] = 1
        self._recent.add(value)
        if len(self._recent) >= self.MERGE:
            recent = np.fromiter(self._recent, dtype=np.int64, count=len(self._recent))
            # Neither part has repeats nor shares a value; a stable sort merges the two runs.
            self._sorted = np.sort(np.concatenate((self._sorted, recent)), kind="stable")
            self._recent = set()
        return True


class CrimeImporter(Importer):
    """The shared load: keys, our own LSOA for each point, batches, then the aggregates."""

    publisher = POLICE
    attribution = POLICE_ATTRIBUTION
    units = "crimes and incidents of anti-social behaviour, one row each"

    # Rows are validated, then read again for the load: memory stays flat (see the runner).
    streaming = True

    def __init__(self, **options: Any):
        super().__init__(**options)
        # False in the checking pass, True while load() reads the file again: a subclass may
        # then skip building (and keying) rows that the checking pass would throw away.
        self.loading = False
        self.reset_keys()

    def reset_keys(self) -> None:
        """Start counting repeats afresh: at each file (each force's month in an archive)."""
        self._seen_ids = Fingerprints()
        # Keyed by the fields' fingerprint, not their text: only rows with no (or a repeated)
        # Crime ID are counted here.
        self._occurrences: Counter = Counter()

    def keyed(self, row: CrimeRow) -> CrimeRow:
        """The Crime ID, or a hash of the row's fields and which repeat of them it is."""
        if row.crime_id and self._seen_ids.add(row.crime_id):
            row.key = row.crime_id
            return row
        fields = "\x1f".join(
            str(value)
            for value in (
                row.month.isoformat(),
                row.crime_id,
                row.reported_by,
                row.falls_within,
                row.longitude,
                row.latitude,
                row.location,
                row.lsoa_code,
                row.category,
                row.context,
            )
        )
        mark = fingerprint(fields)
        self._occurrences[mark] += 1
        seen = self._occurrences[mark]
        digest = hashlib.sha256(f"{fields}\x1e{seen}".encode()).hexdigest()
        row.key = f"h{digest[:63]}"
        return row

    def load(self, rows, dataset, report) -> None:
        self.loading = True
        try:
            self._load(rows, dataset, report)
        finally:
            self.loading = False

    def _load(self, rows, dataset, report) -> None:
        from commonweal.opendata.services.aggregates import rebuild_counts

        layers = spatial_cache.layers(AreaType.LSOA11, AreaType.LSOA21)
        # A file written with 2021 codes (data.police.uk from 2023) is checked against 2021
        # boundaries: a row whose code is a 2021 LSOA we hold that 2011 does not have.
        only_2021 = set(layers[AreaType.LSOA21].pk_for_code) - set(
            layers[AreaType.LSOA11].pk_for_code
        )
        layer = (layers[AreaType.LSOA11], layers[AreaType.LSOA21], only_2021)
        months: set[date] = set()
        stats = Counter()
        disagreements: list[str] = []
        iterator = iter(rows)
        while batch := list(islice(iterator, BATCH)):
            self._load_batch(batch, layer, dataset, report, stats, disagreements)
            months.update(row.month for row in batch)
        report.notes.append(
            f"Rows with no location: {stats['no_location']} (kept, but on no map or area)."
        )
        if stats["outside"]:
            report.notes.append(
                f"Points outside the boundaries we hold: {stats['outside']} (kept, in no area)."
            )
        report.notes.append(
            f"LSOA codes that differ from our own lookup: {stats['disagree']} of "
            f"{stats['placed']} points we placed (the police snap points to streets; "
            "the file's code is theirs, ours is kept beside it)."
        )
        if disagreements:
            report.notes.append("For example: " + "; ".join(disagreements) + ".")
        if months:
            cells = rebuild_counts(sorted(months))
            report.notes.append(
                f"Area counts rebuilt for {len(months)} month{'s' if len(months) != 1 else ''} "
                f"({cells} area, month and category counts)."
            )

    def _load_batch(self, batch, layers, dataset, report, stats, disagreements) -> None:
        lsoa11, lsoa21, only_2021 = layers
        lons = np.array([np.nan if r.longitude is None else r.longitude for r in batch])
        lats = np.array([np.nan if r.latitude is None else r.latitude for r in batch])
        codes = _lookup(lsoa11, lons, lats)
        newer = [i for i, row in enumerate(batch) if row.lsoa_code in only_2021]
        pk_for = [lsoa11.pk_for_code] * len(batch)
        if newer:
            codes[newer] = _lookup(lsoa21, lons[newer], lats[newer])
            for i in newer:
                pk_for[i] = lsoa21.pk_for_code
        existing = _existing([r.key for r in batch])
        create, update = [], []
        # Each month adapted for the database once per batch, not once per row.
        adapt = connection.ops.adapt_datefield_value
        adapted = {month: adapt(month) for month in {row.month for row in batch}}
        for row, code, pks in zip(batch, codes, pk_for, strict=True):
            if row.longitude is None:
                stats["no_location"] += 1
            elif code is None:
                stats["outside"] += 1
            else:
                stats["placed"] += 1
                if row.lsoa_code and code != row.lsoa_code:
                    stats["disagree"] += 1
                    if len(disagreements) < SAMPLE:
                        disagreements.append(
                            f"line {row.line}: the file says {row.lsoa_code}, our boundaries {code}"
                        )
            lsoa_id = pks.get(code) if code is not None else None
            crime = existing.get(row.key)
            if crime is None:
                create.append(_values(row, lsoa_id, dataset.pk, adapted))
                report.created += 1
                continue
            values = {name: getattr(row, name) for name in UPDATABLE}
            if crime.lsoa_id == lsoa_id and all(
                getattr(crime, name) == value for name, value in values.items()
            ):
                report.unchanged += 1
                continue
            for name, value in values.items():
                setattr(crime, name, value)
            crime.lsoa_id, crime.dataset = lsoa_id, dataset
            update.append(crime)
            report.updated += 1
        _insert(create)
        StreetCrime.objects.bulk_update(update, [*UPDATABLE, "lsoa", "dataset"], batch_size=500)

    def counts(self) -> dict[str, int]:
        return {"Street crimes": StreetCrime.objects.count()}


def _existing(keys: list[str]) -> dict[str, StreetCrime]:
    """The stored crimes with these keys. Asked first as one plain query for the keys alone:
    on a first import none exist, and building the ORM's 2,000-term IN costs more than the
    database's own work."""
    quote = connection.ops.quote_name
    table, key = quote(StreetCrime._meta.db_table), quote("key")
    marks = ", ".join(["%s"] * len(keys))
    with connection.cursor() as cursor:
        # Only the model's own table name is in the SQL; the keys are parameters.
        cursor.execute(f"SELECT {key} FROM {table} WHERE {key} IN ({marks})", keys)  # noqa: S608
        found = [key for (key,) in cursor.fetchall()]
    if not found:
        return {}
    return {crime.key: crime for crime in StreetCrime.objects.filter(key__in=found)}


def _lookup(layer, lons, lats) -> np.ndarray:
    if layer.index is None:
        return np.full(len(lons), None, dtype=object)
    return layer.index.lookup_many(lons, lats)


INSERTED = (
    "dataset_id",
    "month",
    "key",
    "crime_id",
    "reported_by",
    "falls_within",
    "longitude",
    "latitude",
    "location",
    "lsoa_code",
    "lsoa_name",
    "lsoa_id",
    "category",
    "outcome",
    "context",
)


def _values(row: CrimeRow, lsoa_id: int | None, dataset_id: int, months: dict) -> tuple:
    return (
        dataset_id,
        months[row.month],
        row.key,
        row.crime_id,
        row.reported_by,
        row.falls_within,
        row.longitude,
        row.latitude,
        row.location,
        row.lsoa_code,
        row.lsoa_name,
        lsoa_id,
        row.category,
        row.outcome,
        row.context,
    )


def _insert(values: list[tuple]) -> None:
    """Multi-row parameterised INSERTs: building a model instance and compiling SQL per row
    (bulk_create) costs several times the database's own work."""
    if not values:
        return
    quote = connection.ops.quote_name
    table = quote(StreetCrime._meta.db_table)
    columns = ", ".join(quote(column) for column in INSERTED)
    row = f"({', '.join(['%s'] * len(INSERTED))})"
    if connection.vendor == "postgresql":
        # COPY is PostgreSQL's bulk path; psycopg would otherwise parse each long INSERT.
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for item in values:
                copy.write_row(item)
        return
    if connection.vendor == "sqlite":
        # sqlite3's own executemany loops in C over one prepared statement; Django's wrapper
        # would rewrite every placeholder of a long multi-row INSERT with a regular expression.
        marks = f"({', '.join(['?'] * len(INSERTED))})"
        with connection.cursor() as cursor:
            # Only the model's own table and column names are in the SQL; values are parameters.
            cursor.cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES {marks}", values)  # noqa: S608
        return
    size = max(1, min(500, connection.ops.bulk_batch_size(INSERTED, values)))
    with connection.cursor() as cursor:
        for start in range(0, len(values), size):
            chunk = values[start : start + size]
            # Only the model's own table and column names are in the SQL; values are parameters.
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(chunk))}"  # noqa: S608
            cursor.execute(sql, [value for item in chunk for value in item])
