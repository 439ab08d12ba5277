"""Asset transfer's pages: valid HTML in ordinary and error states, the journeys through
the forms, the map and table, the register and the CSV."""

import csv
import io

import pytest

from commonweal.core.testing import assert_valid_html
from commonweal.datasets.importing import run_import
from commonweal.rights.transfer import services
from commonweal.rights.transfer.importers import LandAssetsImporter
from commonweal.rights.transfer.models import RequestStatus, TransferRequest
from commonweal.rights.transfer.tests.conftest import CASE

pytestmark = pytest.mark.django_db


def test_the_public_pages_are_valid_and_show_the_map_and_table(client, offer, request_):
    for url in (
        "/rights/asset-transfer/",
        f"/rights/asset-transfer/offers/{offer.slug}/",
        "/rights/asset-transfer/register/E08000033/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid_html(response, url)
    page = client.get("/rights/asset-transfer/").content.decode()
    assert "<svg" in page and "Park Road Hall" in page and "Awaiting legal confirmation" in page


def test_a_group_asks_through_the_form(client, offer, group, leader):
    client.force_login(leader)
    url = f"/rights/asset-transfer/offers/{offer.slug}/ask/"
    assert_valid_html(client.get(url), url)
    response = client.post(url, {"organisation": str(group.pk), "proposed_tenure": "lease"})
    assert response.status_code == 400
    assert_valid_html(response, url)
    assert "business case" in response.content.decode()
    data = {"organisation": str(group.pk), **CASE}
    response = client.post(url, data)
    assert response.status_code == 302
    found = TransferRequest.objects.get()
    assert response["Location"].endswith(f"/requests/{found.reference}/")
    page = client.get(response["Location"])
    assert_valid_html(page, "request")


def test_a_joint_bid_through_the_pages(
    client, offer, group, other_group, calderdale_officer, other_leader
):
    client.force_login(calderdale_officer)
    url = f"/rights/asset-transfer/officer/offers/{offer.slug}/invite/"
    assert_valid_html(client.get(url), url)
    response = client.post(url, {"organisations": [str(group.pk)], "invitation": "Together"})
    assert response.status_code == 400
    assert_valid_html(response, url)
    response = client.post(
        url, {"organisations": [str(group.pk), str(other_group.pk)], "invitation": "Together"}
    )
    assert response.status_code == 302
    joint = TransferRequest.objects.get()
    assert joint.status == RequestStatus.INVITED and joint.is_joint
    client.force_login(other_leader)
    page = client.get(f"/rights/asset-transfer/requests/{joint.reference}/")
    assert "Complete the joint request" in page.content.decode()
    assert_valid_html(page, "joint request")
    response = client.post(f"/rights/asset-transfer/requests/{joint.reference}/complete/", CASE)
    assert response.status_code == 302
    joint.refresh_from_db()
    assert joint.status == RequestStatus.SUBMITTED


def test_an_officer_scores_and_approves_through_the_page(client, request_, calderdale_officer):
    client.force_login(calderdale_officer)
    url = f"/rights/asset-transfer/officer/requests/{request_.reference}/"
    assert_valid_html(client.get(url), url)
    criteria = list(request_.offer.criteria.all())
    first = criteria[0]
    response = client.post(
        url, {"action": "score", "criterion": first.pk, f"c{first.pk}-criterion": first.pk}
    )
    assert response.status_code == 400
    assert_valid_html(response, url)
    for c in criteria:
        response = client.post(
            url,
            {
                "action": "score",
                "criterion": c.pk,
                f"c{c.pk}-criterion": c.pk,
                f"c{c.pk}-score": "4",
                f"c{c.pk}-notes": "Sound.",
            },
        )
        assert response.status_code == 302
    approve = {
        "action": "approve",
        "tenure": "lease",
        "lease_years": "25",
        "annual_rent": "1",
        "market_value": "250000",
        "consideration": "0",
        "reasons": "The hall stays open.",
    }
    response = client.post(url, {**approve, "market_value": ""})
    assert response.status_code == 400
    assert_valid_html(response, url)
    response = client.post(url, approve)
    assert response.status_code == 302
    request_.refresh_from_db()
    assert request_.status == RequestStatus.APPROVED and str(request_.undervalue) == "250000.00"
    client.logout()
    page = client.get("/rights/asset-transfer/").content.decode()
    assert "value given up (less than best consideration) £250000" in page
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/rights/asset-transfer/transfers.csv").content.decode())
        )
    )
    assert rows[0]["undervalue"] == "250000.00" and rows[0]["decision"] == "Approved"


def test_an_officer_offers_an_asset_from_the_register(client, asset, calderdale_officer):
    client.force_login(calderdale_officer)
    page = client.get("/rights/asset-transfer/register/E08000033/").content.decode()
    url = f"/rights/asset-transfer/officer/assets/{asset.pk}/offer/"
    assert url in page
    assert_valid_html(client.get(url), url)
    response = client.post(url, {"title": "Hall", "criterion_1": ""})
    assert response.status_code == 400
    assert_valid_html(response, url)
    response = client.post(url, {"title": "Hall", "criterion_1": "Benefit", "weight_1": "2"})
    assert response.status_code == 302
    assert asset.offers.get().criteria.get().weight == 2


def test_the_dashboard(client, request_, calderdale_officer):
    client.force_login(calderdale_officer)
    response = client.get("/rights/asset-transfer/officer/")
    assert request_.reference in response.content.decode()
    assert_valid_html(response, "dashboard")


def test_traffords_register_pages(client, shared_data, trafford):
    path = shared_data / "assets" / "trafford_land_and_building_assets.csv"
    run_import(LandAssetsImporter(authority="E08000009"), path, commit=True)
    response = client.get("/rights/asset-transfer/register/E08000009/?page=7")
    text = response.content.decode()
    assert "608 assets" in text and "373 with a point" in text and "Page 7 of 7" in text
    assert_valid_html(response, "register")
    assert client.get("/api/v1/rights/asset-transfer/register/E08000009").json()[0]["name"]


def test_a_refused_request_is_public(client, request_, calderdale_officer):
    services.refuse(actor=calderdale_officer, request=request_, reasons="No business case.")
    response = client.get(f"/rights/asset-transfer/requests/{request_.reference}/")
    assert response.status_code == 200 and "No business case." in response.content.decode()
