"""The right to bid's write API: every operation for every persona, each on a fresh case,
errors in the one shape."""

import datetime as dt

import pytest

from commonweal.rights import services
from commonweal.rights.models import CaseStatus, Nomination
from commonweal.rights.tests.conftest import CONTENTS, PERSONAS, nominate

pytestmark = pytest.mark.django_db
D = dt.date

STAFF = {
    "anonymous": 401,
    "resident": 403,
    "nominator": 403,
    "owner": 403,
    "parish": 403,
    "organiser": 403,
    "officer": 201,
    "other_officer": 403,
    "administrator": 201,
}


@pytest.fixture
def make(people, calderdale, group, parish, pub_boundary):
    def _make(*, listed=False, notice=False):
        nomination = nominate(
            people,
            calderdale,
            group,
            pub_boundary,
            parish=parish,
            owner_user=people["owner"],
            received_on=D(2024, 1, 15),
        )
        if listed:
            services.decide(
                actor=people["officer"],
                nomination=nomination,
                listed=True,
                reasons="A well-used pub.",
                current_use_finding="In use as a pub.",
                decided_on=D(2024, 3, 4),
            )
        if notice:
            services.record_disposal_notice(
                actor=people["officer"], nomination=nomination, received_on=D(2024, 3, 4)
            )
        return nomination

    return _make


def _post(client, people, persona, url, payload):
    client.logout()
    if persona != "anonymous":
        client.force_login(people[persona])
    return client.post(url, payload, content_type="application/json")


def _each(client, people, expected, case, path, payload):
    for persona in PERSONAS:
        nomination = case()
        url = f"/api/v1/rights/assets{path.format(ref=nomination.reference)}"
        response = _post(client, people, persona, url, payload)
        assert response.status_code == expected[persona], (persona, response.content)
        if response.status_code >= 400:
            assert set(response.json()["error"]) == {"code", "message", "details"}


def test_nominate(client, people, group, pub_boundary):
    payload = {**CONTENTS, "nominator": group.slug, "boundary": pub_boundary, "local_members": 25}
    expected = {**STAFF, "nominator": 201, "officer": 403, "administrator": 403}
    for persona in PERSONAS:
        response = _post(client, people, persona, "/api/v1/rights/assets", payload)
        assert response.status_code == expected[persona], (persona, response.content)
    made = Nomination.objects.filter(name=CONTENTS["name"], created_by=people["nominator"])
    assert made.count() == 1 and made.get().status == CaseStatus.RECEIVED
    refused = _post(
        client, people, "nominator", "/api/v1/rights/assets", {**payload, "description": ""}
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["details"][0]["location"] == "body.payload.description"


def test_decide(client, people, make):
    expected = {
        **STAFF,
        "resident": 404,
        "parish": 404,
        "organiser": 404,
        "other_officer": 404,
        "officer": 200,
        "administrator": 200,
    }
    payload = {
        "listed": True,
        "reasons": "A well-used pub.",
        "current_use_finding": "In use as a pub.",
        "decided_on": "2024-03-04",
    }
    _each(client, people, expected, make, "/{ref}/decision", payload)
    assert Nomination.objects.filter(status=CaseStatus.LISTED).count() == 2


def test_owner_notice(client, people, make):
    payload = {"received_on": "2024-07-01", "given_by": "Pubco"}
    _each(client, people, STAFF, lambda: make(listed=True), "/{ref}/owner-notice", payload)
    late = make()
    response = _post(
        client, people, "officer", f"/api/v1/rights/assets/{late.reference}/owner-notice", payload
    )
    assert response.status_code == 422 and response.json()["error"]["code"] == "refused"


def test_bidder_request_by_a_group(client, people, make, parish):
    expected = {**STAFF, "parish": 201, "officer": 403, "administrator": 403}
    payload = {"organisation": parish.slug, "received_on": "2024-03-20"}
    case = lambda: make(listed=True, notice=True)  # noqa: E731
    _each(client, people, expected, case, "/{ref}/bidder-requests", payload)


def test_bidder_request_on_paper(client, people, make):
    payload = {"group_name": "Village CIC", "body_kind": "community-interest-company"}
    case = lambda: make(listed=True, notice=True)  # noqa: E731
    _each(client, people, STAFF, case, "/{ref}/bidder-requests", payload)


def test_record_a_disposal(client, people, make):
    payload = {
        "disposal_type": "freehold_vacant",
        "binding_on": "2024-10-01",
        "buyer": "New owner",
        "buyer_kind": "other",
    }
    _each(
        client, people, STAFF, lambda: make(listed=True, notice=True), "/{ref}/disposals", payload
    )
    removed = Nomination.objects.filter(status=CaseStatus.REMOVED)
    assert removed.count() == 2 and {n.removed_on for n in removed} == {D(2024, 10, 1)}
