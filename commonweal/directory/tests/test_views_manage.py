"""Who may open the pages for running a group: every page, every method, every persona.

Anonymous people are sent to sign in; signed-in people without the permission get 403;
the people allowed get the page (or its answer to an empty form).
"""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from commonweal.directory.models import Activity
from commonweal.directory.tests.conftest import PERSONAS
from commonweal.directory.tests.manage_support import url

pytestmark = pytest.mark.django_db

SIGNED_IN = set(PERSONAS) - {"anonymous"}
# Leaders and admins of the group, the borough's officers and administrators.
EDITORS = {"leader", "officer", "administrator"}
LEADER_ONLY = {"leader"}


def _activity_url(name):
    def build(group):
        activity = Activity.objects.create(organisation=group, name="Knit and natter")
        return url(name, group.slug, activity.pk)

    return build


PAGES = [
    # (label, method, url builder, personas allowed)
    ("register", "get", lambda group: url("organisation_new"), SIGNED_IN),
    ("register", "post", lambda group: url("organisation_new"), SIGNED_IN),
    ("edit", "get", lambda group: url("organisation_edit", group.slug), EDITORS),
    ("edit", "post", lambda group: url("organisation_edit", group.slug), EDITORS),
    ("areas", "get", lambda group: url("organisation_areas", group.slug), EDITORS),
    ("areas", "post", lambda group: url("organisation_areas", group.slug), EDITORS),
    ("interests", "get", lambda group: url("organisation_interests", group.slug), EDITORS),
    ("interests", "post", lambda group: url("organisation_interests", group.slug), EDITORS),
    ("activities", "get", lambda group: url("activity_new", group.slug), EDITORS),
    ("activities", "post", lambda group: url("activity_new", group.slug), EDITORS),
    ("activity_edit", "get", _activity_url("activity_edit"), EDITORS),
    ("activity_edit", "post", _activity_url("activity_edit"), EDITORS),
    ("activity_delete", "get", _activity_url("activity_delete"), EDITORS),
    ("activity_delete", "post", _activity_url("activity_delete"), EDITORS),
    ("leader_contact", "get", lambda group: url("leader_contact", group.slug), LEADER_ONLY),
    ("leader_contact", "post", lambda group: url("leader_contact", group.slug), LEADER_ONLY),
    ("conduct", "get", lambda group: url("conduct_accept", group.slug), EDITORS),
    # Only the group's own leader or admins accept the code for it, not officers.
    ("conduct", "post", lambda group: url("conduct_accept", group.slug), LEADER_ONLY),
    ("members", "get", lambda group: url("members", group.slug), EDITORS),
    ("members", "post", lambda group: url("members", group.slug), EDITORS),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("label,method,build,allowed", PAGES, ids=[f"{p[0]}-{p[1]}" for p in PAGES])
def test_who_may_use_each_page(as_persona, group, member, persona, label, method, build, allowed):
    client = as_persona(persona)
    address = build(group)
    response = getattr(client, method)(address, {})
    login = resolve_url(settings.LOGIN_URL)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(login)
    elif persona in allowed:
        assert response.status_code in (200, 302, 400), (persona, label, method)
        if response.status_code == 302:
            assert not response["Location"].startswith(login)
    else:
        assert response.status_code == 403, (persona, label, method)


@pytest.mark.parametrize("persona", ["leader", "officer"])
def test_the_leader_of_this_group_is_refused_on_another(as_persona, other_group, persona):
    """The leader of `group` is the leader of another group as far as `other_group` goes;
    an officer of its borough may still edit it."""
    client = as_persona(persona)
    edit = client.get(url("organisation_edit", other_group.slug))
    contact = client.get(url("leader_contact", other_group.slug))
    assert edit.status_code == (403 if persona == "leader" else 200)
    assert contact.status_code == 403


def test_an_officer_of_another_borough_is_refused(client, group, trafford_officer):
    client.force_login(trafford_officer)
    for name in ("organisation_edit", "organisation_areas", "members", "activity_new"):
        assert client.get(url(name, group.slug)).status_code == 403, name


def test_an_admin_of_the_group_edits_it_and_accepts_the_code(client, group, member):
    from commonweal.directory.models import Membership

    Membership.objects.filter(user=member, organisation=group).update(role="admin")
    client.force_login(member)
    assert client.get(url("organisation_edit", group.slug)).status_code == 200
    assert client.post(url("conduct_accept", group.slug)).status_code == 302
    assert group.conduct_acceptances.get().accepted_by == member
    # Only the leader publishes their own contact or changes members' roles.
    assert client.get(url("leader_contact", group.slug)).status_code == 403
    assert client.post(url("members", group.slug), {}).status_code == 403
    assert client.get(url("members", group.slug)).status_code == 200


def test_an_unknown_group_is_not_found(client, leader):
    client.force_login(leader)
    assert client.get(url("organisation_edit", "no-such-group")).status_code == 404


def test_an_activity_of_another_group_is_not_found(client, group, other_group, leader):
    activity = Activity.objects.create(organisation=other_group, name="Their activity")
    client.force_login(leader)
    response = client.get(url("activity_edit", group.slug, activity.pk))
    assert response.status_code == 404
    response = client.post(url("activity_delete", group.slug, activity.pk))
    assert response.status_code == 404
    assert Activity.objects.filter(pk=activity.pk).exists()
