"""The crime load, a block of rows at a time: place each point, store new rows, update
changed ones, and count the rows of a month no stored crime has yet."""

import io
from collections import Counter
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from django.db import connection

from commonweal.opendata.importers.columns import CrimeBlock
from commonweal.opendata.models import StreetCrime
from commonweal.opendata.services import aggregates
from commonweal.places.models import AreaType

SAMPLE = 5
UPDATABLE = ("outcome", "context", "location", "longitude", "latitude", "lsoa_code", "lsoa_name")
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
# SQLite's page cache during a load (KiB): fixed, whatever the file's size.
SQLITE_CACHE_KIB = 32 * 1024
# Keys asked for at once: within SQLite's and PostgreSQL's limits on parameters.
ASKED = 5000


class CrimeLoad:
    """One import's load: blocks in, then finish() writes the counts and the report's notes."""

    def __init__(self, dataset, report):
        self.dataset, self.report = dataset, report
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
        }
        self.fresh: dict[date, bool] = {}
        self.rebuild: set[date] = set()
        self.cells: Counter = Counter()
        self.stats: Counter = Counter()
        self.disagreements: list[str] = []
        # With no crimes stored, the first file's keys (unique within a file) need no asking.
        self.empty_at_start = not StreetCrime.objects.exists()

    def __enter__(self):
        if connection.vendor == "sqlite":
            # Rows go in across the key's and the LSOA's indexes at random places: with
            # SQLite's default 2 MiB page cache most inserts read a page back first.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size")
                self._cache_size = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
        return self

    def __exit__(self, *exc) -> None:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(self._cache_size)}")

    def add(self, block: CrimeBlock, first_file: bool) -> None:
        for month in block.months:
            if month not in self.fresh:
                self.fresh[month] = not StreetCrime.objects.filter(month=month).exists()
        where = aggregates.positions(self.indexed, block.lons, block.lats)
        lsoa_ids, ours = self._placed(block, where)
        keys = block.keys
        existing = {} if self.empty_at_start and first_file else _existing(keys)
        created = np.ones(len(block), dtype=bool)
        if existing:
            created = ~pc.is_in(keys, value_set=pa.array(list(existing), pa.string())).to_numpy(
                zero_copy_only=False
            )
            self._update(block, np.flatnonzero(~created), existing, lsoa_ids)
        self.report.created += int(created.sum())
        self._count(block, where, created)
        self._notes(block, lsoa_ids, ours)
        _insert(block, created, lsoa_ids, self.dataset.pk)

    def _placed(self, block: CrimeBlock, where: dict):
        """Our LSOA's pk for each row (-1 for none), and its code."""
        lsoa_ids = np.full(len(block), -1, dtype=np.int64)
        ours = np.full(len(block), None, dtype=object)
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
            lsoa_ids[hit] = self.indexed[area_type][1][position[hit]]
            ours[hit] = self.area_codes[area_type][position[hit]]
        return lsoa_ids, ours

    def _notes(self, block: CrimeBlock, lsoa_ids: np.ndarray, ours: np.ndarray) -> None:
        located = ~np.isnan(block.lons)
        placed = lsoa_ids >= 0
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

    def _count(self, block: CrimeBlock, where: dict, created: np.ndarray) -> None:
        counted = created & ~np.isnan(block.lons)
        encoded = pc.dictionary_encode(block.texts["category"])
        categories = (
            encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64),
            encoded.dictionary.to_pylist(),
        )
        for number, month in enumerate(block.months):
            if not self.fresh[month]:
                continue
            rows = counted & (block.month_index == number)
            if rows.any():
                masked = {t: np.where(rows, p, -1) for t, p in where.items()}
                aggregates.add_points(self.cells, month, self.indexed, masked, categories)

    def _update(self, block, rows: np.ndarray, existing: dict, lsoa_ids: np.ndarray) -> None:
        texts = {name: block.texts[name].take(rows).to_pylist() for name in UPDATABLE[:3]}
        texts |= {name: block.texts[name].take(rows).to_pylist() for name in UPDATABLE[5:]}
        keys = block.keys.take(rows).to_pylist()
        changed = []
        for i, row in enumerate(rows.tolist()):
            pk, month, stored = existing[keys[i]]
            lon, lat = block.lons[row], block.lats[row]
            values = {
                "outcome": texts["outcome"][i],
                "context": texts["context"][i],
                "location": texts["location"][i],
                "longitude": None if lon != lon else float(lon),
                "latitude": None if lat != lat else float(lat),
                "lsoa_code": texts["lsoa_code"][i],
                "lsoa_name": texts["lsoa_name"][i],
                "lsoa_id": int(lsoa_ids[row]) if lsoa_ids[row] >= 0 else None,
            }
            if tuple(values.values()) == stored:
                self.report.unchanged += 1
                continue
            changed.append(StreetCrime(pk=pk, dataset_id=self.dataset.pk, **values))
            # Its month's counts are rebuilt from the stored rows (the point may have moved).
            self.rebuild.add(month)
            self.report.updated += 1
        StreetCrime.objects.bulk_update(changed, [*UPDATABLE, "lsoa", "dataset"], batch_size=500)

    def finish(self) -> None:
        report, stats = self.report, self.stats
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
        months = sorted(self.fresh)
        if not months:
            return
        written = 0
        for month in months:
            if self.fresh[month] and month not in self.rebuild:
                cells = Counter({k: v for k, v in self.cells.items() if k[0] == month})
                written += aggregates.write_counts(month, cells)
            else:
                written += aggregates.rebuild_counts([month])
        report.notes.append(
            f"Area counts rebuilt for {len(months)} month{'s' if len(months) != 1 else ''} "
            f"({written} area, month and category counts)."
        )


