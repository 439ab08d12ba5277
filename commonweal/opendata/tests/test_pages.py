import pytest
from django.test import Client

from commonweal.core.testing import assert_valid_html

pytestmark = pytest.mark.django_db

PAGES = ["/data/crime/lad/E08000033/", "/data/crime/lsoa11/E01010911/", "/data/crime/ward/"]


@pytest.fixture
def ward_code(calderdale):
    from commonweal.places.models import AreaType

    return calderdale.areas_within.filter(area_type=AreaType.WARD).order_by("gss_code")[0].gss_code


@pytest.mark.parametrize("persona", ["anonymous", "resident", "officer", "administrator"])
def test_crime_pages_and_api_are_public(persona, request, imported_2018, ward_code):
    client = Client()
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    for url in [*PAGES[:2], f"{PAGES[2]}{ward_code}/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid_html(response, url)
        text = response.content.decode()
        assert "Street-level crime (data.police.uk)" in text  # the attribution in the footer
        assert "Open Government Licence v3.0" in text
        assert "anonymised" in text
        assert "July 2018" in text
    answer = client.get("/api/v1/opendata/crime/lad/E08000033")
    assert answer.status_code == 200
    body = answer.json()
    assert body["months"][0]["month"] == "2018-07"
    assert body["attributions"][0]["title"] == "Street-level crime (data.police.uk)"


def test_the_page_and_api_agree(imported_2018, client):
    body = client.get("/api/v1/opendata/crime/lsoa11/E01010911").json()
    month = body["months"][0]
    page = client.get("/data/crime/lsoa11/E01010911/").content.decode()
    assert f">{month['total']}<" in page
    assert str(month["rate_per_1000"]) in page
    assert body["imd_decile"] is not None and body["borough"] == "E08000033"


def test_an_area_without_crime_says_so(calderdale, client):
    response = client.get("/data/crime/lad/E08000033/")
    assert response.status_code == 200
    assert_valid_html(response)
    assert "We do not hold any street-level crime" in response.content.decode()
    assert client.get("/api/v1/opendata/crime/lad/E08000033").json()["months"] == []


def test_unknown_areas_are_not_found(calderdale, client):
    assert client.get("/data/crime/lad/E09999999/").status_code == 404
    assert client.get("/data/crime/planet/E08000033/").status_code == 404
    answer = client.get("/api/v1/opendata/crime/lad/E09999999")
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/opendata/crime/planet/E08000033").status_code == 422


def test_a_month_can_be_chosen(imported_2018, client):
    response = client.get("/data/crime/lad/E08000033/?month=2018-07")
    assert response.status_code == 200
    assert client.get("/data/crime/lad/E08000033/?month=nonsense").status_code == 200
