"""The crime load, a block of rows at a time: place each point, sort each row into new,
changed or already stored, write new and changed rows to the month's next file, and
count the rows of a month nothing was stored for yet. finish() makes the database agree:
the catalogue names each month's new file, and the per-area counts are written.

Blocks may come before the import's transaction (a file checked column-wise is loaded in
the same pass) or inside it (rows checked one by one): nothing in the database changes
until finish(), which runs inside it.
"""

import zlib
from collections import Counter
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from commonweal.datasets.importing import RowError
from commonweal.opendata import crime_store
from commonweal.opendata.importers.columns import CrimeBlock
from commonweal.opendata.importers.keys import fingerprint, id_fingerprints
from commonweal.opendata.models import CrimeMonth
from commonweal.opendata.services import aggregates
from commonweal.places.models import AreaType

SAMPLE = 5
# The values a later publication of a crime may change: a change to any makes it updated.
UPDATABLE = ("outcome", "context", "location", "lsoa_code", "lsoa_name")
TEXTS = ("crime_id", "reported_by", "falls_within", "location", "lsoa_code", "lsoa_name",
         "category", "outcome", "context")  # fmt: skip
_MIX = np.uint64(0x100000001B3)
_NULL_TEXT = pa.scalar(None, pa.string())


class MonthLoad:
    """What one import does to one month: the stored rows' fingerprints and digests (8
    bytes each, sorted), the rows it adds, and the stored rows they replace. A month with
    nothing stored needs no digests at all: every row of it is new."""

    def __init__(self, month: date):
        self.month = month
        record = CrimeMonth.objects.filter(month=month).first()
        self.base = record.file_name if record else None
        self.fresh = record is None
        self.stored = np.empty(0, dtype=np.int64)
        self.digests = np.empty(0, dtype=np.int64)
        if record is not None:
            try:
                fingerprints, digests = _stored_digests(crime_store.file_for(record))
            except crime_store.MissingFile as exc:
                raise RowError("", f"the crimes of {month:%Y-%m} cannot be read: {exc}") from exc
            order = np.argsort(fingerprints, kind="stable")
            self.stored = fingerprints[order]
            self.digests = digests[order]
        self.additions = crime_store.MonthFile(month)
        self.replaced: list[np.ndarray] = []
        # Only when a second file of the import brings rows for the month are its keys
        # compared with the first file's (each file's keys are unique within it).
        self.first_file: int | None = None
        self.added: list[np.ndarray] = []

    def sort_rows(self, fingerprints: np.ndarray, digests: np.ndarray | None):
        """(created, updated, unchanged) masks, against the month as stored."""
        if not self.stored.size:
            created = np.ones(fingerprints.size, dtype=bool)
            return created, ~created, ~created
        at = np.minimum(self.stored.searchsorted(fingerprints), self.stored.size - 1)
        found = self.stored[at] == fingerprints
        same = found & (self.digests[at] == digests)
        return ~found, found & ~same, same

    def repeats(self, file: int | None, fingerprints: np.ndarray) -> np.ndarray:
        """Rows whose key an earlier file of this import already brought for the month."""
        if self.first_file is None:
            self.first_file = file
        repeated = np.zeros(fingerprints.size, dtype=bool)
        if file != self.first_file and self.added:
            earlier = np.sort(np.concatenate(self.added))
            at = np.minimum(earlier.searchsorted(fingerprints), earlier.size - 1)
            repeated = earlier[at] == fingerprints
        self.added.append(fingerprints[~repeated])
        return repeated

    def discard(self) -> None:
        self.additions.discard()


