"""The officers' pages parse as HTML with no errors (html5lib, strict), in their ordinary
states and their error states, as the approach of tests/test_html_validity.py."""

import pytest
from django.urls import reverse

from commonweal.core.testing import assert_valid_html as assert_valid
from commonweal.directory import services
from commonweal.directory.tests import officer_helpers

pytestmark = pytest.mark.django_db

pending = officer_helpers.pending
overridden = officer_helpers.overridden


@pytest.fixture
def withdrawn(calderdale):
    organisation = officer_helpers.register_pending(calderdale, name="Closed <Club> & Co")
    return services.withdraw_organisation(
        actor=None, organisation=organisation, reason="Stopped <meeting> & left."
    )


def test_public_pages(client, group, leader):
    services.set_interest_tags(actor=leader, organisation=group, slugs=["carers"])
    for url in (
        reverse("directory:conduct"),
        reverse("directory:conduct_version", args=[1]),
        reverse("directory:interest_tags"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response, url)


def test_officer_pages(client, calderdale_officer, group, pending, overridden, withdrawn):
    client.force_login(calderdale_officer)
    services.publish_code(
        actor=calderdale_officer,
        title="Second <code>",
        text="Groups agree to be open & fair to everyone they serve, always and everywhere.",
        summary_of_changes="Shorter.",
    )
    urls = [
        reverse("directory:verification_queue"),
        reverse("directory:verification_review", args=[pending.slug]),
        reverse("directory:verification_review", args=[group.slug]),
        reverse("directory:verification_review", args=[withdrawn.slug]),
        reverse("directory:classification", args=[pending.slug]),
        reverse("directory:classification", args=[overridden.slug]),
        reverse("directory:conduct"),
        reverse("directory:conduct_version", args=[1]),
        reverse("directory:conduct_version", args=[2]),
        reverse("directory:conduct_publish"),
        reverse("directory:interest_tags"),
        reverse("directory:interest_tags_manage"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(response, url)


def test_error_states(client, calderdale_officer, group, pending, overridden):
    client.force_login(calderdale_officer)
    review = reverse("directory:verification_review", args=[pending.slug])
    classification = reverse("directory:classification", args=[overridden.slug])
    manage = reverse("directory:interest_tags_manage")
    for url, data in [
        (review, {"action": "withdraw", "reason": ""}),
        (review, {}),
        (reverse("directory:verification_review", args=[group.slug]), {"action": "verify"}),
        (classification, {"action": "override", "justification": ""}),
        (
            classification,
            {"action": "override", "classification": "provider", "justification": "x"},
        ),
        (classification, {"action": "clear", "reason": ""}),
        (classification, {}),
        (reverse("directory:conduct_publish"), {"title": "", "text": "", "summary_of_changes": ""}),
        (manage, {"action": "add", "name": "", "parent": "nonsense"}),
        (manage, {"action": "retire", "tag": ""}),
        (manage, {}),
    ]:
        response = client.post(url, data)
        assert response.status_code == 400, (url, data)
        assert_valid(response, url)


def test_refused_and_sign_in_pages(client, resident, group):
    url = reverse("directory:verification_queue")
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert_valid(response, url)
    client.force_login(resident)
    response = client.get(reverse("directory:classification", args=[group.slug]))
    assert response.status_code == 403
    assert_valid(response, url)
