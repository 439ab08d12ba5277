"""The column-wise reading of street-level files: the same rows and keys as the row-by-row
reader, exact counts across re-imports and several files, and problems still named by line."""

import csv
import hashlib
import zipfile
from collections import Counter

import numpy as np
import pytest
import shapely

from commonweal.datasets.importing import ImportFailed, get_importer, run_import
from commonweal.opendata.importers.common import Fingerprints
from commonweal.opendata.importers.street_csv import PoliceStreetCrime
from commonweal.opendata.models import CrimeCount, CrimeMonth
from commonweal.opendata.tests import stored

pytestmark = pytest.mark.django_db

FIELDS = (
    *("key", "month", "crime_id", "reported_by", "falls_within", "longitude", "latitude"),
    *("location", "lsoa_code", "lsoa_name", "area_code", "category", "outcome", "context"),
    "fingerprint",
)


def _import(path, **kwargs):
    importer = get_importer("police-street-crime")()
    report = run_import(importer, path, commit=True, **kwargs)
    return importer, report


def _rows():
    return sorted(tuple(row[name] for name in FIELDS) for row in stored.crimes())


def _counts(area):
    return dict(CrimeCount.objects.filter(area=area).values_list("category", "count"))


def _inside(area, rows):
    located = [row for row in rows if row[4]]
    hits = shapely.intersects_xy(
        area.shape, [float(r[4]) for r in located], [float(r[5]) for r in located]
    )
    return dict(Counter(row[9] for row, hit in zip(located, hits, strict=True) if hit))


def _read(path):
    with path.open(newline="") as handle:
        return list(csv.reader(handle))


def _write(path, rows, **options):
    with path.open("w", newline="", **options) as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_the_columns_give_the_row_readers_rows_and_keys(calderdale, calderdale_2018, monkeypatch):
    importer, report = _import(calderdale_2018)
    assert importer._prepared is not None and report.created == 2559
    columnar = _rows()
    counts = sorted(CrimeCount.objects.values_list("area", "month", "category", "count"))
    notes = report.notes
    CrimeCount.objects.all().delete()
    CrimeMonth.objects.all().delete()
    # The row-by-row reader, as every import ran before the columns were read at once.
    monkeypatch.setattr(PoliceStreetCrime, "check_file", lambda self, path: None)
    importer, report = _import(calderdale_2018)
    assert importer._prepared is None and report.created == 2559
    assert _rows() == columnar
    assert sorted(CrimeCount.objects.values_list("area", "month", "category", "count")) == counts
    assert report.notes == notes


def test_counts_stay_exact_after_a_re_import_with_one_row_moved(
    calderdale, calderdale_2018, tmp_path
):
    rows = _read(calderdale_2018)
    _import(calderdale_2018)
    moved = next(i for i, row in enumerate(rows[1:], 1) if row[0] and row[7] == "E01010911")
    far = next(row for row in rows[1:] if row[7][:6] == "E01011" and row[7] != rows[moved][7])
    rows[moved][4], rows[moved][5] = far[4], far[5]
    changed = _write(tmp_path / "2018-07-west-yorkshire-street.csv", rows)
    _importer, report = _import(changed)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2558)
    crime = stored.crime(key=rows[moved][0])
    assert (crime["longitude"], crime["latitude"]) == (float(far[4]), float(far[5]))
    assert stored.count() == 2559
    assert _counts(calderdale) == _inside(calderdale, rows[1:])
    from commonweal.places.models import Area, AreaType

    lsoa = Area.objects.of_type(AreaType.LSOA11).get(gss_code="E01010911")
    assert _counts(lsoa) == _inside(lsoa, rows[1:])


def test_several_files_of_one_month_are_counted_together(calderdale, calderdale_2018, tmp_path):
    rows = _read(calderdale_2018)
    header, body = rows[0], rows[1:]
    half = len(body) // 2
    (tmp_path / "a").mkdir()
    first = _write(tmp_path / "a" / "2018-07-west-yorkshire-street.csv", [header, *body[:half]])
    second = _write(tmp_path / "2018-07-west-yorkshire-street.csv", [header, *body[half:]])
    _import(first)
    _importer, report = _import(second)
    assert report.created == len(body) - half
    assert stored.count() == len(body)
    assert CrimeMonth.objects.get().datasets.count() == 2
    assert _counts(calderdale) == _inside(calderdale, body)
    # The same two halves in one archive, into empty tables: counted as they load.
    CrimeCount.objects.all().delete()
    CrimeMonth.objects.all().delete()
    archive = tmp_path / "2018-07.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(first, "2018-07/2018-07-west-yorkshire-street.csv")
        zipped.write(second, "2018-07/2018-07-calderdale-street.csv")
    importer, report = _import(archive)
    assert importer._prepared is not None and report.created == len(body)
    assert _counts(calderdale) == _inside(calderdale, body)
    # Again, with the second half given twice: its repeats are kept once.
    CrimeCount.objects.all().delete()
    CrimeMonth.objects.all().delete()
    with zipfile.ZipFile(archive, "a") as zipped:
        zipped.write(second, "2018-07/2018-07-west-mercia-street.csv")
    _importer, report = _import(archive)
    assert report.created == stored.count() == len(body)
    assert f"earlier file of this import gave: {len(body) - half}" in " ".join(report.notes)
    assert _counts(calderdale) == _inside(calderdale, body)


