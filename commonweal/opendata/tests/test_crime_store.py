"""The monthly crime files: a version a change, the old one gone once the change commits,
nothing left by a dry run or a failed import, and a clear stop when two imports race."""

import csv
import os
import time
import zipfile

import pytest

from commonweal.datasets.importing import ImportFailed, get_importer, run_import
from commonweal.opendata import crime_store
from commonweal.opendata.importers.street_csv import PoliceStreetCrime
from commonweal.opendata.models import CrimeCount, CrimeMonth
from commonweal.opendata.tests import stored
from commonweal.opendata.tests.conftest import import_crime

pytestmark = pytest.mark.django_db


def _files() -> set[str]:
    return {path.name for path in crime_store.store_dir().glob("*.parquet")}


def _rows(path):
    with path.open(newline="") as handle:
        return list(csv.reader(handle))


def _write(path, rows):
    with path.open("w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_a_dry_run_leaves_no_file_behind(calderdale, calderdale_2018):
    before = _files()
    report = import_crime(calderdale_2018, commit=False)
    assert report.created == 2559
    # (The import may also sweep old files of earlier runs: only what it added matters.)
    assert not _files() - before
    assert not CrimeMonth.objects.exists()


def test_a_change_writes_a_new_version_and_the_old_goes_once_committed(
    calderdale, calderdale_2018, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        import_crime(calderdale_2018)
    first = CrimeMonth.objects.get().file_name
    rows = _rows(calderdale_2018)
    changed = next(i for i, row in enumerate(rows[1:], 1) if row[0])
    rows[changed][10] = "Court result unavailable"
    path = _write(tmp_path / "2018-07-west-yorkshire-street.csv", rows)
    with django_capture_on_commit_callbacks(execute=True):
        report = import_crime(path)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2558)
    month = CrimeMonth.objects.get()
    assert month.file_name != first
    assert first not in _files() and month.file_name in _files()
    assert stored.crime(key=rows[changed][0])["outcome"] == "Court result unavailable"
    assert stored.count() == 2559
    assert month.datasets.count() == 2


def test_an_import_that_fails_in_its_transaction_leaves_no_file(
    calderdale, calderdale_2018, monkeypatch
):
    before = _files()

    def broken(month, cells):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("commonweal.opendata.services.aggregates.write_counts", broken)
    with pytest.raises(RuntimeError):
        import_crime(calderdale_2018)
    # (The import may also sweep old files of earlier runs: only what it added matters.)
    assert not _files() - before
    assert not CrimeMonth.objects.exists() and not CrimeCount.objects.exists()


def test_files_no_month_names_are_swept_once_old(imported_2018):
    named = CrimeMonth.objects.get().file_name
    folder = crime_store.store_dir()
    old, young = folder / "2018-07-old.parquet", folder / "2018-07-young.parquet"
    old.write_bytes(b"left by a killed import")
    young.write_bytes(b"an import still running")
    hour_ago = time.time() - crime_store.SWEEP_AFTER_SECONDS - 1
    os.utime(old, (hour_ago, hour_ago))
    os.utime(folder / named, (hour_ago, hour_ago))
    assert crime_store.sweep() >= 1
    assert not old.exists() and young.exists() and (folder / named).exists()
    young.unlink()


def test_a_month_changed_by_another_import_meanwhile_stops_this_one(
    calderdale, calderdale_2018, tmp_path, monkeypatch
):
    before = _files()
    rows = _rows(calderdale_2018)
    other = _write(tmp_path / "2018-07-west-yorkshire-street.csv", [rows[0], *rows[1:11]])
    checked = PoliceStreetCrime.check_file

    def check_then_race(self, path):
        answer = checked(self, path)
        if path == calderdale_2018:
            run_import(get_importer("police-street-crime")(), other, commit=True)
        return answer

    monkeypatch.setattr(PoliceStreetCrime, "check_file", check_then_race)
    with pytest.raises(ImportFailed) as failed:
        import_crime(calderdale_2018)
    (problem,) = failed.value.report.problems
    assert "another import changed the street crimes of 2018-07" in problem.reason
    assert "import it again" in problem.reason
    # The other import's rows stand; this one's wrote nothing.
    assert stored.count() == 10
    assert _files() - before == {CrimeMonth.objects.get().file_name}


def test_repeats_across_an_archives_files_are_kept_once_row_by_row_too(
    calderdale, calderdale_2018, tmp_path, monkeypatch
):
    rows = _rows(calderdale_2018)
    half = _write(tmp_path / "half.csv", [rows[0], *rows[1:1001]])
    archive = tmp_path / "2018-07.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(calderdale_2018, "2018-07/2018-07-west-yorkshire-street.csv")
        zipped.write(half, "2018-07/2018-07-west-mercia-street.csv")
    monkeypatch.setattr(PoliceStreetCrime, "check_file", lambda self, path: None)
    report = import_crime(archive)
    assert report.created == stored.count() == 2559
    assert "earlier file of this import gave: 1000" in " ".join(report.notes)


def test_a_month_whose_file_is_missing_stops_the_import_saying_so(imported_2018, calderdale_2018):
    month = CrimeMonth.objects.get()
    missing = crime_store.file_for(month)
    kept = missing.with_suffix(".kept")
    missing.rename(kept)
    try:
        with pytest.raises(ImportFailed) as failed:
            import_crime(calderdale_2018)
        (problem,) = failed.value.report.problems
        assert "the crimes of 2018-07 cannot be read" in problem.reason
        assert "is not in the crime store" in problem.reason
        assert "restore the store from the backup" in problem.reason
        assert CrimeMonth.objects.get().file_name == month.file_name
        with pytest.raises(crime_store.MissingFile):
            crime_store.read_month(month.month, ["category"])
    finally:
        kept.rename(missing)
