"""The verification queue and review as Calderdale's officer uses them."""

import pytest
from django.urls import reverse

from commonweal.core.models import AuditEvent
from commonweal.directory.models import Organisation, StatusChange
from commonweal.directory.tests import officer_helpers
from commonweal.directory.tests.officer_helpers import error_summary, register_pending

pytestmark = pytest.mark.django_db

pending = officer_helpers.pending


@pytest.fixture
def officer_client(client, calderdale_officer):
    client.force_login(calderdale_officer)
    return client


def review_url(organisation) -> str:
    return reverse("directory:verification_review", args=[organisation.slug])


def test_the_queue_lists_unverified_entries_oldest_first_with_their_details(
    officer_client, calderdale, trafford, group, pending
):
    newer = register_pending(calderdale, name="Brighouse Quaker Meeting", kind="faith_group")
    elsewhere = register_pending(trafford, name="Stretford Sewing Circle")
    page = officer_client.get(reverse("directory:verification_queue")).content.decode()
    assert page.index(pending.name) < page.index(newer.name)
    assert elsewhere.name not in page  # another borough's
    assert group.name not in page  # already verified
    for text in (
        "Community group",
        "Faith group",
        "The whole of Calderdale",
        "Community-led",
        "GB-CHC-1234567",
        review_url(pending),
    ):
        assert text in page


def test_an_administrator_sees_every_boroughs_queue(client, administrator, calderdale, trafford):
    register_pending(calderdale, name="Halifax Chess Club")
    register_pending(trafford, name="Stretford Sewing Circle")
    client.force_login(administrator)
    page = client.get(reverse("directory:verification_queue")).content.decode()
    assert "Halifax Chess Club" in page and "Stretford Sewing Circle" in page
    assert "Trafford" in page  # a borough column when the queue spans several


def test_the_review_shows_the_full_entry(officer_client, pending):
    page = officer_client.get(review_url(pending)).content.decode()
    for text in (
        "Todmorden Repair Cafe",
        "Waiting for an officer to check",
        "GB-CHC-1234567",
        "The whole of Calderdale",
        "0.5",
        "10.0%",
        "No leader has agreed to publish their contact details",
        reverse("directory:classification", args=[pending.slug]),
        "Verify and list",
        "Refuse",
    ):
        assert text in page


def test_verifying_lists_the_group(officer_client, calderdale_officer, pending):
    response = officer_client.post(
        review_url(pending), {"action": "verify", "note": "Met them at the library."}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("directory:verification_queue")
    assert "Todmorden Repair Cafe is verified and listed." in response.content.decode()
    assert Organisation.public.filter(pk=pending.pk).exists()
    change = StatusChange.objects.filter(organisation=pending).last()
    assert (change.status, change.reason, change.changed_by) == (
        "verified",
        "Met them at the library.",
        calderdale_officer,
    )
    assert AuditEvent.objects.filter(action="directory.organisation_verified").count() == 1


def test_withdrawing_hides_the_group_and_reinstating_lists_it_again(officer_client, group):
    response = officer_client.post(
        review_url(group), {"action": "withdraw", "reason": "The group stopped meeting."}
    )
    assert response.status_code == 302
    assert not Organisation.public.filter(pk=group.pk).exists()
    queue = officer_client.get(reverse("directory:verification_queue")).content.decode()
    recent = queue[queue.index("Recently withdrawn") :]
    assert group.name in recent and "The group stopped meeting." in recent
    assert review_url(group) in recent

    page = officer_client.get(review_url(group)).content.decode()
    assert "Reinstate and list" in page and "Withdraw</button>" not in page
    response = officer_client.post(review_url(group), {"action": "verify", "note": ""}, follow=True)
    assert f"{group.name} is reinstated and listed." in response.content.decode()
    assert Organisation.public.filter(pk=group.pk).exists()
    assert [c.status for c in group.status_changes.all()] == [
        "unverified",
        "verified",
        "withdrawn",
        "verified",
    ]


def test_refusing_without_a_reason_saves_nothing(officer_client, pending):
    before = (AuditEvent.objects.count(), StatusChange.objects.count())
    response = officer_client.post(review_url(pending), {"action": "withdraw", "reason": "  "})
    assert response.status_code == 400
    summary = error_summary(response)
    assert "Say why the entry is being refused or withdrawn." in summary
    assert 'href="#id_reason"' in summary
    assert (AuditEvent.objects.count(), StatusChange.objects.count()) == before
    pending.refresh_from_db()
    assert pending.status == "unverified"


def test_verifying_twice_is_refused_with_the_reason(officer_client, group):
    before = AuditEvent.objects.count()
    response = officer_client.post(review_url(group), {"action": "verify"})
    assert response.status_code == 400
    assert "is already verified" in error_summary(response)
    assert AuditEvent.objects.count() == before


def test_a_post_without_an_action_is_a_clear_error(officer_client, pending):
    response = officer_client.post(review_url(pending), {"reason": "Something"})
    assert response.status_code == 400
    assert "Choose to verify the entry or to withdraw it." in error_summary(response)
    pending.refresh_from_db()
    assert pending.status == "unverified"
