"""A group's page is /groups/<slug>/, so no group may take a slug a fixed page uses."""

import pytest

from commonweal.directory import services
from commonweal.directory.services.organisations import RESERVED_SLUGS
from commonweal.directory.views.urls import urlpatterns

pytestmark = pytest.mark.django_db


def fixed_first_segments() -> set[str]:
    segments = set()
    for pattern in urlpatterns:
        first = str(pattern.pattern).split("/", 1)[0]
        if first and "<" not in first:
            segments.add(first.removesuffix(".csv").removesuffix(".json"))
    return segments


def test_every_fixed_path_is_reserved():
    assert fixed_first_segments() <= RESERVED_SLUGS


@pytest.mark.parametrize("name", ["New", "Coverage", "Network"])
def test_a_group_named_like_a_page_does_not_hide_it(client, calderdale, leader, name):
    organisation = services.register_organisation(
        actor=leader, authority=calderdale, name=name, kind="community_group"
    )
    assert organisation.slug == f"{name.lower()}-2"
    services.verify_organisation(actor=None, organisation=organisation)
    page = client.get(f"/groups/{name.lower()}/")
    assert page.status_code in (200, 302)
    assert page.context is None or page.context.get("organisation") is None
    assert client.get(f"/groups/{organisation.slug}/").status_code == 200
