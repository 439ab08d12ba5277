"""Members, joining and leaving, a person's own groups, and the interest tags, through
the API."""

import json

import pytest

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import GroupRole, InterestTag, Membership
from commonweal.directory.tests.conftest import person

pytestmark = pytest.mark.django_db

BASE = "/api/v1/directory"


def test_members_are_names_and_roles_never_emails(client, group, leader, member):
    admin = person("helper@example.org", display_name="")
    services.join(actor=admin, organisation=group)
    services.set_role(
        actor=leader, membership=services.current_membership(admin, group), role=GroupRole.ADMIN
    )
    client.force_login(leader)
    response = client.get(f"{BASE}/organisations/{group.slug}/members")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [(m["name"], m["role"]) for m in body["results"]] == [
        ("Lena Leader", "leader"),
        ("A member", "admin"),
        ("Mo Member", "member"),
    ]
    assert "@" not in response.content.decode()


def test_members_come_a_page_at_a_time(client, group, leader):
    for number in range(3):
        services.join(actor=person(f"p{number}@example.org"), organisation=group)
    client.force_login(leader)
    body = client.get(f"{BASE}/organisations/{group.slug}/members", {"page_size": 3}).json()
    assert body["count"] == 4 and len(body["results"]) == 3 and body["next"]


def test_joining_and_leaving(client, group, resident):
    client.force_login(resident)
    url = f"{BASE}/organisations/{group.slug}/membership"
    response = client.post(url)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["organisation"]["id"] == group.slug and body["role"] == "member"
    assert services.member_count(group) == 2
    again = client.post(url)
    assert again.status_code == 422
    assert "already a member" in again.json()["error"]["message"]
    mine = client.get(f"{BASE}/memberships/").json()
    assert [m["organisation"]["name"] for m in mine["results"]] == ["Park Road Residents"]
    assert client.delete(url).status_code == 204
    assert services.member_count(group) == 1
    assert client.get(f"{BASE}/memberships/").json()["count"] == 0
    assert client.delete(url).status_code == 422
    assert AuditEvent.objects.filter(action="directory.member_left", actor=resident).count() == 1


def test_nobody_joins_an_entry_they_cannot_see(client, calderdale, leader, resident):
    waiting = services.register_organisation(
        actor=leader, authority=calderdale, name="Not Yet Checked", kind="community_group"
    )
    client.force_login(resident)
    assert client.post(f"{BASE}/organisations/{waiting.slug}/membership").status_code == 404
    assert not Membership.objects.filter(user=resident).exists()


def test_a_leader_who_leaves_is_no_longer_published(client, group, leader):
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_email="lena.public@example.org",
        agreed=True,
    )
    client.force_login(leader)
    assert client.delete(f"{BASE}/organisations/{group.slug}/membership").status_code == 204
    detail = client.get(f"{BASE}/organisations/{group.slug}")
    assert detail.json()["leader"] is None
    assert "lena.public@example.org" not in detail.content.decode()


def test_my_memberships_are_mine_only(client, group, other_group, member, other_leader):
    client.force_login(member)
    body = client.get(f"{BASE}/memberships/").json()
    assert [(m["organisation"]["id"], m["role"]) for m in body["results"]] == [
        (group.slug, "member")
    ]
    client.force_login(other_leader)
    body = client.get(f"{BASE}/memberships/").json()
    assert [(m["organisation"]["id"], m["role"]) for m in body["results"]] == [
        (other_group.slug, "leader")
    ]


def test_the_interest_tags_are_the_current_taxonomy(client, administrator):
    retired = services.add_tag(actor=administrator, name="Morris dancing")
    services.retire_tag(actor=administrator, tag=retired)
    response = client.get(f"{BASE}/interest-tags/", {"page_size": 200})
    assert response.status_code == 200
    body = response.json()
    slugs = [tag["slug"] for tag in body["results"]]
    assert body["count"] == InterestTag.objects.current().count() == len(slugs)
    assert "disability" in slugs and "morris-dancing" not in slugs
    names = [tag["name"] for tag in body["results"]]
    assert names == sorted(names)
    disability = next(tag for tag in body["results"] if tag["slug"] == "disability")
    assert disability == {
        "slug": "disability",
        "name": "Disability",
        "description": "Disabled people and groups run by and for them.",
        "parent": None,
    }
    assert json.dumps(body)
