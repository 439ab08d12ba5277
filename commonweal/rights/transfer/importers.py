"""A council's land and building assets, in the Local Government Transparency Code 2015
format (TC-03: published annually as CSV).

    commonweal import lgtc-land-assets assets.csv --option authority=E08000009 [--commit]

Rows are matched to those already held by the council's AssetCode, so importing the next
year's file updates the register. The CoordinateReferenceSystem column says what GeoX and
GeoY hold: WGS84 longitude and latitude, or British National Grid eastings and northings,
which are converted (commonweal.rights.transfer.grid).
"""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from commonweal.datasets.importing import RowError, RowProblem, register_importer
from commonweal.datasets.importing.base import CsvImporter
from commonweal.places.models import Area, AreaType
from commonweal.rights.transfer import grid
from commonweal.rights.transfer.models import LandAsset

WGS84_NAMES = {"wgs84", "wgs 84", "epsg:4326", "4326", "wgs1984", "etrs89"}
GRID_NAMES = {
    "osgb36",
    "osgb 1936",
    "osgb",
    "bng",
    "british national grid",
    "epsg:27700",
    "27700",
    "osgb36 / british national grid",
}
# Loosely around Great Britain, so a swapped or mistyped point is caught.
LON_RANGE, LAT_RANGE = (-9.0, 2.5), (49.0, 61.0)
ENERGY_RATINGS = {"A+", "A", "B", "C", "D", "E", "F", "G"}
TEXT_LIMITS = {
    "PropertyName": 300,
    "StreetNumber": 40,
    "StreetName": 200,
    "PostTown": 100,
    "PostCode": 8,
    "TenureType": 40,
    "TenureDetail": 100,
    "OtherDetail": 300,
    "HoldingType": 40,
    "OrganisationLabel": 200,
    "OrganisationURI": 300,
}
FIELDS = {
    "uprn": "UPRN",
    "name": "PropertyName",
    "street_number": "StreetNumber",
    "street_name": "StreetName",
    "post_town": "PostTown",
    "postcode": "PostCode",
    "tenure_type": "TenureType",
    "tenure_detail": "TenureDetail",
    "other_detail": "OtherDetail",
    "holding_type": "HoldingType",
    "organisation_label": "OrganisationLabel",
    "organisation_uri": "OrganisationURI",
}


def _decimal(raw: str, column: str, places: int) -> Decimal | None:
    text = (raw or "").strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RowError(column, f"“{text[:20]}” is not a number") from None
    if not value.is_finite() or value < 0:
        raise RowError(column, f"{text[:20]} is not a size (it must be 0 or more)")
    return round(value, places)


def _in_gb(lon: float, lat: float) -> bool:
    return LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]


def _point(raw: dict) -> tuple[str, float | None, float | None, str]:
    """(system as given, longitude, latitude, what was assumed: "", "inferred" or "swapped")."""
    given = (raw.get("CoordinateReferenceSystem") or "").strip()
    x_text, y_text = (raw.get("GeoX") or "").strip(), (raw.get("GeoY") or "").strip()
    if not x_text and not y_text:
        return given, None, None, ""
    if not x_text or not y_text:
        raise RowError("GeoX" if not x_text else "GeoY", "a point needs both GeoX and GeoY")
    try:
        x, y = float(x_text), float(y_text)
    except ValueError:
        raise RowError("GeoX", f"({x_text[:20]}, {y_text[:20]}) is not a pair of numbers") from None
    name = given.lower()
    assumed = "" if name else "inferred"
    if not name:
        # No system named: National Grid metres are far larger than any longitude.
        name = "bng" if abs(x) > 180 or abs(y) > 90 else "wgs84"
    if name in GRID_NAMES:
        try:
            lon, lat = grid.grid_to_lonlat(x, y)
        except ValueError as exc:
            raise RowError("GeoX", str(exc)) from None
    elif name in WGS84_NAMES:
        lon, lat = x, y
    else:
        raise RowError(
            "CoordinateReferenceSystem",
            f"“{given[:40]}” is not a coordinate system we know (use WGS84 or OSGB36)",
        )
    if not _in_gb(lon, lat) and name in WGS84_NAMES and _in_gb(lat, lon):
        # Latitude in GeoX and longitude in GeoY (Trafford's register has one such row,
        # Davyhulme Youth Centre): unambiguous in Great Britain, so read the other way round.
        return given, lat, lon, "swapped"
    if not _in_gb(lon, lat):
        raise RowError(
            "GeoX",
            f"({x_text[:20]}, {y_text[:20]}) in {given or 'the file'} is not in Great Britain "
            "(are GeoX and GeoY swapped, or is the coordinate system wrong?)",
        )
    return given, lon, lat, assumed


