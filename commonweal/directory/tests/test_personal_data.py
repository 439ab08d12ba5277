"""What the directory holds about a person is in their download, and goes when they erase."""

import pytest

from commonweal.accounts.erasure import erase_account
from commonweal.core.personal_data import export
from commonweal.directory import services
from commonweal.directory.models import LeaderContact, Membership

pytestmark = pytest.mark.django_db


def test_memberships_and_published_contact_are_in_the_download(group, leader, member):
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_email="lena@example.org",
        agreed=True,
    )
    held = export(leader)["features"]["directory"]
    assert held["memberships"][0]["organisation"] == group.name
    assert held["memberships"][0]["role"] == "leader"
    assert held["published_leader_contacts"][0]["public_email"] == "lena@example.org"
    assert export(member)["features"]["directory"]["memberships"][0]["role"] == "member"


def test_erasure_ends_memberships_and_unpublishes_the_leader(group, leader):
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_phone="01422 123456",
        agreed=True,
    )
    erase_account(actor=leader, user=leader)
    assert services.published_leader(group) is None
    contact = LeaderContact.objects.get(organisation=group)
    assert (contact.public_name, contact.public_phone) == ("", "")
    assert not Membership.objects.current().filter(user=leader).exists()
