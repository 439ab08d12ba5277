"""Per-process spatial indexes over the boundaries we hold, rebuilt when they change.

One AreaIndex per statistical area type answers point lookups. Whether the boundaries
have changed is checked with one cheap query (per type: how many areas have a
geometry, the latest updated_at and the highest id), so an import, a deletion or a test
rolling its transaction back all cause a rebuild on the next lookup. Neighbourhoods are
few and may overlap, so they are tested directly with shapely rather than indexed.
"""

import threading
from dataclasses import dataclass, field

import numpy as np
import shapely
from django.db.models import Count, Max

from commonweal.places.models import Area, AreaType
from commonweal.places.spatial import AreaIndex

# Types with one area per place (no overlaps), smallest first.
INDEXED_TYPES = (AreaType.LSOA11, AreaType.LSOA21, AreaType.WARD, AreaType.LOCAL_AUTHORITY)
ALL_TYPES = (*INDEXED_TYPES, AreaType.NEIGHBOURHOOD)
# Boundaries closer than this (degrees, about a metre) count as touching: generalised
# boundaries leave hairline gaps and overlaps between neighbours.
TOUCH_TOLERANCE = 1e-5


@dataclass
class Layer:
    """Every area of one type that has a boundary."""

    signature: tuple
    pks: list[int]
    codes: list[str]
    shapes: np.ndarray
    generalised: bool
    index: AreaIndex | None = None
    pk_for_code: dict[str, int] = field(default_factory=dict)
    _tree: shapely.STRtree | None = None

    @property
    def tree(self) -> shapely.STRtree:
        # Built on first use: only neighbours() needs it.
        if self._tree is None:
            self._tree = shapely.STRtree(self.shapes)
        return self._tree


_layers: dict[str, Layer] = {}
_lock = threading.Lock()


def _signatures() -> dict[str, tuple]:
    rows = (
        Area.objects.with_geometry()
        .values("area_type")
        .annotate(count=Count("id"), latest=Max("updated_at"), top=Max("id"))
        .order_by()
    )
    return {row["area_type"]: (row["count"], row["latest"], row["top"]) for row in rows}


def _build(area_type: str, signature: tuple) -> Layer:
    rows = list(
        Area.objects.of_type(area_type)
        .with_geometry()
        .order_by("gss_code")
        .values_list("pk", "gss_code", "geometry", "generalised")
    )
    shapes = shapely.from_wkb([bytes(row[2]) for row in rows]) if rows else np.array([])
    layer = Layer(
        signature=signature,
        pks=[row[0] for row in rows],
        codes=[row[1] for row in rows],
        shapes=np.asarray(shapes, dtype=object),
        generalised=any(row[3] for row in rows),
    )
    layer.pk_for_code = dict(zip(layer.codes, layer.pks, strict=True))
    if area_type in INDEXED_TYPES and rows:
        layer.index = AreaIndex(zip(layer.codes, layer.shapes, strict=True))
    elif rows:
        shapely.prepare(layer.shapes)
    return layer


def layers(*area_types: str) -> dict[str, Layer]:
    """The current layers for these types (all types if none are named)."""
    wanted = area_types or ALL_TYPES
    signatures = _signatures()
    result = {}
    with _lock:
        for area_type in wanted:
            signature = signatures.get(area_type, (0, None, None))
            layer = _layers.get(area_type)
            if layer is None or layer.signature != signature:
                layer = _layers[area_type] = _build(area_type, signature)
            result[area_type] = layer
    return result


def clear() -> None:
    """Forget every index (for tests and after bulk changes made outside the ORM)."""
    with _lock:
        _layers.clear()
