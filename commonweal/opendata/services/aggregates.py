"""Per-area monthly counts by category, rebuilt from the stored crimes.

Each crime's published point is placed in every indexed area type at once (LSOAs of
both generations, wards, boroughs) with the spatial index's vectorised lookup, so a
ward's or borough's count is the crimes inside its boundary, not a sum of the
police's LSOA codes.
"""

from collections import Counter
from datetime import date

import numpy as np

from commonweal.opendata.models import CrimeCount, StreetCrime
from commonweal.places import spatial_cache


def rebuild_counts(months: list[date]) -> int:
    """Replace the counts for these months; returns how many counts were written."""
    layers = spatial_cache.layers(*spatial_cache.INDEXED_TYPES)
    written = 0
    for month in months:
        CrimeCount.objects.filter(month=month).delete()
        rows = StreetCrime.objects.filter(month=month, longitude__isnull=False).values_list(
            "longitude", "latitude", "category"
        )
        lons, lats, categories = [], [], []
        for lon, lat, category in rows.iterator(chunk_size=5000):
            lons.append(lon)
            lats.append(lat)
            categories.append(category)
        if not lons:
            continue
        xs, ys = np.array(lons), np.array(lats)
        cells: Counter = Counter()
        for layer in layers.values():
            if layer.index is None:
                continue
            for code, category in zip(layer.index.lookup_many(xs, ys), categories, strict=True):
                if code is not None:
                    cells[layer.pk_for_code[code], category] += 1
        CrimeCount.objects.bulk_create(
            [
                CrimeCount(area_id=area_id, month=month, category=category, count=count)
                for (area_id, category), count in cells.items()
            ],
            batch_size=1000,
        )
        written += len(cells)
    return written
