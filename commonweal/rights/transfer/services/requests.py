"""Requests to take an asset over: from one group, or jointly from several groups an officer
invited to bid together (collaboration, not a race); the council's scores against the
published criteria; and the decision with its terms and reasons."""

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.rights.transfer.models import (
    OfferStatus,
    RequestParty,
    RequestStatus,
    Score,
    StatusChange,
    Tenure,
    TransferOffer,
    TransferRequest,
)
from commonweal.rights.transfer.services.common import TransferError, check, person, today

MAX_LEASE_YEARS = 999


def _move(request: TransferRequest, status: str, reason: str, actor, fields=()) -> None:
    if not request.can_move_to(status):
        raise TransferError(
            f"A request that is “{request.get_status_display().lower()}” cannot become "
            f"“{RequestStatus(status).label.lower()}”.",
            "status",
        )
    before = request.status
    request.status = status
    request.save(update_fields=["status", *fields])
    StatusChange.objects.create(
        request=request,
        status=status,
        reason=reason,
        changed_by=person(actor),
        changed_at=timezone.now(),
    )
    audit.record(
        f"assettransfer.request_{status}",
        actor=actor,
        obj=request,
        before={"status": before},
        after={"status": status, "reason": reason},
    )


def _money(value, field: str, *, required: bool = False) -> Decimal | None:
    if value in (None, ""):
        if required:
            raise TransferError("Give an amount in pounds.", field)
        return None
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise TransferError("Give an amount in pounds, for example 1500.", field) from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1e12"):
        raise TransferError("Give an amount of 0 or more, in pounds.", field)
    return amount


def _terms(tenure: str, lease_years, field_prefix: str = "") -> tuple[str, int | None]:
    if tenure not in Tenure.values:
        raise TransferError("Choose freehold or a lease.", f"{field_prefix}tenure")
    if tenure == Tenure.LEASE:
        if not isinstance(lease_years, int) or not 1 <= lease_years <= MAX_LEASE_YEARS:
            raise TransferError(
                "Give the length of the lease in whole years.", f"{field_prefix}lease_years"
            )
        return tenure, lease_years
    return tenure, None


def _open(offer: TransferOffer) -> None:
    if offer.status != OfferStatus.OPEN:
        raise TransferError("This asset is not open for requests.", "offer")
    if offer.closes_on is not None and today() > offer.closes_on:
        raise TransferError(
            f"Requests for this asset closed on {offer.closes_on:%-d %B %Y}.", "offer"
        )


def _business_case(proposed_use: str, business_case: str) -> dict:
    missing = {}
    if not (proposed_use or "").strip():
        missing["proposed_use"] = "Say what you would use the asset for."
    if not (business_case or "").strip():
        missing["business_case"] = (
            "Give your business case: how you will pay for running and looking after it."
        )
    if missing:
        field, reason = next(iter(missing.items()))
        raise TransferError(reason, field)
    return {"proposed_use": proposed_use.strip(), "business_case": business_case.strip()}


def _new_reference(request: TransferRequest) -> None:
    request.reference = f"CAT-{timezone.localdate().year}-{request.pk:04d}"
    request.save(update_fields=["reference"])


