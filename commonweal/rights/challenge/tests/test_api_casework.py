"""Publishing a window and proposing a modification through the API."""

import pytest

from commonweal.rights.challenge.models import Modification

pytestmark = pytest.mark.django_db

BASE = "/api/v1/rights/challenge"


def _post(client, url, body):
    return client.post(BASE + url, body, content_type="application/json")


def test_an_officer_publishes_a_window_and_a_backwards_one_is_refused(
    client, calderdale_officer, service
):
    client.force_login(calderdale_officer)
    url = f"/services/{service.slug}/windows"
    backwards = _post(client, url, {"opens": "2027-03-01", "closes": "2027-02-01"})
    assert backwards.status_code == 422
    assert backwards.json()["error"]["details"][0]["location"] == "body.payload.closes"
    done = _post(client, url, {"opens": "2027-01-04", "closes": "2027-02-26"})
    assert done.status_code == 201, done.content
    assert done.json()["windows"][0]["closes"] == "2027-02-26"


def test_an_officer_proposes_a_modification_which_needs_a_proposal(
    client, calderdale_officer, expression
):
    client.force_login(calderdale_officer)
    url = f"/expressions/{expression.reference}/modification"
    grounds = [{"ground": "inadequate", "reasons": "The finances cover one park."}]
    empty = _post(client, url, {"proposal": " ", "grounds": grounds})
    assert empty.status_code == 422 and not Modification.objects.exists()
    done = _post(client, url, {"proposal": "Run one park, not five.", "grounds": grounds})
    assert done.status_code == 200, done.content
    assert Modification.objects.get(expression=expression).proposal == "Run one park, not five."
