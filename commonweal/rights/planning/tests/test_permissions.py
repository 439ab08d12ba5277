"""Every page and API operation, as every persona: who may, who may not, and nothing changes
for those who may not. "login" means sent to the sign-in page."""

import pytest
from django.test import Client

from commonweal.rights.planning.models import NeighbourhoodArea
from commonweal.rights.planning.tests.conftest import PERSONAS, apply, person

pytestmark = pytest.mark.django_db
API = "/api/v1/rights/neighbourhood-planning"


@pytest.fixture
def cast(
    calderdale,
    leader,
    other_leader,
    calderdale_officer,
    trafford_officer,
    forum_org,
    other_forum_org,
    area,
    forum,
    plan,
):
    from commonweal.accounts.models import Role

    pending = apply(leader, forum_org, (12,), name="Skircoat (pending)")
    return {
        "people": {
            "anonymous": None,
            "resident": person("just.a.resident@example.org"),
            "leader": leader,
            "other_leader": other_leader,
            "organiser": person("an.organiser@example.org", Role.ORGANISER),
            "officer": calderdale_officer,
            "other_officer": trafford_officer,
            "administrator": person("an.admin@example.org", Role.ADMINISTRATOR),
        },
        "values": {
            "area": area.pk,
            "pending": pending.pk,
            "forum": forum.pk,
            "plan": plan.pk,
            "org": forum_org.pk,
        },
        "plan": plan,
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _all(status):
    return dict.fromkeys(PERSONAS, status)


STAFF = {**_all(403), "anonymous": "login", "officer": 200, "administrator": 200}
SIGNED_IN = {**_all(200), "anonymous": "login"}

PAGES = {
    "register": ("/rights/neighbourhood-planning/", _all(200)),
    "designated area": ("/rights/neighbourhood-planning/areas/{area}/", _all(200)),
    "area not yet publicised": (
        "/rights/neighbourhood-planning/areas/{pending}/",
        {**_all(404), "leader": 200, "officer": 200, "administrator": 200},
    ),
    "apply for an area": ("/rights/neighbourhood-planning/areas/apply/", SIGNED_IN),
    "apply for a forum": ("/rights/neighbourhood-planning/areas/{area}/forum/apply/", SIGNED_IN),
    "start a plan": (
        "/rights/neighbourhood-planning/areas/{area}/plan/start/",
        {**STAFF, "leader": 200},
    ),
    "plan": ("/rights/neighbourhood-planning/plans/{plan}/", _all(200)),
    "dashboard": (
        "/rights/neighbourhood-planning/officer/",
        {**STAFF, "other_officer": 200},
    ),
    "area case": ("/rights/neighbourhood-planning/officer/areas/{pending}/", STAFF),
    "forum case": ("/rights/neighbourhood-planning/officer/forums/{forum}/", STAFF),
    "areas CSV": ("/rights/neighbourhood-planning/export/areas.csv", _all(200)),
    "areas GeoJSON": ("/rights/neighbourhood-planning/export/areas.geojson", _all(200)),
    "forums CSV": ("/rights/neighbourhood-planning/export/forums.csv", _all(200)),
    "forums GeoJSON": ("/rights/neighbourhood-planning/export/forums.geojson", _all(200)),
}


def _url(path, values):
    for name, value in values.items():
        path = path.replace("{" + name + "}", str(value))
    return path


def _check(response, expected):
    if expected == "login":
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    else:
        assert response.status_code == expected, response.content[:300]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_as_every_persona(cast, persona, page):
    path, expected = PAGES[page]
    response = client_for(cast["people"][persona]).get(_url(path, cast["values"]))
    _check(response, expected[persona])


# Writes through pages: who may post each action (302 = done and redirected).
DONE = 302
WRITES = {
    "record the consultation": (
        "/rights/neighbourhood-planning/plans/{plan}/",
        {
            "action": "consultation",
            "first_publicised_on": "3/6/2024",
            "consultees": "Historic England",
        },
        {**_all(403), "anonymous": "login", "leader": DONE, "officer": DONE, "administrator": DONE},
    ),
    "publicise an area": (
        "/rights/neighbourhood-planning/officer/areas/{pending}/",
        {"action": "publicise", "first_publicised_on": "8/1/2024"},
        {**STAFF, "officer": DONE, "administrator": DONE},
    ),
    "start a plan": (
        "/rights/neighbourhood-planning/areas/{area}/plan/start/",
        {"title": "Second plan"},
        # The plan in progress refuses a second one for those allowed to try (the form again).
        {**STAFF, "leader": 200},
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("write", WRITES)
def test_every_page_write_as_every_persona(cast, persona, write):
    path, data, expected = WRITES[write]
    before = (
        cast["plan"].consultees.count(),
        NeighbourhoodArea.objects.filter(status="publicised").count(),
    )
    response = client_for(cast["people"][persona]).post(_url(path, cast["values"]), data)
    _check(response, expected[persona])
    after = (
        cast["plan"].consultees.count(),
        NeighbourhoodArea.objects.filter(status="publicised").count(),
    )
    assert (after != before) == (expected[persona] == DONE)


OPERATIONS = {
    "areas": ("get", "/areas", None, _all(200)),
    "designated area": ("get", "/areas/{area}", None, _all(200)),
    "area not yet publicised": (
        "get",
        "/areas/{pending}",
        None,
        {**_all(404), "leader": 200, "officer": 200, "administrator": 200},
    ),
    "forums": ("get", "/forums", None, _all(200)),
    "deadlines": (
        "get",
        "/deadlines",
        None,
        {**_all(403), "anonymous": 401, "officer": 200, "other_officer": 200, "administrator": 200},
    ),
    "apply for an area": (
        "post",
        "/areas",
        {
            "applicant": "{org}",
            "name": "Sowerby",
            "statement": "x",
            "relevant_body_statement": "y",
            "ward_codes": ["E05001384"],
        },
        # The leader already has an undecided application (reg 5(2)): refused with a reason.
        {**_all(403), "anonymous": 401, "leader": 422},
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_api_operation_as_every_persona(cast, persona, operation):
    method, path, body, expected = OPERATIONS[operation]
    client = client_for(cast["people"][persona])
    url = API + _url(path, cast["values"])
    if method == "get":
        response = client.get(url)
    else:
        body = {k: (cast["values"]["org"] if v == "{org}" else v) for k, v in body.items()}
        response = client.post(url, body, content_type="application/json")
    assert response.status_code == expected[persona], response.content[:300]
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}


def test_the_applicant_applies_through_the_api(leader, other_forum_org, other_leader, calderdale):
    client = client_for(other_leader)
    response = client.post(
        f"{API}/areas",
        {
            "applicant": other_forum_org.pk,
            "name": "Sowerby Bridge",
            "statement": "x",
            "relevant_body_statement": "y",
            "ward_codes": ["E05001384"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "received" and body["geometry"]["type"] in ("Polygon", "MultiPolygon")
    # Not yet publicised: the public does not see it.
    assert Client().get(f"{API}/areas/{body['id']}").status_code == 404
