"""The right to challenge's API under /api/v1/rights/challenge/: services and their windows
(public), decisions (public), and expressions of interest (submitted and decided)."""

import datetime as dt
from typing import Annotated, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from pydantic import StringConstraints

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import WRITE_ERRORS, ErrorResponse, PlainText, error_body
from commonweal.core.permissions import require
from commonweal.directory.models import Organisation
from commonweal.rights.challenge import services
from commonweal.rights.challenge.models import ExpressionOfInterest, RelevantService
from commonweal.rights.challenge.services._common import today

router = Router(tags=["Right to challenge"])

Text = PlainText(10000)
Name = PlainText(200)
Slug = Annotated[str, StringConstraints(max_length=220, pattern=r"^[-a-zA-Z0-9_]+$")]
Ground = Literal[
    "non_compliant",
    "inadequate",
    "not_suitable",
    "stopping_service",
    "nhs_integrated",
    "procurement",
    "negotiations",
    "employee_mutual",
    "frivolous",
    "breach",
]


class WindowOut(Schema):
    opens: dt.date
    closes: dt.date
    note: str


class ServiceOut(Schema):
    slug: str
    name: str
    authority: str = Field(description="The council's GSS code.")
    area_covered: str
    excluded: bool = Field(description="Excluded from the right to challenge today (CRC-04).")
    excluded_basis: str
    decision_period: str = Field(description="The published longest time to decide (s.84).")
    procurement_min_period: str
    windows: list[WindowOut]


class GroundOut(Schema):
    ground: str
    label: str
    reasons: str


class ProcurementOut(Schema):
    earliest_start: dt.date
    explanation: str
    status: str
    started_on: dt.date | None


class ExpressionOut(Schema):
    reference: str
    service: str
    body: str
    body_kind: str
    received_on: dt.date
    decision_due: dt.date
    decision_due_explanation: str
    timetable_notice_due: dt.date
    status: str
    decided_on: dt.date | None
    decision_reasons: str
    grounds: list[GroundOut]
    procurement: ProcurementOut | None


class ExpressionIn(Schema):
    service: Slug
    organisation: Slug | None = Field(
        None, description="The directory organisation's slug; leave out for employees."
    )
    employee_names: list[Name] = Field([], max_length=50)
    service_and_area: Text = ""
    financial_resources: Text = ""
    capability: Text = ""
    outcomes: Text = ""
    consortium: bool = False
    consortium_details: Text = ""
    employee_engagement: Text = ""


class GroundIn(Schema):
    ground: Ground
    reasons: Text


class DecisionIn(Schema):
    decision: Literal["accept", "reject"]
    reasons: Text = ""
    grounds: list[GroundIn] = Field([], max_length=10)


def _service(service: RelevantService) -> dict:
    return {
        "slug": service.slug,
        "name": service.name,
        "authority": service.authority.gss_code,
        "area_covered": service.area_covered,
        "excluded": service.is_excluded_on(today()),
        "excluded_basis": service.excluded_basis,
        "decision_period": service.decision_period_text,
        "procurement_min_period": service.procurement_period_text,
        "windows": [
            {"opens": w.opens, "closes": w.closes, "note": w.note} for w in service.windows.all()
        ],
    }


def _expression(expression: ExpressionOfInterest) -> dict:
    procurement = getattr(expression, "procurement", None)
    return {
        "reference": expression.reference,
        "service": expression.service.slug,
        "body": expression.body_name,
        "body_kind": expression.body_kind,
        "received_on": expression.received_on,
        "decision_due": expression.decision_due,
        "decision_due_explanation": expression.decision_due_explanation,
        "timetable_notice_due": expression.timetable_notice_due,
        "status": expression.status,
        "decided_on": expression.decided_on,
        "decision_reasons": expression.decision_reasons,
        "grounds": [
            {"ground": g.ground, "label": g.get_ground_display(), "reasons": g.reasons}
            for g in expression.grounds.all()
            if g.modification_id is None
        ],
        "procurement": (
            {
                "earliest_start": procurement.earliest_start,
                "explanation": procurement.earliest_start_explanation,
                "status": procurement.status,
                "started_on": procurement.started_on,
            }
            if procurement
            else None
        ),
    }


def _refused(exc: services.ChallengeError) -> Status:
    errors = exc.errors if isinstance(exc, services.ChallengeInvalid) else {exc.field: exc.reason}
    details = [
        {"location": f"body.payload.{field}" if field else "body.payload", "message": message}
        for field, message in errors.items()
    ]
    return Status(422, error_body("refused", exc.reason, details))


def _visible(request):
    return ExpressionOfInterest.objects.visible_to(request.user).select_related(
        "service__authority", "organisation", "procurement"
    )


@router.get(
    "/services",
    response={200: list[ServiceOut]},
    summary="Services open to challenge, and excluded ones",
    description="Every service the councils have published, with its windows and timetable.",
    url_name="challenge_services",
    operation_id="challenge_services",
)
def list_services(request: HttpRequest):
    require(request.user, "challenge.view_services")
    found = RelevantService.objects.select_related("authority").prefetch_related("windows")
    return [_service(s) for s in found]


@router.get(
    "/expressions",
    response={200: list[ExpressionOut]},
    summary="Expressions of interest",
    description="Decided ones for everyone; undecided ones only for those who submitted "
    "them, their group's leaders and the council's officers. The newest 200.",
    url_name="challenge_expressions",
    operation_id="challenge_expressions",
)
def list_expressions(request: HttpRequest):
    return [_expression(e) for e in _visible(request).prefetch_related("grounds")[:200]]