def submit_request(
    *,
    actor,
    offer: TransferOffer,
    organisation,
    proposed_use: str,
    business_case: str,
    proposed_tenure: str,
    proposed_lease_years: int | None = None,
    proposed_rent=None,
) -> TransferRequest:
    """A group asks to take the asset over, with its business case and the terms it seeks."""
    check(actor, "assettransfer.submit_request", organisation)
    _open(offer)
    case = _business_case(proposed_use, business_case)
    tenure, years = _terms(proposed_tenure, proposed_lease_years, "proposed_")
    rent = _money(proposed_rent, "proposed_rent")
    if offer.requests.filter(
        parties__organisation=organisation, status__in=(RequestStatus.SUBMITTED,)
    ).exists():
        raise TransferError("This group has already asked for this asset.", "organisation")
    with transaction.atomic():
        request = TransferRequest.objects.create(
            offer=offer,
            reference=f"new-{uuid.uuid4().hex[:12]}",
            status=RequestStatus.SUBMITTED,
            proposed_tenure=tenure,
            proposed_lease_years=years,
            proposed_rent=rent,
            submitted_on=today(),
            created_by=person(actor),
            **case,
        )
        _new_reference(request)
        RequestParty.objects.create(request=request, organisation=organisation, lead=True)
        StatusChange.objects.create(
            request=request,
            status=RequestStatus.SUBMITTED,
            reason="Submitted",
            changed_by=person(actor),
            changed_at=timezone.now(),
        )
        audit.record(
            "assettransfer.request_submitted",
            actor=actor,
            obj=request,
            after={"offer": offer.slug, "organisations": [organisation.name]},
        )
    return request


def invite_joint_bid(
    *, actor, offer: TransferOffer, organisations: list, invitation: str
) -> TransferRequest:
    """An officer invites two or more groups to make one request together; the first is the
    lead. Any of them may then complete and submit it."""
    check(actor, "assettransfer.manage_offers", offer)
    _open(offer)
    unique = list({o.pk: o for o in organisations}.values())
    if len(unique) < 2:
        raise TransferError("Invite at least two groups to bid together.", "organisations")
    if not (invitation or "").strip():
        raise TransferError("Say why the groups are invited to bid together.", "invitation")
    with transaction.atomic():
        request = TransferRequest.objects.create(
            offer=offer,
            reference=f"new-{uuid.uuid4().hex[:12]}",
            status=RequestStatus.INVITED,
            invitation=invitation.strip(),
            created_by=person(actor),
        )
        _new_reference(request)
        RequestParty.objects.bulk_create(
            RequestParty(request=request, organisation=o, lead=index == 0)
            for index, o in enumerate(unique)
        )
        StatusChange.objects.create(
            request=request,
            status=RequestStatus.INVITED,
            reason=invitation.strip(),
            changed_by=person(actor),
            changed_at=timezone.now(),
        )
        audit.record(
            "assettransfer.joint_bid_invited",
            actor=actor,
            obj=request,
            after={"offer": offer.slug, "organisations": [o.name for o in unique]},
        )
    return request


def complete_joint_request(
    *,
    actor,
    request: TransferRequest,
    proposed_use: str,
    business_case: str,
    proposed_tenure: str,
    proposed_lease_years: int | None = None,
    proposed_rent=None,
) -> TransferRequest:
    """One of the invited groups submits the joint request, with the shared business case."""
    check(actor, "assettransfer.complete_request", request)
    _open(request.offer)
    case = _business_case(proposed_use, business_case)
    tenure, years = _terms(proposed_tenure, proposed_lease_years, "proposed_")
    rent = _money(proposed_rent, "proposed_rent")
    with transaction.atomic():
        request = TransferRequest.objects.select_for_update().get(pk=request.pk)
        request.proposed_use, request.business_case = case["proposed_use"], case["business_case"]
        request.proposed_tenure, request.proposed_lease_years = tenure, years
        request.proposed_rent = rent
        request.submitted_on = today()
        fields = ("proposed_use", "business_case", "proposed_tenure", "proposed_lease_years")
        _move(
            request,
            RequestStatus.SUBMITTED,
            "Submitted jointly",
            actor,
            fields=(*fields, "proposed_rent", "submitted_on"),
        )
    return request


def withdraw_request(*, actor, request: TransferRequest, reason: str = "") -> TransferRequest:
    check(actor, "assettransfer.complete_request", request)
    with transaction.atomic():
        request = TransferRequest.objects.select_for_update().get(pk=request.pk)
        _move(request, RequestStatus.WITHDRAWN, (reason or "Withdrawn").strip(), actor)
    return request


