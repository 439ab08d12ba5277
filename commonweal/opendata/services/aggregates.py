"""Per-area monthly counts by category, rebuilt from the stored crimes.

Each crime's published point is placed in every indexed area type at once (LSOAs of
both generations, wards, boroughs) with the spatial index's vectorised lookup, so a
ward's or borough's count is the crimes inside its boundary, not a sum of the
police's LSOA codes.
"""

from collections import Counter
from datetime import date
from itertools import islice

import numpy as np

from commonweal.opendata.models import CrimeCount, StreetCrime
from commonweal.places import spatial_cache

CHUNK = 50_000


def rebuild_counts(months: list[date]) -> int:
    """Replace the counts for these months; returns how many counts were written."""
    layers = spatial_cache.layers(*spatial_cache.INDEXED_TYPES)
    written = 0
    for month in months:
        CrimeCount.objects.filter(month=month).delete()
        cells: Counter = Counter()
        rows = (
            StreetCrime.objects.filter(month=month, longitude__isnull=False)
            .values_list("longitude", "latitude", "category")
            .iterator(chunk_size=CHUNK)
        )
        # In chunks (a server-side cursor on PostgreSQL): memory stays flat however many
        # crimes the month holds.
        while chunk := list(islice(rows, CHUNK)):
            lons, lats, categories = zip(*chunk, strict=True)
            xs, ys = np.array(lons), np.array(lats)
            for layer in layers.values():
                if layer.index is None:
                    continue
                pks = layer.pk_for_code
                cells.update(
                    (pks[code], category)
                    for code, category in zip(
                        layer.index.lookup_many(xs, ys), categories, strict=True
                    )
                    if code is not None
                )
        if not cells:
            continue
        CrimeCount.objects.bulk_create(
            [
                CrimeCount(area_id=area_id, month=month, category=category, count=count)
                for (area_id, category), count in cells.items()
            ],
            batch_size=1000,
        )
        written += len(cells)
    return written
