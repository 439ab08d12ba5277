"""The map on the public list: reports counted per small area, drawn per borough, with the
same figures in a table, and the list's filters applying to both."""

import re

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.models import Report
from commonweal.opendata.feedback.tests.conftest import PERSONAS, POSTCODE, client_for, ward_of
from commonweal.places.models import Area, AreaType

pytestmark = pytest.mark.django_db

LIST = reverse("feedback:list")


@pytest.fixture
def two(report, catalogue, reporter):
    bins = services.raise_report(
        actor=reporter,
        service=catalogue["bins"],
        title="Bins not emptied",
        description="Missed twice.",
        postcode=POSTCODE,
    )
    return report, bins


def _page(client, query=""):
    response = client.get(LIST + query)
    assert_valid_html(response, LIST + query)
    return response, response.content.decode()


def _counted(page: str) -> dict[str, int]:
    """{LSOA code: count} from the table after the map."""
    rows = re.findall(
        r'<td class="govuk-table__cell">(E01\d{6})</td><td class="govuk-table__cell '
        r'govuk-table__cell--numeric">(\d+)</td>',
        page,
    )
    return {code: int(n) for code, n in rows}


@pytest.mark.parametrize("who", PERSONAS)
def test_everyone_sees_the_map_and_its_table(client, personas, two, who):
    client = client_for(client, personas[who])
    response, page = _page(client)
    assert response.status_code == 200
    lsoa = two[0].lsoa
    assert "Where the reports are" in page and "cw-map--coverage" in page
    assert _counted(page) == {lsoa.gss_code: 2}
    # Every small area of the borough is drawn, each numbered; this one with its two.
    calderdale = Area.objects.of_type(AreaType.LSOA21).filter(authority=lsoa.authority).count()
    assert page.count("<path ") == calderdale
    assert f"{lsoa.name}: 2 reports" in page


def test_the_filters_apply_to_the_map_and_the_table(client, two, catalogue):
    report, _bins = two
    code = report.lsoa.gss_code
    _response, page = _page(client, "?service=bins")
    assert _counted(page) == {code: 1}
    assert f"{report.lsoa.name}: 1 report<" in page
    # Selecting an area on the map lists its reports, keeping the other filters.
    assert f'href="{LIST}?service=bins&amp;area={code}"' in page
    _response, page = _page(client, f"?area={code}")
    assert page.count("<path ") == 1 and _counted(page) == {code: 2}
    ward = ward_of(POSTCODE)
    _response, page = _page(client, f"?area={ward.gss_code}&status=closed")
    assert _counted(page) == {} and "No matching reports in any small area here." in page
    assert 1 < page.count("<path ") < 40  # just the ward's small areas


def test_refused_filters_draw_no_map(client, two):
    response = client.get(LIST + "?area=NOTACODE")
    assert response.status_code == 400
    assert "Where the reports are" not in response.content.decode()


def test_reports_outside_any_small_area_are_counted_apart(client, two):
    Report.objects.filter(pk=two[1].pk).update(lsoa=None)
    _response, page = _page(client)
    assert "1 matching report is not in a small area we hold" in page
    assert _counted(page) == {two[0].lsoa.gss_code: 1}


def test_no_reports_no_map(client, catalogue):
    _response, page = _page(client)
    assert "No matching reports to map." in page and "<svg" not in page