class CrimeLoad:
    """One import's load: add() blocks, then finish() inside the import's transaction."""

    def __init__(self):
        crime_store.sweep()
        self.indexed = aggregates.indexed_layers()
        codes = {
            area_type: set(layer.pk_for_code) for area_type, (layer, _) in self.indexed.items()
        }
        # A file written with 2021 codes (data.police.uk from 2023) is checked against 2021
        # boundaries: a row whose code is a 2021 LSOA we hold that 2011 does not have.
        self.only_2021 = pa.array(
            sorted(codes.get(AreaType.LSOA21, set()) - codes.get(AreaType.LSOA11, set())),
            pa.string(),
        )
        self.area_codes = {
            area_type: np.array([*layer.index.keys, None], dtype=object)
            for area_type, (layer, _) in self.indexed.items()
            if area_type in (AreaType.LSOA11, AreaType.LSOA21)
        }
        self._area_hashes: dict | None = None
        self.months: dict[date, MonthLoad] = {}
        self.counted: dict[date, aggregates.PointCounts] = {}
        self.stats: Counter = Counter()
        self.disagreements: list[str] = []
        # New versions of months written by finish(): removed again if the import does not
        # commit.
        self.written: list[crime_store.MonthFile] = []

    def add(self, block: CrimeBlock) -> None:
        where = aggregates.positions(self.indexed, block.lons, block.lats)
        # Only rows of a month already stored are compared with what is stored.
        fresh = all(self._month(month).fresh for month in block.months)
        ours, area_hash = self._placed(block, where, hashed=not fresh)
        fingerprints = id_fingerprints(block.keys)
        digests = None if fresh else _digests(block.texts, block.lons, block.lats, area_hash)
        self._notes(block, ours)
        for number, month in enumerate(block.months):
            load = self._month(month)
            rows = (
                np.arange(len(block))
                if len(block.months) == 1
                else np.flatnonzero(block.month_index == number)
            )
            created, updated, unchanged = load.sort_rows(
                fingerprints[rows], None if digests is None else digests[rows]
            )
            # A crime an earlier file of this import gave is kept as that file gave it.
            repeated = load.repeats(block.file, fingerprints[rows]) & (created | updated)
            created &= ~repeated
            updated &= ~repeated
            self.stats["created"] += int(created.sum())
            self.stats["updated"] += int(updated.sum())
            self.stats["unchanged"] += int(unchanged.sum())
            self.stats["repeated"] += int(repeated.sum())
            if updated.any():
                load.replaced.append(fingerprints[rows[updated]])
            kept = rows[created | updated]
            if kept.size:
                load.additions.write(_batch(block, kept, fingerprints, ours))
            if load.fresh:
                counted = rows[created & ~np.isnan(block.lons[rows])]
                self._count(block, month, where, counted)

    @property
    def area_hashes(self) -> dict:
        """A hash of each LSOA's code, for digests (made only when a month needs them)."""
        if self._area_hashes is None:
            self._area_hashes = {
                area_type: np.array([fingerprint(code) for code in codes[:-1]], np.uint64)
                for area_type, codes in self.area_codes.items()
            }
        return self._area_hashes

    def _month(self, month: date) -> MonthLoad:
        load = self.months.get(month)
        if load is None:
            load = self.months[month] = MonthLoad(month)
        return load

    def _placed(self, block: CrimeBlock, where: dict, hashed: bool):
        """Our LSOA's code for each row (None for none), and (if hashed) a hash of it (0
        for none)."""
        ours = np.full(len(block), None, dtype=object)
        hashes = np.zeros(len(block), dtype=np.uint64)
        newer = np.zeros(len(block), dtype=bool)
        if len(self.only_2021):
            newer = pc.is_in(block.texts["lsoa_code"], value_set=self.only_2021).to_numpy(
                zero_copy_only=False
            )
        for area_type, rows in ((AreaType.LSOA11, ~newer), (AreaType.LSOA21, newer)):
            if area_type not in where or not rows.any():
                continue
            position = where[area_type]
            hit = rows & (position >= 0)
            ours[hit] = self.area_codes[area_type][position[hit]]
            if hashed:
                hashes[hit] = self.area_hashes[area_type][position[hit]]
        return ours, hashes

    def _notes(self, block: CrimeBlock, ours: np.ndarray) -> None:
        located = ~np.isnan(block.lons)
        placed = ours != None  # noqa: E711 (element-wise, in numpy)
        self.stats["no_location"] += int((~located).sum())
        self.stats["outside"] += int((located & ~placed).sum())
        self.stats["placed"] += int(placed.sum())
        theirs = block.texts["lsoa_code"].to_numpy(zero_copy_only=False)
        differ = placed & (theirs != "") & (ours != theirs)
        self.stats["disagree"] += int(differ.sum())
        for i in np.flatnonzero(differ)[: SAMPLE - len(self.disagreements)]:
            self.disagreements.append(
                f"line {block.lines[i]}: the file says {theirs[i]}, our boundaries {ours[i]}"
            )

    def _count(self, block: CrimeBlock, month: date, where: dict, rows: np.ndarray) -> None:
        if not rows.size:
            return
        encoded = pc.dictionary_encode(block.texts["category"].take(pa.array(rows)))
        categories = (
            encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64),
            encoded.dictionary.to_pylist(),
        )
        picked = {area_type: position[rows] for area_type, position in where.items()}
        counts = self.counted.get(month)
        if counts is None:
            counts = self.counted[month] = aggregates.PointCounts(month, self.indexed)
        counts.add(picked, categories)

    def discard(self) -> None:
        """Remove what was written for an import that will not finish."""
        for load in self.months.values():
            load.discard()
        for version in self.written:
            version.discard()

    def finish(self, dataset, report) -> None:
        """Inside the import's transaction: point each month at its new file, write the
        counts, and tell the report what happened."""
        try:
            self._finish(dataset, report)
        except BaseException:
            self.discard()
            raise

    def _finish(self, dataset, report) -> None:
        stats = self.stats
        report.created += stats["created"]
        report.updated += stats["updated"]
        report.unchanged += stats["unchanged"]
        written, touched = 0, 0
        for month in sorted(self.months):
            load = self.months[month]
            record = CrimeMonth.objects.select_for_update().filter(month=month).first()
            if (record.file_name if record else None) != load.base:
                raise RowError(
                    "",
                    f"another import changed the street crimes of {month:%Y-%m} while this "
                    "file was being checked: import it again",
                )
            if not load.additions.rows:
                load.discard()
                continue
            touched += 1
            written += self._replace(load, record, dataset)
        self._report_notes(report, touched, written)

    def _replace(self, load: MonthLoad, record: CrimeMonth | None, dataset) -> int:
        load.additions.close()
        old = crime_store.file_for(record) if record else None
        if old is None:
            final = load.additions
        else:
            removed = np.sort(np.concatenate(load.replaced)) if load.replaced else np.empty(0)
            final = crime_store.merged(
                load.month, old, removed.astype(np.int64), load.additions.path
            )
            load.additions.discard()
            self.written.append(final)
        if record is None:
            record = CrimeMonth(month=load.month)
        record.file_name, record.rows, record.located = final.name, final.rows, final.located
        record.save()
        record.datasets.add(dataset)
        crime_store.replace_on_commit(old)
        if load.fresh:
            counted = self.counted.get(load.month)
            cells = counted.cells() if counted else Counter()
            return aggregates.write_counts(load.month, cells)
        return aggregates.rebuild_counts([load.month])

    def _report_notes(self, report, touched: int, written: int) -> None:
        stats = self.stats
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
        if self.disagreements:
            report.notes.append("For example: " + "; ".join(self.disagreements) + ".")
        if stats["repeated"]:
            report.notes.append(
                f"Rows repeating a crime an earlier file of this import gave: "
                f"{stats['repeated']} (the first was kept)."
            )
        if touched:
            report.notes.append(
                f"Area counts rebuilt for {touched} month{'s' if touched != 1 else ''} "
                f"({written} area, month and category counts)."
            )


