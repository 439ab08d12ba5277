"""Inviting a joint bid and scoring a request through the API."""

import pytest

from commonweal.rights.transfer.models import Score, TransferRequest

pytestmark = pytest.mark.django_db

BASE = "/api/v1/rights/asset-transfer"


def _post(client, url, body):
    return client.post(BASE + url, body, content_type="application/json")


def test_an_officer_scores_a_request_and_bad_criteria_are_refused(client, officer, offer, request_):
    client.force_login(officer)
    criterion = offer.criteria.first()
    url = f"/requests/{request_.reference}/scores"
    done = _post(client, url, {"criterion": criterion.pk, "score": 4, "notes": "Well argued."})
    assert done.status_code == 200, done.content
    assert Score.objects.get(request=request_, criterion=criterion).score == 4
    wrong = _post(client, url, {"criterion": 999999, "score": 1, "notes": "x"})
    assert wrong.status_code == 422
    assert wrong.json()["error"]["details"][0]["location"] == "body.payload.criterion"
    high = _post(client, url, {"criterion": criterion.pk, "score": 99, "notes": "x"})
    assert high.status_code == 422 and "score" in high.json()["error"]["message"]


def test_an_officer_invites_two_groups_and_unknown_groups_are_refused(
    client, officer, offer, group, other_group
):
    client.force_login(officer)
    url = f"/offers/{offer.slug}/joint-bids"
    before = TransferRequest.objects.count()
    unknown = _post(
        client, url, {"organisations": [group.slug, "no-such-group"], "invitation": "Together."}
    )
    assert unknown.status_code == 422 and "no-such-group" in unknown.json()["error"]["message"]
    assert TransferRequest.objects.count() == before
    done = _post(
        client, url, {"organisations": [group.slug, other_group.slug], "invitation": "Together."}
    )
    assert done.status_code == 201, done.content
    assert TransferRequest.objects.count() == before + 1
