"""GET /api/v1/rights/timeline: the calculator as an API, public to every persona."""

import io
import json

import pytest
from django.core.management import call_command

URL = "/api/v1/rights/timeline"


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_acv_t24_late_request(client):
    response = client.get(
        URL, {"notice_received": "2024-03-04", "request": "2024-04-15,parish-council,received"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["interim_moratorium"]["ends"] == "2024-04-14"
    assert body["full_moratorium"]["applies"] is False
    assert body["full_moratorium"]["reason_code"] == "late"
    assert "late" in body["full_moratorium"]["reason"]
    assert body["disposal_window"]["binding"] == {"opens": "2024-04-15", "closes": "2025-09-03"}


def test_several_requests_are_repeated_parameters(client):
    response = client.get(
        f"{URL}?notice_received=2024-03-04&request=2024-03-20,unincorporated-body"
        "&request=2024-03-21,community-interest-company,received"
    )
    body = response.json()
    assert [item["outcome"] for item in body["requests"]] == [
        "not_a_community_interest_group",
        "valid",
    ]
    assert body["full_moratorium"]["applies"] is True


@pytest.mark.parametrize(
    "args",
    [
        ("2024-03-04", [], None),
        ("2023-08-31", ["2023-09-15,charity,received"], "B"),
        ("2024-03-04", ["2024-03-20,charity,not-received", "2024-04-20,parish-council"], "C"),
    ],
)
def test_the_api_answers_exactly_as_the_command_line(client, args):
    notice, requests, rule = args
    query = {"notice_received": notice, "request": requests}
    command = ["--notice-received", notice, *[f"--request={item}" for item in requests]]
    if rule:
        query["month_rule"] = rule
        command += ["--month-rule", rule]
    out = io.StringIO()
    call_command("rights_timeline", *command, stdout=out)
    assert client.get(URL, query).json() == json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ({"notice_received": "2024-02-30"}, "query.notice_received"),
        ({"notice_received": "yesterday"}, "query.notice_received"),
        ({"notice_received": "2001-01-01"}, "query.notice_received"),
        ({"notice_received": "9999-12-31"}, "query.notice_received"),
        ({}, "query.notice_received"),
        ({"notice_received": "2024-03-04", "request": "2024-03-01,charity"}, "query.request.0"),
        ({"notice_received": "2024-03-04", "request": "2024-03-05,pub"}, "query.request.0"),
        ({"notice_received": "2024-03-04", "request": "2024-13-05,charity"}, "query.request.0"),
        ({"notice_received": "2024-03-04", "request": "charity"}, "query.request.0"),
        ({"notice_received": "2024-03-04", "month_rule": "A"}, "query.month_rule"),
    ],
)
def test_bad_input_is_422_naming_the_field(client, query, location):
    error = assert_error(client.get(URL, query), 422, "invalid_request")
    assert [detail["location"] for detail in error["details"]] == [location]
    assert error["details"][0]["message"]


def test_a_request_before_the_notice_is_explained(client):
    error = assert_error(
        client.get(
            f"{URL}?notice_received=2024-03-04&request=2024-03-05,charity"
            "&request=2024-03-01,parish-council"
        ),
        422,
        "invalid_request",
    )
    assert error["details"][0]["location"] == "query.request.1"
    assert "before the owner's notice" in error["details"][0]["message"]


def test_an_unknown_kind_lists_the_kinds_we_know(client):
    error = assert_error(
        client.get(URL, {"notice_received": "2024-03-04", "request": "2024-03-05,pub"}),
        422,
        "invalid_request",
    )
    assert "parish-council" in error["details"][0]["message"]


# --- permissions: public to everyone --------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [None, "resident", "officer", "administrator"])
def test_every_persona_may_use_the_calculator(client, request, persona):
    if persona is not None:
        user = request.getfixturevalue(persona)
        client.force_login(user)
        assert user.has_perm("rights.view_timeline")
    response = client.get(URL, {"notice_received": "2024-03-04"})
    assert response.status_code == 200, response.content
    assert response.json()["protected_period"]["ends"]["binding"] == "2025-09-03"


def test_anonymous_visitors_hold_the_permission():
    from django.contrib.auth.models import AnonymousUser

    assert AnonymousUser().has_perm("rights.view_timeline")


def test_the_operation_is_published(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"][URL]["get"]
    assert operation["operationId"] == "rights_timeline"
    assert {"200", "422"} <= set(operation["responses"])
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {"notice_received", "request", "month_rule"}
