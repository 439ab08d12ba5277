"""The right to bid's API: the register and an entry for everyone, cases for officers; every
operation for every persona, errors in the one shape."""

import datetime as dt

import pytest

from commonweal.rights import services
from commonweal.rights.tests.conftest import PERSONAS, nominate

pytestmark = pytest.mark.django_db
D = dt.date


def _get(client, people, persona, url):
    client.logout()
    if persona != "anonymous":
        client.force_login(people[persona])
    return client.get(url)


def test_the_register_for_everyone(client, people, listed):
    services.record_disposal_notice(
        actor=people["officer"], nomination=listed, received_on=D(2024, 7, 1)
    )
    for persona in PERSONAS:
        response = _get(client, people, persona, "/api/v1/rights/assets")
        assert response.status_code == 200, persona
        (entry,) = response.json()["results"]
        assert entry["moratorium"]["interim_ends"] == "2024-08-11"
        assert entry["moratorium"]["protected_ends"] == "2025-12-31"
        assert entry["listed_until"] == "2029-03-03"


def test_one_entry_and_undecided_cases(client, people, listed, calderdale, group, pub_boundary):
    undecided = nominate(people, calderdale, group, pub_boundary, owner_user=people["owner"])
    may_see = {"nominator", "owner", "officer", "administrator"}
    for persona in PERSONAS:
        public = _get(client, people, persona, f"/api/v1/rights/assets/{listed.reference}")
        assert public.status_code == 200, persona
        hidden = _get(client, people, persona, f"/api/v1/rights/assets/{undecided.reference}")
        assert hidden.status_code == (200 if persona in may_see else 404), persona
        if hidden.status_code == 404:
            assert hidden.json()["error"]["code"] == "not_found"
        else:
            assert any(d["rule"] == "ACV-07" for d in hidden.json()["deadlines"])


def test_cases_for_officers(client, people, listed):
    expected = {
        "anonymous": 401,
        "resident": 403,
        "nominator": 403,
        "owner": 403,
        "parish": 403,
        "organiser": 403,
        "officer": 200,
        "other_officer": 200,
        "administrator": 200,
    }
    for persona in PERSONAS:
        response = _get(client, people, persona, "/api/v1/rights/cases")
        assert response.status_code == expected[persona], persona
        if response.status_code == 200:
            count = response.json()["count"]
            assert count == (0 if persona == "other_officer" else 1), persona
        else:
            assert "error" in response.json()
