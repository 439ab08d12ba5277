"""The feedback API: every operation for every persona, the one error shape, anonymity."""

import pytest

from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.tests.conftest import PERSONAS, POSTCODE, client_for

pytestmark = pytest.mark.django_db

API = "/api/v1/feedback"
SIGNED_IN = set(PERSONAS) - {"anonymous"}
ANSWERING = {"staff", "officer", "administrator"}
FOLLOWING_UP = {"reporter", "leader"}
OFFICERS = {"officer", "administrator"}


def _call(client, method, url, body=None):
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, body or {}, content_type="application/json")


def _expect(response, who, allowed, ok=(200,)):
    if who in allowed:
        assert response.status_code in ok, (who, response.status_code, response.content[:300])
    elif who == "anonymous":
        assert response.status_code == 401, (who, response.status_code)
        assert response.json()["error"]["code"] == "unauthenticated"
    else:
        assert response.status_code == 403, (who, response.status_code)
        assert response.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("who", PERSONAS)
def test_public_reads(client, personas, report, who):
    client = client_for(client, personas[who])
    for url in (
        f"{API}/reports/",
        f"{API}/reports/{report.pk}",
        f"{API}/catalogue",
        f"{API}/league",
        f"{API}/reports/?area={report.lsoa.gss_code}",
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", PERSONAS)
def test_raise(client, personas, catalogue, who):
    body = {
        "service": "street-lighting",
        "title": "Lamp",
        "description": "Out",
        "postcode": POSTCODE,
    }
    response = _call(client_for(client, personas[who]), "post", f"{API}/reports/", body)
    _expect(response, who, SIGNED_IN, ok=(201,))
    if who in SIGNED_IN:
        assert response.json()["status"] == "received"


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("event", ["acknowledge", "respond"])
def test_answering_steps(client, personas, report, who, event):
    body = {"event": event, "note": "Done"}
    response = _call(
        client_for(client, personas[who]), "post", f"{API}/reports/{report.pk}/steps", body
    )
    _expect(response, who, ANSWERING)


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("event", ["reopen", "escalate", "close"])
def test_following_up_steps(client, personas, report, staff, who, event):
    services.respond(actor=staff, report=report, note="Fixed")
    body = {"event": event, "note": "Not fixed"}
    response = _call(
        client_for(client, personas[who]), "post", f"{API}/reports/{report.pk}/steps", body
    )
    _expect(response, who, FOLLOWING_UP)


@pytest.mark.parametrize("who", PERSONAS)
def test_route(client, personas, catalogue, reporter, who):
    triaged = services.raise_report(
        actor=reporter,
        service=catalogue["repairs"],
        title="Damp",
        description="Mould",
        postcode=POSTCODE,
    )
    body = {"event": "route", "provider": catalogue["council"].organisation.slug}
    response = _call(
        client_for(client, personas[who]), "post", f"{API}/reports/{triaged.pk}/steps", body
    )
    _expect(response, who, OFFICERS)


@pytest.mark.parametrize("who", PERSONAS)
def test_support_operations(client, personas, report, leader, who):
    client = client_for(client, personas[who])
    collect = _call(
        client,
        "post",
        f"{API}/reports/{report.pk}/support-collection",
        {"group": report.group.slug},
    )
    _expect(collect, who, FOLLOWING_UP)
    if who not in FOLLOWING_UP:
        services.collect_support(actor=leader, report=report, group=report.group)
    add = _call(client, "post", f"{API}/reports/{report.pk}/support", {"consent": True})
    _expect(add, who, SIGNED_IN, ok=(201,))
    names = _call(client, "get", f"{API}/reports/{report.pk}/supporters")
    _expect(names, who, FOLLOWING_UP | ANSWERING)
    withdraw = client.delete(f"{API}/reports/{report.pk}/support")
    _expect(withdraw, who, SIGNED_IN, ok=(204,))


def test_refusals_are_in_the_one_shape(client, personas, report, catalogue):
    client.force_login(personas["reporter"])
    early = _call(
        client, "post", f"{API}/reports/{report.pk}/steps", {"event": "reopen", "note": "x"}
    )
    assert early.status_code == 422 and early.json()["error"]["code"] == "refused"
    nowhere = _call(
        client,
        "post",
        f"{API}/reports/",
        {"service": "street-lighting", "title": "x", "description": "y", "postcode": "ZZ9 9ZZ"},
    )
    assert nowhere.status_code == 422
    assert nowhere.json()["error"]["details"][0]["location"] == "body.payload.postcode"
    assert client.get(f"{API}/reports/999999").status_code == 404
    assert client.get(f"{API}/reports/?area=X99").status_code == 422


def test_the_api_is_anonymised(client, report):
    body = client.get(f"{API}/reports/{report.pk}").content.decode()
    assert POSTCODE not in body and "Ravi" not in body and "latitude" not in body
    assert report.lsoa.gss_code in body


@pytest.mark.parametrize("who", PERSONAS)
def test_keeping_the_catalogue(client, personas, catalogue, calderdale, who):
    client = client_for(client, personas[who])
    added = _call(client, "post", f"{API}/catalogue/services", {"name": f"Potholes {who}"})
    _expect(added, who, OFFICERS, ok=(201,))
    provider = _call(
        client,
        "post",
        f"{API}/catalogue/providers",
        {
            "organisation": catalogue["contractor"].organisation.slug,
            "sector": "private",
            "acknowledge_days": 1,
            "respond_days": 5,
        },
    )
    _expect(provider, who, OFFICERS)
    assigned = _call(
        client,
        "post",
        f"{API}/catalogue/responsibilities",
        {
            "service": "bins",
            "area": calderdale.gss_code,
            "provider": catalogue["contractor"].organisation.slug,
        },
    )
    _expect(assigned, who, OFFICERS)
    if who in OFFICERS:
        assert assigned.json()["provider"] == catalogue["contractor"].organisation.slug
        nowhere = _call(
            client,
            "post",
            f"{API}/catalogue/responsibilities",
            {"service": "bins", "area": "X99", "provider": "nobody"},
        )
        assert nowhere.status_code == 422


@pytest.mark.parametrize("who", PERSONAS)
def test_taking_an_escalation(client, personas, report, reporter, who):
    services.escalate(actor=reporter, report=report, note="Not settled")
    url = f"{API}/reports/{report.pk}/escalation-owner"
    response = _call(client_for(client, personas[who]), "post", url)
    _expect(response, who, OFFICERS)
    if who in OFFICERS:
        body = response.json()
        assert body["escalation_taken_at"] is not None
        assert [c["step"] for c in body["clocks"]][-1] == "escalation"
        assert personas[who].email not in response.content.decode()
        again = _call(client, "post", url)
        assert again.status_code == 422 and again.json()["error"]["code"] == "refused"


def test_only_an_escalated_report_can_be_taken_through_the_api(client, personas, report):
    client.force_login(personas["officer"])
    response = _call(client, "post", f"{API}/reports/{report.pk}/escalation-owner")
    assert response.status_code == 403
