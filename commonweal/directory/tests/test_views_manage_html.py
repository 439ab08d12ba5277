"""Every page for running a group parses as HTML with no errors (html5lib in strict mode),
in its ordinary state and with its form's errors shown."""

import pytest

from commonweal.core.testing import assert_valid_html as assert_valid
from commonweal.directory import services
from commonweal.directory.tests.manage_support import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(group, leader):
    return services.create_activity(
        actor=leader, organisation=group, name="Knit <and> natter", schedule="Tuesdays & more"
    )


def _fetch(client, method: str, address: str, data=None, status: int = 200):
    response = getattr(client, method)(address, data or {})
    assert response.status_code == status, (address, response.status_code)
    assert_valid(response, f"{method.upper()} {address}")
    return response


def test_the_pages_in_their_ordinary_state(client, group, leader, member, activity):
    client.force_login(leader)
    slug = group.slug
    for address in [
        url("organisation_new"),
        url("organisation_edit", slug),
        url("organisation_areas", slug),
        url("organisation_areas", slug) + "?setup=1",
        url("organisation_interests", slug),
        url("activity_new", slug),
        url("activity_edit", slug, activity.pk),
        url("activity_delete", slug, activity.pk),
        url("leader_contact", slug),
        url("conduct_accept", slug),
        url("members", slug),
    ]:
        _fetch(client, "get", address)


def test_the_pages_after_saving(client, group, leader, member):
    """With the success banner, a published contact and an accepted code."""
    client.force_login(leader)
    slug = group.slug
    client.post(
        url("leader_contact", slug),
        {"public_name": "Lena", "public_email": "lena@example.org", "agreed": "on"},
    )
    client.post(url("conduct_accept", slug))
    response = client.get(url("leader_contact", slug))
    assert "Withdraw consent" in response.content.decode()
    assert_valid(response, "leader contact, consented")
    assert_valid(client.get(url("conduct_accept", slug)), "code of conduct, accepted")
    client.post(url("organisation_edit", slug), {"name": group.name, "kind": group.kind})
    assert_valid(client.get(url("organisation_edit", slug)), "edit, saved")


def test_the_pages_with_errors(client, group, leader, member, activity):
    client.force_login(leader)
    slug = group.slug
    services.accept_code(actor=leader, organisation=group)
    for address, data in [
        (url("organisation_new"), {"name": "", "charity_number": "1", "kind": "x"}),
        (url("organisation_new"), {"name": "No borough", "kind": "charity"}),
        (url("organisation_edit", slug), {"name": "", "contract_income_percent": "lots"}),
        (url("organisation_areas", slug), {"borough_wide": "on"}),
        (url("organisation_areas", slug), {"boundary_text": "{not json"}),
        (url("organisation_areas", slug), {"area_codes": ["E05999999"]}),
        (url("organisation_interests", slug), {"tags": ["no-such-tag"]}),
        (url("activity_new", slug), {"name": "", "postcode": "ZZ9 9ZZ"}),
        (url("activity_edit", slug, activity.pk), {"name": "", "url": "not a url"}),
        (url("leader_contact", slug), {"public_email": "nobody"}),
        (url("conduct_accept", slug), {}),
        (url("members", slug), {"membership": "", "action": "role"}),
    ]:
        _fetch(client, "post", address, data, status=400)


def test_the_pages_as_an_officer(client, group, member, calderdale_officer):
    client.force_login(calderdale_officer)
    for name in ("organisation_edit", "conduct_accept", "members"):
        _fetch(client, "get", url(name, group.slug))


def test_the_forbidden_page(client, group, resident):
    client.force_login(resident)
    _fetch(client, "get", url("organisation_edit", group.slug), status=403)
