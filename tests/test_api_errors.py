"""Every API error, an unforeseen one included, has the one shape and is JSON."""

import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def assert_one_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    return body["error"]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/v1/areas/lsoa21/E01999999", 404, "not_found"),
        ("/api/v1/areas/?page=0", 422, "invalid_request"),
        ("/api/v1/areas/?lon=-1.9", 400, "invalid_point"),
        ("/api/v1/postcodes/not-a-postcode", 400, "invalid_postcode"),
    ],
)
def test_foreseen_errors(client, path, status, code):
    assert_one_shape(client.get(path), status, code)


def test_a_server_error_is_logged_and_answered_in_the_one_shape(monkeypatch, caplog):
    def fail(text):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("commonweal.places.services.lookup_postcode", fail)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = Client(raise_request_exception=False).get("/api/v1/postcodes/HX1%201AA")
    error = assert_one_shape(response, 500, "server_error")
    assert "secret internals" not in response.content.decode()
    assert error["message"].startswith("Sorry, there is a problem with the service")
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info[1].args == ("secret internals",)


def test_a_server_error_still_reaches_the_test_client(monkeypatch):
    """As for pages, Django's got_request_exception is sent, so tests see the exception."""

    def fail(text):
        raise RuntimeError("surfaced")

    monkeypatch.setattr("commonweal.places.services.lookup_postcode", fail)
    with pytest.raises(RuntimeError, match="surfaced"):
        Client().get("/api/v1/postcodes/HX1%201AA")
