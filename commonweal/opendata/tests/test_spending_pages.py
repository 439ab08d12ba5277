"""Spending pages, CSV and API: public to everyone; placing a service area is for officers."""

import csv
import io

import pytest
from django.test import Client

from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.core.models import AuditEvent
from commonweal.core.testing import assert_valid_html
from commonweal.datasets.importing import get_importer, run_import
from commonweal.opendata.models import ServiceArea
from commonweal.opendata.spending.services import record_service_places
from commonweal.places.models import Area, AreaType

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "resident", "organiser", "officer", "assessor", "administrator"]
SERVICE = "Communities & Service Support (obsolete)-Safer Cleaner Greener"


@pytest.fixture
def spending(calderdale, shared_data):
    for source, name in (
        ("council-spending", "calderdale_spend_2018-07.csv"),
        ("council-card-spending", "calderdale_procurement_card_2018-07.csv"),
    ):
        run_import(get_importer(source)(), shared_data / "spending" / name, commit=True)
    return calderdale


@pytest.fixture
def ward(calderdale):
    return Area.objects.of_type(AreaType.WARD).in_authority(calderdale).order_by("gss_code")[0]


@pytest.fixture
def service(spending):
    return ServiceArea.objects.get(authority=spending, name=SERVICE)


def _client(request, persona):
    client = Client()
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    return client


@pytest.mark.parametrize("persona", PERSONAS)
def test_spending_pages_csv_and_api_are_public(persona, request, spending, service, ward):
    client = _client(request, persona)
    pages = [
        "/data/spending/",
        "/data/spending/lad/E08000033/",
        "/data/spending/lad/E08000033/?kind=card",
        f"/data/spending/lad/E08000033/services/{service.pk}/",
        f"/data/spending/ward/{ward.gss_code}/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid_html(response, url)
        assert "Open Government Licence v3.0" in response.content.decode()
    assert client.get("/data/spending/lad/E08000033/council-spending.csv").status_code == 200
    assert client.get("/api/v1/opendata/spending/E08000033").status_code == 200
    assert client.get("/api/v1/opendata/spending/E08000033/services").status_code == 200


def test_the_borough_page_says_what_cannot_be_placed(spending, client):
    page = client.get("/data/spending/lad/E08000033/").content.decode()
    # 1,837 over-£500 lines (£13,397,195.30) and 971 card transactions (£71,986.72).
    assert "£13,469,182.02 in 2,808 payments" in page
    assert "Cannot be placed in a neighbourhood" in page
    assert "£13,469,182.02 (100%)" in page
    assert "Calderdale Schools Ltd" in page  # the top supplier, £752,906.55
    body = client.get("/api/v1/opendata/spending/E08000033").json()
    assert body["payments"] == 2808 and body["total_pence"] == 1346918202
    assert body["unplaced_pence"] == body["total_pence"]
    assert sum(m["total_pence"] for m in body["months"]) == body["total_pence"]
    assert sum(s["total_pence"] for s in body["sectors"]) == body["total_pence"]
    card = client.get("/api/v1/opendata/spending/E08000033?kind=card").json()
    assert (card["payments"], card["total_pence"]) == (971, 7198672)


def test_a_placed_service_area_shows_on_its_wards(spending, service, ward, officer, client):
    other = Area.objects.of_type(AreaType.WARD).in_authority(spending).order_by("gss_code")[1]
    record_service_places(service, actor=officer, areas=[ward, other], borough_wide=False)
    body = client.get("/api/v1/opendata/spending/E08000033").json()
    placed = next(s for s in body["services"] if s["name"] == SERVICE)
    assert placed["placed"] is True
    total = placed["total_pence"]
    assert body["unplaced_pence"] == body["total_pence"] - total
    page = client.get(f"/data/spending/ward/{ward.gss_code}/").content.decode()
    assert SERVICE.replace("&", "&amp;") in page
    pounds, pence = divmod(total // 2, 100)
    assert f"£{pounds:,}.{pence:02d}" in page  # split equally between the two wards
    unplaced = client.get(f"/data/spending/ward/{_third_ward(spending)}/").content.decode()
    assert "None of it can be placed in" in unplaced
    services = client.get("/api/v1/opendata/spending/E08000033/services").json()
    assert next(s for s in services if s["name"] == SERVICE)["places"] == sorted(
        [ward.gss_code, other.gss_code]
    )


def _third_ward(authority):
    return (
        Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code")[2].gss_code
    )


@pytest.mark.parametrize(
    "persona, status",
    [
        ("anonymous", 302),
        ("resident", 403),
        ("organiser", 403),
        ("assessor", 403),
        ("officer", 200),
        ("administrator", 200),
    ],
)
def test_only_officers_place_a_service_area(persona, status, request, service):
    client = _client(request, persona)
    url = f"/data/spending/lad/E08000033/services/{service.pk}/places/"
    response = client.get(url)
    assert response.status_code == status
    if status == 200:
        assert_valid_html(response, url)
    response = client.post(url, {"serves": "borough"})
    assert response.status_code == (302 if status == 200 else status)
    service.refresh_from_db()
    assert service.borough_wide is (status == 200)


def test_an_officer_of_another_borough_may_not(service, trafford):
    client = Client()
    other = User.objects.create_user(email="t@example.org", password="correct horse battery")
    RoleAssignment.objects.create(user=other, role=Role.OFFICER, authority=trafford)
    client.force_login(other)
    url = f"/data/spending/lad/E08000033/services/{service.pk}/places/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"serves": "borough"}).status_code == 403


def test_the_officer_form_records_places_with_an_audit_row(service, ward, officer):
    client = Client()
    client.force_login(officer)
    url = f"/data/spending/lad/E08000033/services/{service.pk}/places/"
    response = client.post(url, {"serves": "places"})
    assert response.status_code == 200
    assert_valid_html(response, url)
    assert "Choose at least one ward or neighbourhood." in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    response = client.post(
        url, {"serves": "places", "areas": [ward.pk], "note": "Street cleaning rota"}
    )
    assert response.status_code == 302
    assert list(service.areas.all()) == [ward]
    event = AuditEvent.objects.get(action="opendata.service_area_placed")
    assert event.after["areas"] == [ward.gss_code]
    page = client.get(response.url).content.decode()
    assert "Street cleaning rota" in page and ward.name in page


def test_the_csv_has_every_payment_with_its_sector(spending, client):
    response = client.get("/data/spending/council-spending.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 2808
    assert {row["kind"] for row in rows} == {"over_500", "card"}
    assert {row["supplier_sector"] for row in rows} >= {"private", "public", "individual"}
    assert all(row["supplier_sector_reason"] for row in rows)


def test_unknown_boroughs_and_services(spending, client, service):
    assert client.get("/data/spending/lad/E09999999/").status_code == 404
    assert client.get("/data/spending/planet/E08000033/").status_code == 404
    assert client.get("/data/spending/lad/E08000009/services/999999/").status_code == 404
    # A service area is only found under its own borough.
    assert client.get(f"/data/spending/lad/E08000009/services/{service.pk}/").status_code == 404
    answer = client.get("/api/v1/opendata/spending/E09999999")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/opendata/spending/nonsense!").status_code in (404, 422)
    assert client.get("/api/v1/opendata/spending/E08000033?kind=gold").status_code == 422


def test_a_borough_without_spending_says_so(trafford, client):
    response = client.get("/data/spending/lad/E08000009/")
    assert_valid_html(response)
    assert "We do not hold any of Trafford" in response.content.decode()