def _large(calderdale_2018, copies):
    """The Calderdale month repeated, each copy's Crime IDs re-hashed (as the benchmark)."""
    rows = _read(calderdale_2018)
    out = [rows[0]]
    for copy in range(copies):
        for row in rows[1:]:
            if copy and row[0]:
                row = [hashlib.sha256(f"{row[0]}:{copy}".encode()).hexdigest(), *row[1:]]
            out.append(list(row))
    return out


def test_a_bad_value_deep_in_a_large_file_is_named_by_its_line(
    calderdale, calderdale_2018, tmp_path
):
    rows = _large(calderdale_2018, 24)
    assert len(rows) > 60_000
    rows[40_000][4] = "-91.5"
    rows[55_000][9] = " "
    path = _write(tmp_path / "2018-07-west-yorkshire-street.csv", rows)
    with pytest.raises(ImportFailed) as failed:
        _import(path)
    problems = failed.value.report.problems
    assert [(p.line, p.column) for p in problems] == [(40_001, "Longitude"), (55_001, "Crime type")]
    assert "outside the United Kingdom" in problems[0].reason
    assert not CrimeMonth.objects.exists() and not CrimeCount.objects.exists()


def test_a_large_file_loads_every_row_once(calderdale, calderdale_2018, tmp_path):
    rows = _large(calderdale_2018, 12)
    path = _write(tmp_path / "2018-07-west-yorkshire-street.csv", rows)
    importer, report = _import(path)
    assert importer._prepared is not None
    assert report.created == stored.count() == len(rows) - 1
    assert _counts(calderdale) == {k: v * 12 for k, v in _inside(calderdale, rows[1:2560]).items()}
    _importer, again = _import(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(rows) - 1)


def test_a_byte_order_mark_and_windows_line_ends(calderdale, calderdale_2018, tmp_path):
    rows = _read(calderdale_2018)
    path = tmp_path / "2018-07-west-yorkshire-street.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    importer, report = _import(path)
    assert importer._prepared is not None and report.created == 2559
    first_id = next(row[0] for row in rows[1:] if row[0])
    assert stored.count(key=first_id, crime_id=first_id) == 1
    assert not [row for row in stored.crimes() if row["crime_id"].startswith("\ufeff")]


def test_a_value_holding_a_line_break_is_read_row_by_row(calderdale, calderdale_2018, tmp_path):
    rows = _read(calderdale_2018)[:51]
    rows[10][6] = "On or near\nOgden Lane"
    path = _write(tmp_path / "2018-07-west-yorkshire-street.csv", rows)
    importer, report = _import(path)
    assert importer._prepared is None and report.created == 50
    assert stored.count(location="On or near\nOgden Lane") == 1


def test_a_file_named_for_no_month_is_a_file_problem(calderdale, calderdale_2018, tmp_path):
    path = tmp_path / "2018-13-west-yorkshire-street.csv"
    path.write_bytes(calderdale_2018.read_bytes())
    with pytest.raises(ImportFailed) as failed:
        _import(path)
    (problem,) = failed.value.report.problems
    assert problem.line is None and "not a month" in problem.reason
    assert not CrimeMonth.objects.exists()


def test_fingerprints_added_at_once_agree_with_one_at_a_time():
    generator = np.random.default_rng(7)
    values = generator.integers(0, 3000, size=20_000, dtype=np.int64)
    one, many = Fingerprints(), Fingerprints()
    seen = set()
    expected = []
    for value in values.tolist():
        expected.append(value not in seen)
        seen.add(value)
    got = np.concatenate([many.add_many(part) for part in np.array_split(values, 7)])
    assert got.tolist() == expected
    # Texts added one at a time afterwards still see the values added at once.
    assert one.add("a") and not one.add("a")
    from commonweal.opendata.importers.common import fingerprint

    many.add_many(np.array([fingerprint("b")], dtype=np.int64))
    assert not many.add("b")
