"""Consortia pages: starting one, adding and removing members, and what is refused."""

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html as assert_valid
from commonweal.directory import services
from commonweal.directory.models import Consortium, ConsortiumMember
from commonweal.directory.tests.network_support import (  # noqa: F401 (fixtures)
    consortium_fixture,
    links_url,
    organisation_route,
    third_group_fixture,
    unverified_fixture,
)

pytestmark = pytest.mark.django_db


# Consortia --------------------------------------------------------------------------------


def test_a_leader_starts_a_consortium_with_members(client, leader, group, other_group, third_group):
    client.force_login(leader)
    url = reverse("directory:consortium_new", args=[group.slug])
    response = client.post(
        url,
        {
            "name": "  Upper Calder   Youth Bid ",
            "purpose": "Bidding for the youth services contract.",
            "members": [other_group.slug, third_group.slug],
        },
        follow=True,
    )
    assert response.status_code == 200
    consortium = Consortium.objects.get()
    assert consortium.name == "Upper Calder Youth Bid" and consortium.lead == group
    assert set(services.current_members(consortium)) == {group, other_group, third_group}
    html = response.content.decode()
    assert "The consortium Upper Calder Youth Bid has been created." in html
    assert "Bidding for the youth services contract." in html
    assert_valid(response, "consortium")
    assert "Upper Calder Youth Bid" in client.get(links_url(third_group)).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": " ", "members": []}, "Give the consortium a name."),
        ({"name": "Bid", "members": ["UNVERIFIED"]}, "Choose groups listed in the directory"),
        ({"name": "Bid", "members": ["nobody"]}, "Choose groups listed in the directory"),
    ],
)
def test_bad_consortia_are_refused_and_nothing_saved(
    client, leader, group, unverified, data, message
):
    data = {
        **data,
        "members": [unverified.slug if m == "UNVERIFIED" else m for m in data["members"]],
    }
    client.force_login(leader)
    response = client.post(reverse("directory:consortium_new", args=[group.slug]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Consortium.objects.exists()
    assert_valid(response, "new consortium with an error")


def test_an_officer_is_told_an_unverified_member_is_not_listed(
    client, calderdale_officer, group, unverified
):
    client.force_login(calderdale_officer)
    response = client.post(
        reverse("directory:consortium_new", args=[group.slug]),
        {"name": "Bid", "members": [unverified.slug]},
    )
    assert response.status_code == 400
    assert "These are not in the directory yet: Sowerby Knitters." in response.content.decode()
    assert not Consortium.objects.exists()


def test_adding_a_member_twice_or_an_unlisted_one_is_refused(
    client, leader, consortium, other_group, unverified
):
    client.force_login(leader)
    url = reverse("directory:consortium", args=[consortium.slug])
    response = client.post(url, {"organisation": other_group.slug})
    assert response.status_code == 400
    assert "Hebden Bridge Allotment Society is already in Calder Valley Community Bid." in (
        response.content.decode()
    )
    assert_valid(response, "consortium with an error")
    response = client.post(url, {"organisation": unverified.slug})
    assert response.status_code == 400
    assert "Choose a group listed in the directory in Calderdale." in response.content.decode()
    assert ConsortiumMember.objects.filter(consortium=consortium).count() == 2


def test_members_are_removed_but_the_lead_cannot_leave(
    client, leader, group, consortium, other_group
):
    client.force_login(leader)
    lead_url = reverse("directory:consortium_remove_member", args=[consortium.slug, group.slug])
    response = client.post(lead_url, follow=True)
    assert "The lead organisation cannot leave" in response.content.decode()
    url = reverse("directory:consortium_remove_member", args=[consortium.slug, other_group.slug])
    assert_valid(client.get(url), "remove a member")
    response = client.post(url, follow=True)
    assert "Hebden Bridge Allotment Society has left Calder Valley Community Bid." in (
        response.content.decode()
    )
    assert services.current_members(consortium) == [group]
    # No longer a member: nothing to remove.
    assert client.get(url).status_code == 404


def test_a_consortium_whose_lead_is_withdrawn_is_hidden(client, consortium, group):
    services.withdraw_organisation(actor=None, organisation=group, reason="Closed")
    assert client.get(reverse("directory:consortium", args=[consortium.slug])).status_code == 404
    assert client.get(reverse("directory:consortium", args=["no-such"])).status_code == 404
