"""Asset transfer through its services: offers with published criteria, requests alone and
jointly, scores, terms with the less-than-best-consideration value, decisions with reasons."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from commonweal.core.models import AuditEvent
from commonweal.rights.transfer import services
from commonweal.rights.transfer.models import OfferStatus, RequestStatus
from commonweal.rights.transfer.tests.conftest import CASE

pytestmark = pytest.mark.django_db


def score_all(request, actor, score=4):
    for criterion in request.offer.criteria.all():
        services.score_request(
            actor=actor, request=request, criterion=criterion, score=score, notes="Clear case."
        )


def test_an_offer_publishes_its_criteria(offer):
    assert [c.name for c in offer.criteria.all()] == [
        "Community benefit",
        "Financial sustainability",
        "Governance and capacity",
    ]
    assert AuditEvent.objects.filter(action="assettransfer.asset_offered").exists()


def test_an_offer_needs_a_criterion(asset):
    with pytest.raises(services.TransferError, match="at least one criterion"):
        services.offer_asset(actor=None, asset=asset, title="Hall", criteria=[])


def test_a_group_asks_with_a_business_case(request_, group):
    assert request_.status == RequestStatus.SUBMITTED
    assert request_.reference.startswith("CAT-")
    assert request_.parties_label == group.name
    assert [c.status for c in request_.status_changes.all()] == ["submitted"]


def test_a_request_without_a_business_case_is_refused(offer, group, leader):
    with pytest.raises(services.TransferError, match="business case"):
        services.submit_request(
            actor=leader, offer=offer, organisation=group, **{**CASE, "business_case": ""}
        )


def test_a_lease_needs_its_length(offer, group, leader):
    with pytest.raises(services.TransferError, match="length of the lease"):
        services.submit_request(
            actor=leader, offer=offer, organisation=group, **{**CASE, "proposed_lease_years": None}
        )


def test_only_a_groups_leader_asks_for_it(offer, group, other_leader):
    with pytest.raises(PermissionDenied):
        services.submit_request(actor=other_leader, offer=offer, organisation=group, **CASE)


def test_an_officer_invites_groups_to_bid_jointly(
    offer, group, other_group, leader, other_leader, calderdale_officer
):
    joint = services.invite_joint_bid(
        actor=calderdale_officer,
        offer=offer,
        organisations=[group, other_group],
        invitation="Both groups use the hall; one shared bid keeps it open for both.",
    )
    assert joint.status == RequestStatus.INVITED and joint.is_joint
    assert joint.parties_label == "Park Road Residents and Hall Users Club"
    # Either invited group may complete it; the other sees it too.
    services.complete_joint_request(actor=other_leader, request=joint, **CASE)
    joint.refresh_from_db()
    assert joint.status == RequestStatus.SUBMITTED
    assert [c.status for c in joint.status_changes.all()] == ["invited", "submitted"]


def test_a_joint_bid_needs_two_groups(offer, group, calderdale_officer):
    with pytest.raises(services.TransferError, match="at least two"):
        services.invite_joint_bid(
            actor=calderdale_officer, offer=offer, organisations=[group, group], invitation="x"
        )


def test_a_group_not_invited_cannot_complete_a_joint_request(
    offer, group, other_group, calderdale_officer, resident
):
    joint = services.invite_joint_bid(
        actor=calderdale_officer, offer=offer, organisations=[group, other_group], invitation="x"
    )
    with pytest.raises(PermissionDenied):
        services.complete_joint_request(actor=resident, request=joint, **CASE)


def test_scores_against_the_published_criteria(request_, calderdale_officer):
    score_all(request_, calderdale_officer)
    assert request_.weighted_score() == (24, 30)
    criterion = request_.offer.criteria.first()
    services.score_request(
        actor=calderdale_officer, request=request_, criterion=criterion, score=5, notes="Better."
    )
    assert request_.weighted_score() == (27, 30)
    with pytest.raises(services.TransferError, match="from 0 to 5"):
        services.score_request(
            actor=calderdale_officer, request=request_, criterion=criterion, score=6, notes="x"
        )
    with pytest.raises(services.TransferError, match="notes"):
        services.score_request(
            actor=calderdale_officer, request=request_, criterion=criterion, score=3, notes=""
        )


def test_approval_records_the_terms_and_the_undervalue(request_, calderdale_officer):
    with pytest.raises(services.TransferError, match="every published criterion"):
        services.approve(
            actor=calderdale_officer,
            request=request_,
            tenure="lease",
            lease_years=25,
            annual_rent="1",
            market_value="250000",
            consideration="0",
            reasons="Strong case.",
        )
    score_all(request_, calderdale_officer)
    approved = services.approve(
        actor=calderdale_officer,
        request=request_,
        tenure="lease",
        lease_years=25,
        annual_rent="1",
        market_value="250000",
        consideration="1000",
        reasons="The hall stays open; the business case is sound.",
    )
    assert approved.status == RequestStatus.APPROVED
    assert (approved.tenure, approved.lease_years, approved.annual_rent) == (
        "lease",
        25,
        Decimal("1.00"),
    )
    assert approved.undervalue == Decimal("249000.00")
    assert not services.needs_consent(approved)
    approved.offer.refresh_from_db()
    assert approved.offer.status == OfferStatus.TRANSFERRED


def test_a_large_undervalue_is_flagged_for_consent(request_, calderdale_officer, settings):
    settings.ASSET_TRANSFER_CONSENT_THRESHOLD = 100000
    score_all(request_, calderdale_officer)
    approved = services.approve(
        actor=calderdale_officer,
        request=request_,
        tenure="freehold",
        market_value="250000",
        consideration="0",
        reasons="x",
    )
    assert approved.lease_years is None and services.needs_consent(approved)


def test_refusal_needs_reasons(request_, calderdale_officer):
    with pytest.raises(services.TransferError, match="reasons"):
        services.refuse(actor=calderdale_officer, request=request_, reasons="")
    services.refuse(actor=calderdale_officer, request=request_, reasons="No business case.")
    request_.refresh_from_db()
    assert request_.status == RequestStatus.REFUSED


def test_an_officer_of_another_borough_decides_nothing_here(request_, trafford_officer):
    with pytest.raises(PermissionDenied):
        services.refuse(actor=trafford_officer, request=request_, reasons="Not ours.")


def test_a_group_withdraws(request_, leader):
    services.withdraw_request(actor=leader, request=request_)
    request_.refresh_from_db()
    assert request_.status == RequestStatus.WITHDRAWN
    with pytest.raises(services.TransferError, match="cannot become"):
        services.withdraw_request(actor=leader, request=request_)


def test_the_demo_offers_a_sample_hall(calderdale, officer):
    from commonweal.rights.transfer.demo import load_sample_offer
    from commonweal.rights.transfer.models import TransferOffer

    assert load_sample_offer(calderdale, officer, "pw")
    offer = TransferOffer.objects.get(asset__authority=calderdale, is_sample=True)
    assert offer.asset.longitude is not None and offer.criteria.count() == 3
    assert load_sample_offer(calderdale, officer, "pw") == []


def test_personal_data_and_erasure(request_, leader):
    from commonweal.rights.transfer.personal_data import erase_person, personal_data

    held = personal_data(leader)["asset_transfer_requests_made"]
    assert [r["reference"] for r in held] == [request_.reference]
    erase_person(leader)
    request_.refresh_from_db()
    assert request_.created_by is None
