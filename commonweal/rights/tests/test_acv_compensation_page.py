"""The compensation claim decision page: officers of the authority only, and audited."""

import datetime as dt

import pytest
from django.urls import reverse

from commonweal.core.models import AuditEvent
from commonweal.core.testing import assert_valid_html
from commonweal.rights import services
from commonweal.rights.models import CompensationOutcome
from commonweal.rights.tests.conftest import PERSONAS

D = dt.date
pytestmark = pytest.mark.django_db

CASEWORK = {
    **dict.fromkeys(PERSONAS, 403),
    "anonymous": 302,
    "officer": 200,
    "administrator": 200,
}
POST = {"awarded": "250.00", "reasons": "The delay cost a sale.", "notice_on": "1/5/2024"}


@pytest.fixture
def claim(people, listed):
    claim, _ = services.record_claim(
        actor=people["officer"],
        nomination=listed,
        claimant="Pubco Estates Ltd",
        loss_description="Delay to a sale",
        loss_incurred_on=D(2024, 3, 10),
        amount=500,
        evidence="A letter from the buyer",
        received_on=D(2024, 4, 1),
    )
    return claim


def _url(claim):
    return reverse("rights:case_action", args=[claim.nomination.reference, "compensation-decision"])


def test_the_page_for_every_persona(client, people, claim):
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(people[persona])
        response = client.get(_url(claim))
        assert response.status_code == CASEWORK[persona], persona


def test_only_officers_can_decide(client, people, claim):
    for persona in PERSONAS:
        if CASEWORK[persona] == 200:
            continue
        client.logout()
        if persona != "anonymous":
            client.force_login(people[persona])
        assert client.post(_url(claim), POST).status_code == CASEWORK[persona], persona
    claim.refresh_from_db()
    assert claim.outcome == CompensationOutcome.PENDING


def test_an_officer_decides_the_claim_and_it_is_audited(client, people, claim):
    client.force_login(people["officer"])
    url = _url(claim)
    assert_valid_html(client.get(url), url)
    refused = client.post(url, {"awarded": "", "reasons": "", "notice_on": "bad"})
    assert "There is a problem" in refused.content.decode()
    assert_valid_html(refused, url)
    assert client.post(url, POST).status_code == 302
    claim.refresh_from_db()
    assert claim.outcome == CompensationOutcome.PAID and claim.decision_notice_on == D(2024, 5, 1)
    event = AuditEvent.objects.get(action="rights.compensation_decided")
    assert event.actor_id == people["officer"].pk
    # Nothing left to decide: the page says so on the form.
    again = client.post(url, POST)
    assert "There is no undecided compensation claim" in again.content.decode()
