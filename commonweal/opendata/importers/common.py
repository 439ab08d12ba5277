"""What both crime importers share: the cleaned row, stable keys, and the batched load."""

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from commonweal.datasets.importing import Importer, RowError
from commonweal.opendata.importers.columns import LAT_RANGE, LON_RANGE, CrimeBlock
from commonweal.opendata.importers.load import INSERTED, CrimeLoad
from commonweal.opendata.models import StreetCrime

__all__ = ["INSERTED", "LAT_RANGE", "LON_RANGE", "CrimeBlock"]

POLICE = "data.police.uk (the police forces of England, Wales and Northern Ireland)"
POLICE_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
BATCH = 2000


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

    def add_many(self, values: np.ndarray) -> np.ndarray:
        """Add fingerprints at once; True where one is new (nor earlier in values)."""
        self._fold()
        unique, first = np.unique(values, return_index=True)
        held = self._sorted
        fresh = np.ones(unique.size, dtype=bool)
        if held.size:
            at = np.minimum(held.searchsorted(unique), held.size - 1)
            fresh = held[at] != unique
        new = np.zeros(values.size, dtype=bool)
        new[first[fresh]] = True
        np.frombuffer(self._slots, dtype=np.uint8)[unique[fresh] & (self.SLOTS - 1)] = 1
        self._sorted = np.sort(np.concatenate((held, unique[fresh])), kind="stable")
        return new

    def _fold(self) -> None:
        if self._recent:
            recent = np.fromiter(self._recent, dtype=np.int64, count=len(self._recent))
            # Neither part has repeats nor shares a value; a stable sort merges the two runs.
            self._sorted = np.sort(np.concatenate((self._sorted, recent)), kind="stable")
            self._recent = set()

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
            self._fold()
        return True


# Hex digit values (255: not a lower-case hex digit), for Crime IDs' fingerprints.
_HEX = np.full(256, 255, dtype=np.uint8)
_HEX[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16, dtype=np.uint8)


def id_fingerprints(ids: pa.Array) -> np.ndarray:
    """A 63-bit fingerprint of each (non-empty) Crime ID. A data.police.uk ID is 64 hex
    digits of a hash: its first 63 bits serve, read in numpy; others are hashed as texts."""
    offsets = np.frombuffer(ids.buffers()[1], dtype=np.int32)[
        ids.offset : ids.offset + len(ids) + 1
    ]
    data = np.frombuffer(ids.buffers()[2], dtype=np.uint8)
    out = np.zeros(len(ids), dtype=np.int64)
    hexy = np.diff(offsets) == 64
    rows = np.flatnonzero(hexy)
    if rows.size:
        digits = _HEX[data[offsets[rows][:, None] + np.arange(16)]]
        valid = (digits != 255).all(axis=1)
        value = np.zeros(rows.size, dtype=np.uint64)
        for column in range(16):
            value = (value << np.uint64(4)) | digits[:, column].astype(np.uint64)
        out[rows[valid]] = (value[valid] >> np.uint64(1)).astype(np.int64)
        hexy[rows[~valid]] = False
    others = np.flatnonzero(~hexy)
    if others.size:
        out[others] = [fingerprint(text) for text in ids.take(pa.array(others)).to_pylist()]
    return out