@router.get(
    "/expressions/{reference}",
    response={200: ExpressionOut, 404: ErrorResponse, 422: ErrorResponse},
    summary="One expression of interest",
    description="404 for one this person may not see; 422 for a reference that cannot be one.",
    url_name="challenge_expression",
    operation_id="challenge_expression",
)
def expression_detail(request: HttpRequest, reference: Annotated[str, Field(max_length=20)]):
    expression = _visible(request).filter(reference=reference).first()
    if expression is None:
        raise Http404("There is no expression of interest with that reference.")
    return _expression(expression)


@router.post(
    "/expressions",
    auth=session_or_token,
    response={201: ExpressionOut, **WRITE_ERRORS},
    summary="Express an interest in running a service",
    description="For a group's leaders (with `organisation`) or two or more employees (with "
    "`employee_names`). 422, listing every missing item of the required contents, or the "
    "reason the service, the body or the date cannot be accepted; nothing is saved.",
    url_name="challenge_express",
    operation_id="challenge_express",
)
def express(request: HttpRequest, payload: ExpressionIn):
    service = RelevantService.objects.filter(slug=payload.service).first()
    if service is None:
        raise Http404("There is no service with that name.")
    organisation = None
    if payload.organisation:
        organisation = Organisation.records.filter(slug=payload.organisation).first()
        if organisation is None:
            raise Http404("There is no organisation with that name.")
    require(request.user, "challenge.submit_expression", organisation)
    values = payload.dict(exclude={"service", "organisation", "employee_names", "consortium"})
    try:
        expression = services.submit_expression(
            actor=request.user,
            service=service,
            organisation=organisation,
            employee_names=payload.employee_names,
            consortium=payload.consortium,
            **values,
        )
    except services.ChallengeError as exc:
        return _refused(exc)
    return Status(201, _expression(expression))


@router.post(
    "/expressions/{reference}/decision",
    auth=session_or_token,
    response={200: ExpressionOut, **WRITE_ERRORS},
    summary="Accept or reject an expression of interest",
    description="For the council's officers. A rejection needs one or more of the statutory "
    "grounds, each with reasons; acceptance records a procurement exercise for the service.",
    url_name="challenge_decide",
    operation_id="challenge_decide",
)
def decide(
    request: HttpRequest, reference: Annotated[str, Field(max_length=20)], payload: DecisionIn
):
    expression = _visible(request).filter(reference=reference).first()
    if expression is None:
        raise Http404("There is no expression of interest with that reference.")
    require(request.user, "challenge.decide_expression", expression.service)
    try:
        if payload.decision == "accept":
            services.accept(actor=request.user, expression=expression, reasons=payload.reasons)
        else:
            grounds = {g.ground: g.reasons for g in payload.grounds}
            services.reject(actor=request.user, expression=expression, grounds=grounds)
    except services.ChallengeError as exc:
        return _refused(exc)
    return _expression(_visible(request).get(pk=expression.pk))


class WindowIn(Schema):
    opens: dt.date
    closes: dt.date
    note: Name = ""


class ModificationIn(Schema):
    proposal: Text = Field(..., description="The modification the council proposes.")
    grounds: list[GroundIn] = Field(
        ..., min_length=1, max_length=10, description="The grounds it would otherwise reject on."
    )


@router.post(
    "/services/{slug}/windows",
    auth=session_or_token,
    response={201: ServiceOut, **WRITE_ERRORS},
    summary="Publish a window for expressions of interest",
    description="For the council's officers. Expressions of interest in the service may then "
    "be submitted only within a published window.",
    url_name="challenge_publish_window",
    operation_id="challenge_publish_window",
)
def publish_window(request: HttpRequest, slug: Slug, payload: WindowIn):
    service = RelevantService.objects.select_related("authority").filter(slug=slug).first()
    if service is None:
        raise Http404("There is no service with that name.")
    require(request.user, "challenge.manage_services", service.authority)
    try:
        services.publish_window(actor=request.user, service=service, **payload.dict())
    except services.ChallengeError as exc:
        return _refused(exc)
    return Status(201, _service(RelevantService.objects.get(pk=service.pk)))


@router.post(
    "/expressions/{reference}/modification",
    auth=session_or_token,
    response={200: ExpressionOut, **WRITE_ERRORS},
    summary="Propose a modification to an expression of interest",
    description="For the council's officers, only where the council would otherwise reject: "
    "give the grounds, each with reasons. It takes effect only if the body agrees.",
    url_name="challenge_propose_modification",
    operation_id="challenge_propose_modification",
)
def propose_modification(
    request: HttpRequest, reference: Annotated[str, Field(max_length=20)], payload: ModificationIn
):
    expression = _visible(request).filter(reference=reference).first()
    if expression is None:
        raise Http404("There is no expression of interest with that reference.")
    require(request.user, "challenge.decide_expression", expression.service)
    try:
        services.propose_modification(
            actor=request.user,
            expression=expression,
            proposal=payload.proposal,
            grounds={g.ground: g.reasons for g in payload.grounds},
        )
    except services.ChallengeError as exc:
        return _refused(exc)
    return _expression(_visible(request).get(pk=expression.pk))
