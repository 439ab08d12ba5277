"""Every page and API operation, for every persona: who gets in, who is sent to sign in,
who is refused. Each case sets the process in the phase where the action is open, so a
refusal here is the persona's, not the phase's."""

import json

import pytest
from django.urls import reverse

from commonweal.accounts.models import Role
from commonweal.budgets import phases
from commonweal.budgets.tests.platform_support import POSTCODE, make_person, staged

pytestmark = pytest.mark.django_db

PERSONAS = (
    "anonymous",
    "resident",
    "other_resident",
    "organiser",
    "officer",
    "assessor",
    "administrator",
    "officer_elsewhere",
)
STAFF = {"officer", "administrator"}
PAPER_STAFF = STAFF | {"organiser"}
SIGNED_IN = set(PERSONAS) - {"anonymous"}
EVERYONE = set(PERSONAS)


@pytest.fixture
def who(request, db, trafford):
    name = request.param
    if name == "anonymous":
        return None
    if name == "officer_elsewhere":
        return make_person("trafford.officer@example.org", Role.OFFICER, authority=trafford)
    return request.getfixturevalue(name)


def _ids(process, pot, ideas):
    return {"slug": process.slug, "pot": pot.pk, "pk": ideas[0].pk}


# (name, phase, method, url name, url kwargs, allowed personas, status when allowed)
PAGES = [
    ("home", phases.IDEAS, "get", "budgets:home", (), EVERYONE, 200),
    ("csv", phases.IDEAS, "get", "budgets:export_csv", (), EVERYONE, 200),
    ("process", phases.IDEAS, "get", "budgets:process", ("slug",), EVERYONE, 200),
    ("new", phases.IDEAS, "get", "budgets:process_new", (), STAFF | {"officer_elsewhere"}, 200),
    ("advance", phases.IDEAS, "post", "budgets:advance", ("slug",), STAFF, 302),
    ("pot", phases.IDEAS, "get", "budgets:pot_new", ("slug",), STAFF, 200),
    ("propose", phases.IDEAS, "get", "budgets:propose", ("slug",), SIGNED_IN, 200),
    ("idea", phases.IDEAS, "get", "budgets:idea", ("slug", "pk"), EVERYONE, 200),
    ("support", phases.IDEAS, "post", "budgets:support", ("slug", "pk"), SIGNED_IN, 302),
    ("comment", phases.IDEAS, "post", "budgets:comment", ("slug", "pk"), SIGNED_IN, 302),
    ("assess", phases.REVIEW, "get", "budgets:assess", ("slug", "pk"), STAFF, 200),
    ("ballot", phases.VOTING, "get", "budgets:ballot", ("slug", "pot"), SIGNED_IN, 200),
    ("paper", phases.VOTING, "get", "budgets:paper", ("slug",), PAPER_STAFF, 200),
    ("tallies", phases.VOTING, "get", "budgets:tallies", ("slug",), PAPER_STAFF, 200),
    ("count", phases.COUNTING, "post", "budgets:count", ("slug",), STAFF, 302),
    ("results early", phases.COUNTING, "get", "budgets:results", ("slug",), STAFF, 200),
    ("results", phases.RESULTS, "get", "budgets:results", ("slug",), EVERYONE, 200),
    ("pb", phases.RESULTS, "get", "budgets:election_pb", ("slug", "pot"), EVERYONE, 200),
    ("rule", phases.RESULTS, "get", "budgets:rule_json", ("slug", "pot"), EVERYONE, 200),
    ("delivery", phases.DELIVERY, "get", "budgets:delivery", ("slug", "pk"), STAFF, 200),
]


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
@pytest.mark.parametrize(
    ("name", "phase", "method", "url_name", "args", "allowed", "status"),
    PAGES,
    ids=[p[0] for p in PAGES],
)
def test_pages(client, who, request, name, phase, method, url_name, args, allowed, status):
    officer = request.getfixturevalue("officer")
    calderdale = request.getfixturevalue("calderdale")
    proposer = request.getfixturevalue("resident")
    process, pot, ideas = staged(officer, calderdale, proposer, phase)
    ids = _ids(process, pot, ideas)
    url = reverse(url_name, args=[ids[a] for a in args])
    if who is not None:
        client.force_login(who)
    data = {"text": "A comment"} if name == "comment" else {}
    response = getattr(client, method)(url, data)
    persona = request.node.callspec.params["who"]
    if persona in allowed:
        assert response.status_code == status, (persona, response.status_code)
    elif who is None:
        assert response.status_code == 302 and "/accounts/" in response["Location"]
    else:
        assert response.status_code == 403, (persona, response.status_code)


API = [
    ("list", phases.IDEAS, "get", "/processes", EVERYONE, 200),
    ("detail", phases.IDEAS, "get", "/processes/{slug}", EVERYONE, 200),
    ("ideas", phases.IDEAS, "get", "/processes/{slug}/ideas", EVERYONE, 200),
    ("propose", phases.IDEAS, "post", "/processes/{slug}/ideas", SIGNED_IN, 201),
    ("ballot", phases.VOTING, "put", "/processes/{slug}/pots/{pot}/ballot", SIGNED_IN, 200),
    ("results early", phases.VOTING, "get", "/processes/{slug}/results", STAFF, 200),
    ("results", phases.RESULTS, "get", "/processes/{slug}/results", EVERYONE, 200),
    ("count", phases.COUNTING, "post", "/processes/{slug}/count", STAFF, 200),
]


@pytest.mark.parametrize("who", PERSONAS, indirect=True)
@pytest.mark.parametrize(
    ("name", "phase", "method", "path", "allowed", "status"), API, ids=[a[0] for a in API]
)
def test_api(client, who, request, name, phase, method, path, allowed, status):
    officer = request.getfixturevalue("officer")
    calderdale = request.getfixturevalue("calderdale")
    proposer = request.getfixturevalue("resident")
    process, pot, ideas = staged(officer, calderdale, proposer, phase)
    url = "/api/v1/budgets" + path.format(slug=process.slug, pot=pot.pk)
    body = {}
    if name == "propose":
        body = {"pot": pot.pk, "title": "Trees", "description": "More", "postcode": POSTCODE}
    elif name == "ballot":
        body = {"choices": {str(ideas[1].pk): 1}, "postcode": POSTCODE, "age_declared": True}
    if who is not None:
        client.force_login(who)
    kwargs = {"content_type": "application/json", "data": json.dumps(body)} if body else {}
    response = getattr(client, method)(url, **kwargs)
    persona = request.node.callspec.params["who"]
    if persona in allowed:
        assert response.status_code == status, (persona, response.content)
    elif who is None and method != "get":
        assert response.status_code == 401
    else:
        assert response.status_code == 403, (persona, response.status_code)
        assert response.json()["error"]["code"] == "forbidden"
