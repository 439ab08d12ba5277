"""The directory's operations fed generated requests while groups exist, signed in with a
leader's API token: never a server error, and reads always in the documented shapes.

The project's contract test (tests/test_openapi_contract.py) runs on an empty directory, so
every organisation it asks for is a 404; here the organisation is a real one.
"""

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from commonweal.directory import services
from commonweal.directory.tests.test_api_permissions import bearer
from tests.test_openapi_contract import _load_schema, wsgi_in_test_transaction  # noqa: F401

directory = _load_schema().include(path_regex="^/api/v1/directory/")
schema = directory.include(method="GET")
writes = directory.exclude(method="GET")


@pytest.fixture
def token_headers(group, other_group, leader, calderdale):
    services.set_interest_tags(actor=leader, organisation=group, slugs=["older-people"])
    services.register_organisation(
        actor=leader, authority=calderdale, name="Waiting Group", kind="community_group"
    )
    return {"Authorization": bearer(leader)["HTTP_AUTHORIZATION"]}


@schema.parametrize()
@hypothesis_settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.usefixtures("wsgi_in_test_transaction")
def test_directory_reads_never_fail_on_the_server(case, group, token_headers):
    if case.path_parameters and "slug" in case.path_parameters:
        case.path_parameters["slug"] = group.slug
    case.call_and_validate(
        headers=token_headers,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )


@writes.parametrize()
@hypothesis_settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.usefixtures("wsgi_in_test_transaction")
def test_directory_writes_never_fail_on_the_server(case, group, token_headers):
    # Sizes and number ranges the columns cannot hold must be refused, not crash the save.
    if case.path_parameters and "slug" in case.path_parameters:
        case.path_parameters["slug"] = group.slug
    case.call_and_validate(headers=token_headers, checks=[not_a_server_error])
