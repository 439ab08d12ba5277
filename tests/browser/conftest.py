"""Browser tests: Debian's Chromium driven by Playwright against a live Django server.

The server reads the Calderdale and Trafford data that the root conftest loads into the
test database once per run. pytest-django's own `live_server` fixture would make each test
transactional and flush the database afterwards, wiping that data for every test after
it; these journeys only read, so instead one server per module is started here over the
same database, with no transaction and no flush.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The base URL of a live server over the loaded test database."""
    from pytest_django.live_server_helper import LiveServer

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()  # ALLOWED_HOSTS gains "localhost"
        try:
            yield server.url
        finally:
            server._live_server_modified_settings.disable()
            server.stop()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            f"Debian's Chromium is not installed at {CHROMIUM} (run scripts/ensure-chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
