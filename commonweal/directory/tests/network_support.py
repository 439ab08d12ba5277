"""Helpers for the network part's tests: HTML validity, and a stand-in for the group
profile page while it is built elsewhere (the real one is used as soon as it exists)."""

import pytest
from django.http import HttpResponse
from django.urls import NoReverseMatch, clear_url_caches, path, reverse

from commonweal.directory import services
from commonweal.directory.tests.conftest import make_group


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


# Who may manage the `group` fixture's links: its leader, Calderdale's officer, administrators.
MANAGERS = {"leader", "officer", "administrator"}


def expect(response, persona: str, allowed: bool, ok: int = 200):
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    elif allowed:
        assert response.status_code == ok, response.content.decode()[:2000]
    else:
        assert response.status_code == 403


@pytest.fixture(name="partnership")
def partnership_fixture(group, other_group):
    return services.link(actor=None, source=group, target=other_group, kind="partnership")


@pytest.fixture(name="consortium")
def consortium_fixture(group, other_group):
    return services.create_consortium(
        actor=None,
        lead=group,
        name="Calder Valley Community Bid",
        purpose="To bid together for the youth contract.",
        members=[other_group],
    )


@pytest.fixture(name="third_group")
def third_group_fixture(calderdale, other_leader):
    return make_group(other_leader, calderdale, name="Todmorden Tenants", ward_index=2)


@pytest.fixture(name="unverified")
def unverified_fixture(calderdale, other_leader):
    return services.register_organisation(
        actor=other_leader, authority=calderdale, name="Sowerby Knitters", kind="community_group"
    )


def links_url(organisation) -> str:
    return reverse("directory:organisation_links", args=[organisation.slug])
