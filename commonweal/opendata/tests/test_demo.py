"""The open-data demo loads Calderdale's real crime and spending files, once."""

import pytest

from commonweal.opendata.demo import load_demo_open_data
from commonweal.opendata.models import Payment
from commonweal.opendata.tests import stored

pytestmark = pytest.mark.django_db


def test_the_demo_imports_calderdales_files_through_the_importers(calderdale, officer):
    lines = load_demo_open_data(calderdale, officer, "unused")
    assert lines == [
        "Open data: imported 2018-07-west-yorkshire-street_calderdale.csv (2559 new, 0 updated).",
        "Open data: imported calderdale_spend_2018-07.csv (1837 new, 0 updated).",
        "Open data: imported calderdale_procurement_card_2018-07.csv (971 new, 0 updated).",
    ]
    assert stored.count() == 2559
    assert stored.count(category="Violence and sexual offences") == 884
    assert Payment.objects.filter(authority=calderdale).count() == 2808
    assert load_demo_open_data(calderdale, officer, "unused") == []


def test_a_missing_file_is_skipped_with_a_line(trafford, officer, tmp_path):
    lines = load_demo_open_data(trafford, officer, "unused", root=tmp_path)
    assert lines == [
        f"Open data: spending/trafford_supplier_spend_2026-04_over500.csv is not in {tmp_path}; "
        "skipped."
    ]
    assert Payment.objects.count() == 0
