"""Erasing an account pseudonymises the person in right to bid cases and keeps the record."""

import datetime as dt

import pytest

from commonweal.accounts.erasure import erase_account
from commonweal.core.personal_data import export
from commonweal.rights import services
from commonweal.rights.models import BidderRequest, CaseStatus, Nomination, Notice
from commonweal.rights.personal_data import ERASED_NAME

D = dt.date
pytestmark = pytest.mark.django_db


def test_erasing_the_owner_keeps_the_entry_and_forgets_the_person(people, listed, group):
    owner = people["owner"]
    notice = services.record_disposal_notice(
        actor=people["officer"], nomination=listed, received_on=D(2024, 3, 4), given_by="Owen Owner"
    )
    claim, _ = services.record_claim(
        actor=people["officer"],
        nomination=listed,
        claimant="Owen Owner",
        loss_description="Delay to a sale",
        loss_incurred_on=D(2024, 3, 10),
        amount=100,
        evidence="A letter",
        received_on=D(2024, 4, 1),
    )
    assert export(owner)["features"]["rights"]["land_owned"]
    erase_account(actor=owner, user=owner)
    listed.refresh_from_db()
    notice.refresh_from_db()
    claim.refresh_from_db()
    assert listed.owner_user is None
    assert listed.status == CaseStatus.LISTED and listed.decided_on == D(2024, 3, 4)
    assert listed.decision_reasons and listed.owners  # the statutory record stays
    assert notice.given_by == ERASED_NAME and notice.received_on == D(2024, 3, 4)
    assert claim.claimant == ERASED_NAME
    assert not Notice.objects.filter(recipient_name__contains="Owen Owner").exists()
    assert not export(owner)["features"]["rights"]["land_owned"]


def test_erasing_the_nominating_contact_and_a_requester(people, listed, group, parish):
    services.record_disposal_notice(
        actor=people["officer"], nomination=listed, received_on=D(2024, 3, 4)
    )
    services.record_bidder_request(
        actor=people["parish"],
        nomination=listed,
        group_name=parish.name,
        body_kind="parish-council",
        organisation=parish,
        received_on=D(2024, 3, 20),
    )
    nominator, clerk = people["nominator"], people["parish"]
    erase_account(actor=nominator, user=nominator)
    erase_account(actor=clerk, user=clerk)
    listed.refresh_from_db()
    assert listed.created_by is None and listed.nominator == group
    request = BidderRequest.objects.get()
    assert request.recorded_by is None and request.group_name == parish.name
    assert Nomination.objects.filter(pk=listed.pk, status=CaseStatus.LISTED).exists()
    assert not export(nominator)["features"]["rights"]["nominations_sent"]
