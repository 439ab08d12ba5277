"""The links, consortia and network pages: who may do what (every persona, every view
and method), what they save and refuse, and that every page is valid HTML."""

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html as assert_valid
from commonweal.directory import services
from commonweal.directory.models import (
    Consortium,
    OrganisationLink,
)
from commonweal.directory.tests.conftest import PERSONAS, make_group
from commonweal.directory.tests.network_support import (  # noqa: F401 (fixtures)
    MANAGERS,
    consortium_fixture,
    expect,
    links_url,
    organisation_route,
    partnership_fixture,
    third_group_fixture,
    unverified_fixture,
)

pytestmark = pytest.mark.django_db

# Permissions: every view, every method, every persona -------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_anyone_may_see_the_network(as_persona, calderdale, partnership, persona):
    client = as_persona(persona)
    response = client.get(reverse("directory:network"), {"borough": calderdale.gss_code})
    assert response.status_code == 200
    post = client.post(reverse("directory:network") + f"?borough={calderdale.gss_code}")
    assert post.status_code == 405


@pytest.mark.parametrize("persona", PERSONAS)
def test_anyone_may_see_a_groups_links_and_managers_get_the_forms(
    as_persona, group, partnership, persona
):
    response = as_persona(persona).get(links_url(group))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hebden Bridge Allotment Society" in html
    assert ("Add a link" in html) == (persona in MANAGERS)
    assert ("Start a consortium led by" in html) == (persona in MANAGERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_managers_may_add_a_link(as_persona, group, other_group, persona):
    response = as_persona(persona).post(
        links_url(group), {"target": other_group.slug, "kind": "umbrella", "description": "Hall"}
    )
    expect(response, persona, persona in MANAGERS, ok=302)
    added = OrganisationLink.objects.current().filter(source=group, target=other_group)
    assert added.exists() == (persona in MANAGERS)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_managers_may_end_a_link(as_persona, group, partnership, persona, method):
    url = reverse("directory:organisation_link_end", args=[group.slug, partnership.pk])
    response = getattr(as_persona(persona), method)(url)
    allowed = persona in MANAGERS
    expect(response, persona, allowed, ok=200 if method == "get" else 302)
    partnership.refresh_from_db()
    assert (partnership.ended_at is not None) == (allowed and method == "post")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_managers_may_start_a_consortium(as_persona, group, other_group, persona, method):
    url = reverse("directory:consortium_new", args=[group.slug])
    data = {"name": "Valley Partners", "members": [other_group.slug]}
    response = getattr(as_persona(persona), method)(url, data if method == "post" else None)
    allowed = persona in MANAGERS
    expect(response, persona, allowed, ok=200 if method == "get" else 302)
    assert Consortium.objects.filter(name="Valley Partners").exists() == (
        allowed and method == "post"
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_anyone_may_see_a_consortium_and_the_leads_managers_get_the_form(
    as_persona, consortium, persona
):
    response = as_persona(persona).get(reverse("directory:consortium", args=[consortium.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Calder Valley Community Bid" in html and "Hebden Bridge Allotment Society" in html
    assert ("Add a member" in html) == (persona in MANAGERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_leads_managers_may_add_a_member(as_persona, consortium, third_group, persona):
    url = reverse("directory:consortium", args=[consortium.slug])
    response = as_persona(persona).post(url, {"organisation": third_group.slug})
    expect(response, persona, persona in MANAGERS, ok=302)
    assert (third_group in services.current_members(consortium)) == (persona in MANAGERS)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_leads_managers_and_the_members_own_editors_may_remove_it(
    as_persona, consortium, other_group, persona, method
):
    url = reverse("directory:consortium_remove_member", args=[consortium.slug, other_group.slug])
    response = getattr(as_persona(persona), method)(url)
    # other_leader leads the member group, so may take it out of the consortium.
    allowed = persona in MANAGERS | {"other_leader"}
    expect(response, persona, allowed, ok=200 if method == "get" else 302)
    removed = other_group not in services.current_members(consortium)
    assert removed == (allowed and method == "post")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "name", ["network", "organisation_links", "consortium_new", "organisation_link_end"]
)
def test_other_methods_are_refused(as_persona, group, partnership, persona, name):
    args = {
        "network": [],
        "organisation_links": [group.slug],
        "consortium_new": [group.slug],
        "organisation_link_end": [group.slug, partnership.pk],
    }[name]
    response = as_persona(persona).delete(reverse(f"directory:{name}", args=args))
    assert response.status_code == 405


# Adding links: the happy path and every refusal -----------------------------------------


def test_a_leader_adds_a_partnership_and_both_groups_show_it(client, leader, group, other_group):
    client.force_login(leader)
    response = client.post(
        links_url(group),
        {"target": other_group.slug, "kind": "partnership", "description": "Shared garden"},
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{group.name} is now linked to {other_group.name}." in html
    assert "Shared garden" in html and "In partnership with" in html
    link = OrganisationLink.objects.current().get()
    assert (link.source, link.target, link.kind) == (group, other_group, "partnership")
    assert "In partnership with" in client.get(links_url(other_group)).content.decode()


def test_umbrella_support_reads_both_ways(client, group, other_group):
    services.link(actor=None, source=group, target=other_group, kind="umbrella")
    assert "Gives umbrella support to" in client.get(links_url(group)).content.decode()
    assert "Has umbrella support from" in client.get(links_url(other_group)).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"target": "", "kind": "partnership"}, "Choose the group to link to."),
        ({"target": "SELF", "kind": "partnership"}, "A group cannot be linked to itself."),
        ({"target": "OTHER", "kind": "friendship"}, "Choose partnership or umbrella support."),
        ({"target": "OTHER", "kind": ""}, "Choose partnership or umbrella support."),
        (
            {"target": "no-such-group", "kind": "partnership"},
            "Choose a group listed in the directory in Calderdale.",
        ),
        (
            {"target": "UNVERIFIED", "kind": "partnership"},
            "Choose a group listed in the directory in Calderdale.",
        ),
        (
            {"target": "TRAFFORD", "kind": "partnership"},
            "Choose a group listed in the directory in Calderdale.",
        ),
    ],
)
def test_bad_links_are_refused_with_a_reason_and_nothing_saved(
    client, leader, group, other_group, unverified, trafford, data, message
):
    trafford_group = make_group(leader, trafford, name="Stretford Residents")
    slugs = {
        "SELF": group.slug,
        "OTHER": other_group.slug,
        "UNVERIFIED": unverified.slug,
        "TRAFFORD": trafford_group.slug,
    }
    data = {**data, "target": slugs.get(data["target"], data["target"])}
    client.force_login(leader)
    response = client.post(links_url(group), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "There is a problem" in html
    assert not OrganisationLink.objects.exists()
    assert_valid(response, "links with an error")


def test_an_officer_who_can_see_an_unverified_group_is_told_it_is_not_listed(
    client, calderdale_officer, group, unverified
):
    client.force_login(calderdale_officer)
    response = client.post(links_url(group), {"target": unverified.slug, "kind": "partnership"})
    assert response.status_code == 400
    assert "Sowerby Knitters is not in the directory yet." in response.content.decode()
    assert not OrganisationLink.objects.exists()


@pytest.mark.parametrize(("source", "target"), [("group", "other"), ("other", "group")])
def test_a_partnership_cannot_be_added_twice_either_way(
    client, calderdale_officer, group, other_group, partnership, source, target
):
    groups = {"group": group, "other": other_group}
    client.force_login(calderdale_officer)
    response = client.post(
        links_url(groups[source]), {"target": groups[target].slug, "kind": "partnership"}
    )
    assert response.status_code == 400
    assert "are already linked that way." in response.content.decode()
    assert OrganisationLink.objects.count() == 1


def test_ending_a_link_hides_it_and_keeps_the_record(client, leader, group, partnership):
    client.force_login(leader)
    url = reverse("directory:organisation_link_end", args=[group.slug, partnership.pk])
    assert_valid(client.get(url), "end a link")
    response = client.post(url, follow=True)
    assert "The link has ended." in response.content.decode()
    assert "has no current links" in response.content.decode()
    assert OrganisationLink.objects.filter(pk=partnership.pk, ended_at__isnull=False).exists()
    # It cannot be ended again, nor through a group it does not involve.
    assert client.post(url).status_code == 404


def test_a_link_is_ended_only_through_a_group_it_involves(
    client, administrator, group, third_group, partnership
):
    client.force_login(administrator)
    url = reverse("directory:organisation_link_end", args=[third_group.slug, partnership.pk])
    assert client.post(url).status_code == 404
    assert OrganisationLink.objects.current().count() == 1


def test_unlisted_groups_and_their_links_stay_hidden(
    client, other_leader, group, other_group, unverified
):
    OrganisationLink.objects.create(
        source=unverified, target=group, kind="partnership", created_at=group.created_at
    )
    assert client.get(links_url(unverified)).status_code == 404
    assert "Sowerby Knitters" not in client.get(links_url(group)).content.decode()
    # Its own leader may look at its page before it is verified.
    client.force_login(other_leader)
    assert client.get(links_url(unverified)).status_code == 200


# The network picture ----------------------------------------------------------------------


def test_the_network_draws_every_listed_group_link_and_consortium(
    client, calderdale, group, other_group, third_group, unverified, consortium
):
    services.link(actor=None, source=group, target=other_group, kind="partnership")
    services.link(actor=None, source=third_group, target=group, kind="umbrella", description="Hall")
    response = client.get(reverse("directory:network"), {"borough": calderdale.gss_code})
    html = response.content.decode()
    assert 'class="cw-map cw-network"' in html
    for organisation in (group, other_group, third_group):
        href = reverse("directory:organisation", args=[organisation.slug])
        assert f'<a href="{href}" aria-label="{organisation.name} (community-led group)"' in html
    assert "Sowerby Knitters" not in html
    assert reverse("directory:consortium", args=[consortium.slug]) in html
    # Partnership solid, umbrella dashed with an arrow, consortium membership dotted.
    assert html.count('marker-end="url(#cw-network-arrow)"') == 1
    assert html.count('stroke-dasharray="6 4"') == 2  # the umbrella line and its key
    assert html.count("<line") == 2 + 2 + 3  # two links, two consortium members, the key
    # The same figures as tables.
    assert html.count('<tr class="govuk-table__row">') == 1 + 2 + 1 + 1
    assert "Umbrella or infrastructure support" in html and "Hall" in html
    assert_valid(response, "network")


def test_providers_are_squares_and_community_groups_circles(client, calderdale, leader):
    make_group(leader, calderdale, name="Ovenden Residents")
    make_group(
        leader,
        calderdale,
        name="Calder Care Services",
        ward_index=1,
        kind="social_enterprise",
        members_count=3,
        active_volunteers=1,
        paid_staff_fte="14",
        contract_income_share="0.9",
    )
    html = client.get(reverse("directory:network"), {"borough": calderdale.gss_code}).content
    html = html.decode()
    assert 'aria-label="Calder Care Services (service provider)"' in html
    assert 'aria-label="Ovenden Residents (community-led group)"' in html
    figure = html.split('class="cw-map cw-network"')[1].split("</svg>")[0]
    assert figure.count("<rect") == 1 and figure.count("<circle") == 1


def test_the_network_of_a_borough_with_no_groups(client, trafford):
    response = client.get(reverse("directory:network"), {"borough": trafford.gss_code})
    assert response.status_code == 200
    assert "There are no groups listed in the directory in Trafford yet." in (
        response.content.decode()
    )
    assert_valid(response, "empty network")


def test_the_network_asks_which_borough_and_refuses_unknown_ones(client, calderdale, trafford):
    response = client.get(reverse("directory:network"))
    assert response.status_code == 200 and "Trafford" in response.content.decode()
    assert_valid(response, "network chooser")
    assert client.get(reverse("directory:network"), {"borough": "E08999999"}).status_code == 404


def test_the_network_drawing_is_the_same_every_time(client, calderdale, group, other_group):
    services.link(actor=None, source=group, target=other_group, kind="partnership")
    url = reverse("directory:network")
    first = client.get(url, {"borough": calderdale.gss_code}).content.decode()
    second = client.get(url, {"borough": calderdale.gss_code}).content.decode()
    picture = first.split('class="cw-map cw-network"')[1].split("</svg>")[0]
    assert picture == second.split('class="cw-map cw-network"')[1].split("</svg>")[0]


# Every page is valid HTML, for a manager and for anyone -----------------------------------


@pytest.mark.parametrize("persona", ["anonymous", "leader"])
def test_every_page_is_valid_html(as_persona, calderdale, group, partnership, consortium, persona):
    client = as_persona(persona)
    urls = [
        reverse("directory:network") + f"?borough={calderdale.gss_code}",
        links_url(group),
        reverse("directory:consortium", args=[consortium.slug]),
    ]
    if persona == "leader":
        urls += [
            reverse("directory:consortium_new", args=[group.slug]),
            reverse("directory:organisation_link_end", args=[group.slug, partnership.pk]),
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response, url)
