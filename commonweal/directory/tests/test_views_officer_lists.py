"""The code of conduct and the communities of interest: public pages and officers' upkeep."""

import pytest
from django.urls import reverse

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import CodeOfConduct, InterestTag
from commonweal.directory.tests.officer_helpers import error_summary, register_pending

pytestmark = pytest.mark.django_db

NEW_TEXT = "Groups agree to be open, fair and safe for everyone they serve, always. " * 2


@pytest.fixture
def officer_client(client, calderdale_officer):
    client.force_login(calderdale_officer)
    return client


def test_the_code_page_shows_the_current_version_and_how_many_groups_accepted_it(
    client, group, other_group, leader
):
    services.accept_code(actor=leader, organisation=group)
    page = client.get(reverse("directory:conduct")).content.decode()
    current = CodeOfConduct.objects.current()
    assert current.title in page
    assert "Keep people safe" in page  # from the text of version 1
    assert f"1 of the 2 listed groups has accepted version {current.version}." in page
    assert "There are no earlier versions." in page
    assert reverse("directory:conduct_publish") not in page  # not for the public


def test_an_unverified_group_is_not_counted(client, calderdale, group, leader):
    pending = register_pending(calderdale)
    services.accept_code(actor=None, organisation=pending)
    page = client.get(reverse("directory:conduct")).content.decode()
    assert "0 of the 1 listed group have accepted" in page


def test_publishing_a_new_version_asks_every_group_again(officer_client, group, leader):
    services.accept_code(actor=leader, organisation=group)
    form = officer_client.get(reverse("directory:conduct_publish"))
    page = form.content.decode()
    assert "Every group will be asked to accept the new version again" in page
    assert "Keep people safe" in page  # prefilled with the current text
    response = officer_client.post(
        reverse("directory:conduct_publish"),
        {"title": "Our code", "text": NEW_TEXT, "summary_of_changes": "Much shorter."},
        follow=True,
    )
    page = response.content.decode()
    assert "Version 2 is published. Every group is asked to accept it." in page
    assert "0 of the 1 listed group have accepted version 2." in page
    assert reverse("directory:conduct_version", args=[1]) in page
    assert "Much shorter." in page
    assert not services.conduct_status(group).is_current

    old = client_page(officer_client, reverse("directory:conduct_version", args=[1]))
    assert "This version has been replaced." in old and "Keep people safe" in old
    new = client_page(officer_client, reverse("directory:conduct_version", args=[2]))
    assert "This is the current version." in new


def client_page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "text": NEW_TEXT, "summary_of_changes": "x"}, "Give the code a title."),
        ({"title": "T", "text": "", "summary_of_changes": "x"}, "Write out the code in full."),
        ({"title": "T", "text": "Be kind.", "summary_of_changes": "x"}, "at least 50 characters"),
        ({"title": "T", "text": NEW_TEXT, "summary_of_changes": ""}, "Say what has changed"),
    ],
)
def test_a_bad_new_version_saves_nothing(officer_client, data, message):
    response = officer_client.post(reverse("directory:conduct_publish"), data)
    assert response.status_code == 400
    assert message in error_summary(response)
    assert CodeOfConduct.objects.count() == 1


def test_the_same_text_again_is_not_a_new_version(officer_client):
    current = CodeOfConduct.objects.current()
    response = officer_client.post(
        reverse("directory:conduct_publish"),
        {"title": current.title, "text": current.text, "summary_of_changes": "Nothing."},
    )
    assert response.status_code == 400
    assert "it is the same as the current version" in error_summary(response)
    assert CodeOfConduct.objects.count() == 1


def test_a_version_that_does_not_exist_is_not_found(client):
    assert client.get(reverse("directory:conduct_version", args=[99])).status_code == 404


def test_the_interest_list_counts_only_listed_groups(client, calderdale, group, leader):
    services.set_interest_tags(actor=leader, organisation=group, slugs=["carers", "disability"])
    pending = register_pending(calderdale)
    services.set_interest_tags(actor=None, organisation=pending, slugs=["carers"])
    page = client.get(reverse("directory:interest_tags")).content.decode()
    carers = page[page.index(">Carers<") :]
    assert carers[: carers.index("</tr>")].rstrip().endswith(">1</td>")
    older = page[page.index(">Older people<") :]
    assert older[: older.index("</tr>")].rstrip().endswith(">0</td>")
    assert reverse("directory:interest_tags_manage") not in page


def test_adding_and_retiring_a_community_of_interest(officer_client, client):
    response = officer_client.post(
        reverse("directory:interest_tags_manage"),
        {
            "action": "add",
            "name": "  Polish   speakers ",
            "description": "Groups meeting in Polish.",
            "parent": "community-languages",
        },
        follow=True,
    )
    assert "“Polish speakers” is added" in response.content.decode()
    tag = InterestTag.objects.get(slug="polish-speakers")
    assert tag.parent.slug == "community-languages"
    public = client_page(officer_client, reverse("directory:interest_tags"))
    assert "Polish speakers" in public and "Part of Community languages" in public

    response = officer_client.post(
        reverse("directory:interest_tags_manage"),
        {"action": "retire", "tag": "polish-speakers"},
        follow=True,
    )
    assert "“Polish speakers” is retired." in response.content.decode()
    assert InterestTag.objects.get(pk=tag.pk).retired_at is not None
    assert "Polish speakers" not in client_page(officer_client, reverse("directory:interest_tags"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "add", "name": " "}, "Give the community of interest a name."),
        ({"action": "add", "name": "carers"}, "is already in the list"),
        ({"action": "add", "name": "Chess", "parent": "astrology"}, "Choose a community"),
        ({"action": "retire", "tag": ""}, "Choose the community of interest to retire."),
        ({"action": "retire", "tag": "astrology"}, "still in use"),
        ({"name": "Chess"}, "Choose to add a community of interest or to retire one."),
    ],
)
def test_bad_taxonomy_changes_save_nothing(officer_client, data, message):
    before = (InterestTag.objects.count(), InterestTag.objects.current().count())
    events = AuditEvent.objects.count()
    response = officer_client.post(reverse("directory:interest_tags_manage"), data)
    assert response.status_code == 400
    assert message in error_summary(response)
    assert (InterestTag.objects.count(), InterestTag.objects.current().count()) == before
    assert AuditEvent.objects.count() == events
