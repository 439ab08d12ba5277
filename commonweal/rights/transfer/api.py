"""Asset transfer's API under /api/v1/rights/asset-transfer/: the register and the assets
offered (public), requests from groups, and the council's decisions."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from pydantic import StringConstraints

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import WRITE_ERRORS, ErrorResponse, PlainText, error_body
from commonweal.core.permissions import require
from commonweal.directory.models import Organisation
from commonweal.places.models import Area, AreaType
from commonweal.rights.transfer import services
from commonweal.rights.transfer.models import LandAsset, TransferOffer, TransferRequest

router = Router(tags=["Community asset transfer"])

Text = PlainText(10000)
Slug = Annotated[str, StringConstraints(max_length=220, pattern=r"^[-a-zA-Z0-9_]+$")]
Code = Annotated[str, StringConstraints(max_length=9, pattern=r"^[A-Za-z][0-9]{8}$")]
Reference = Annotated[str, StringConstraints(max_length=20, pattern=r"^[-A-Za-z0-9]+$")]
Money = Annotated[Decimal, Field(ge=0, lt=10**12, max_digits=14, decimal_places=2)]


class AssetOut(Schema):
    asset_code: str
    uprn: str
    name: str
    address: str
    longitude: float | None
    latitude: float | None
    tenure_type: str
    tenure_detail: str
    holding_type: str
    building_size_m2: Decimal | None
    land_area_ha: Decimal | None


class CriterionOut(Schema):
    name: str
    description: str
    weight: int
    max_score: int


class OfferOut(Schema):
    slug: str
    title: str
    authority: str
    status: str
    closes_on: dt.date | None
    asset: AssetOut
    criteria: list[CriterionOut]


class ScoreOut(Schema):
    criterion: str
    score: int
    notes: str


class RequestOut(Schema):
    reference: str
    offer: str
    status: str
    organisations: list[str]
    joint: bool
    proposed_use: str
    business_case: str
    proposed_tenure: str
    decided_on: dt.date | None
    decision_reasons: str
    tenure: str
    lease_years: int | None
    annual_rent: Decimal | None
    market_value: Decimal | None
    consideration: Decimal | None
    undervalue: Decimal | None = Field(
        description="Less than best consideration: the market value less what the group pays."
    )
    scores: list[ScoreOut]


class RequestIn(Schema):
    organisation: Slug
    proposed_use: Text
    business_case: Text
    proposed_tenure: Literal["freehold", "lease"]
    proposed_lease_years: int | None = Field(None, ge=1, le=999)
    proposed_rent: Money | None = None


class DecisionIn(Schema):
    decision: Literal["approve", "refuse"]
    reasons: Text
    tenure: Literal["freehold", "lease"] | None = None
    lease_years: int | None = Field(None, ge=1, le=999)
    annual_rent: Money | None = None
    market_value: Money | None = None
    consideration: Money | None = None


def _asset(asset: LandAsset) -> dict:
    return {
        "asset_code": asset.asset_code,
        "uprn": asset.uprn,
        "name": asset.name,
        "address": asset.address,
        "longitude": asset.longitude,
        "latitude": asset.latitude,
        "tenure_type": asset.tenure_type,
        "tenure_detail": asset.tenure_detail,
        "holding_type": asset.holding_type,
        "building_size_m2": asset.building_size_m2,
        "land_area_ha": asset.land_area_ha,
    }


def _offer(offer: TransferOffer) -> dict:
    return {
        "slug": offer.slug,
        "title": offer.title,
        "authority": offer.asset.authority.gss_code,
        "status": offer.status,
        "closes_on": offer.closes_on,
        "asset": _asset(offer.asset),
        "criteria": [
            {
                "name": c.name,
                "description": c.description,
                "weight": c.weight,
                "max_score": c.max_score,
            }
            for c in offer.criteria.all()
        ],
    }


def _request(found: TransferRequest) -> dict:
    names = [p.organisation.name for p in found.parties.select_related("organisation")]
    return {
        "reference": found.reference,
        "offer": found.offer.slug,
        "status": found.status,
        "organisations": names,
        "joint": len(names) > 1,
        "proposed_use": found.proposed_use,
        "business_case": found.business_case,
        "proposed_tenure": found.proposed_tenure,
        "decided_on": found.decided_on,
        "decision_reasons": found.decision_reasons,
        "tenure": found.tenure,
        "lease_years": found.lease_years,
        "annual_rent": found.annual_rent,
        "market_value": found.market_value,
        "consideration": found.consideration,
        "undervalue": found.undervalue,
        "scores": [
            {"criterion": s.criterion.name, "score": s.score, "notes": s.notes}
            for s in found.scores.select_related("criterion")
        ],
    }


def _refused(exc: services.TransferError) -> Status:
    location = f"body.payload.{exc.field}" if exc.field else "body.payload"
    return Status(
        422, error_body("refused", exc.reason, [{"location": location, "message": exc.reason}])
    )


def _offers():
    return (
        TransferOffer.objects.exclude(status="withdrawn")
        .select_related("asset__authority")
        .prefetch_related("criteria")
    )


def _visible(request, reference: str) -> TransferRequest:
    found = (
        TransferRequest.objects.visible_to(request.user)
        .select_related("offer__asset__authority")
        .filter(reference=reference)
        .first()
    )
    if found is None:
        raise Http404("There is no request with that reference.")
    return found


@router.get(
    "/register/{code}",
    response={200: list[AssetOut], 404: ErrorResponse, 422: ErrorResponse},
    summary="A council's land and buildings",
    description="The council's land and building assets register, as imported from its "
    "Local Government Transparency Code file. 404 for a council we do not hold.",
    url_name="assettransfer_register",
    operation_id="assettransfer_register",
)
def register(request: HttpRequest, code: Code):
    require(request.user, "assettransfer.view_register")
    council = Area.objects.filter(area_type=AreaType.LOCAL_AUTHORITY, gss_code=code.upper()).first()
    if council is None:
        raise Http404("We do not hold a council with that code.")
    return [_asset(a) for a in LandAsset.objects.in_authority(council)]


@router.get(
    "/offers",
    response={200: list[OfferOut]},
    summary="Assets offered for transfer",
    description="Every asset offered (and transferred), with its published criteria.",
    url_name="assettransfer_offers",
    operation_id="assettransfer_offers",
)
def list_offers(request: HttpRequest):
    require(request.user, "assettransfer.view_register")
    return [_offer(o) for o in _offers()]


@router.post(
    "/offers/{slug}/requests",
    auth=session_or_token,
    response={201: RequestOut, **WRITE_ERRORS},
    summary="Ask to take an asset over",
    description="For a group's leaders. 422 with the reason if the business case, the terms "
    "or the offer cannot be accepted; nothing is saved.",
    url_name="assettransfer_ask",
    operation_id="assettransfer_ask",
)
def ask(request: HttpRequest, slug: Slug, payload: RequestIn):
    offer = _offers().filter(slug=slug).first()
    if offer is None:
        raise Http404("There is no asset offered with that name.")
    organisation = Organisation.records.filter(slug=payload.organisation).first()
    if organisation is None:
        raise Http404("There is no organisation with that name.")
    require(request.user, "assettransfer.submit_request", organisation)
    try:
        found = services.submit_request(
            actor=request.user,
            offer=offer,
            organisation=organisation,
            **payload.dict(exclude={"organisation"}),
        )
    except services.TransferError as exc:
        return _refused(exc)
    return Status(201, _request(found))


@router.get(
    "/requests/{reference}",
    response={200: RequestOut, 404: ErrorResponse, 422: ErrorResponse},
    summary="One request",
    description="Decided requests for everyone; the rest for their groups' leaders and the "
    "council's officers (404 for anyone else).",
    url_name="assettransfer_request",
    operation_id="assettransfer_request",
)
def request_detail(request: HttpRequest, reference: Reference):
    return _request(_visible(request, reference))


@router.post(
    "/requests/{reference}/decision",
    auth=session_or_token,
    response={200: RequestOut, **WRITE_ERRORS},
    summary="Approve or refuse a request",
    description="For the council's officers. Approval needs the terms (tenure, lease length "
    "for a lease, market value and consideration) and a score against every published "
    "criterion; it records the less-than-best-consideration value.",
    url_name="assettransfer_decide",
    operation_id="assettransfer_decide",
)
def decide(request: HttpRequest, reference: Reference, payload: DecisionIn):
    found = _visible(request, reference)
    require(request.user, "assettransfer.decide_request", found)
    try:
        if payload.decision == "refuse":
            services.refuse(actor=request.user, request=found, reasons=payload.reasons)
        else:
            services.approve(
                actor=request.user,
                request=found,
                **payload.dict(exclude={"decision"}),
            )
    except services.TransferError as exc:
        return _refused(exc)
    return _request(TransferRequest.objects.get(pk=found.pk))


class JointBidIn(Schema):
    organisations: list[Slug] = Field(
        ..., min_length=2, max_length=20, description="The groups' directory slugs; first leads."
    )
    invitation: Text = Field(..., description="Why the groups are invited to bid together.")


class ScoreIn(Schema):
    criterion: int = Field(..., ge=1, le=2**31 - 1, description="A published criterion's id.")
    score: int = Field(..., ge=0, le=100, description="From 0 to the criterion's maximum.")
    notes: Text = Field(..., description="Why this score.")


@router.post(
    "/offers/{slug}/joint-bids",
    auth=session_or_token,
    response={201: RequestOut, **WRITE_ERRORS},
    summary="Invite groups to bid jointly",
    description="For the council's officers. Two or more groups in the council's directory are "
    "invited to make one request together (the first leads); any of them may complete it.",
    url_name="assettransfer_invite",
    operation_id="assettransfer_invite",
)
def invite(request: HttpRequest, slug: Slug, payload: JointBidIn):
    offer = _offers().filter(slug=slug).first()
    if offer is None:
        raise Http404("No asset is offered under that name.")
    require(request.user, "assettransfer.manage_offers", offer)
    groups = Organisation.public.in_authority(offer.asset.authority)
    found = {g.slug: g for g in groups.filter(slug__in=payload.organisations)}
    missing = [s for s in payload.organisations if s not in found]
    try:
        if missing:
            raise services.TransferError(
                f"These are not groups in the council's directory: {', '.join(missing[:5])}.",
                "organisations",
            )
        joint = services.invite_joint_bid(
            actor=request.user,
            offer=offer,
            organisations=[found[s] for s in payload.organisations],
            invitation=payload.invitation,
        )
    except services.TransferError as exc:
        return _refused(exc)
    return Status(201, _request(TransferRequest.objects.get(pk=joint.pk)))


@router.post(
    "/requests/{reference}/scores",
    auth=session_or_token,
    response={200: RequestOut, **WRITE_ERRORS},
    summary="Score a request against a published criterion",
    description="For the council's officers, while the request is submitted. Giving a score "
    "again replaces it (the audit log keeps both).",
    url_name="assettransfer_score",
    operation_id="assettransfer_score",
)
def score(request: HttpRequest, reference: Reference, payload: ScoreIn):
    found = _visible(request, reference)
    require(request.user, "assettransfer.assess_request", found)
    criterion = found.offer.criteria.filter(pk=payload.criterion).first()
    try:
        if criterion is None:
            raise services.TransferError(
                "That criterion was not published for this asset.", "criterion"
            )
        services.score_request(
            actor=request.user,
            request=found,
            criterion=criterion,
            score=payload.score,
            notes=payload.notes,
        )
    except services.TransferError as exc:
        return _refused(exc)
    return _request(TransferRequest.objects.get(pk=found.pk))