def score_request(*, actor, request: TransferRequest, criterion, score: int, notes: str) -> Score:
    """The council's score and notes against one published criterion."""
    check(actor, "assettransfer.assess_request", request)
    if criterion.offer_id != request.offer_id:
        raise TransferError("That criterion was not published for this asset.", "criterion")
    if request.status != RequestStatus.SUBMITTED:
        raise TransferError("Only a submitted request can be assessed.", "status")
    if not isinstance(score, int) or not 0 <= score <= criterion.max_score:
        raise TransferError(f"Give a score from 0 to {criterion.max_score}.", "score")
    if not (notes or "").strip():
        raise TransferError("Give notes explaining the score.", "notes")
    with transaction.atomic():
        held = Score.objects.filter(request=request, criterion=criterion).first()
        before = {"score": held.score, "notes": held.notes} if held else None
        scored, _ = Score.objects.update_or_create(
            request=request,
            criterion=criterion,
            defaults={
                "score": score,
                "notes": notes.strip(),
                "assessed_by": person(actor),
                "assessed_at": timezone.now(),
            },
        )
        audit.record(
            "assettransfer.request_scored",
            actor=actor,
            obj=request,
            before=before,
            after={"criterion": criterion.name, "score": score, "notes": notes.strip()},
        )
    return scored


def approve(
    *,
    actor,
    request: TransferRequest,
    tenure: str,
    reasons: str,
    market_value,
    consideration,
    lease_years: int | None = None,
    annual_rent=None,
    decided_on: dt.date | None = None,
) -> TransferRequest:
    """Approve on the terms given, recording the less-than-best-consideration value (the
    market value less the consideration) the council gives up."""
    check(actor, "assettransfer.decide_request", request)
    tenure, years = _terms(tenure, lease_years)
    value = _money(market_value, "market_value", required=True)
    price = _money(consideration, "consideration", required=True)
    rent = _money(annual_rent, "annual_rent")
    if not (reasons or "").strip():
        raise TransferError("Give the reasons for the decision.", "reasons")
    criteria = set(request.offer.criteria.values_list("pk", flat=True))
    scored = set(request.scores.values_list("criterion_id", flat=True))
    if criteria - scored:
        raise TransferError(
            "Score the request against every published criterion before deciding.", "scores"
        )
    with transaction.atomic():
        request = TransferRequest.objects.select_for_update().get(pk=request.pk)
        request.decided_on = decided_on or today()
        request.decision_reasons = reasons.strip()
        request.tenure, request.lease_years, request.annual_rent = tenure, years, rent
        request.market_value, request.consideration = value, price
        request.undervalue = max(value - price, Decimal("0.00"))
        _move(
            request,
            RequestStatus.APPROVED,
            "Approved",
            actor,
            fields=(
                "decided_on",
                "decision_reasons",
                "tenure",
                "lease_years",
                "annual_rent",
                "market_value",
                "consideration",
                "undervalue",
            ),
        )
        TransferOffer.objects.filter(pk=request.offer_id).update(status=OfferStatus.TRANSFERRED)
    return request


def needs_consent(request: TransferRequest) -> bool:
    """Undervalue above the General Disposal Consent's limit needs the Secretary of State's
    specific consent (the threshold is a setting awaiting legal confirmation)."""
    threshold = getattr(settings, "ASSET_TRANSFER_CONSENT_THRESHOLD", 2_000_000)
    return request.undervalue is not None and request.undervalue > threshold


def refuse(*, actor, request: TransferRequest, reasons: str) -> TransferRequest:
    check(actor, "assettransfer.decide_request", request)
    if not (reasons or "").strip():
        raise TransferError("Give the reasons for the decision.", "reasons")
    with transaction.atomic():
        request = TransferRequest.objects.select_for_update().get(pk=request.pk)
        request.decided_on = today()
        request.decision_reasons = reasons.strip()
        _move(
            request,
            RequestStatus.REFUSED,
            "Refused",
            actor,
            fields=("decided_on", "decision_reasons"),
        )
    return request
