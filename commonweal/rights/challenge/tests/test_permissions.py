"""Every right to challenge page and API operation, as every persona: who may, who may not,
and nothing changes for those who may not."""

import pytest

from commonweal.rights.challenge import services
from commonweal.rights.challenge.models import ExpressionOfInterest, ExpressionStatus
from commonweal.rights.challenge.tests.conftest import CONTENTS, PERSONAS

pytestmark = pytest.mark.django_db


def _all(status: int) -> dict:
    return dict.fromkeys(PERSONAS, status)


def _staff(allowed: int, refused: int = 403) -> dict:
    """The borough's officers and administrators; anonymous people sign in first."""
    return {
        **_all(refused),
        "anonymous": 302,
        "officer": allowed,
        "administrator": allowed,
    }


# The officer of another borough sees the dashboard (of their own borough) and nothing here.
DASHBOARD = {**_staff(200), "trafford_officer": 200}
# The body's own leader and the borough's staff see an undecided expression; others get 404.
FOLLOWERS = {**_all(404), "anonymous": 302, "leader": 200, "officer": 200, "administrator": 200}

PAGES = {
    "index": ("get", "/rights/challenge/", None, _all(200)),
    "service": ("get", "/rights/challenge/services/{service}/", None, _all(200)),
    "decisions csv": ("get", "/rights/challenge/decisions.csv", None, _all(200)),
    "express form": (
        "get",
        "/rights/challenge/services/{service}/express/",
        None,
        {**_all(200), "anonymous": 302},
    ),
    "express": (
        "post",
        "/rights/challenge/services/{service}/express/",
        {"body": "{group}", **CONTENTS},
        # Only the group's leader has the group to choose; the others' forms refuse it.
        {**_all(400), "anonymous": 302, "leader": 302},
    ),
    "undecided expression": ("get", "/rights/challenge/expressions/{expression}/", None, FOLLOWERS),
    "decided expression": ("get", "/rights/challenge/expressions/{decided}/", None, _all(200)),
    "dashboard": ("get", "/rights/challenge/officer/", None, DASHBOARD),
    "new service form": ("get", "/rights/challenge/officer/services/new/", None, DASHBOARD),
    "manage service": ("get", "/rights/challenge/officer/services/{service}/", None, _staff(200)),
    "publish window": (
        "post",
        "/rights/challenge/officer/services/{service}/",
        {"opens": "2030-01-01", "closes": "2030-01-31"},
        _staff(302),
    ),
    "decide form": (
        "get",
        "/rights/challenge/officer/expressions/{expression}/",
        None,
        _staff(200),
    ),
    "accept": (
        "post",
        "/rights/challenge/officer/expressions/{expression}/",
        {"action": "accept", "reasons": "A strong case."},
        _staff(302),
    ),
    "reject": (
        "post",
        "/rights/challenge/officer/expressions/{expression}/",
        {"action": "reject", "reject-ground_frivolous": "on", "reject-reasons_frivolous": "x"},
        _staff(302),
    ),
    "answer modification": (
        "post",
        "/rights/challenge/expressions/{modified}/answer/",
        {"agreed": "yes"},
        {**FOLLOWERS, "leader": 302, "officer": 302, "administrator": 302},
    ),
}


@pytest.fixture
def cast(service, expression, group, leader, calderdale_officer):
    decided = services.submit_expression(
        actor=leader, service=service, organisation=group, **CONTENTS
    )
    services.accept(actor=calderdale_officer, expression=decided)
    modified = services.submit_expression(
        actor=leader, service=service, organisation=group, **CONTENTS
    )
    services.propose_modification(
        actor=calderdale_officer,
        expression=modified,
        proposal="One park only.",
        grounds={"inadequate": "The finances cover one park."},
    )
    return {
        "service": service.slug,
        "group": str(group.pk),
        "expression": expression.reference,
        "decided": decided.reference,
        "modified": modified.reference,
    }


