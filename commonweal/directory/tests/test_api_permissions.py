"""Every directory API operation, as every persona: who may, who may not, and nothing
changes for those who may not."""

import pytest
from django.db import transaction
from django.test import Client

from commonweal.accounts import services as accounts
from commonweal.directory import services
from commonweal.directory.models import Membership, Organisation
from commonweal.directory.tests.conftest import PERSONAS, a_ward

pytestmark = pytest.mark.django_db

BASE = "/api/v1/directory"


def bearer(user) -> dict:
    with transaction.atomic():
        _, raw = accounts.create_api_token(actor=user, name="Integration")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def unverified(calderdale, leader):
    """A new group `leader` has registered, waiting for an officer."""
    return services.register_organisation(
        actor=leader, authority=calderdale, name="Brand New Book Club", kind="community_group"
    )


def _all(status: int) -> dict:
    return dict.fromkeys(PERSONAS, status)


def _editors(allowed: int) -> dict:
    # The group's leader, the borough's officer and administrators; signed-in others 403.
    return {
        **_all(403),
        "anonymous": 401,
        "leader": allowed,
        "officer": allowed,
        "administrator": allowed,
    }


# operation: (method, path, body, expected status for each persona)
OPERATIONS = {
    "list": ("get", "/organisations/", None, _all(200)),
    "detail": ("get", "/organisations/{group}", None, _all(200)),
    "detail of an unverified entry": (
        "get",
        "/organisations/{unverified}",
        None,
        {**_all(404), "leader": 200, "officer": 200, "administrator": 200},
    ),
    "register": (
        "post",
        "/organisations/",
        {"authority": "E08000033", "name": "Todmorden Tool Library", "kind": "community_group"},
        {**_all(201), "anonymous": 401},
    ),
    "update": ("patch", "/organisations/{group}", {"description": "Changed."}, _editors(200)),
    "benefit": (
        "put",
        "/organisations/{group}/benefit",
        {"area_codes": ["{ward}"], "interest_tags": ["older-people"]},
        _editors(200),
    ),
    "verify": (
        "post",
        "/organisations/{unverified}/verification",
        {"decision": "verify", "reason": "Checked."},
        # Those who cannot see the entry get 404; its own leader sees it but may not verify.
        {**_all(404), "anonymous": 401, "leader": 403, "officer": 200, "administrator": 200},
    ),
    "withdraw": (
        "post",
        "/organisations/{group}/verification",
        {"decision": "withdraw", "reason": "Stopped meeting."},
        {**_all(403), "anonymous": 401, "officer": 200, "administrator": 200},
    ),
    "members": ("get", "/organisations/{group}/members", None, _editors(200)),
    "join": (
        "post",
        "/organisations/{group}/membership",
        None,
        {**_all(201), "anonymous": 401, "member": 422, "leader": 422},
    ),
    "leave": (
        "delete",
        "/organisations/{group}/membership",
        None,
        {**_all(422), "anonymous": 401, "member": 204, "leader": 204},
    ),
    "my memberships": ("get", "/memberships/", None, {**_all(200), "anonymous": 401}),
    "interest tags": ("get", "/interest-tags/", None, _all(200)),
}


def _fill(text: str, values: dict) -> str:
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def call(client, method, path, body, values, **headers):
    url = BASE + _fill(path, values)
    if body is None:
        return getattr(client, method)(url, **headers)
    body = {
        key: ([_fill(v, values) for v in value] if isinstance(value, list) else value)
        for key, value in body.items()
    }
    return getattr(client, method)(url, body, content_type="application/json", **headers)


