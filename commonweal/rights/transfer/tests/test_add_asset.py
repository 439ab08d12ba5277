"""The officers' page for adding an asset to the register by hand."""

import pytest

from commonweal.core.models import AuditEvent
from commonweal.core.testing import assert_valid_html
from commonweal.rights.transfer.models import LandAsset

pytestmark = pytest.mark.django_db

URL = "/rights/asset-transfer/register/E08000033/add/"


def test_an_officer_adds_an_asset_and_is_taken_to_offer_it(client, officer, calderdale):
    client.force_login(officer)
    page = client.get(URL)
    assert_valid_html(page, URL)
    register = client.get("/rights/asset-transfer/register/E08000033/")
    assert URL in register.content.decode()

    refused = client.post(URL, {"asset_code": "", "name": "", "longitude": "-1.86"})
    assert refused.status_code == 400
    assert_valid_html(refused, URL)
    text = refused.content.decode()
    assert "There is a problem" in text and "Give the asset" in text
    half = client.post(URL, {"asset_code": "H-1", "name": "Hall", "longitude": "-1.86"})
    assert half.status_code == 400 and "both the longitude" in half.content.decode()

    response = client.post(
        URL,
        {
            "asset_code": "H-1",
            "name": "Park Road Hall",
            "street_name": "Park Road",
            "post_town": "Halifax",
            "postcode": "HX1 2AB",
            "tenure_type": "Freehold",
            "longitude": "-1.86",
            "latitude": "53.72",
        },
    )
    asset = LandAsset.objects.get(authority=calderdale, asset_code="H-1")
    assert response.status_code == 302
    assert response.url == f"/rights/asset-transfer/officer/assets/{asset.pk}/offer/"
    assert (asset.name, asset.postcode, asset.coordinate_system) == (
        "Park Road Hall",
        "HX1 2AB",
        "WGS84",
    )
    assert AuditEvent.objects.filter(action="assettransfer.asset_added").count() == 1
    again = client.post(URL, {"asset_code": "H-1", "name": "Another"})
    assert again.status_code == 400 and "already has an asset H-1" in again.content.decode()


def test_residents_see_no_link_to_add(client, resident):
    client.force_login(resident)
    assert URL not in client.get("/rights/asset-transfer/register/E08000033/").content.decode()
