"""Per-area monthly counts by category, from the crimes' published points.

Each distinct point is placed in every indexed area type at once (LSOAs of both
generations, wards, boroughs) with the spatial index's vectorised lookup, so a ward's or
borough's count is the crimes inside its boundary, not a sum of the police's LSOA codes.
An import that adds a month no stored crime has yet counts its own rows as it loads them
(add_points, then write_counts); otherwise the month is rebuilt from its stored file,
grouped by point and category (rebuild_counts).
"""

from collections import Counter
from datetime import date

import numpy as np
import pyarrow.compute as pc
from django.db import connection

from commonweal.opendata import crime_store
from commonweal.opendata.models import CrimeCount
from commonweal.places import spatial_cache


def indexed_layers() -> dict:
    """The indexed layers that hold boundaries, with each index position's area pk."""
    layers = spatial_cache.layers(*spatial_cache.INDEXED_TYPES)
    return {
        area_type: (
            layer,
            np.array([layer.pk_for_code[code] for code in layer.index.keys], dtype=np.int64),
        )
        for area_type, layer in layers.items()
        if layer.index is not None
    }


def positions(indexed: dict, lons: np.ndarray, lats: np.ndarray) -> dict[str, np.ndarray]:
    """Each point's position in every indexed layer (-1 outside it); NaN gives -1."""
    located = ~np.isnan(lons)
    found = {}
    if not located.any():
        return {area_type: np.full(len(lons), -1, dtype=np.int64) for area_type in indexed}
    # Points repeat heavily (the police snap crimes to a fixed set of points): each distinct
    # point is looked up once.
    points, inverse = np.unique(lons[located] + 1j * lats[located], return_inverse=True)
    for area_type, (layer, _pks) in indexed.items():
        position = np.full(len(lons), -1, dtype=np.int64)
        position[located] = layer.index.lookup_indices(points.real, points.imag)[inverse]
        found[area_type] = position
    return found


def add_points(cells: Counter, month: date, indexed: dict, where: dict, categories, weights=None):
    """Count points into cells[(month, area pk, category)]; `categories` is (codes, labels)."""
    codes, labels = categories
    width = max(1, len(labels))
    for area_type, position in where.items():
        inside = position >= 0
        combined = position[inside] * width + codes[inside]
        if weights is None:
            values, counts = np.unique(combined, return_counts=True)
        else:
            values, inverse = np.unique(combined, return_inverse=True)
            counts = np.bincount(inverse, weights=weights[inside]).astype(np.int64)
        pks = indexed[area_type][1]
        for value, count in zip(values.tolist(), counts.tolist(), strict=True):
            area, category = divmod(value, width)
            cells[(month, int(pks[area]), labels[category])] += count


class PointCounts:
    """One month's points counted by area and category as blocks of them arrive: each
    block's cells in numpy, folded together now and then, so the per-cell Python work is
    done once for the month rather than once a block."""

    FOLD = 32
    WIDTH = 1 << 16  # categories: a handful in practice

    def __init__(self, month: date, indexed: dict):
        self.month, self.indexed = month, indexed
        self.labels: dict[str, int] = {}
        self.parts: dict[str, list] = {area_type: [] for area_type in indexed}

    def add(self, where: dict, categories) -> None:
        codes, labels = categories
        ids = np.array([self.labels.setdefault(label, len(self.labels)) for label in labels])
        codes = ids[codes] if len(labels) else codes
        for area_type, position in where.items():
            inside = position >= 0
            values, counts = np.unique(
                position[inside] * self.WIDTH + codes[inside], return_counts=True
            )
            parts = self.parts[area_type]
            parts.append((values, counts))
            if len(parts) >= self.FOLD:
                self._fold(area_type)

    def _fold(self, area_type: str) -> None:
        parts = self.parts[area_type]
        if len(parts) > 1:
            values, inverse = np.unique(np.concatenate([v for v, _ in parts]), return_inverse=True)
            counts = np.bincount(inverse, weights=np.concatenate([c for _, c in parts]))
            self.parts[area_type] = [(values, counts.astype(np.int64))]

    def cells(self) -> Counter:
        labels = list(self.labels)
        cells: Counter = Counter()
        for area_type in self.parts:
            self._fold(area_type)
            pks = self.indexed[area_type][1]
            for values, counts in self.parts[area_type]:
                for value, count in zip(values.tolist(), counts.tolist(), strict=True):
                    area, category = divmod(value, self.WIDTH)
                    cells[(self.month, int(pks[area]), labels[category])] += count
        return cells


def write_counts(month: date, cells: Counter) -> int:
    """Replace the month's counts with these cells; returns how many were written."""
    CrimeCount.objects.filter(month=month).delete()
    quote = connection.ops.quote_name
    table = quote(CrimeCount._meta.db_table)
    columns = ", ".join(quote(name) for name in ("area_id", "month", "category", "count"))
    rows = [(area, month, category, count) for (_m, area, category), count in cells.items()]
    # Thousands of counts a month: COPY on PostgreSQL, one prepared statement on SQLite, not
    # a model instance each.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s)",  # noqa: S608
                rows,
            )
    return len(cells)


def rebuild_counts(months: list[date]) -> int:
    """Replace the counts for these months from their stored crimes; returns how many
    counts were written. The crimes are grouped by point and category first (a month's
    half a million rows are a few tens of thousands of groups), a month at a time."""
    indexed = indexed_layers()
    written = 0
    for month, path in crime_store.months(months):
        cells: Counter = Counter()
        table = crime_store.read_file(path, ["longitude", "latitude", "category"])
        table = table.filter(pc.is_valid(table["longitude"]))
        groups = table.group_by(["longitude", "latitude", "category"]).aggregate(
            [([], "count_all")]
        )
        if groups.num_rows:
            encoded = pc.dictionary_encode(groups["category"]).combine_chunks()
            codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
            where = positions(
                indexed, groups["longitude"].to_numpy(), groups["latitude"].to_numpy()
            )
            crimes = groups["count_all"].to_numpy()
            add_points(
                cells, month, indexed, where, (codes, encoded.dictionary.to_pylist()), crimes
            )
        written += write_counts(month, cells)
    return written