def state(group, unverified) -> tuple:
    """What the refused requests must leave alone."""
    group.refresh_from_db()
    unverified.refresh_from_db()
    return (
        Organisation.records.count(),
        group.description,
        group.status,
        unverified.status,
        sorted(group.benefit_areas.values_list("gss_code", flat=True)),
        sorted(group.interest_tags.values_list("slug", flat=True)),
        Membership.objects.current().count(),
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_operation_as_every_persona(
    as_persona, persona, operation, group, unverified, calderdale
):
    method, path, body, expected = OPERATIONS[operation]
    client = as_persona(persona)
    values = {"group": group.slug, "unverified": unverified.slug, "ward": a_ward(calderdale, 2)}
    values["ward"] = values["ward"].gss_code
    before = state(group, unverified)
    response = call(client, method, path, body, values)
    assert response.status_code == expected[persona], response.content
    if response.status_code >= 400:
        body = response.json()
        assert (
            set(body) == {"error"}
            and body["error"]["code"]
            in {
                401: {"unauthenticated"},
                403: {"forbidden"},
                404: {"not_found"},
                422: {"refused"},
            }[response.status_code]
        )
        assert state(group, unverified) == before, "a refused request changed something"
    elif method != "get":
        assert state(group, unverified) != before, "an allowed change changed nothing"


def test_an_officer_of_another_borough_acts_on_nothing_here(
    client, group, unverified, trafford_officer
):
    client.force_login(trafford_officer)
    verify = {"decision": "verify", "reason": "x"}
    url = f"{BASE}/organisations/{unverified.slug}"
    assert client.get(url).status_code == 404
    assert (
        client.post(f"{url}/verification", verify, content_type="application/json").status_code
        == 404
    )
    withdraw = {"decision": "withdraw", "reason": "Not ours."}
    response = client.post(
        f"{BASE}/organisations/{group.slug}/verification", withdraw, content_type="application/json"
    )
    assert response.status_code == 403
    assert client.get(f"{BASE}/organisations/{group.slug}/members").status_code == 403
    group.refresh_from_db()
    assert group.status == "verified"


# --- with an API token instead of the session ---------------------------------------------


def test_a_leader_edits_their_group_with_a_token(group, other_group, leader):
    headers = bearer(leader)
    client = Client()
    response = client.patch(
        f"{BASE}/organisations/{group.slug}",
        {"description": "By token."},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200, response.content
    assert response.json()["description"] == "By token."
    response = client.patch(
        f"{BASE}/organisations/{other_group.slug}",
        {"description": "Not mine."},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 403
    other_group.refresh_from_db()
    assert other_group.description != "Not mine."
    members = client.get(f"{BASE}/organisations/{group.slug}/members", **headers)
    assert members.status_code == 200
    mine = client.get(f"{BASE}/memberships/", **headers).json()
    assert [m["organisation"]["id"] for m in mine["results"]] == [group.slug]


def test_a_resident_registers_and_joins_with_a_token(calderdale, group, resident):
    headers = bearer(resident)
    client = Client()
    body = {"authority": "E08000033", "name": "Luddenden Litter Pickers", "kind": "community_group"}
    response = client.post(
        f"{BASE}/organisations/", body, content_type="application/json", **headers
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "unverified"
    joined = client.post(f"{BASE}/organisations/{group.slug}/membership", **headers)
    assert joined.status_code == 201
    assert client.get(f"{BASE}/organisations/{group.slug}/members", **headers).status_code == 403


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/organisations/"),
        ("patch", "/organisations/{group}"),
        ("put", "/organisations/{group}/benefit"),
        ("post", "/organisations/{group}/verification"),
        ("get", "/organisations/{group}/members"),
        ("post", "/organisations/{group}/membership"),
        ("delete", "/organisations/{group}/membership"),
        ("get", "/memberships/"),
    ],
)
def test_a_bad_token_is_401(client, group, method, path):
    headers = {"HTTP_AUTHORIZATION": "Bearer cw_not-a-real-token"}
    response = call(client, method, path, {}, {"group": group.slug}, **headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_a_session_without_the_csrf_token_is_refused(group, leader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader)
    response = client.patch(
        f"{BASE}/organisations/{group.slug}", {"description": "x"}, content_type="application/json"
    )
    assert response.status_code == 403
    group.refresh_from_db()
    assert group.description != "x"
