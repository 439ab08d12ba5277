"""What both crime importers share: the cleaned row, stable keys, and the batched load."""

import hashlib
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from commonweal.datasets.importing import Importer, RowError
from commonweal.opendata.importers.columns import LAT_RANGE, LON_RANGE, CrimeBlock, text_lengths
from commonweal.opendata.importers.keys import Fingerprints, fingerprint, id_fingerprints
from commonweal.opendata.importers.load import CrimeLoad
from commonweal.opendata.models import CrimeMonth

__all__ = ["LAT_RANGE", "LON_RANGE", "CrimeBlock", "Fingerprints", "fingerprint", "id_fingerprints"]

POLICE = "data.police.uk (the police forces of England, Wales and Northern Ireland)"
POLICE_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
BATCH = 2000
_SEPARATOR = pa.scalar("\x1f")


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
    # Which file of the import (each member of an archive is one) the row came from.
    file: int = 0


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


class CrimeImporter(Importer):
    """The shared load: keys, our own LSOA for each point, blocks of rows, the counts."""

    publisher = POLICE
    attribution = POLICE_ATTRIBUTION
    units = "crimes and incidents of anti-social behaviour, one row each"

    # A file that is not checked column-wise (check_file) is validated row by row, then read
    # again for the load: memory stays flat (see the runner).
    streaming = True

    def __init__(self, **options: Any):
        super().__init__(**options)
        # False in the checking pass, True while load() reads the file again: a subclass may
        # then skip building (and keying) rows that the checking pass would throw away.
        self.loading = False
        self.files = 0
        # The load check_file() made of a file it found valid column by column (if any),
        # and the one load() made otherwise: what discard() removes.
        self._prepared = None
        self._loader = None
        self.reset_keys()

    def reset_keys(self) -> None:
        """Start counting repeats afresh: at each file (each force's month in an archive)."""
        self._seen_ids = Fingerprints()
        # Keyed by the fields' fingerprint, not their text: only rows with no (or a repeated)
        # Crime ID are counted here.
        self._occurrences: dict[int, int] = {}
        self.files += 1

    def keyed(self, row: CrimeRow) -> CrimeRow:
        """The Crime ID, or a hash of the row's fields and which repeat of them it is."""
        row.file = self.files
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
        return self._hashed("\x1f".join(map(str, values)))

    def _hashed(self, fields: str) -> str:
        # Which repeat of these fields in the file this is: counted by Python's own hash of
        # them, never stored, so its per-process seed does not matter.
        mark = hash(fields)
        seen = self._occurrences[mark] = self._occurrences.get(mark, 0) + 1
        return "h" + hashlib.sha256(f"{fields}\x1e{seen}".encode()).hexdigest()[:63]

    def key_block(self, block: CrimeBlock) -> None:
        """keyed() for a block's rows at once, giving each the same key, in the same order."""
        ids = block.texts["crime_id"]
        has_id = text_lengths(ids) > 0
        first = np.zeros(len(block), dtype=bool)
        with_id = np.flatnonzero(has_id)
        if with_id.size:
            first[with_id] = self._seen_ids.add_many(id_fingerprints(ids.take(pa.array(with_id))))
        hashed = np.flatnonzero(~first)
        if not hashed.size:
            block.keys, block.file = ids, self.files
            return
        picked = pa.array(hashed)
        months = pa.array([month.isoformat() for month in block.months], pa.string())
        parts = [
            months.take(pa.array(block.month_index[hashed])),
            *(
                block.texts[name].take(picked)
                for name in ("crime_id", "reported_by", "falls_within")
            ),
            _float_texts(block.lons[hashed]),
            _float_texts(block.lats[hashed]),
            *(
                block.texts[name].take(picked)
                for name in ("location", "lsoa_code", "category", "context")
            ),
        ]
        # The same text as keyed() joins (str() of each value), a block's rows at once.
        joined = pc.binary_join_element_wise(*parts, _SEPARATOR).to_pylist()
        occurrences, sha256 = self._occurrences, hashlib.sha256
        keys = []
        for fields in joined:
            # As _hashed(), inline: this runs for every row without a Crime ID.
            mark = hash(fields)
            seen = occurrences[mark] = occurrences.get(mark, 0) + 1
            keys.append("h" + sha256(f"{fields}\x1e{seen}".encode()).hexdigest()[:63])
        keys = pa.array(keys, pa.string())
        mask = np.zeros(len(block), dtype=bool)
        mask[hashed] = True
        block.keys = pc.replace_with_mask(ids, pa.array(mask), keys)
        block.file = self.files

    def load(self, rows, dataset, report) -> None:
        if isinstance(rows, CrimeLoad):
            # Checked and loaded in one pass already (check_file): only the database is left.
            rows.finish(dataset, report)
            return
        self.loading = True
        loader = self._loader = CrimeLoad()
        try:
            for block in _blocks(rows):
                loader.add(block)
        except BaseException:
            loader.discard()
            raise
        finally:
            self.loading = False
        loader.finish(dataset, report)

    def discard(self) -> None:
        for loader in (self._prepared, self._loader):
            if loader is not None:
                loader.discard()

    def counts(self) -> dict[str, int]:
        return {"Street crimes": sum(CrimeMonth.objects.values_list("rows", flat=True))}


def _float_texts(values: np.ndarray) -> pa.Array:
    """str() of each coordinate ("None" for none), as keyed() joins them."""
    texts = list(map(repr, values.tolist()))
    for row in np.flatnonzero(np.isnan(values)).tolist():
        texts[row] = "None"
    return pa.array(texts, pa.string())


def _blocks(rows):
    """Blocks as they come; rows (CrimeRow) gathered into blocks of BATCH, each of one file."""
    batch: list[CrimeRow] = []
    for item in rows:
        if isinstance(item, CrimeBlock):
            yield item
            continue
        if batch and item.file != batch[0].file:
            yield _block_of(batch)
            batch = []
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
        file=rows[0].file,
    )
