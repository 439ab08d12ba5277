"""The navigation marks one current item; the data sources page lists every feature's downloads."""

import pytest
from django.urls import reverse

from commonweal.accounts.models import Role, RoleAssignment, User

pytestmark = pytest.mark.django_db


def current_items(page) -> list[str]:
    return [item["label"] for item in page.context["navigation"] if item["current"]]


def test_only_the_most_specific_navigation_item_is_current(client, calderdale):
    officer = User.objects.create_user(email="nav.officer@example.org", password="x" * 20)
    RoleAssignment.objects.create(user=officer, role=Role.OFFICER, authority=calderdale)
    client.force_login(officer)
    assert current_items(client.get(reverse("directory:home"))) == ["Groups"]
    queue = client.get(reverse("directory:verification_queue"))
    assert current_items(queue) == ["Verify groups"]


def test_verify_groups_shows_only_to_those_who_may(client):
    labels = [item["label"] for item in client.get("/").context["navigation"]]
    assert "Groups" in labels and "Verify groups" not in labels


def test_the_data_sources_page_lists_the_downloads(client):
    page = client.get("/data-sources/")
    assert page.status_code == 200
    hrefs = [download["href"] for download in page.context["downloads"]]
    assert reverse("directory:export_csv") in hrefs
    assert reverse("directory:oruk_export") in hrefs
    assert reverse("directory:coverage_csv") in hrefs
    for href in hrefs:
        assert client.get(href).status_code == 200, href