@register_importer
class LandAssetsImporter(CsvImporter):
    source = "lgtc-land-assets"
    title = "Local authority land and building assets"
    publisher = "The council (Local Government Transparency Code 2015)"
    description = "The council's land and buildings register, published annually."
    units = "one row per asset"
    required_columns = (
        "AssetCode",
        "PropertyName",
        "CoordinateReferenceSystem",
        "GeoX",
        "GeoY",
        "TenureType",
        "HoldingType",
    )

    def __init__(self, *, authority: str = "", **options):
        super().__init__(**options)
        if not authority:
            raise ValueError("give the council's GSS code: --option authority=E08000009")
        self.authority = Area.objects.filter(
            area_type=AreaType.LOCAL_AUTHORITY, gss_code=authority.strip().upper()
        ).first()
        if self.authority is None:
            raise ValueError(f"we do not hold a council with the code {authority}")

    def clean_row(self, raw: dict) -> dict:
        code = (raw.get("AssetCode") or "").strip()
        if not code:
            raise RowError("AssetCode", "every asset needs its AssetCode")
        if len(code) > 60:
            raise RowError("AssetCode", "an AssetCode is at most 60 characters")
        values = {"asset_code": code}
        for field, column in FIELDS.items():
            text = (raw.get(column) or "").strip()
            if len(text) > TEXT_LIMITS.get(column, 12):
                raise RowError(column, f"longer than {TEXT_LIMITS.get(column, 12)} characters")
            values[field] = text
        if not values["name"]:
            raise RowError("PropertyName", "every asset needs a name")
        if values["uprn"] and not re.fullmatch(r"[0-9]{1,12}", values["uprn"]):
            raise RowError("UPRN", f"“{values['uprn']}” is not a UPRN (up to 12 digits)")
        date_text = (raw.get("EffectiveDate") or "").strip()
        try:
            values["effective_date"] = dt.date.fromisoformat(date_text) if date_text else None
        except ValueError:
            raise RowError(
                "EffectiveDate", f"“{date_text[:20]}” is not a date YYYY-MM-DD"
            ) from None
        values["building_size_m2"] = _decimal(raw.get("BuildingSize"), "BuildingSize", 2)
        values["land_area_ha"] = _decimal(raw.get("LandArea"), "LandArea", 4)
        rating = (raw.get("EnergyRating") or "").strip().upper()
        if rating and rating not in ENERGY_RATINGS:
            raise RowError("EnergyRating", f"“{rating[:5]}” is not an energy rating (A to G)")
        values["energy_rating"] = rating
        system, lon, lat, assumed = _point(raw)
        values.update(coordinate_system=system[:40], longitude=lon, latitude=lat)
        values["_assumed"] = assumed
        return values

    def check_rows(self, rows):
        seen: dict[str, int] = {}
        problems = []
        for line, row in rows:
            code = row["asset_code"].lower()
            if code in seen:
                problems.append(
                    RowProblem(
                        line, "AssetCode", f"{row['asset_code']} is also on line {seen[code]}"
                    )
                )
            else:
                seen[code] = line
        return problems

    def load(self, rows, dataset, report) -> None:
        held = {a.asset_code: a for a in LandAsset.objects.filter(authority=self.authority)}
        assumed = {"inferred": [], "swapped": []}
        for row in rows:
            kind = row.pop("_assumed")
            if kind:
                assumed[kind].append(row["asset_code"])
            asset = held.get(row["asset_code"])
            if asset is None:
                LandAsset.objects.create(authority=self.authority, source_dataset=dataset, **row)
                report.created += 1
                continue
            changed = {k: v for k, v in row.items() if getattr(asset, k) != v}
            if changed:
                for field, value in changed.items():
                    setattr(asset, field, value)
                asset.source_dataset = dataset
                asset.save()
                report.updated += 1
            else:
                report.unchanged += 1
        located = LandAsset.objects.filter(authority=self.authority).located().count()
        report.notes.append(f"Assets with a point on the map: {located}")
        if assumed["inferred"]:
            report.notes.append(
                "Points with no CoordinateReferenceSystem, read from the size of GeoX and "
                f"GeoY: {len(assumed['inferred'])}"
            )
        if assumed["swapped"]:
            report.notes.append(
                "Points with the latitude in GeoX and the longitude in GeoY, read the other "
                f"way round: {len(assumed['swapped'])} ({', '.join(assumed['swapped'][:10])})"
            )

    def counts(self) -> dict[str, int]:
        return {
            f"Land and building assets of {self.authority.name}": LandAsset.objects.filter(
                authority=self.authority
            ).count()
        }
