"""The right to bid's casework in the API: nominate, decide, the owner's notice, a request to
be treated as a bidder, and a disposal. Each operation calls the service the pages call, so
the permission checks, audit rows and refusals are the same. Registered from api.py."""

import datetime as dt
from typing import Annotated, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Schema
from ninja.responses import Status
from pydantic import StringConstraints

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import WRITE_ERRORS, PlainText, error_body
from commonweal.core.permissions import can, require
from commonweal.directory.models import Organisation
from commonweal.rights import presenters, services
from commonweal.rights.api_assets import AcvEntryOut, _cases, _present
from commonweal.rights.models import DisposalType, ExemptionBasis, NominatorKind
from commonweal.rights.services import NominationRefused, RightsError
from commonweal.rights.services._common import today
from commonweal.rights.services.eligibility import body_kind_for

Line = PlainText(300)
Text = PlainText(10_000)
Slug = Annotated[str, StringConstraints(max_length=220, pattern=r"^[-a-zA-Z0-9_]*$")]
Reference = Annotated[str, Field(max_length=20)]


class AcvNominationIn(Schema):
    nominator: Slug = Field(description="The nominating group's slug; you must lead it.")
    parish: Slug = Field("", description="The parish council's slug, if there is one.")
    name: Line
    address: Line = ""
    postcode: Annotated[str, StringConstraints(max_length=8, pattern=r"^[A-Za-z0-9 ]*$")] = ""
    description: Text
    occupiers: Text
    owners: Text
    reasons: Text
    eligibility_evidence: Text
    boundary: Text = Field(description="The land's boundary, a GeoJSON Polygon in WGS84.")
    local_members: int | None = Field(None, ge=0, le=1_000_000)
    distributes_surplus: bool = False


class AcvDecisionIn(Schema):
    listed: bool = Field(description="true to list the land, false to refuse.")
    reasons: Text
    current_use_finding: Text = ""
    recent_past_finding: Text = ""
    decided_on: dt.date | None = Field(None, description="Default: today.")


class AcvOwnerNoticeIn(Schema):
    received_on: dt.date | None = Field(None, description="Default: today.")
    given_by: Line = ""
    intended_disposal: Line = ""


class AcvBidderRequestIn(Schema):
    organisation: Slug = Field(
        "",
        description="Your group's slug: the group asks to bid. Leave out to record one "
        "received on paper (officers), with group_name and body_kind.",
    )
    group_name: PlainText(200) = ""
    body_kind: Annotated[str, StringConstraints(max_length=45)] = ""
    received_on: dt.date | None = Field(None, description="Default: today.")
    received_by_council: bool = True


class AcvBidderRequestOut(Schema):
    counts: bool = Field(description="Whether it triggers the full moratorium (s.98).")
    explanation: str
    entry: AcvEntryOut


class AcvDisposalIn(Schema):
    disposal_type: Literal[tuple(DisposalType.values)]  # type: ignore[valid-type]
    binding_on: dt.date = Field(description="The date the disposal became binding.")
    buyer: Line
    buyer_kind: Literal[tuple(NominatorKind.values)] = "other"  # type: ignore[valid-type]
    buyer_requested_to_bid: bool = False
    lease_years: int | None = Field(None, ge=0, le=10_000)
    exemption: Literal[("", *ExemptionBasis.values)] = ""  # type: ignore[valid-type]
    exemption_details: Text = ""
    option_granted_on: dt.date | None = None
    notes: Text = ""


class AcvDisposalOut(Schema):
    relevant: bool
    exempt: bool
    allowed: bool
    findings: list[str]
    entry: AcvEntryOut


def _refused(error: RightsError) -> Status:
    errors = error.errors if isinstance(error, NominationRefused) else {error.field: error.reason}
    details = [
        {"location": f"body.payload.{field}" if field else "body.payload", "message": message}
        for field, message in errors.items()
    ]
    return Status(422, error_body("refused", error.reason, details))


def _case(request: HttpRequest, reference: str, permission: str):
    """The case, or 404 for one this person may not see; 403 for one they may see but not
    act on."""
    nomination = _cases().filter(reference=reference[:20]).first()
    if nomination is None or not can(request.user, "rights.view_entry", nomination):
        raise Http404("No such entry.")
    require(request.user, permission, nomination)
    return nomination


def _entry(nomination) -> dict:
    return _present(presenters.entry(_cases().get(pk=nomination.pk), today(), public=False))


def _organisation(slug: str) -> Organisation:
    organisation = Organisation.records.filter(slug=slug).first()
    if organisation is None:
        raise Http404("There is no organisation with that name.")
    return organisation


