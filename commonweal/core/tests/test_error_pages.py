"""403, 404 and 500 pages: the GOV.UK layout, valid HTML, and the 500 page without a database."""

import html5lib
import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def assert_govuk_page(response, status: int, heading: str) -> str:
    assert response.status_code == status
    html = response.content.decode()
    html5lib.HTMLParser(strict=True).parse(html)
    assert 'class="govuk-template"' in html
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html
    assert 'href="/accessibility/"' in html  # the footer, with the accessibility statement
    return html


def test_an_unknown_address_is_the_404_page(client):
    response = client.get("/no/such/page/")
    assert_govuk_page(response, 404, "Page not found")


def test_a_refused_page_is_the_403_page(client, calderdale, resident):
    client.force_login(resident)
    response = client.get(reverse("places:neighbourhoods", args=[calderdale.gss_code]))
    assert_govuk_page(response, 403, "You do not have permission to see this page")


@pytest.fixture
def broken_home(monkeypatch):
    def fail(*args, **kwargs):
        raise OperationalError("the database has gone away")

    monkeypatch.setattr("commonweal.places.presenters.home.present_home", fail)


def test_a_server_error_is_the_500_page(broken_home):
    response = Client(raise_request_exception=False).get("/")
    html = assert_govuk_page(response, 500, "Sorry, there is a problem with the service")
    assert "the database has gone away" not in html  # no internals shown


def test_the_500_page_needs_no_database(broken_home, resident):
    client = Client(raise_request_exception=False)
    client.force_login(resident)

    def refuse(execute, sql, params, many, context):
        raise OperationalError("the database is down")

    # A signed-in visitor's session, account and roles cannot be read either.
    with connection.execute_wrapper(refuse):
        response = client.get("/")
    assert_govuk_page(response, 500, "Sorry, there is a problem with the service")
