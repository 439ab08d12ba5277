import json
from collections import Counter

import pytest

from commonweal.datasets.importing import ImportFailed
from commonweal.opendata.importers.api_json import CATEGORY_LABELS
from commonweal.opendata.models import CrimeMonth
from commonweal.opendata.tests import stored
from commonweal.opendata.tests.conftest import import_crime

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(crime_dir):
    return crime_dir / "api_crimes-street_all-crime_2014-08_sample.json"


def test_the_api_sample_imports_with_labels_for_slugs(calderdale, sample):
    report = import_crime(sample, source="police-crime-api")
    rows = stored.crimes()
    assert report.created == len(rows) == 374
    counts = Counter(row["category"] for row in rows)
    assert counts["Anti-social behaviour"] == 94
    assert counts["Violence and sexual offences"] == 71
    assert set(counts) <= set(CATEGORY_LABELS.values())
    crime = stored.crime(
        crime_id="2f63ab6eff8432a47f12e1d2e5f8fdde45a432d608ed1ee4db2446b067f571dc"
    )
    assert (crime["longitude"], crime["latitude"]) == (-0.004967, 51.508962)
    assert crime["location"] == "On or near Quixley Street"
    assert crime["outcome"] == "Investigation complete; no suspect identified"
    # Greenwich is outside every boundary the test database holds.
    assert {row["area_code"] for row in rows} == {None}
    assert "Points outside the boundaries we hold: 374" in " ".join(report.notes)
    again = import_crime(sample, source="police-crime-api")
    assert (again.created, again.updated) == (0, 0)


def test_an_unknown_category_and_a_bad_month_are_row_problems(calderdale, sample, tmp_path):
    crimes = json.loads(sample.read_text())[:5]
    crimes[1]["category"] = "jaywalking"
    crimes[3]["month"] = "2014-13"
    path = tmp_path / "crimes.json"
    path.write_text(json.dumps(crimes))
    with pytest.raises(ImportFailed) as failed:
        import_crime(path, source="police-crime-api")
    assert [(p.line, p.column) for p in failed.value.report.problems] == [
        (2, "category"),
        (4, "month"),
    ]
    assert not CrimeMonth.objects.exists()
