"""A streaming importer is validated in full, then read again for the load."""

import types

import pytest

from commonweal.datasets.importing import ImportFailed, RowError, run_import
from commonweal.datasets.importing.base import CsvImporter
from commonweal.datasets.models import DataSet

pytestmark = pytest.mark.django_db


class Numbers(CsvImporter):
    source = "test-streamed-numbers"
    title = "Numbers"
    publisher = "Test publisher"
    required_columns = ("n",)
    streaming = True

    def clean_row(self, raw):
        if not raw["n"].isdigit():
            raise RowError("n", f"{raw['n']!r} is not a number")
        return int(raw["n"])

    def check_rows(self, rows):
        self.checked = rows
        return []

    def load(self, rows, dataset, report):
        self.loaded_from = rows
        self.loaded = list(rows)
        report.created = len(self.loaded)


def test_rows_are_read_again_for_the_load_not_held(tmp_path):
    path = tmp_path / "numbers.csv"
    path.write_text("n\n1\n2\n3\n")
    importer = Numbers()
    report = run_import(importer, path, commit=True)
    assert importer.checked == []
    assert isinstance(importer.loaded_from, types.GeneratorType)
    assert importer.loaded == [1, 2, 3] and report.created == 3


def test_a_bad_row_still_stops_a_streaming_import_before_anything_is_written(tmp_path):
    path = tmp_path / "numbers.csv"
    path.write_text("n\n1\nx\n3\n")
    importer = Numbers()
    with pytest.raises(ImportFailed) as failed:
        run_import(importer, path, commit=True)
    assert [(p.line, p.column) for p in failed.value.report.problems] == [(3, "n")]
    assert not hasattr(importer, "loaded")
    assert not DataSet.objects.filter(source="test-streamed-numbers").exists()
