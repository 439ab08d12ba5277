import csv
import gzip
import zipfile
from collections import Counter

import pytest
import shapely

from commonweal.datasets.importing import ImportFailed
from commonweal.opendata.models import CrimeCount, CrimeMonth
from commonweal.opendata.tests import stored
from commonweal.opendata.tests.conftest import import_crime

pytestmark = pytest.mark.django_db


def test_july_2018_calderdale_imports_every_row_with_exact_counts(imported_2018):
    assert imported_2018.rows_read == 2559
    assert imported_2018.created == 2559
    rows = stored.crimes()
    assert len(rows) == 2559
    by_category = Counter(row["category"] for row in rows)
    assert by_category["Violence and sexual offences"] == 884
    assert by_category["Anti-social behaviour"] == 397
    assert by_category["Bicycle theft"] == 8
    asb = [row for row in rows if row["category"] == "Anti-social behaviour"]
    assert {row["crime_id"] for row in asb} == {""}
    assert {row["outcome"] for row in asb} == {""}
    crime = stored.crime(
        crime_id="a21522cdb82808285a230e13a1e5c43f5d24e19b385411993933b95e515087ba"
    )
    assert (crime["month"].isoformat(), crime["category"]) == ("2018-07-01", "Burglary")
    assert crime["outcome"] == "Investigation complete; no suspect identified"
    assert (crime["longitude"], crime["latitude"], crime["location"]) == (
        -1.89897,
        53.77444,
        "On or near Ogden Lane",
    )
    assert crime["lsoa_code"] == "E01010911"
    assert crime["area_code"] == "E01010911"
    assert "Rows with no location: 0" in " ".join(imported_2018.notes)


def test_the_same_file_twice_changes_nothing(imported_2018, calderdale_2018):
    keys = {row["key"] for row in stored.crimes()}
    (month,) = CrimeMonth.objects.all()
    counts = list(
        CrimeCount.objects.order_by("pk").values_list("area", "month", "category", "count")
    )
    again = import_crime(calderdale_2018)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2559)
    assert "Nothing changed" in " ".join(again.notes)
    assert {row["key"] for row in stored.crimes()} == keys
    # Not even a new version of the month's file.
    assert CrimeMonth.objects.get().file_name == month.file_name
    assert sorted(CrimeCount.objects.values_list("area", "month", "category", "count")) == sorted(
        counts
    )


def test_a_dry_run_writes_nothing(calderdale, calderdale_2018):
    report = import_crime(calderdale_2018, commit=False)
    assert report.created == 2559 and not report.committed
    assert not CrimeMonth.objects.exists() and not CrimeCount.objects.exists()


def test_disagreements_with_our_lookup_are_counted_with_a_sample(imported_2018):
    placed = [row for row in stored.crimes() if row["area_code"] is not None]
    differ = sum(1 for row in placed if row["lsoa_code"] != row["area_code"])
    assert differ > 0
    note = next(n for n in imported_2018.notes if n.startswith("LSOA codes that differ"))
    assert f": {differ} of {len(placed)} points" in note
    sample = next(n for n in imported_2018.notes if n.startswith("For example"))
    assert sample.count("the file says") == 5


def test_rows_with_no_location_are_kept_and_counted(calderdale, calderdale_2018, tmp_path):
    lines = calderdale_2018.read_text().splitlines()
    rows = list(csv.reader(lines))
    for row in rows[1:4]:
        row[4] = row[5] = ""
        row[6] = "No location"
    path = tmp_path / "2018-07-west-yorkshire-street.csv"
    with path.open("w", newline="") as handle:
        csv.writer(handle).writerows(rows[:51])
    report = import_crime(path)
    assert report.created == 50
    assert "Rows with no location: 3" in " ".join(report.notes)
    assert stored.count(longitude=None, area_code=None) == 3
    assert CrimeMonth.objects.get().located == 47


def test_a_monthly_archive_of_several_months_and_forces(calderdale, crime_dir, tmp_path):
    archive = tmp_path / "2018-07.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for year in (2016, 2017, 2018):
            source = crime_dir / f"{year}-07-west-yorkshire-street_calderdale.csv"
            zipped.write(source, f"{year}-07/{year}-07-west-yorkshire-street.csv")
        zipped.write(
            crime_dir / "2021-09-city-of-london-street.csv",
            "2021-09/2021-09-city-of-london-street.csv",
        )
        zipped.writestr("2018-07/2018-07-west-yorkshire-outcomes.csv", "not read")
    report = import_crime(archive)
    assert report.rows_read == 2125 + 2345 + 2559 + 765
    months = Counter(row["month"].strftime("%Y-%m") for row in stored.crimes())
    assert months == {"2016-07": 2125, "2017-07": 2345, "2018-07": 2559, "2021-09": 765}
    assert "rebuilt for 4 months" in " ".join(report.notes)


