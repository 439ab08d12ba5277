"""The land and building assets importer on Trafford's real register, and on broken files."""

import csv
from decimal import Decimal

import pytest

from commonweal.datasets.importing import ImportFailed, run_import
from commonweal.rights.transfer.importers import LandAssetsImporter
from commonweal.rights.transfer.models import LandAsset

pytestmark = pytest.mark.django_db

HEADER = (
    "OrganisationLabel,OrganisationURI,EffectiveDate,UPRN,AssetCode,PropertyName,StreetNumber,"
    "StreetName,PostTown,PostCode,CoordinateReferenceSystem,GeoX,GeoY,TenureType,TenureDetail,"
    "OtherDetail,HoldingType,BuildingSize,LandArea,EnergyRating"
)
GOOD = (
    "Trafford Council,,2023-09-29,100012797623,A1,Town Hall,,Market Street,Altrincham,"
    "WA14 1PF,WGS84,-2.3520922,53.3879587,Freehold,Owner Occupied,Town Hall,Buildings,"
    "415.05,,E"
)


@pytest.fixture
def register(shared_data):
    return shared_data / "assets" / "trafford_land_and_building_assets.csv"


def importer():
    return LandAssetsImporter(authority="E08000009")


def write(tmp_path, *lines, name="assets.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_dry_run_reads_every_row_and_saves_nothing(register, trafford):
    report = run_import(importer(), register)
    assert not report.committed
    assert report.rows_read == 608
    assert report.created == 608
    assert LandAsset.objects.count() == 0


def test_traffords_register(register, trafford):
    report = run_import(importer(), register, commit=True)
    assert report.ok and report.committed
    assert (report.rows_read, report.created, report.updated) == (608, 608, 0)
    assets = LandAsset.objects.filter(authority=trafford)
    assert assets.count() == 608
    # The file gives WGS84 points for 373 assets and no point (and no system) for 235.
    assert assets.located().count() == 373
    assert assets.filter(coordinate_system="WGS84").count() == 373
    assert assets.filter(coordinate_system="", longitude__isnull=True).count() == 235
    assert assets.filter(tenure_type="Freehold").count() == 593
    assert assets.filter(tenure_type="Leasehold").count() == 14
    assert assets.filter(holding_type="Land").count() == 309
    assert assets.exclude(uprn="").count() == 272
    assert assets.exclude(energy_rating="").count() == 60
    hall = assets.get(asset_code="TMBC0001/T0000003")
    assert hall.name == "Altrincham Town Hall"
    assert (hall.longitude, hall.latitude) == (-2.3520922, 53.3879587)
    assert hall.building_size_m2 == Decimal("415.05")
    assert hall.address == "Market Street, Altrincham, WA14 1PF"
    assert "Assets with a point on the map: 373" in report.notes
    # One row has its latitude in GeoX and longitude in GeoY: read the other way round.
    youth_centre = assets.get(asset_code="TMBC0396/P0000036")
    assert (youth_centre.longitude, youth_centre.latitude) == (-2.365856, 53.457484)
    assert any("the other way round: 1 (TMBC0396/P0000036)" in note for note in report.notes)


def test_the_same_file_again_changes_nothing(register, trafford):
    run_import(importer(), register, commit=True)
    report = run_import(importer(), register, commit=True)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 608)


def test_next_years_file_updates_the_register(tmp_path, trafford):
    run_import(importer(), write(tmp_path, HEADER, GOOD), commit=True)
    renamed = GOOD.replace("Town Hall,,Market", "Old Town Hall,,Market")
    report = run_import(importer(), write(tmp_path, HEADER, renamed, name="2.csv"), commit=True)
    assert (report.created, report.updated) == (0, 1)
    assert LandAsset.objects.get(asset_code="A1").name == "Old Town Hall"