def register_operations(router) -> None:
    @router.post(
        "/assets",
        auth=session_or_token,
        response={201: AcvEntryOut, **WRITE_ERRORS},
        summary="Nominate land as an asset of community value",
        description="For a leader of an eligible group (s.89). 422 lists every missing item "
        "of the required contents or the reason the group is not eligible; nothing is saved.",
        url_name="rights_nominate",
        operation_id="rights_nominate",
    )
    def nominate(request: HttpRequest, payload: AcvNominationIn):
        nominator = _organisation(payload.nominator)
        require(request.user, "rights.nominate", nominator)
        parish = _organisation(payload.parish) if payload.parish else None
        values = payload.dict(
            include={
                "name",
                "address",
                "description",
                "occupiers",
                "owners",
                "reasons",
                "eligibility_evidence",
            }
        )
        try:
            nomination = services.submit_nomination(
                actor=request.user,
                authority=nominator.authority,
                nominator=nominator,
                boundary_geojson=payload.boundary,
                local_members=payload.local_members,
                distributes_surplus=payload.distributes_surplus,
                parish=parish,
                postcode=payload.postcode,
                **values,
            )
        except RightsError as error:
            return _refused(error)
        return Status(201, _entry(nomination))

    @router.post(
        "/assets/{reference}/decision",
        auth=session_or_token,
        response={200: AcvEntryOut, **WRITE_ERRORS},
        summary="List the land or refuse the nomination",
        description="For the council's officers. The notices go to the owner, the occupier, "
        "the nominator and the parish council.",
        url_name="rights_decide",
        operation_id="rights_decide",
    )
    def decide(request: HttpRequest, reference: Reference, payload: AcvDecisionIn):
        nomination = _case(request, reference, "rights.run_casework")
        try:
            nomination = services.decide(
                actor=request.user, nomination=nomination, **payload.dict(exclude_none=True)
            )
        except RightsError as error:
            return _refused(error)
        return _entry(nomination)

    @router.post(
        "/assets/{reference}/owner-notice",
        auth=session_or_token,
        response={201: AcvEntryOut, **WRITE_ERRORS},
        summary="Record the owner's notice of an intended disposal",
        description="For the council's officers (s.95(2)): starts the interim moratorium; "
        "the nominator is told and the matters publicised.",
        url_name="rights_owner_notice",
        operation_id="rights_owner_notice",
    )
    def owner_notice(request: HttpRequest, reference: Reference, payload: AcvOwnerNoticeIn):
        nomination = _case(request, reference, "rights.run_casework")
        try:
            services.record_disposal_notice(
                actor=request.user, nomination=nomination, **payload.dict(exclude_none=True)
            )
        except RightsError as error:
            return _refused(error)
        return Status(201, _entry(nomination))

    @router.post(
        "/assets/{reference}/bidder-requests",
        auth=session_or_token,
        response={201: AcvBidderRequestOut, **WRITE_ERRORS},
        summary="Ask to be treated as a potential bidder",
        description="For a leader of a community interest group (with `organisation`), or "
        "an officer recording a request received on paper. The answer says whether it "
        "starts the full moratorium.",
        url_name="rights_bidder_request",
        operation_id="rights_bidder_request",
    )
    def bidder_request(request: HttpRequest, reference: Reference, payload: AcvBidderRequestIn):
        if payload.organisation:
            nomination = _case(request, reference, "rights.view_entry")
            organisation = _organisation(payload.organisation)
            require(request.user, "rights.ask_to_bid", organisation)
            values = {
                "organisation": organisation,
                "group_name": organisation.name,
                "body_kind": body_kind_for(organisation).value,
            }
        else:
            nomination = _case(request, reference, "rights.run_casework")
            values = {"group_name": payload.group_name, "body_kind": payload.body_kind}
        try:
            result = services.record_bidder_request(
                actor=request.user,
                nomination=nomination,
                received_on=payload.received_on,
                received_by_council=payload.received_by_council,
                **values,
            )
        except RightsError as error:
            return _refused(error)
        return Status(
            201,
            {
                "counts": result.counts,
                "explanation": result.explanation,
                "entry": _entry(nomination),
            },
        )

    @router.post(
        "/assets/{reference}/disposals",
        auth=session_or_token,
        response={201: AcvDisposalOut, **WRITE_ERRORS},
        summary="Record a disposal of the land",
        description="For the council's officers. Says whether it was relevant, exempt and "
        "allowed; a relevant disposal that is not exempt removes the entry on its date.",
        url_name="rights_disposal",
        operation_id="rights_disposal",
    )
    def disposal(request: HttpRequest, reference: Reference, payload: AcvDisposalIn):
        nomination = _case(request, reference, "rights.run_casework")
        try:
            _row, assessment = services.record_disposal(
                actor=request.user, nomination=nomination, **payload.dict()
            )
        except RightsError as error:
            return _refused(error)
        return Status(
            201,
            {
                "relevant": assessment.relevant,
                "exempt": assessment.exempt,
                "allowed": assessment.allowed,
                "findings": list(assessment.findings),
                "entry": _entry(nomination),
            },
        )
