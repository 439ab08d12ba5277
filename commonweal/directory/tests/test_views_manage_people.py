"""The leader's published contact, the code of conduct and the members of a group, through
their pages: what is saved, refused and said."""

import pytest
from django.utils.html import escape

from commonweal.directory import services
from commonweal.directory.models import GroupRole, LeaderContact, Membership
from commonweal.directory.tests.conftest import person
from commonweal.directory.tests.manage_support import errors_of, url

pytestmark = pytest.mark.django_db


# The leader's contact ------------------------------------------------------------------


def test_the_leader_publishes_their_contact_with_consent(client, group, leader):
    client.force_login(leader)
    page = client.get(url("leader_contact", group.slug)).content.decode()
    assert escape(services.CONSENT_TEXT) in page
    assert 'value="Lena Leader"' in page  # their display name, to start from
    response = client.post(
        url("leader_contact", group.slug),
        {"public_name": "Lena Leader", "public_email": "lena@example.org", "agreed": "on"},
        follow=True,
    )
    assert response.status_code == 200
    contact = services.published_leader(group)
    assert (contact.public_name, contact.public_email) == ("Lena Leader", "lena@example.org")
    assert contact.consent_text == services.CONSENT_TEXT
    assert "Withdraw consent" in response.content.decode()


def test_without_agreeing_nothing_is_published(client, group, leader):
    client.force_login(leader)
    response = client.post(
        url("leader_contact", group.slug),
        {"public_name": "", "public_phone": "call me", "action": "consent"},
    )
    assert response.status_code == 400
    errors = errors_of(response)
    assert "Confirm that you agree to your details being published." in errors
    assert "Enter the name to publish." in errors
    assert "Enter a phone number, like 01422 123456." in errors
    assert not LeaderContact.objects.filter(organisation=group).exists()


def test_withdrawing_removes_the_details_at_once(client, group, leader):
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_phone="01422 123456",
        agreed=True,
    )
    client.force_login(leader)
    response = client.post(url("leader_contact", group.slug), {"action": "withdraw"}, follow=True)
    assert services.published_leader(group) is None
    contact = LeaderContact.objects.get(organisation=group)
    assert (contact.public_name, contact.public_phone) == ("", "")
    assert contact.withdrawn_at is not None
    page = response.content.decode()
    assert "removed at once" in page
    assert "01422 123456" not in page


# The code of conduct -------------------------------------------------------------------


def test_a_leader_accepts_the_current_code(client, group, leader):
    code = services.current_code()
    client.force_login(leader)
    page = client.get(url("conduct_accept", group.slug)).content.decode()
    assert code.title in page
    assert "Has not accepted the code of conduct" in page
    assert f"Accept version {code.version}" in page
    response = client.post(url("conduct_accept", group.slug), follow=True)
    acceptance = group.conduct_acceptances.get()
    assert (acceptance.code, acceptance.accepted_by) == (code, leader)
    page = response.content.decode()
    assert f"Accepted version {code.version}" in page
    assert f"Accept version {code.version} for" not in page


def test_accepting_twice_is_refused(client, group, leader):
    services.accept_code(actor=leader, organisation=group)
    client.force_login(leader)
    response = client.post(url("conduct_accept", group.slug))
    assert response.status_code == 400
    assert any("has already accepted version" in error for error in errors_of(response))
    assert group.conduct_acceptances.count() == 1


def test_a_new_version_asks_the_group_again(client, group, leader):
    services.accept_code(actor=leader, organisation=group)
    new = services.publish_code(
        actor=None,
        title="Code of conduct, second version",
        text="Be kind, be fair, be open about money, and listen to your neighbours. " * 2,
        summary_of_changes="Money.",
    )
    client.force_login(leader)
    page = client.get(url("conduct_accept", group.slug)).content.decode()
    assert f"asked to accept version {new.version}" in page
    assert f"Accept version {new.version} for" in page


