"""The public directory pages: finding groups, a group's page, joining and leaving.

Every page for every persona (GET and POST), the leader's contact shown only with
consent, and every page's HTML parsed with html5lib in strict mode.
"""

import pytest
from django.urls import NoReverseMatch, resolve, reverse

from commonweal.core.testing import assert_valid_html as assert_valid
from commonweal.directory import services
from commonweal.directory.models import Membership, Organisation
from commonweal.directory.tests.conftest import PERSONAS, make_group
from commonweal.directory.views.home import organisation_detail

pytestmark = pytest.mark.django_db


def profile(organisation) -> str:
    return reverse("directory:organisation", args=[organisation.slug])


def join_url(organisation) -> str:
    return reverse("directory:organisation_join", args=[organisation.slug])


def leave_url(organisation) -> str:
    return reverse("directory:organisation_leave", args=[organisation.slug])


@pytest.fixture
def waiting(calderdale, leader):
    """An entry `leader` registered that no officer has checked yet."""
    return services.register_organisation(
        actor=leader, authority=calderdale, name="Siddal Youth Forum", kind="community_group"
    )


def is_sign_in(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


# Permissions, persona by persona ------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_may_search_the_directory(as_persona, persona, group):
    client = as_persona(persona)
    response = client.get(reverse("directory:home"), {"postcode": "HX1 1AA"})
    assert response.status_code == 200
    assert group.name in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_may_see_a_listed_group(as_persona, persona, group):
    response = as_persona(persona).get(profile(group))
    assert response.status_code == 200
    assert group.name in response.content.decode()


UNLISTED_VISIBLE = {"leader", "officer", "administrator"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_unchecked_entry_is_seen_only_by_its_people_and_officers(as_persona, persona, waiting):
    client = as_persona(persona)
    response = client.get(profile(waiting))
    if persona in UNLISTED_VISIBLE:
        assert response.status_code == 200
        assert "waiting for a council officer to check it" in response.content.decode()
        assert "Waiting for an officer to check" in response.content.decode()
    else:
        assert response.status_code == 404
    home = client.get(reverse("directory:home")).content.decode()
    assert (waiting.name in home) is (persona in UNLISTED_VISIBLE)
    for url in (join_url(waiting), leave_url(waiting)):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 404
        elif persona in UNLISTED_VISIBLE:
            # It can be seen but not joined; its leader may leave it.
            allowed = persona == "leader" and url == leave_url(waiting)
            assert response.status_code == (200 if allowed else 403)
        else:
            assert response.status_code == 404


MAY_JOIN = {"resident", "other_leader", "organiser", "officer", "administrator"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_join_asks_first_then_joins(as_persona, persona, group):
    client = as_persona(persona)
    response = client.get(join_url(group))
    if persona == "anonymous":
        assert is_sign_in(response)
        assert is_sign_in(client.post(join_url(group)))
        return
    if persona not in MAY_JOIN:
        assert response.status_code == 403
        assert client.post(join_url(group)).status_code == 403
        return
    assert response.status_code == 200
    assert f"Join {group.name}" in response.content.decode()
    before = Membership.objects.current().filter(organisation=group).count()
    response = client.post(join_url(group), follow=True)
    assert response.redirect_chain[-1][0] == profile(group)
    assert f"You have joined {group.name}." in response.content.decode()
    assert Membership.objects.current().filter(organisation=group).count() == before + 1
    assert "Leave this group" in response.content.decode()


MAY_LEAVE = {"member", "leader"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_leave_asks_first_then_leaves(as_persona, persona, group):
    client = as_persona(persona)
    response = client.get(leave_url(group))
    if persona == "anonymous":
        assert is_sign_in(response)
        assert is_sign_in(client.post(leave_url(group)))
        return
    if persona not in MAY_LEAVE:
        assert response.status_code == 403
        assert client.post(leave_url(group)).status_code == 403
        return
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Leave {group.name}" in page
    assert ("the group will have no leader" in page) is (persona == "leader")
    response = client.post(leave_url(group), follow=True)
    assert response.redirect_chain[-1][0] == profile(group)
    assert f"You have left {group.name}." in response.content.decode()
    user = response.wsgi_request.user
    assert services.current_membership(user, group) is None


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_edit_button_is_offered_only_to_those_who_may_edit(as_persona, persona, group):
    try:
        edit = reverse("directory:organisation_edit", args=[group.slug])
    except NoReverseMatch:
        pytest.skip("the edit page is not there yet")
    page = as_persona(persona).get(profile(group)).content.decode()
    assert (f'href="{edit}"' in page) is (persona in {"leader", "officer", "administrator"})


# What the pages show -------------------------------------------------------------------


def test_the_home_page_explains_the_directory_and_lists_groups_nearest_first(
    client, group, other_group
):
    page = client.get(reverse("directory:home")).content.decode()
    assert "interest or identity" in page and "community-led" in page
    response = client.get(reverse("directory:home"), {"postcode": "hx11aa"})
    page = response.content.decode()
    assert "near HX1 1AA" in page
    assert "<svg" in page and "Groups found" in page
    assert page.count('class="govuk-table__row"') == 3  # a header and two groups
    assert "Serves HX1 1AA?" in page


def test_the_home_page_filters_by_kind(client, calderdale, group, other_leader):
    make_group(other_leader, calderdale, name="Square Chapel Friends", kind="faith_group")
    page = client.get(reverse("directory:home"), {"kind": "faith_group"}).content.decode()
    assert "Square Chapel Friends" in page and group.name not in page


@pytest.mark.parametrize(
    "params, words",
    [
        ({"postcode": "ZZ9 9ZZ"}, "We do not hold the postcode ZZ9 9ZZ"),
        ({"postcode": "<b>bad"}, "is not a UK postcode"),
        ({"kind": "club"}, "is not a kind of group we list"),
        ({"tag": "nothing"}, "is not a community of interest we list"),
        ({"area": "E05999999"}, "We do not hold an area"),
        ({"borough": "E09999999"}, "Choose a borough from the list"),
    ],
)
def test_bad_searches_are_shown_with_the_error_summary_and_status_400(client, group, params, words):
    response = client.get(reverse("directory:home"), params)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and words in page
    assert "<title>Error:" in page
    assert_valid(response, str(params))


def test_the_leader_is_shown_only_with_consent_and_not_after_it_is_withdrawn(client, group, leader):
    no_leader = "no leader who has agreed to publish their contact details"
    page = client.get(profile(group)).content.decode()
    assert no_leader in page and "Lena Leader" not in page
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_email="lena@example.org",
        public_phone="01422 123456",
        agreed=True,
    )
    page = client.get(profile(group)).content.decode()
    assert "Lena Leader" in page and "lena@example.org" in page and "01422 123456" in page
    assert no_leader not in page
    services.withdraw_consent(actor=leader, organisation=group)
    page = client.get(profile(group)).content.decode()
    assert no_leader in page
    assert "Lena Leader" not in page and "lena@example.org" not in page
    assert "01422 123456" not in page
    # The group is still listed, not hidden.
    assert group.name in client.get(reverse("directory:home")).content.decode()


def test_a_leader_who_leaves_is_no_longer_published(client, group, leader):
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_phone="01422 1",
        agreed=True,
    )
    services.leave(actor=leader, organisation=group)
    assert "Lena Leader" not in client.get(profile(group)).content.decode()


@pytest.fixture
def full_group(calderdale, group, other_group, leader, other_leader, deaf_tag):
    """The group with everything its page can show."""
    services.update_organisation(
        actor=leader,
        organisation=group,
        description="Residents <working> together & more.",
        charity_number="1234567",
        website="park-road.example.org",
        email="hello@park-road.example.org",
        phone="01422 000000",
        postcode="HX1 2AB",
    )
    services.set_interest_tags(actor=leader, organisation=group, slugs=[deaf_tag.slug])
    services.link(actor=leader, source=group, target=other_group, kind="partnership")
    services.link(
        actor=other_leader, source=other_group, target=group, kind="umbrella", description="Advice"
    )
    services.create_consortium(
        actor=other_leader, lead=other_group, name="Calder Valley Together", members=[group]
    )
    services.override_classification(
        actor=None,
        organisation=group,
        classification="provider",
        justification="Runs the council's contract for the park cafe.",
    )
    Organisation.records.filter(pk=group.pk).update(is_sample=True)
    group.activities.create(name="Litter pick", schedule="Saturdays 10am", postcode="HX1 2AB")
    return Organisation.records.get(pk=group.pk)


@pytest.fixture
def deaf_tag(db):
    return services.add_tag(actor=None, name="Deaf community")


def test_the_profile_shows_everything_about_a_group(client, full_group, other_group):
    response = client.get(profile(full_group))
    page = response.content.decode()
    for words in (
        "This is a sample group made for the demo",
        "Residents &lt;working&gt; together &amp; more.",
        "GB-CHC-1234567",
        "https://park-road.example.org",
        "hello@park-road.example.org",
        "01422 000000",
        "HX1 2AB",
        "Deaf community",
        "Service provider",
        "A council officer decided this",
        "Runs the council&#x27;s contract for the park cafe.",
        "Has not accepted the code of conduct",
        "Litter pick",
        "Saturdays 10am",
        other_group.name,
        "Partner",
        "Supports this group",
        "Calder Valley Together",
        f"Led by {other_group.name}",
        "Members on",
    ):
        assert words in page, words
    assert "<svg" in page and "Map of the area" in page
    assert_valid(response, profile(full_group))


def test_links_to_groups_the_visitor_cannot_see_are_left_out(client, full_group, other_group):
    services.withdraw_organisation(actor=None, organisation=other_group, reason="Closed")
    page = client.get(profile(full_group)).content.decode()
    assert other_group.name not in page
    assert "No links with other groups are recorded." in page


def test_an_unknown_group_is_not_found_and_other_pages_are_not_shadowed(client, db):
    assert client.get("/groups/no-such-group/").status_code == 404
    for name in ("coverage", "verification_queue", "organisation_new"):
        try:
            url = reverse(f"directory:{name}")
        except NoReverseMatch:
            continue
        assert resolve(url).func is not organisation_detail, url


# HTML validity --------------------------------------------------------------------------


def test_every_public_page_is_valid_html(client, full_group, waiting, member, leader, resident):
    home = reverse("directory:home")
    pages = [
        (home, 200),
        (home + "?postcode=HX1+1AA", 200),
        (home + "?postcode=HX1+1AA&q=park&kind=residents_association", 200),
        (home + "?q=nothing+matches+this", 200),
        (home + "?area=E05001386", 200),
        (profile(full_group), 200),
    ]
    for url, status in pages:
        response = client.get(url)
        assert response.status_code == status, url
        assert_valid(response, url)
    client.force_login(member)
    for url in (profile(full_group), leave_url(full_group)):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response, url)
    client.force_login(leader)
    for url in (profile(waiting), leave_url(full_group), home):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response, url)
    client.force_login(resident)
    response = client.get(join_url(full_group))
    assert response.status_code == 200
    assert_valid(response, join_url(full_group))