def test_the_full_west_yorkshire_month_counts_rows_without_a_location(calderdale, crime_dir):
    path = crime_dir / "west-yorkshire" / "2018-07-west-yorkshire-street.csv.gz"
    with gzip.open(path, "rt", newline="") as handle:
        rows = list(csv.DictReader(handle))
    report = import_crime(path)
    assert report.created == len(rows) == 31635
    no_location = sum(1 for row in rows if not row["Longitude"])
    assert no_location == 883
    assert f"Rows with no location: {no_location}" in " ".join(report.notes)
    assert stored.count(longitude=None) == no_location


# Bad input: a clear problem naming the line and column, and nothing written -------------


def _bad(tmp_path, calderdale_2018, edit, name="2018-07-west-yorkshire-street.csv"):
    text = edit(calderdale_2018.read_text())
    path = tmp_path / name
    path.write_text(text) if isinstance(text, str) else path.write_bytes(text)
    with pytest.raises(ImportFailed) as failed:
        import_crime(path)
    assert not CrimeMonth.objects.exists() and not CrimeCount.objects.exists()
    return failed.value.report.problems


def test_a_truncated_file(calderdale, calderdale_2018, tmp_path):
    problems = _bad(tmp_path, calderdale_2018, lambda text: text[: len(text) // 2].rstrip("\n"))
    assert len(problems) == 1
    assert problems[0].line is not None and "cut off" in problems[0].reason


def test_wrong_columns(calderdale, calderdale_2018, tmp_path):
    problems = _bad(
        tmp_path, calderdale_2018, lambda text: text.replace("Crime type", "Crime kind", 1)
    )
    assert problems[0].line is None
    assert "missing: Crime type" in problems[0].reason
    assert "unknown: Crime kind" in problems[0].reason


def test_a_bad_month_and_a_mixed_month(calderdale, calderdale_2018, tmp_path):
    def edit(text):
        lines = text.splitlines()
        lines[1] = lines[1].replace(",2018-07,", ",July 2018,")
        lines[2] = lines[2].replace(",2018-07,", ",2018-08,")
        return "\n".join(lines) + "\n"

    problems = _bad(tmp_path, calderdale_2018, edit)
    assert [(p.line, p.column) for p in problems] == [(2, "Month"), (3, "Month")]
    assert "not a month" in problems[0].reason
    assert "mixed months" in problems[1].reason


def test_bad_coordinates(calderdale, calderdale_2018, tmp_path):
    def edit(text):
        lines = text.splitlines()
        lines[5] = lines[5].replace("-1.", "-91.", 1)
        lines[6] = lines[6].replace(",53.", ",north", 1)
        return "\n".join(lines) + "\n"

    problems = _bad(tmp_path, calderdale_2018, edit)
    assert [(p.line, p.column) for p in problems] == [(6, "Longitude"), (7, "Latitude")]


def test_a_different_encoding(calderdale, calderdale_2018, tmp_path):
    def edit(text):
        return text.replace("Ogden Lane", "Ogden Lané").encode("cp1252")

    problems = _bad(tmp_path, calderdale_2018, edit)
    assert "not UTF-8" in problems[0].reason


def test_a_file_with_2021_codes_is_checked_against_2021_boundaries(
    calderdale, calderdale_2018, tmp_path
):
    # E01010994 (2011) was split into E01034582 and E01034583 (2021).
    rows = list(csv.reader(calderdale_2018.read_text().splitlines()))
    split = [row for row in rows[1:] if row[7] == "E01010994"]
    assert split
    for row in split:
        row[7] = "E01034582"
    path = tmp_path / "2018-07-west-yorkshire-street.csv"
    with path.open("w", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *split])
    report = import_crime(path)
    from commonweal.places.models import Area, AreaType

    newer = Area.objects.of_type(AreaType.LSOA21).get(gss_code="E01034582")
    inside = sum(
        1 for row in split if newer.shape.covers(shapely.Point(float(row[4]), float(row[5])))
    )
    assert 0 < inside < len(split)
    codes = Counter(row["area_code"] for row in stored.crimes())
    assert codes[newer.gss_code] == inside
    # The rest fall in the other half of the split, or (snapped to a street) beside it.
    assert "E01010994" not in codes
    note = next(n for n in report.notes if n.startswith("LSOA codes that differ"))
    assert f": {len(split) - inside} of {len(split)} points" in note


def test_each_month_is_one_file_of_the_stores_columns(imported_2018):
    import pyarrow.parquet as pq

    from commonweal.opendata import crime_store

    (month,) = CrimeMonth.objects.all()
    assert (month.rows, month.located) == (2559, 2559)
    assert list(month.datasets.values_list("pk", flat=True)) == [imported_2018.dataset_id]
    stored_file = pq.ParquetFile(crime_store.file_for(month))
    assert stored_file.schema_arrow == crime_store.SCHEMA
    assert stored_file.metadata.num_rows == 2559


def test_the_crime_ids_seen_are_held_compactly_and_exactly():
    from commonweal.opendata.importers.common import Fingerprints

    seen, texts = Fingerprints(), set()
    for number in range(3 * Fingerprints.MERGE):
        text = f"id-{number * 7919 % 5000}"
        assert seen.add(text) is (text not in texts)
        texts.add(text)