def _fill(text: str, values: dict) -> str:
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def state() -> tuple:
    statuses = ExpressionOfInterest.objects.order_by("pk").values_list("status", flat=True)
    return (*statuses, ExpressionOfInterest.objects.count())


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_as_every_persona(as_persona, persona, page, cast):
    method, path, body, expected = PAGES[page]
    client = as_persona(persona)
    before = state()
    url = _fill(path, cast)
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = client.post(url, {k: _fill(v, cast) for k, v in body.items()})
    assert response.status_code == expected[persona], response.content[:2000]
    refused = expected[persona] != 302 or persona == "anonymous"
    if method == "post" and persona != "leader" and refused:
        assert state() == before, "a refused request changed something"


def test_the_officer_of_another_borough_sees_none_of_it_on_the_dashboard(
    as_persona, cast, trafford_officer
):
    response = as_persona("trafford_officer").get("/rights/challenge/officer/")
    assert cast["expression"] not in response.content.decode()


def test_the_calderdale_officer_sees_the_deadlines(client, cast, calderdale_officer):
    client.force_login(calderdale_officer)
    response = client.get("/rights/challenge/officer/")
    assert cast["expression"] in response.content.decode()


# --- the API ------------------------------------------------------------------------------

BASE = "/api/v1/rights/challenge"
API_FOLLOWERS = {**_all(404), "leader": 200, "officer": 200, "administrator": 200}
OPERATIONS = {
    "services": ("get", "/services", None, _all(200)),
    "expressions": ("get", "/expressions", None, _all(200)),
    "undecided expression": ("get", "/expressions/{expression}", None, API_FOLLOWERS),
    "decided expression": ("get", "/expressions/{decided}", None, _all(200)),
    "express": (
        "post",
        "/expressions",
        {"service": "{service}", "organisation": "{group_slug}", **CONTENTS},
        # Officers and administrators may record one for a group (received on paper).
        {**_all(403), "anonymous": 401, "leader": 201, "officer": 201, "administrator": 201},
    ),
    "publish window": (
        "post",
        "/services/{service}/windows",
        {"opens": "2027-01-04", "closes": "2027-02-26", "note": "Spring round."},
        {**_all(403), "anonymous": 401, "officer": 201, "administrator": 201},
    ),
    "propose modification": (
        "post",
        "/expressions/{expression}/modification",
        {
            "proposal": "Run two parks, not five.",
            "grounds": [{"ground": "inadequate", "reasons": "The finances cover one park."}],
        },
        {**API_FOLLOWERS, "anonymous": 401, "leader": 403},
    ),
    "decide": (
        "post",
        "/expressions/{expression}/decision",
        {"decision": "accept"},
        {**API_FOLLOWERS, "anonymous": 401, "leader": 403},
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_api_operation_as_every_persona(as_persona, persona, operation, cast, group):
    _, path, body, expected = OPERATIONS[operation]
    client = as_persona(persona)
    values = {**cast, "group_slug": group.slug}
    before = state()
    url = BASE + _fill(path, values)
    if body is None:
        response = client.get(url)
    else:
        payload = {k: _fill(v, values) if isinstance(v, str) else v for k, v in body.items()}
        response = client.post(url, payload, content_type="application/json")
    assert response.status_code == expected[persona], response.content[:2000]
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}
        assert state() == before


def test_the_api_lists_every_missing_item(client, leader, cast, group):
    client.force_login(leader)
    response = client.post(
        f"{BASE}/expressions",
        {"service": cast["service"], "organisation": group.slug, "outcomes": "More"},
        content_type="application/json",
    )
    assert response.status_code == 422
    locations = {d["location"] for d in response.json()["error"]["details"]}
    assert locations == {
        "body.payload.service_and_area",
        "body.payload.financial_resources",
        "body.payload.capability",
    }


def test_rejection_through_the_api_needs_grounds(client, calderdale_officer, cast):
    client.force_login(calderdale_officer)
    url = f"{BASE}/expressions/{cast['expression']}/decision"
    response = client.post(url, {"decision": "reject"}, content_type="application/json")
    assert response.status_code == 422
    response = client.post(
        url,
        {"decision": "reject", "grounds": [{"ground": "procurement", "reasons": "Tendered."}]},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == ExpressionStatus.REJECTED
    assert response.json()["grounds"][0]["ground"] == "procurement"
