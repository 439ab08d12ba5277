"""Boundary importers: ONS GeoJSON for LSOAs (2011, 2021), wards and local authorities."""

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import shapely
from shapely.geometry import shape

from commonweal.datasets.importing import RowError, register_importer
from commonweal.datasets.importing.base import Importer, open_text
from commonweal.places.importers.common import (
    ONS,
    ONS_OS_ATTRIBUTION,
    TYPE_LABELS,
    AuthorityFilter,
    bulk_save_areas,
    clean_code,
    duplicate_problems,
    require_filter_basis,
)
from commonweal.places.models import Area, AreaType

_LONLAT_CRS = ("CRS84", "EPSG::4326", "EPSG:4326")
_GENERALISED_WORDS = ("BSC", "BUC", "BGC", "BFE", "GENERALISED", "GENERALIZED")


@dataclass
class Feature:
    code: str
    name: str
    geometry: shapely.Geometry
    repaired: bool


def read_features(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (feature number, feature) from a GeoJSON FeatureCollection in lon/lat."""
    with open_text(path) as handle:
        try:
            text = handle.read()
        except UnicodeDecodeError as exc:
            raise RowError("", f"the file is not UTF-8 text ({exc.reason})") from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) - 1:
            reason = "the GeoJSON ends part-way through; the file looks truncated"
        else:
            reason = (
                f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            )
        raise RowError("", reason) from exc
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise RowError("", "the file is not a GeoJSON FeatureCollection")
    crs = ((document.get("crs") or {}).get("properties") or {}).get("name", "")
    if crs and not crs.upper().endswith(_LONLAT_CRS):
        raise RowError(
            "",
            f"the coordinates are in {crs}; export the boundaries in longitude/latitude "
            "(WGS84, EPSG:4326) instead",
        )
    features = document.get("features")
    if not isinstance(features, list):
        raise RowError("", "the FeatureCollection has no list of features")
    yield from enumerate(features, start=1)


def clean_geometry(raw: Any) -> tuple[shapely.Geometry, bool]:
    """A polygonal shapely geometry in lon/lat; repaired if invalid (and says so)."""
    if not raw:
        raise RowError("geometry", "the feature has no geometry")
    try:
        geometry = shape(raw)
    except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException) as exc:
        raise RowError("geometry", f"the geometry cannot be read ({exc})") from None
    if geometry.is_empty:
        raise RowError("geometry", "the geometry is empty")
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise RowError("geometry", f"the geometry is a {geometry.geom_type}, not a polygon")
    min_x, min_y, max_x, max_y = geometry.bounds
    if not all(math.isfinite(value) for value in (min_x, min_y, max_x, max_y)):
        raise RowError("geometry", "the geometry has coordinates that are not numbers")
    if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
        raise RowError(
            "geometry",
            "coordinates are outside the longitude/latitude range; is the file in "
            "British National Grid (metres) rather than WGS84?",
        )
    repaired = False
    if not geometry.is_valid:
        geometry = polygonal_part(shapely.make_valid(geometry))
        repaired = True
        if geometry.is_empty or geometry.area == 0:
            raise RowError("geometry", "the geometry is invalid and nothing is left once repaired")
    return geometry, repaired


def polygonal_part(geometry: shapely.Geometry) -> shapely.Geometry:
    """Only the polygons of a geometry (make_valid can add stray lines or points)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [
        part
        for part in getattr(geometry, "geoms", [])
        if part.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.unary_union(parts) if parts else shapely.MultiPolygon()


class BoundaryImporter(Importer):
    """One boundary layer. Options: generation (the ONS release's name), generalised,
    authority (a GSS code: keep only that authority's areas)."""

    area_type: ClassVar[str]
    code_properties: ClassVar[tuple[str, ...]]
    name_properties: ClassVar[tuple[str, ...]]
    default_generation: ClassVar[str]
    publisher = ONS
    attribution = ONS_OS_ATTRIBUTION
    units = "boundaries in longitude/latitude (WGS84)"

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.generation = str(options.get("generation") or self.default_generation)
        generalised = options.get("generalised")
        if generalised is None:
            upper = self.generation.upper()
            generalised = any(word in upper for word in _GENERALISED_WORDS)
        self.generalised = _truthy(generalised)
        self.title = f"{self.title} ({self.generation})"
        self.filter = AuthorityFilter(options.get("authority"), self.area_type)

    def read(self, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        # Any boundary can be placed by the authority's own outline, once that is held.
        if self.filter.authority_shape is None:
            require_filter_basis(
                self.filter,
                self.area_type == AreaType.LOCAL_AUTHORITY,
                by_name=self.area_type != AreaType.WARD,
            )
        yield from read_features(path)

    def clean_row(self, raw: dict[str, Any]) -> Feature | None:
        if not isinstance(raw, dict) or raw.get("type") != "Feature":
            raise RowError("", "this entry is not a GeoJSON Feature")
        properties = raw.get("properties") or {}
        code_key = next((key for key in self.code_properties if key in properties), None)
        name_key = next((key for key in self.name_properties if key in properties), None)
        if code_key is None:
            raise RowError(
                "properties",
                f"no {TYPE_LABELS[self.area_type]} code (expected one of "
                f"{', '.join(self.code_properties)})",
            )
        code = clean_code(str(properties[code_key] or ""), self.area_type, code_key)
        name = str(properties.get(name_key) or "").strip() if name_key else ""
        if not name:
            raise RowError(name_key or "properties", f"the name of {code} is missing")
        geometry, repaired = clean_geometry(raw.get("geometry"))
        if not self._keeps(code, name, geometry):
            return None
        return Feature(code=code, name=name, geometry=geometry, repaired=repaired)

    def _keeps(self, code: str, name: str, geometry: shapely.Geometry) -> bool:
        if self.area_type == AreaType.LOCAL_AUTHORITY:
            return self.filter.keeps(code, authority_code=code)
        return self.filter.keeps(code, name=name, geometry=geometry)

    def check_rows(self, rows):
        return duplicate_problems(rows, lambda row: row.code, "code", "the code")

    def load(self, rows: list[Feature | None], dataset, report) -> None:
        features = [row for row in rows if row is not None]
        existing = {
            area.gss_code: area
            for area in Area.objects.of_type(self.area_type).filter(
                gss_code__in=[feature.code for feature in features]
            )
        }
        new, changed = [], []
        for feature in features:
            area = existing.get(feature.code)
            if area is None:
                area = Area(gss_code=feature.code, area_type=self.area_type)
                new.append(area)
            before = _state(area)
            area.name = feature.name
            area.generation = self.generation
            area.generalised = self.generalised
            area.set_shape(feature.geometry)
            if self.area_type == AreaType.LOCAL_AUTHORITY:
                area.authority = None
            if area.pk is None:
                area.dataset = dataset
                report.created += 1
            elif _state(area) != before:
                area.dataset = dataset
                changed.append(area)
                report.updated += 1
            else:
                report.unchanged += 1
        bulk_save_areas(
            new,
            changed,
            [
                "name",
                "generation",
                "generalised",
                "geometry",
                "centroid_lon",
                "centroid_lat",
                "dataset",
            ],
        )
        repaired = [feature.code for feature in features if feature.repaired]
        if repaired:
            report.notes.append(
                f"Repaired {len(repaired)} invalid boundar{'ies' if len(repaired) > 1 else 'y'} "
                f"(self-intersections): {', '.join(repaired[:10])}"
            )
        if note := self.filter.note():
            report.notes.append(note)

    def counts(self) -> dict[str, int]:
        label = f"{TYPE_LABELS[self.area_type][0].upper()}{TYPE_LABELS[self.area_type][1:]} areas"
        return {label: Area.objects.of_type(self.area_type).with_geometry().count()}


def _state(area: Area) -> tuple:
    geometry = bytes(area.geometry) if area.geometry is not None else None
    return (area.name, area.generation, area.generalised, geometry)


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "on")
    return bool(value)


@register_importer
class Lsoa2011Boundaries(BoundaryImporter):
    source = "lsoa2011-boundaries"
    title = "Lower layer Super Output Areas (December 2011) boundaries"
    source_url = (
        "https://geoportal.statistics.gov.uk/datasets/"
        "ons::lower-layer-super-output-areas-december-2011-boundaries-super-generalised-"
        "clipped-bsc-ew-v3"
    )
    area_type = AreaType.LSOA11
    code_properties = ("LSOA11CD", "lsoa11_code", "lsoa11cd", "area_code")
    name_properties = ("LSOA11NM", "lsoa11_name", "lsoa11nm", "area_name")
    default_generation = "LSOA Dec 2011 BSC V3"


@register_importer
class Lsoa2021Boundaries(BoundaryImporter):
    source = "lsoa2021-boundaries"
    title = "Lower layer Super Output Areas (December 2021) boundaries"
    source_url = (
        "https://geoportal.statistics.gov.uk/datasets/"
        "ons::lower-layer-super-output-areas-december-2021-boundaries-ew-bsc-v4-2"
    )
    area_type = AreaType.LSOA21
    code_properties = ("lsoa21_code", "LSOA21CD", "lsoa21cd", "area_code")
    name_properties = ("lsoa21_name", "LSOA21NM", "lsoa21nm", "area_name")
    default_generation = "LSOA Dec 2021 BSC V4"


@register_importer
class WardBoundaries(BoundaryImporter):
    source = "ward-boundaries"
    title = "Electoral wards boundaries"
    source_url = (
        "https://geoportal.statistics.gov.uk/datasets/ons::wards-december-2022-boundaries-uk-bsc"
    )
    area_type = AreaType.WARD
    code_properties = (
        "ward22_code",
        "WD22CD",
        "WD23CD",
        "WD24CD",
        "ward23_code",
        "ward24_code",
        "area_code",
    )
    name_properties = (
        "ward22_name",
        "WD22NM",
        "WD23NM",
        "WD24NM",
        "ward23_name",
        "ward24_name",
        "area_name",
    )
    default_generation = "Wards Dec 2022 BSC"

    def _keeps(self, code: str, name: str, geometry: shapely.Geometry) -> bool:
        # Ward names do not carry their authority: only the lookup, or the authority's
        # outline, can place a ward.
        return self.filter.keeps(code, geometry=geometry)


@register_importer
class AuthorityBoundaries(BoundaryImporter):
    source = "authority-boundaries"
    title = "Local authority districts boundaries"
    source_url = (
        "https://geoportal.statistics.gov.uk/datasets/"
        "ons::local-authority-districts-may-2024-boundaries-uk-buc"
    )
    area_type = AreaType.LOCAL_AUTHORITY
    code_properties = (
        "ltla24_code",
        "LAD24CD",
        "LAD23CD",
        "LAD22CD",
        "ltla23_code",
        "ltla22_code",
        "area_code",
    )
    name_properties = (
        "ltla24_name",
        "LAD24NM",
        "LAD23NM",
        "LAD22NM",
        "ltla23_name",
        "ltla22_name",
        "area_name",
    )
    default_generation = "LAD May 2024 BUC"
