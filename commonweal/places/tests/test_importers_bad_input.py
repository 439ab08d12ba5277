"""Bad files for every places importer: a clear problem, and nothing written."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command

from commonweal.datasets.importing import ImportFailed, get_importer, run_import
from commonweal.datasets.models import DataSet
from commonweal.places.models import (
    Area,
    AreaType,
    DeprivationScore,
    LsoaLink,
    PopulationEstimate,
    Postcode,
)

pytestmark = pytest.mark.django_db
DATA = settings.COMMONWEAL_SHARED_DATA


def snapshot():
    return [
        model.objects.count()
        for model in (Area, LsoaLink, PopulationEstimate, DeprivationScore, Postcode, DataSet)
    ]


def fails(source, path, **options) -> list[str]:
    """Import with commit; assert it fails, wrote nothing, and return the problems."""
    before = snapshot()
    with pytest.raises(ImportFailed) as failure:
        run_import(get_importer(source)(**options), path, commit=True)
    assert snapshot() == before
    return [str(problem) for problem in failure.value.report.problems]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def square(x=-1.9, y=53.7, size=0.01):
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
    }


def collection(*features, crs=None):
    document = {"type": "FeatureCollection", "features": list(features)}
    if crs:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(document)


def feature(code="E01999991", name="Testshire 001A", geometry=None, key="LSOA11"):
    return {
        "type": "Feature",
        "properties": {f"{key}CD": code, f"{key}NM": name},
        "geometry": geometry if geometry is not None else square(),
    }


# Boundaries -------------------------------------------------------------------------


def test_truncated_geojson_is_a_file_level_error(tmp_path):
    text = (DATA / "boundaries/calderdale_lsoa2011_bsc.geojson").read_text()
    path = write(tmp_path, "cut.geojson", text[: len(text) // 2])
    problems = fails("lsoa2011-boundaries", path)
    assert problems == ["file: the GeoJSON ends part-way through; the file looks truncated"]


def test_not_geojson(tmp_path):
    assert "not valid JSON" in fails("ward-boundaries", write(tmp_path, "x.geojson", "{nope"))[0]
    assert (
        "not a GeoJSON FeatureCollection"
        in fails("ward-boundaries", write(tmp_path, "y.geojson", '{"type": "Feature"}'))[0]
    )


def test_british_national_grid_is_refused(tmp_path):
    bng = collection(feature(geometry=square(400000, 420000, 500)))
    problems = fails("lsoa2011-boundaries", write(tmp_path, "bng.geojson", bng))
    assert "outside the longitude/latitude range" in problems[0]
    declared = collection(feature(), crs="urn:ogc:def:crs:EPSG::27700")
    problems = fails("lsoa2011-boundaries", write(tmp_path, "crs.geojson", declared))
    assert "EPSG::27700" in problems[0]


def test_feature_problems_are_reported_per_feature(tmp_path):
    text = collection(
        feature("E01999991"),
        feature("E01999992", geometry={"type": "Point", "coordinates": [-1.9, 53.7]}),
        feature("E01999993", geometry={"type": "Polygon", "coordinates": []}),
        feature("E01999991", name="Again 001A"),
        feature("", name="No code"),
        feature("E01999994", name=""),
        feature("W99", name="Bad code"),
    )
    problems = fails("lsoa2011-boundaries", write(tmp_path, "bad.geojson", text))
    assert problems == [
        "line 2, column 'geometry': the geometry is a Point, not a polygon",
        "line 3, column 'geometry': the geometry is empty",
        "line 5, column 'LSOA11CD': the LSOA 2011 code is missing",
        "line 6, column 'LSOA11NM': the name of E01999994 is missing",
        "line 7, column 'LSOA11CD': “W99” is not a LSOA 2011 code",
    ]
    duplicate = collection(feature("E01999991"), feature("E01999991", name="Again 001A"))
    problems = fails("lsoa2011-boundaries", write(tmp_path, "dup.geojson", duplicate))
    assert problems == ["line 2, column 'code': the code E01999991 appears again (first on line 1)"]


def test_invalid_geometry_is_repaired_and_reported(tmp_path):
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[-1.9, 53.7], [-1.8, 53.8], [-1.8, 53.7], [-1.9, 53.8], [-1.9, 53.7]]],
    }
    path = write(tmp_path, "bowtie.geojson", collection(feature(geometry=bowtie)))
    report = run_import(get_importer("lsoa2011-boundaries")(), path, commit=True)
    assert report.created == 1
    assert any("Repaired 1 invalid boundary" in note for note in report.notes)
    area = Area.objects.get(gss_code="E01999991", area_type=AreaType.LSOA11)
    assert area.shape.is_valid and area.shape.area > 0


def test_generalised_follows_the_generation_label():
    assert (
        get_importer("lsoa2021-boundaries")(generation="LSOA Dec 2021 BFC V5").generalised is False
    )
    assert get_importer("lsoa2021-boundaries")(generation="LSOA Dec 2021 BSC V4").generalised
    assert get_importer("ward-boundaries")(generation="x", generalised="yes").generalised


def test_authority_filter_keeps_one_borough(calderdale, tmp_path):
    # Both boroughs in one file; only Calderdale's LSOAs are kept (by name prefix).
    calder = json.loads((DATA / "boundaries/calderdale_lsoa2011_bsc.geojson").read_text())
    trafford = json.loads((DATA / "boundaries/trafford_lsoa2011_bsc.geojson").read_text())
    calder["features"] += trafford["features"]
    path = write(tmp_path, "both.geojson", json.dumps(calder))
    importer = get_importer("lsoa2011-boundaries")(authority="E08000033")
    report = run_import(importer, path)
    assert report.rows_read == 266
    assert "Kept 128 rows for Calderdale; skipped 138 rows for other areas." in report.notes
    # Wards carry no authority in their name: Calderdale's outline places them.
    wards = DATA / "boundaries/trafford_ward2023_generalised.geojson"
    report = run_import(get_importer("ward-boundaries")(authority="E08000033"), wards)
    assert report.created + report.updated + report.unchanged == 0


# Lookups ----------------------------------------------------------------------------


def test_lookup_with_unknown_areas_says_import_the_boundaries_first(tmp_path):
    path = write(
        tmp_path,
        "lookup.csv",
        "lsoa21_code,ward24_code,ltla24_code\nE01999999,E05001371,E08000033\n",
    )
    problems = fails("lsoa-ward-authority-lookup", path)
    assert problems == [
        "file: 1 row name LSOA 2021s we do not hold (E01999999); import the boundaries first"
    ]


def test_lookup_wrong_columns_and_codes(tmp_path):
    path = write(tmp_path, "lookup.csv", "lsoa,ward\nE01010875,E05001371\n")
    assert (
        "required column missing (lsoa21_code or LSOA21CD or lsoa21cd)"
        in fails("lsoa-ward-authority-lookup", path)[0]
    )
    path = write(
        tmp_path,
        "links.csv",
        "lsoa11_code,change_code,lsoa21_code,ltla22_code\n"
        "E01010875,Q,E01010875,E08000033\nE01010875,U,E01010875,E08000033\n"
        "E01010875,U,E01010875,E08000033\n",
    )
    problems = fails("lsoa2011-2021-lookup", path)
    assert problems == ["line 2, column 'change_code': “Q” is not a change code (U, S, M or X)"]


# Population -------------------------------------------------------------------------

AGES = ",".join([str(a) for a in range(90)] + ["90+"])


def test_population_total_must_equal_the_ages(tmp_path):
    ages = ",".join(["10"] * 91)
    path = write(
        tmp_path,
        "pop.csv",
        f"lsoa11_name,lsoa11_code,total_population,{AGES}\n"
        f"Calderdale 019A,E01010875,911,{ages}\nCalderdale 019B,E01010876,910,{ages}\n",
    )
    assert fails("population-mid2020", path) == [
        "line 2, column 'total_population': the total (911) is not the sum of the ages (910)"
    ]


def test_population_wrong_columns_and_unknown_lsoa(tmp_path):
    path = write(tmp_path, "pop.csv", "lsoa11_code,total_population\nE01010875,10\n")
    assert "required columns missing" in fails("population-mid2020", path)[0]
    ages = ",".join(["1"] * 91)
    path = write(
        tmp_path, "pop2.csv", f"lsoa11_code,total_population,{AGES}\nE01999999,91,{ages}\n"
    )
    assert "LSOA 2011s we do not hold (E01999999)" in fails("population-mid2020", path)[0]


# Indices of Deprivation -------------------------------------------------------------


def test_iod2019_file1_reads_thousands_separators(calderdale):
    path = DATA / "imd2019/calderdale_iod2019_file1_imd.csv"
    report = run_import(get_importer("iod2019-imd")(), path, commit=True)
    # The same ranks as File 2, already held: nothing changes.
    assert (report.created, report.updated, report.unchanged) == (0, 0, 128)


def test_national_iod_files_import_one_borough(calderdale):
    for source, path in (
        ("iod2019", DATA / "imd2019/File_2_-_IoD2019_Domains_of_Deprivation.csv.gz"),
        ("iod2025", DATA / "iod2025/imd2025_england_lsoa21.csv.gz"),
    ):
        report = run_import(get_importer(source)(authority="E08000033"), path, commit=True)
        assert report.rows_read > 32_000
        assert (report.created, report.updated) == (0, 0), source
        assert report.unchanged == 8 * (128 if source == "iod2019" else 129)


def test_national_iod_file_without_a_borough_names_the_missing_lsoas():
    path = DATA / "iod2025/imd2025_england_lsoa21.csv.gz"
    problems = fails("iod2025", path)
    assert len(problems) == 1
    assert "LSOA 2021s we do not hold" in problems[0]
    assert "--option authority=" in problems[0]


def test_iod_bad_values(tmp_path):
    header = (DATA / "iod2025/calderdale_imd2025_lsoa21.csv").read_text().splitlines()[0]
    row = (DATA / "iod2025/calderdale_imd2025_lsoa21.csv").read_text().splitlines()[1]
    cells = row.split(",")
    cells[4] = "11"  # IMD_decile
    path = write(tmp_path, "iod.csv", f"{header}\n{','.join(cells)}\n")
    assert fails("iod2025", path) == ["line 2, column 'IMD_decile': decile 11 is outside 1 to 10"]
    path = write(tmp_path, "iod2.csv", "lsoa21_code,IMD_rank\nE01010875,1\n")
    assert "required columns missing (IMD_decile" in fails("iod2025", path)[0]


# Postcodes --------------------------------------------------------------------------

TRAFFORD_HEADER = "postcode,ward_code,lsoa_code,la_code,lon,lat"


def test_bad_postcodes_and_points(tmp_path):
    path = write(
        tmp_path,
        "pc.csv",
        f"{TRAFFORD_HEADER}\n"
        "M15 4AB,E05015247,E01034001,E08000009,-2.26046,53.465578\n"
        "NOT A CODE,E05015247,E01034001,E08000009,-2.26,53.46\n"
        "M15 4AD,E05015247,E01034001,E08000009,-200,53.46\n"
        "M15 4AE,E05015247,E01034001,E08000009,-2.26,lat\n"
        "M154AB,E05015247,E01034001,E08000009,-2.26,53.46\n",
    )
    assert fails("postcodes-ons", path) == [
        "line 3, column 'postcode': “NOT A CODE” is not a UK postcode. "
        "A postcode looks like HX1 1AA or M15 4AB.",
        "line 4, column 'lon': -200.0 is outside the United Kingdom",
        "line 5, column 'lat': “lat” is not a number",
    ]
    path = write(
        tmp_path,
        "dup.csv",
        f"{TRAFFORD_HEADER}\nM15 4AB,E05015247,E01034001,E08000009,-2.26,53.46\n"
        "m154ab,E05015247,E01034001,E08000009,-2.26,53.46\n",
    )
    assert fails("postcodes-ons", path) == [
        "line 3, column 'postcode': the postcode M15 4AB appears again (first on line 2)"
    ]


def test_postcode_without_coordinates_is_still_stored(tmp_path):
    path = write(
        tmp_path,
        "pc.csv",
        "pcds,lsoa11cd,ladcd,longitude,latitude,ward_code_cpo_2025\n"
        "hx7 9zz,E01010875,E08000033,,,E05001371\n",
    )
    report = run_import(get_importer("postcodes-ons")(), path, commit=True)
    assert report.created == 1
    postcode = Postcode.objects.get(postcode="HX7 9ZZ")
    assert (postcode.longitude, postcode.latitude, postcode.lsoa11_code) == (
        None,
        None,
        "E01010875",
    )


def test_postcode_file_missing_columns(tmp_path):
    path = write(tmp_path, "pc.csv", "pc,where\nHX1 1AA,here\n")
    assert (
        "required columns missing (pcds, ladcd, lsoa11cd or lsoa21cd)"
        in fails("postcodes-ons", path)[0]
    )


def test_postcode_authority_filter(trafford):
    path = DATA / "postcodes/trafford_postcodes_onspd_feb2025.csv"
    report = run_import(get_importer("postcodes-ons")(authority="E08000033"), path)
    assert report.created + report.updated + report.unchanged == 0
    assert any("skipped 11264 rows" in note for note in report.notes)


# The command line -------------------------------------------------------------------


def test_import_command_passes_options(calderdale, capsys):
    path = DATA / "iod2025/imd2025_england_lsoa21.csv.gz"
    call_command("import", "iod2025", str(path), "--option", "authority=E08000033", "--quiet")
    out = capsys.readouterr().out
    assert "Kept 129 rows for Calderdale" in out
    assert "Dry run" in out


def test_national_file_for_a_borough_before_its_lookup(calderdale):
    # Without the lookup, the LSOAs held under Calderdale's name are Calderdale's.
    Area.objects.of_type(AreaType.LSOA21).update(authority=None)
    path = DATA / "iod2025/imd2025_england_lsoa21.csv.gz"
    report = run_import(get_importer("iod2025")(authority="E08000033"), path)
    assert "Kept 129 rows for Calderdale; skipped 33626 rows for other areas." in report.notes
