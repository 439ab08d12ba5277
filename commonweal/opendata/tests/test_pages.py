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


# A month's crimes as CSV ------------------------------------------------------------------


def _csv(response):
    import csv

    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(text.splitlines()))


@pytest.mark.parametrize("persona", ["anonymous", "resident", "officer", "administrator"])
def test_a_months_crimes_download_for_everyone(persona, request, imported_2018, ward_code):
    from commonweal.opendata.importers.street_csv import COLUMNS
    from commonweal.opendata.models import CrimeCount
    from commonweal.places.models import Area

    client = Client()
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    for area_type, code in (("lad", "E08000033"), ("lsoa11", "E01010911"), ("ward", ward_code)):
        response = client.get(f"/data/crime/{area_type}/{code}/2018-07/street.csv")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert f'filename="2018-07-{code}-street.csv"' in response["Content-Disposition"]
        header, *rows = _csv(response)
        assert header == list(COLUMNS)
        area = Area.objects.get(area_type=area_type, gss_code=code)
        counted = sum(CrimeCount.objects.filter(area=area).values_list("count", flat=True))
        assert len(rows) == counted > 0
        assert {row[1] for row in rows} == {"2018-07"}


def test_the_page_links_to_its_months_download(imported_2018, client):
    page = client.get("/data/crime/lsoa11/E01010911/").content.decode()
    assert 'href="/data/crime/lsoa11/E01010911/2018-07/street.csv"' in page


def test_a_downloaded_month_imports_again_as_the_same_crimes(imported_2018, client, tmp_path):
    from datetime import date

    from commonweal.opendata.models import CrimeCount, CrimeMonth
    from commonweal.opendata.services.figures import crimes_for
    from commonweal.opendata.tests import stored
    from commonweal.opendata.tests.conftest import import_crime

    borough = CrimeCount.objects.get(area__gss_code="E08000033", category="Burglary").area
    inside = crimes_for(borough, date(2018, 7, 1), ["crime_id", "key"])
    # Two crimes' published points fall just outside the borough's boundary.
    assert inside.num_rows == 2557 < stored.count()
    response = client.get("/data/crime/lad/E08000033/2018-07/street.csv")
    path = tmp_path / "2018-07-E08000033-street.csv"
    path.write_bytes(b"".join(response.streaming_content))
    CrimeCount.objects.all().delete()
    CrimeMonth.objects.all().delete()
    report = import_crime(path)
    assert report.created == 2557 and not report.problems
    wanted = {row["key"] or row["crime_id"] for row in inside.to_pylist()}
    assert {row["key"] for row in stored.crimes()} == wanted
    assert borough.crime_counts.exists()


def test_a_download_for_no_month_we_hold_is_not_found(imported_2018, client):
    assert client.get("/data/crime/lad/E08000033/2018-08/street.csv").status_code == 404
    assert client.get("/data/crime/lad/E08000033/July/street.csv").status_code == 404
    assert client.get("/data/crime/lad/E08000033/2018-7/street.csv").status_code == 404
    assert client.get("/data/crime/lad/E09999999/2018-07/street.csv").status_code == 404
