"""Crime files are read from the shared data; small bad files are written to tmp_path."""

from pathlib import Path

import pytest

from commonweal.datasets.importing import get_importer, run_import


@pytest.fixture
def crime_dir(shared_data) -> Path:
    return shared_data / "crime"


@pytest.fixture
def calderdale_2018(crime_dir) -> Path:
    return crime_dir / "2018-07-west-yorkshire-street_calderdale.csv"


def import_crime(path, source="police-street-crime", commit=True, **options):
    return run_import(get_importer(source)(**options), path, commit=commit)


@pytest.fixture
def imported_2018(calderdale, calderdale_2018):
    return import_crime(calderdale_2018)