class CrimeImporter(Importer):
    """The shared load: keys, our own LSOA for each point, blocks of rows, the counts."""

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
        self.files = 0
        self.reset_keys()

    def reset_keys(self) -> None:
        """Start counting repeats afresh: at each file (each force's month in an archive)."""
        self._seen_ids = Fingerprints()
        # Keyed by the fields' fingerprint, not their text: only rows with no (or a repeated)
        # Crime ID are counted here.
        self._occurrences: Counter = Counter()
        self.files += 1

    def keyed(self, row: CrimeRow) -> CrimeRow:
        """The Crime ID, or a hash of the row's fields and which repeat of them it is."""
        if row.crime_id and self._seen_ids.add(row.crime_id):
            row.key = row.crime_id
            return row
        row.key = self._hash_key(
            (
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
        return row

    def _hash_key(self, values: tuple) -> str:
        fields = "\x1f".join(map(str, values))
        mark = fingerprint(fields)
        self._occurrences[mark] += 1
        seen = self._occurrences[mark]
        digest = hashlib.sha256(f"{fields}\x1e{seen}".encode()).hexdigest()
        return f"h{digest[:63]}"

    def key_block(self, block: CrimeBlock) -> None:
        """keyed() for a block's rows at once, giving each the same key, in the same order."""
        ids = block.texts["crime_id"]
        has_id = pc.greater(pc.utf8_length(ids), 0).to_numpy(zero_copy_only=False)
        first = np.zeros(len(block), dtype=bool)
        with_id = np.flatnonzero(has_id)
        if with_id.size:
            first[with_id] = self._seen_ids.add_many(id_fingerprints(ids.take(pa.array(with_id))))
        keys = ids.to_numpy(zero_copy_only=False)
        hashed = np.flatnonzero(~first)
        if hashed.size:
            picked = pa.array(hashed)
            texts = {
                name: block.texts[name].take(picked).to_pylist()
                for name in ("crime_id", "reported_by", "falls_within", "location",
                             "lsoa_code", "category", "context")
            }  # fmt: skip
            months = [block.months[i].isoformat() for i in block.month_index[hashed]]
            lons = [None if x != x else x for x in block.lons[hashed].tolist()]
            lats = [None if x != x else x for x in block.lats[hashed].tolist()]
            for i, row in enumerate(hashed.tolist()):
                keys[row] = self._hash_key(
                    (
                        months[i],
                        texts["crime_id"][i],
                        texts["reported_by"][i],
                        texts["falls_within"][i],
                        lons[i],
                        lats[i],
                        texts["location"][i],
                        texts["lsoa_code"][i],
                        texts["category"][i],
                        texts["context"][i],
                    )
                )
        block.keys = pa.array(keys, pa.string())
        block.file = self.files

    def load(self, rows, dataset, report) -> None:
        self.loading = True
        try:
            with CrimeLoad(dataset, report) as loader:
                first = None
                for block in _blocks(rows):
                    # Only the first file's keys are known unique without asking the database.
                    first = block.file if first is None else first
                    loader.add(block, first_file=block.file is not None and block.file == first)
                loader.finish()
        finally:
            self.loading = False

    def counts(self) -> dict[str, int]:
        return {"Street crimes": StreetCrime.objects.count()}


def _blocks(rows):
    """Blocks as they come; rows (CrimeRow) gathered into blocks of BATCH."""
    batch: list[CrimeRow] = []
    for item in rows:
        if isinstance(item, CrimeBlock):
            yield item
            continue
        batch.append(item)
        if len(batch) >= BATCH:
            yield _block_of(batch)
            batch = []
    if batch:
        yield _block_of(batch)


def _block_of(rows: list[CrimeRow]) -> CrimeBlock:
    months = sorted({row.month for row in rows})
    number = {month: i for i, month in enumerate(months)}
    texts = {
        name: pa.array([getattr(row, name) for row in rows], pa.string())
        for name in ("crime_id", "reported_by", "falls_within", "location", "lsoa_code",
                     "lsoa_name", "category", "outcome", "context")
    }  # fmt: skip
    return CrimeBlock(
        lines=np.array([row.line for row in rows], dtype=np.int64),
        months=months,
        month_index=np.array([number[row.month] for row in rows], dtype=np.int64),
        texts=texts,
        lons=np.array([np.nan if r.longitude is None else r.longitude for r in rows]),
        lats=np.array([np.nan if r.latitude is None else r.latitude for r in rows]),
        keys=pa.array([row.key for row in rows], pa.string()),
    )