def test_british_national_grid_points_are_converted(tmp_path, trafford):
    row = GOOD.replace("WGS84,-2.3520922,53.3879587", "OSGB36,376000,387800")
    blank_system = GOOD.replace("A1,", "A2,").replace(
        "WGS84,-2.3520922,53.3879587", ",376000,387800"
    )
    run_import(importer(), write(tmp_path, HEADER, row, blank_system), commit=True)
    for code in ("A1", "A2"):
        asset = LandAsset.objects.get(asset_code=code)
        assert asset.longitude == pytest.approx(-2.3557, abs=0.01)
        assert asset.latitude == pytest.approx(53.386, abs=0.01)


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        (GOOD.replace("A1,", ","), "AssetCode", "needs its AssetCode"),
        (GOOD.replace("Town Hall,,Market", ",,Market"), "PropertyName", "needs a name"),
        (GOOD.replace("WGS84", "ED50"), "CoordinateReferenceSystem", "not a coordinate system"),
        (GOOD.replace("-2.3520922,53.3879587", "2.3522,48.8566"), "GeoX", "not in Great Britain"),
        (GOOD.replace("-2.3520922,53.3879587", "-2.3520922,"), "GeoY", "both GeoX and GeoY"),
        (GOOD.replace("2023-09-29", "29/09/2023"), "EffectiveDate", "not a date"),
        (GOOD.replace("415.05", "big"), "BuildingSize", "not a number"),
        (GOOD.replace("415.05", "-3"), "BuildingSize", "0 or more"),
        (GOOD.replace("100012797623", "UPRN-1"), "UPRN", "not a UPRN"),
        (GOOD.replace(",E", ",Z"), "EnergyRating", "not an energy rating"),
        (GOOD.replace("WGS84,-2.3520922,53.3879587", "OSGB36,900000,100"), "GeoX", "outside"),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_nothing_is_saved(
    tmp_path, trafford, row, column, reason
):
    path = write(tmp_path, HEADER, GOOD.replace("A1,", "A0,"), row)
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), path, commit=True)
    [problem] = caught.value.report.problems
    assert (problem.line, problem.column) == (3, column)
    assert reason in problem.reason
    assert LandAsset.objects.count() == 0


def test_a_duplicate_asset_code_names_both_lines(tmp_path, trafford):
    path = write(tmp_path, HEADER, GOOD, GOOD)
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), path, commit=True)
    [problem] = caught.value.report.problems
    assert problem.line == 3 and "also on line 2" in problem.reason


def test_a_file_without_the_columns_is_refused(tmp_path, trafford):
    path = write(tmp_path, "Name,Easting,Northing", "Town Hall,1,2")
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), path)
    assert "AssetCode" in str(caught.value.report.problems[0])


def test_a_file_that_is_not_text_is_refused(tmp_path, trafford):
    path = tmp_path / "assets.csv"
    path.write_bytes(HEADER.encode() + b"\n\xff\xfe\x00binary")
    with pytest.raises(ImportFailed):
        run_import(importer(), path)


def test_an_empty_file_is_refused(tmp_path, trafford):
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), write(tmp_path, HEADER))
    assert "no data rows" in str(caught.value.report.problems[0])


def test_the_council_must_be_named_and_held(db):
    with pytest.raises(ValueError, match="GSS code"):
        LandAssetsImporter()
    with pytest.raises(ValueError, match="do not hold"):
        LandAssetsImporter(authority="E99999999")


def test_the_real_file_has_the_columns_the_importer_needs(register):
    with register.open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert set(LandAssetsImporter.required_columns) <= set(header)


def test_the_import_command_reports_a_dry_run(register, trafford):
    import io as _io

    from django.core.management import call_command

    out = _io.StringIO()
    call_command(
        "import",
        "lgtc-land-assets",
        str(register),
        "--option",
        "authority=E08000009",
        "--quiet",
        stdout=out,
    )
    text = out.getvalue()
    assert "Dry run" in text and "Rows read: 608" in text
    assert "Land and building assets of Trafford: 0 → 608" in text
    assert LandAsset.objects.count() == 0
