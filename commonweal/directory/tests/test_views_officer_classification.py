"""The classification page: the computed answer, the override and its history."""

import pytest
from django.urls import reverse

from commonweal.core.models import AuditEvent
from commonweal.directory.models import Organisation
from commonweal.directory.tests.officer_helpers import error_summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, calderdale_officer):
    client.force_login(calderdale_officer)
    return client


def url(organisation) -> str:
    return reverse("directory:classification", args=[organisation.slug])


def history_rows() -> int:
    return AuditEvent.objects.filter(action__startswith="directory.classification").count()


def test_the_page_shows_the_computed_classification_its_reason_and_the_figures(
    officer_client, group
):
    page = officer_client.get(url(group)).content.decode()
    assert "Community-led" in page
    assert group.computed_reason.replace("'", "&#x27;") in page
    for label, value in [("Members", "40"), ("Active volunteers", "12")]:
        assert label in page and f">{value}<" in page
    assert "Not known" in page  # no annual income given
    assert "The classification has never been overridden." in page
    assert "Remove the override" not in page


def test_overriding_then_removing_the_override(officer_client, calderdale_officer, group):
    response = officer_client.post(
        url(group),
        {
            "action": "override",
            "classification": "provider",
            "justification": "Runs the council's day centre under contract.",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "is now classified as service provider" in page
    group.refresh_from_db()
    assert (group.classification, group.override_by) == ("provider", calderdale_officer)
    assert not Organisation.records.community_led().filter(pk=group.pk).exists()
    assert "Runs the council&#x27;s day centre under contract." in page
    assert "Remove the override" in page

    response = officer_client.post(
        url(group), {"action": "clear", "reason": "The contract ended in March."}, follow=True
    )
    page = response.content.decode()
    assert "classified from its figures again, as community-led" in page
    group.refresh_from_db()
    assert group.classification == "community_led" and not group.is_overridden
    # The history, newest first, keeps both.
    history = page[page.index("History of overrides") :]
    assert history.index("Override removed") < history.index("Overridden")
    assert "The contract ended in March." in history
    assert history_rows() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"action": "override", "classification": "provider", "justification": ""},
            "Say why the classification should be overridden.",
        ),
        (
            {"action": "override", "classification": "provider", "justification": "Because"},
            "at least 10 characters",
        ),
        (
            {"action": "override", "justification": "It sells its services at full cost."},
            "Choose community-led or service provider.",
        ),
        (
            {
                "action": "override",
                "classification": "undetermined",
                "justification": "It sells its services at full cost.",
            },
            "Choose community-led or service provider.",
        ),
    ],
)
def test_a_bad_override_saves_nothing(officer_client, group, data, message):
    response = officer_client.post(url(group), data)
    assert response.status_code == 400
    assert message in error_summary(response)
    group.refresh_from_db()
    assert not group.is_overridden
    assert history_rows() == 0


def test_removing_an_override_needs_a_reason(officer_client, group):
    officer_client.post(
        url(group),
        {
            "action": "override",
            "classification": "provider",
            "justification": "Runs the council's day centre.",
        },
    )
    response = officer_client.post(url(group), {"action": "clear", "reason": ""})
    assert response.status_code == 400
    assert "Say why the override is being removed." in error_summary(response)
    group.refresh_from_db()
    assert group.classification == "provider"
    assert history_rows() == 1


def test_removing_an_override_that_is_not_there_is_refused(officer_client, group):
    response = officer_client.post(url(group), {"action": "clear", "reason": "Tidying up."})
    assert response.status_code == 400
    assert "The classification is not overridden." in error_summary(response)
    assert history_rows() == 0
