"""Per-area monthly counts by category, from the crimes' published points.

Each distinct point is placed in every indexed area type at once (LSOAs of both
generations, wards, boroughs) with the spatial index's vectorised lookup, so a ward's or
borough's count is the crimes inside its boundary, not a sum of the police's LSOA codes.
An import that adds a month no stored crime has yet counts its own rows as it loads them
(add_points, then write_counts); otherwise the month is rebuilt from the stored crimes,
grouped by point and category in the database (rebuild_counts).
"""

from collections import Counter
from datetime import date
from itertools import islice

import numpy as np
from django.db.models import Count

from commonweal.opendata.models import CrimeCount, StreetCrime
from commonweal.places import spatial_cache

CHUNK = 50_000


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


def write_counts(month: date, cells: Counter) -> int:
    """Replace the month's counts with these cells; returns how many were written."""
    CrimeCount.objects.filter(month=month).delete()
    CrimeCount.objects.bulk_create(
        [
            CrimeCount(area_id=area_id, month=month, category=category, count=count)
            for (_month, area_id, category), count in cells.items()
        ],
        batch_size=1000,
    )
    return len(cells)


def rebuild_counts(months: list[date]) -> int:
    """Replace the counts for these months; returns how many counts were written."""
    indexed = indexed_layers()
    written = 0
    for month in months:
        cells: Counter = Counter()
        groups = (
            StreetCrime.objects.filter(month=month, longitude__isnull=False)
            .values_list("longitude", "latitude", "category")
            .annotate(crimes=Count("id"))
            .order_by()
            .iterator(chunk_size=CHUNK)
        )
        # The database groups the crimes by point and category; in chunks (a server-side
        # cursor on PostgreSQL), so memory stays flat however many crimes the month holds.
        while chunk := list(islice(groups, CHUNK)):
            lons, lats, names, crimes = zip(*chunk, strict=True)
            labels = sorted(set(names))
            index = {label: i for i, label in enumerate(labels)}
            codes = np.array([index[name] for name in names], dtype=np.int64)
            where = positions(indexed, np.array(lons, dtype=float), np.array(lats, dtype=float))
            add_points(cells, month, indexed, where, (codes, labels), np.array(crimes))
        written += write_counts(month, cells)
    return written