def _existing(keys: pa.Array) -> dict[str, tuple]:
    """key -> (pk, month, the stored updatable values and lsoa_id) for the stored keys."""
    quote = connection.ops.quote_name
    table = quote(StreetCrime._meta.db_table)
    names = ", ".join(quote(name) for name in ("key", "id", "month", *UPDATABLE, "lsoa_id"))
    found = {}
    values = keys.to_pylist()
    with connection.cursor() as cursor:
        for start in range(0, len(values), ASKED):
            asked = values[start : start + ASKED]
            marks = ", ".join(["%s"] * len(asked))
            # Only the model's own table and column names are in the SQL; keys are parameters.
            cursor.execute(
                f"SELECT {names} FROM {table} WHERE {quote('key')} IN ({marks})",  # noqa: S608
                asked,
            )
            for key, pk, month, *stored in cursor.fetchall():
                month = date.fromisoformat(month) if isinstance(month, str) else month
                found[key] = (pk, month, tuple(stored))
    return found


def _insert(block: CrimeBlock, created: np.ndarray, lsoa_ids: np.ndarray, dataset_id) -> None:
    """New rows in one statement a block: COPY of CSV written by pyarrow on PostgreSQL,
    sqlite3's own executemany elsewhere (building model instances cost several times the
    database's own work)."""
    if not created.any():
        return
    rows = np.flatnonzero(created)
    take = None if rows.size == len(block) else pa.array(rows)
    located = ~np.isnan(block.lons[rows])
    months = np.array([month.isoformat() for month in block.months], dtype=object)
    lsoa = lsoa_ids[rows]

    def text(name):
        column = block.keys if name == "key" else block.texts[name]
        return column if take is None else column.take(take)

    columns = {
        "dataset_id": pa.array(np.full(rows.size, dataset_id, dtype=np.int64)),
        "month": pa.array(months[block.month_index[rows]], pa.string()),
        "longitude": pa.array(block.lons[rows], mask=~located),
        "latitude": pa.array(block.lats[rows], mask=~located),
        "lsoa_id": pa.array(lsoa, mask=lsoa < 0),
    }
    table = pa.table(
        [columns[c] if c in columns else text(c) for c in INSERTED], names=list(INSERTED)
    )
    quote = connection.ops.quote_name
    name = quote(StreetCrime._meta.db_table)
    listed = ", ".join(quote(column) for column in INSERTED)
    if connection.vendor == "postgresql":
        # Quoted "" is an empty text, an unquoted empty field NULL: as the columns need.
        out = io.BytesIO()
        pa_csv.write_csv(
            table, out, pa_csv.WriteOptions(include_header=False, quoting_style="needed")
        )
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {name} ({listed}) FROM STDIN WITH (FORMAT csv)") as copy,
        ):
            copy.write(out.getbuffer())
        return
    values = zip(*(_python(column) for column in table.columns), strict=True)
    marks = ", ".join(["%s" if connection.vendor != "sqlite" else "?"] * len(INSERTED))
    with connection.cursor() as cursor:
        # Only the model's own table and column names are in the SQL; values are parameters.
        sql = f"INSERT INTO {name} ({listed}) VALUES ({marks})"  # noqa: S608
        if connection.vendor == "sqlite":
            # sqlite3's own executemany loops in C over one prepared statement.
            cursor.cursor.executemany(sql, values)
        else:
            cursor.executemany(sql, list(values))


def _python(column) -> list:
    """A column's Python values; each distinct text is made once (most repeat)."""
    if pa.types.is_string(column.type):
        encoded = pc.dictionary_encode(column).combine_chunks()
        labels = np.array([*encoded.dictionary.to_pylist()], dtype=object)
        return labels[encoded.indices.to_numpy(zero_copy_only=False)].tolist()
    return column.to_pylist()