def test_an_officer_sees_the_status_but_cannot_accept_for_the_group(
    client, group, calderdale_officer
):
    client.force_login(calderdale_officer)
    page = client.get(url("conduct_accept", group.slug)).content.decode()
    assert "Has not accepted the code of conduct" in page
    assert "Accept version" not in page


# Members -------------------------------------------------------------------------------


def test_members_are_listed_by_display_name_not_email(client, group, leader, member):
    nameless = person("nameless@example.org")
    Membership.objects.create(
        organisation=group, user=nameless, role=GroupRole.MEMBER, joined_at=group.created_at
    )
    client.force_login(leader)
    page = client.get(url("members", group.slug)).content.decode()
    assert "Mo Member" in page and "Lena Leader" in page
    assert "Name not given" in page
    assert "@example.org" not in page


def test_an_officer_sees_the_members_and_may_manage_them(client, group, member, calderdale_officer):
    client.force_login(calderdale_officer)
    page = client.get(url("members", group.slug)).content.decode()
    assert "Mo Member" in page and 'name="role"' in page


def test_an_admin_sees_the_members_but_cannot_change_roles(client, group, member):
    Membership.objects.filter(user=member).update(role=GroupRole.ADMIN)
    client.force_login(member)
    page = client.get(url("members", group.slug)).content.decode()
    assert "Lena Leader" in page
    assert 'name="role"' not in page


def _membership(user, group):
    return Membership.objects.current().get(user=user, organisation=group)


def test_the_leader_makes_a_member_an_admin(client, group, leader, member):
    client.force_login(leader)
    membership = _membership(member, group)
    response = client.post(
        url("members", group.slug),
        {"membership": membership.pk, "action": "role", "role": "admin"},
        follow=True,
    )
    assert _membership(member, group).role == GroupRole.ADMIN
    assert "Mo Member is now an administrator of the group." in response.content.decode()


def test_naming_a_new_leader_makes_the_old_one_an_admin_and_unpublishes_them(
    client, group, leader, member
):
    services.give_consent(
        actor=leader, organisation=group, public_name="Lena", public_phone="01422 1", agreed=True
    )
    client.force_login(leader)
    response = client.post(
        url("members", group.slug),
        {"membership": _membership(member, group).pk, "action": "role", "role": "leader"},
        follow=True,
    )
    assert _membership(member, group).role == GroupRole.LEADER
    assert _membership(leader, group).role == GroupRole.ADMIN
    assert services.published_leader(group) is None
    page = response.content.decode()
    assert escape("Mo Member is now the group's leader.") in page
    assert "Lena Leader is now an administrator" in page
    assert "no longer published" in page
    # The old leader still edits the group, as an admin, but no longer runs its members.
    assert client.get(url("members", group.slug)).status_code == 200
    assert client.post(url("members", group.slug), {}).status_code == 403


def test_the_leader_removes_a_member(client, group, leader, member):
    client.force_login(leader)
    response = client.post(
        url("members", group.slug),
        {"membership": _membership(member, group).pk, "action": "remove"},
        follow=True,
    )
    assert not Membership.objects.current().filter(user=member, organisation=group).exists()
    assert "Mo Member is no longer a member of Park Road Residents." in response.content.decode()


def test_a_role_that_does_not_exist_is_refused(client, group, leader, member):
    client.force_login(leader)
    response = client.post(
        url("members", group.slug),
        {"membership": _membership(member, group).pk, "action": "role", "role": "king"},
    )
    assert response.status_code == 400
    assert "Choose leader, administrator or member." in errors_of(response)
    assert _membership(member, group).role == GroupRole.MEMBER


def test_a_member_of_another_group_cannot_be_changed_here(client, group, other_group, leader):
    client.force_login(leader)
    theirs = Membership.objects.current().get(organisation=other_group)
    response = client.post(
        url("members", group.slug), {"membership": theirs.pk, "action": "remove"}
    )
    assert response.status_code == 404
    assert Membership.objects.current().filter(pk=theirs.pk).exists()
