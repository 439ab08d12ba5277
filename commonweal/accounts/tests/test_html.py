"""The accounts and audit pages are well-formed HTML (html5lib, strict)."""

import html5lib
import pytest

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "/accounts/",
    "/accounts/password/",
    "/accounts/your-data/",
    "/accounts/erase/",
    "/accounts/api-tokens/",
    "/accounts/people/?email=example",
    "/audit/",
]
PUBLIC_PAGES = ["/accounts/sign-in/", "/accounts/sign-up/", "/accounts/password/reset/"]


def parse(response):
    assert response.status_code == 200
    html5lib.HTMLParser(strict=True).parse(response.content)


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_signed_in_pages(client, administrator, url):
    client.force_login(administrator)
    parse(client.get(url))


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages(client, url):
    parse(client.get(url))


def test_pages_with_errors_and_results(client, administrator, resident, token_for):
    parse(client.post("/accounts/sign-up/", {"email": "nope"}))
    client.force_login(administrator)
    token_for(administrator)
    parse(client.get(f"/accounts/people/{administrator.pk}/"))
    parse(client.post(f"/accounts/people/{resident.pk}/", {"role": ""}))
    parse(client.post("/accounts/api-tokens/", {"name": "x"}))
    parse(client.get("/accounts/api-tokens/"))
