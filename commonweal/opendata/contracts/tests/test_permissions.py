"""Every page and API operation, for every persona: who may see it and who may act."""

import json

import pytest
from django.urls import reverse

from commonweal.opendata.contracts.models import Contract, Release
from commonweal.opendata.contracts.tests.people import make_person

PERSONAS = [
    "anonymous",
    "resident",
    "organiser",
    "assessor",
    "officer",
    "trafford_officer",
    "administrator",
]
STAFF = {"officer", "administrator"}


@pytest.fixture
def who(request, trafford):
    name = request.param
    if name == "anonymous":
        return name, None
    if name == "trafford_officer":
        return name, make_person("t.officer@example.org", "officer", trafford)
    return name, request.getfixturevalue(name)


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


PUBLIC_PAGES = [
    ("contracts:list", False),
    ("contracts:csv", False),
    ("contracts:releases", False),
    ("contracts:records", False),
    ("contracts:detail", True),
    ("contracts:contract_releases", True),
    ("contracts:contract_record", True),
]


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
def test_public_pages_are_open_to_everyone(client, who, contract):
    _, user = who
    client = _client(client, user)
    for name, needs_pk in PUBLIC_PAGES:
        url = reverse(name, args=[contract.pk] if needs_pk else [])
        assert client.get(url).status_code == 200, url
    url = reverse("contracts:release", args=[contract.pk, 1])
    assert client.get(url).status_code == 200


def _expected(name, allowed):
    if name == "anonymous":
        return 302
    return 200 if allowed else 403


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
def test_officer_pages(client, who, contract, calderdale):
    name, user = who
    client = _client(client, user)
    new = client.get(reverse("contracts:new") + f"?authority={calderdale.gss_code}")
    assert new.status_code == _expected(name, name in STAFF)
    for view in ("contracts:amend", "contracts:status"):
        response = client.get(reverse(view, args=[contract.pk]))
        assert response.status_code == _expected(name, name in STAFF), view
    imported = client.get(reverse("contracts:import"))
    assert imported.status_code == _expected(name, name in STAFF | {"trafford_officer"})


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
def test_officer_writes_are_refused_to_everyone_else(client, who, contract, calderdale):
    name, user = who
    client = _client(client, user)
    releases = Release.objects.count()
    status = client.post(reverse("contracts:status", args=[contract.pk]), {"status": "active"})
    amend = client.post(
        reverse("contracts:amend", args=[contract.pk]),
        {
            "rationale": "Longer",
            "title": contract.title,
            "service": contract.service,
            "currency": "GBP",
            "supplier_1": str(contract.supplier_links.get().organisation_id),
            "award_date": "2025-03-01",
        },
    )
    new = client.post(
        reverse("contracts:new") + f"?authority={calderdale.gss_code}",
        {
            "title": "A new one",
            "service": "Libraries",
            "buyer": "council",
            "currency": "GBP",
            "route": "open",
            "status": "planned",
        },
    )
    if name in STAFF:
        assert (status.status_code, amend.status_code, new.status_code) == (302, 302, 302)
        assert Release.objects.count() == releases + 3
    else:
        expected = 302 if name == "anonymous" else 403
        assert (status.status_code, amend.status_code, new.status_code) == (expected,) * 3
        assert Release.objects.count() == releases
        if name == "anonymous":
            assert "/accounts/sign-in/" in status.url


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
def test_api_reads_are_public(client, who, contract):
    _, user = who
    client = _client(client, user)
    for url in (
        "/api/v1/contracts/",
        "/api/v1/contracts/releases",
        f"/api/v1/contracts/{contract.ocid}",
        f"/api/v1/contracts/{contract.ocid}/releases",
        f"/api/v1/contracts/{contract.ocid}/record",
    ):
        assert client.get(url).status_code == 200, url


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
def test_api_writes(client, who, contract, supplier):
    name, user = who
    client = _client(client, user)
    created = _post(
        client,
        "/api/v1/contracts/",
        {"authority": "E08000033", "title": "Lunch clubs", "service": "Older people"},
    )
    status = _post(client, f"/api/v1/contracts/{contract.ocid}/status", {"status": "active"})
    amended = _post(
        client,
        f"/api/v1/contracts/{contract.ocid}/amendments",
        {"rationale": "More money", "value_amount": "300000"},
    )
    codes = (created.status_code, status.status_code, amended.status_code)
    if name in STAFF:
        assert codes == (201, 200, 200)
    elif name == "anonymous":
        assert codes == (401, 401, 401)
    else:
        assert codes == (403, 403, 403)
        assert Contract.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["service", "supplier", "area"])
def test_api_filters_refuse_a_nul_character(client, field):
    response = client.get("/api/v1/contracts/", {field: "Libraries\x00"})
    assert response.status_code == 422
    assert field in response.content.decode()