def _digests(texts: dict, lons: np.ndarray, lats: np.ndarray, area_hash: np.ndarray):
    """A 63-bit hash of each row's changeable values (and the LSOA we put it in): equal
    digests, the same row. Each distinct text is hashed once."""
    digest = np.full(len(lons), 0x84222325CBF29CE4, dtype=np.uint64)
    parts = [_text_hashes(texts[name]) for name in UPDATABLE]
    parts += [_coordinate_bits(lons), _coordinate_bits(lats), area_hash]
    for part in parts:
        digest = (digest ^ part) * _MIX
        digest ^= digest >> np.uint64(29)
    return (digest >> np.uint64(1)).astype(np.int64)


def _text_hashes(column: pa.Array) -> np.ndarray:
    """64 bits of two CRC-32s of each text: stable, and a tenth of a cryptographic hash's
    cost (a change check, not a key)."""
    encoded = pc.dictionary_encode(column)
    labels = np.array(
        [
            (zlib.crc32(text) << 32) | zlib.crc32(text, 0x5BD1E995)
            for text in encoded.dictionary.cast(pa.binary()).to_pylist()
        ],
        np.uint64,
    )
    return labels[encoded.indices.to_numpy(zero_copy_only=False)]


def _coordinate_bits(values: np.ndarray) -> np.ndarray:
    # Every NaN (no location) the same bits.
    missing = np.isnan(values)
    return np.where(missing, 0.0, values).view(np.uint64) ^ missing.astype(np.uint64)


def _stored_digests(path) -> tuple[np.ndarray, np.ndarray]:
    """The fingerprints and digests of a stored month's rows, a row group at a time."""
    fingerprints, digests = [], []
    columns = ["fingerprint", *UPDATABLE, "longitude", "latitude", "area_code"]
    for batch in crime_store.batches(path, columns):
        texts = {name: batch.column(name) for name in UPDATABLE}
        encoded = pc.dictionary_encode(batch.column("area_code"))
        codes = [
            0 if code is None else fingerprint(code) for code in encoded.dictionary.to_pylist()
        ]
        area_hash = np.array([*codes, 0], np.uint64)[
            encoded.indices.fill_null(len(codes)).to_numpy(zero_copy_only=False)
        ]
        lons = batch.column("longitude").to_numpy(zero_copy_only=False)
        lats = batch.column("latitude").to_numpy(zero_copy_only=False)
        fingerprints.append(batch.column("fingerprint").to_numpy())
        digests.append(_digests(texts, lons, lats, area_hash))
    if not fingerprints:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(fingerprints), np.concatenate(digests)


def _batch(block: CrimeBlock, rows: np.ndarray, fingerprints, ours) -> pa.RecordBatch:
    take = None if rows.size == len(block) else pa.array(rows)

    def text(column: pa.Array) -> pa.Array:
        return column if take is None else column.take(take)

    keys, ids = text(block.keys), text(block.texts["crime_id"])
    lons, lats = block.lons[rows], block.lats[rows]
    missing = np.isnan(lons)
    columns = {
        "fingerprint": pa.array(fingerprints[rows]),
        # The key is kept only where it is not the Crime ID (a hash).
        "key": pc.if_else(pc.equal(keys, ids), _NULL_TEXT, keys),
        "longitude": pa.array(lons, mask=missing),
        "latitude": pa.array(lats, mask=missing),
        "area_code": pa.array(ours[rows], pa.string()),
    }
    columns |= {name: text(block.texts[name]) for name in TEXTS}
    return pa.RecordBatch.from_arrays(
        [columns[name] for name in crime_store.SCHEMA.names], schema=crime_store.SCHEMA
    )
