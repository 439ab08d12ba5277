"""Every asset transfer page and API operation, as every persona."""

import pytest

from commonweal.rights.transfer import services
from commonweal.rights.transfer.models import TransferRequest
from commonweal.rights.transfer.tests.conftest import CASE, PERSONAS

pytestmark = pytest.mark.django_db


def _all(status: int) -> dict:
    return dict.fromkeys(PERSONAS, status)


def _staff(allowed: int) -> dict:
    return {**_all(403), "anonymous": 302, "officer": allowed, "administrator": allowed}


DASHBOARD = {**_staff(200), "trafford_officer": 200}
FOLLOWERS = {**_all(404), "anonymous": 302, "leader": 200, "officer": 200, "administrator": 200}
ASK_FORM = {**_all(200), "anonymous": 302}
# The leader has asked already (request_), so the form refuses a second request; the others
# do not lead the group, so it is not theirs to choose.
ASK = {**_all(400), "anonymous": 302}

PAGES = {
    "index": ("get", "/rights/asset-transfer/", None, _all(200)),
    "csv": ("get", "/rights/asset-transfer/transfers.csv", None, _all(200)),
    "register": ("get", "/rights/asset-transfer/register/E08000033/", None, _all(200)),
    "offer": ("get", "/rights/asset-transfer/offers/{offer}/", None, _all(200)),
    "ask form": ("get", "/rights/asset-transfer/offers/{offer}/ask/", None, ASK_FORM),
    "ask": (
        "post",
        "/rights/asset-transfer/offers/{offer}/ask/",
        {"organisation": "{group}", **CASE},
        ASK,
    ),
    "undecided request": ("get", "/rights/asset-transfer/requests/{request}/", None, FOLLOWERS),
    "decided request": ("get", "/rights/asset-transfer/requests/{decided}/", None, _all(200)),
    "complete joint": (
        "post",
        "/rights/asset-transfer/requests/{joint}/complete/",
        CASE,
        {**FOLLOWERS, "leader": 302, "officer": 403, "administrator": 403},
    ),
    "dashboard": ("get", "/rights/asset-transfer/officer/", None, DASHBOARD),
    "add asset form": ("get", "/rights/asset-transfer/register/E08000033/add/", None, _staff(200)),
    "add asset": (
        "post",
        "/rights/asset-transfer/register/E08000033/add/",
        {"asset_code": "BY-HAND-1", "name": "Hall added by hand"},
        _staff(302),
    ),
    "offer form": (
        "get",
        "/rights/asset-transfer/officer/assets/{asset}/offer/",
        None,
        _staff(200),
    ),
    "invite form": (
        "get",
        "/rights/asset-transfer/officer/offers/{offer}/invite/",
        None,
        _staff(200),
    ),
    "decide form": ("get", "/rights/asset-transfer/officer/requests/{request}/", None, _staff(200)),
    "refuse": (
        "post",
        "/rights/asset-transfer/officer/requests/{request}/",
        {"action": "refuse", "refuse-reasons": "No business case."},
        _staff(302),
    ),
}


@pytest.fixture
def cast(offer, request_, group, other_group, calderdale_officer, calderdale):
    from commonweal.rights.transfer.demo import CRITERIA

    second = services.add_asset(
        actor=None, authority=calderdale, asset_code="CAL-2", name="Library"
    )
    other_offer = services.offer_asset(actor=None, asset=second, title="Library", criteria=CRITERIA)
    decided = services.submit_request(
        actor=None, offer=other_offer, organisation=other_group, **CASE
    )
    services.refuse(actor=None, request=decided, reasons="Not viable.")
    joint = services.invite_joint_bid(
        actor=None, offer=offer, organisations=[group, other_group], invitation="Together."
    )
    third = services.add_asset(actor=None, authority=calderdale, asset_code="CAL-3", name="Park")
    return {
        "offer": offer.slug,
        "group": str(group.pk),
        "request": request_.reference,
        "decided": decided.reference,
        "joint": joint.reference,
        "asset": str(third.pk),
        "group_slug": group.slug,
        "other_group_slug": other_group.slug,
        "criterion": str(offer.criteria.first().pk),
    }


def _fill(text, values: dict):
    if not isinstance(text, str):
        return text
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def _fill_json(value, values: dict):
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    filled = _fill(value, values)
    return int(filled) if value == "{criterion}" else filled


def state() -> tuple:
    return tuple(TransferRequest.objects.order_by("pk").values_list("status", flat=True))


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_as_every_persona(as_persona, persona, page, cast):
    method, path, body, expected = PAGES[page]
    client = as_persona(persona)
    before = state()
    url = _fill(path, cast)
    if body is None:
        response = client.get(url)
    else:
        response = client.post(url, {k: _fill(v, cast) for k, v in body.items() if v is not None})
    assert response.status_code == expected[persona], response.content[:2000]
    if method == "post" and (expected[persona] != 302 or persona == "anonymous"):
        assert state() == before


BASE = "/api/v1/rights/asset-transfer"
API_FOLLOWERS = {**_all(404), "leader": 200, "officer": 200, "administrator": 200}
OPERATIONS = {
    "register": ("get", "/register/E08000033", None, _all(200)),
    "offers": ("get", "/offers", None, _all(200)),
    "undecided request": ("get", "/requests/{request}", None, API_FOLLOWERS),
    "decided request": ("get", "/requests/{decided}", None, _all(200)),
    "ask": (
        "post",
        "/offers/{offer}/requests",
        {"organisation": "{group_slug}", **CASE},
        # The leader has asked already (request_): refused with a reason, nothing saved.
        {**_all(403), "anonymous": 401, "leader": 422, "administrator": 422},
    ),
    "invite": (
        "post",
        "/offers/{offer}/joint-bids",
        {"organisations": ["{group_slug}", "{other_group_slug}"], "invitation": "Together."},
        {**_all(403), "anonymous": 401, "officer": 201, "administrator": 201},
    ),
    "score": (
        "post",
        "/requests/{request}/scores",
        {"criterion": "{criterion}", "score": 3, "notes": "Good plan."},
        {**API_FOLLOWERS, "anonymous": 401, "leader": 403},
    ),
    "decide": (
        "post",
        "/requests/{request}/decision",
        {"decision": "refuse", "reasons": "No business case."},
        {**API_FOLLOWERS, "anonymous": 401, "leader": 403},
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_api_operation_as_every_persona(as_persona, persona, operation, cast):
    _, path, body, expected = OPERATIONS[operation]
    client = as_persona(persona)
    before = state()
    url = BASE + _fill(path, cast)
    if body is None:
        response = client.get(url)
    else:
        payload = {k: _fill_json(v, cast) for k, v in body.items()}
        response = client.post(url, payload, content_type="application/json")
    assert response.status_code == expected[persona], response.content[:2000]
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}
        assert state() == before
