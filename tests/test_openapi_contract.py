"""Contract tests: every public GET operation, fed generated requests, never answers 5xx.

Schemathesis reads the published OpenAPI document through the WSGI application and generates
requests from it (valid and invalid), on the real Calderdale data. Each operation is bounded to
a few dozen derandomised examples so the run is quick and repeatable.
"""

import json
import re

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.core import signals
from django.db import close_old_connections
from django.test import modify_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

OPENAPI = "/api/v1/openapi.json"


def _published_document() -> dict:
    """The document /api/v1/openapi.json serves (checked below), built without a request."""
    from commonweal.api import api

    return json.loads(json.dumps(api.get_openapi_schema()))


def _load_schema():
    from commonweal.wsgi import application

    loaded = schemathesis.openapi.from_dict(_published_document())
    loaded.app = application
    return loaded


schema = _load_schema().include(method="GET")


@pytest.fixture
def wsgi_in_test_transaction(settings):
    """Let the WSGI application serve requests inside the test's transaction.

    Schemathesis's WSGI client calls itself "localhost"; and, as Django's own test client
    does, database connections are not closed at the end of each request (which would
    end the test's transaction).
    """
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.usefixtures("db", "calderdale", "wsgi_in_test_transaction")
def test_get_operations_never_fail_on_the_server(case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )


def test_the_published_document_is_the_one_tested(client):
    response = client.get(OPENAPI)
    assert response.status_code == 200
    assert response.json() == _published_document()


def test_the_openapi_document_lists_the_places_operations(client):
    paths = client.get(OPENAPI).json()["paths"]
    for path in (
        "/api/v1/areas/",
        "/api/v1/areas/{area_type}/{gss_code}",
        "/api/v1/areas/{area_type}/{gss_code}/neighbours",
        "/api/v1/areas/{area_type}/{gss_code}/deprivation",
        "/api/v1/postcodes/{postcode}",
        "/api/v1/neighbourhoods/",
        "/api/v1/neighbourhoods/{code}",
    ):
        assert path in paths


def test_every_operation_documents_its_errors_in_the_one_shape(client):
    document = client.get(OPENAPI).json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path} has no summary"
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, (
                        f"{method} {path} {status}"
                    )


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)


def _assert_docs_page_is_self_contained(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert not EXTERNAL.search(html), "the docs page loads something from another site"
    for asset in re.findall(r"""(?:src|href)=["']([^"']+)["']""", html):
        name = asset.removeprefix(django_settings.STATIC_URL)
        assert finders.find(name), f"{asset} is not one of our static files"


def test_docs_page_works_offline_once_ninja_is_an_installed_app(client):
    with modify_settings(INSTALLED_APPS={"append": "ninja"}):
        _assert_docs_page_is_self_contained(client)


def test_docs_page_works_offline(client):
    if "ninja" not in django_settings.INSTALLED_APPS:
        pytest.xfail("'ninja' must be in INSTALLED_APPS for the docs page to use local files")
    _assert_docs_page_is_self_contained(client)
