"""Helpers for the network part's tests: HTML validity, and a stand-in for the group
profile page while it is built elsewhere (the real one is used as soon as it exists)."""

import html5lib
import pytest
from django.http import HttpResponse
from django.urls import NoReverseMatch, clear_url_caches, path, reverse


@pytest.fixture(autouse=True)
def organisation_route():
    """Pages link every group to `directory:organisation`; stand one in if it is missing."""
    from commonweal.directory.views import urls

    try:
        reverse("directory:organisation", args=["a-group"])
    except NoReverseMatch:
        pass
    else:
        yield
        return
    stub = path("<slug:slug>/", lambda request, slug: HttpResponse(slug), name="organisation")
    # After every other path, as the real profile page must be.
    urls.urlpatterns.append(stub)
    clear_url_caches()
    try:
        yield
    finally:
        urls.urlpatterns.remove(stub)
        clear_url_caches()


def assert_valid(response, url: str) -> None:
    """The page parses as HTML with no errors (html5lib strict), as tests/test_html_validity."""
    parser = html5lib.HTMLParser(strict=True)
    try:
        parser.parse(response.content.decode())
    except html5lib.html5parser.ParseError as error:
        line, column = parser.errors[0][0] if parser.errors else (0, 0)
        text = response.content.decode().splitlines()
        context = text[line - 1][max(column - 120, 0) : column + 40] if line else ""
        pytest.fail(f"{url}: {error} at line {line}, column {column}: {context!r}")
