"""The contracts API, /api/v1/contracts: contracts for public services and their OCDS data."""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import LOOKUP_ERRORS, NO_NUL, WRITE_ERRORS, error_body
from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.core.permissions import require
from commonweal.directory.models import Organisation
from commonweal.opendata.contracts import services
from commonweal.opendata.contracts.forms import areas_from_codes
from commonweal.opendata.contracts.models import Contract, Release, Route, Sector
from commonweal.opendata.contracts.models import Status as St
from commonweal.opendata.contracts.ocds import packages
from commonweal.places.models import Area

router = Router(tags=["Contracts"])

OCID = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,119}$", description="The OCID.")]


class Party(Schema):
    name: str
    slug: str | None = None
    sector: str | None = None


class ContractSummary(Schema):
    ocid: str
    title: str
    service: str
    status: str
    buyer: str
    suppliers: list[Party]
    value: Decimal | None
    currency: str
    award_date: dt.date | None
    start_date: dt.date | None
    end_date: dt.date | None
    url: str


class Commitment(Schema):
    commitment: str
    measure: str


class Amendment(Schema):
    number: int
    date: dt.datetime
    rationale: str
    release_id: str


class ContractDetail(ContractSummary):
    description: str
    cpv_code: str
    procurement_route: str
    challenge_reference: str
    procurement_exercise: str | None = Field(
        None, description="The expression of interest whose procurement exercise we hold and link."
    )
    social_value_weighting: Decimal | None
    commitments: list[Commitment]
    areas_served: list[str]
    amendments: list[Amendment]
    releases: list[str]


class Filters(Schema):
    service: str | None = Field(
        None, max_length=120, pattern=NO_NUL, description="The service, exactly."
    )
    supplier: str | None = Field(
        None, max_length=220, pattern=NO_NUL, description="A supplier's directory slug."
    )
    area: str | None = Field(
        None, max_length=32, pattern=NO_NUL, description="The GSS code of an area served."
    )
    sector: Sector | None = Field(None, description="The sector of a supplier.")


class ContractIn(Schema):
    authority: str = Field(..., max_length=32, description="The council's GSS code.")
    title: str = Field(..., max_length=200)
    description: str = ""
    service: str = Field(..., max_length=120)
    cpv_code: str = Field("", max_length=10)
    buyer: str = Field(
        "council", max_length=220, description='"council", or the buyer\'s directory slug.'
    )
    suppliers: list[str] = Field([], description="Suppliers' directory slugs.")
    value_amount: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    currency: str = Field("GBP", max_length=3)
    award_date: dt.date | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    areas_served: list[str] = Field([], description="GSS codes of wards or the borough.")
    route: Route = Route.OPEN
    challenge_reference: str = Field("", max_length=120)
    procurement_exercise: str = Field(
        "",
        max_length=20,
        description="The reference of the expression of interest whose right to challenge "
        "procurement exercise this contract follows (route challenge only).",
    )
    social_value_weighting: Decimal | None = Field(None, ge=0, le=100, decimal_places=2)
    commitments: list[Commitment] = []
    status: St = St.PLANNED


class AmendmentIn(Schema):
    rationale: str = Field(..., min_length=1)
    title: str | None = Field(None, max_length=200)
    description: str | None = None
    value_amount: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    end_date: dt.date | None = None
    start_date: dt.date | None = None
    suppliers: list[str] | None = None
    commitments: list[Commitment] | None = None
    social_value_weighting: Decimal | None = Field(None, ge=0, le=100, decimal_places=2)


class StatusIn(Schema):
    status: St
    award_date: dt.date | None = None


def _summary(request, c: Contract) -> dict:
    return {
        "ocid": c.ocid,
        "title": c.title,
        "service": c.service,
        "status": c.status,
        "buyer": c.buyer_name,
        "suppliers": [
            {"name": s.organisation.name, "slug": s.organisation.slug, "sector": s.sector}
            for s in c.supplier_links.all()
        ],
        "value": c.value_amount,
        "currency": c.currency,
        "award_date": c.award_date,
        "start_date": c.start_date,
        "end_date": c.end_date,
        "url": request.build_absolute_uri(f"/data/contracts/{c.pk}/"),
    }


def _detail(request, c: Contract) -> dict:
    return {
        **_summary(request, c),
        "description": c.description,
        "cpv_code": c.cpv_code,
        "procurement_route": c.route,
        "challenge_reference": c.challenge_reference,
        "procurement_exercise": (
            c.procurement_exercise.expression.reference if c.procurement_exercise_id else None
        ),
        "social_value_weighting": c.social_value_weighting,
        "commitments": [
            {"commitment": x.commitment, "measure": x.measure} for x in c.commitments.all()
        ],
        "areas_served": [a.gss_code for a in c.areas_served.all()],
        "amendments": [
            {
                "number": a.number,
                "date": a.date,
                "rationale": a.rationale,
                "release_id": a.release_id,
            }
            for a in c.amendments.all()
        ],
        "releases": [r.release_id for r in c.releases.order_by("sequence")],
    }


def _contracts(request):
    return (
        Contract.objects.visible_to(request.user)
        .select_related("buyer_council", "buyer_organisation")
        .prefetch_related("supplier_links__organisation")
    )


def _contract_or_404(request, ocid: str) -> Contract:
    contract = _contracts(request).filter(ocid=ocid).first()
    if contract is None:
        raise Http404(f"There is no contract with the OCID “{ocid[:80]}”.")
    return contract


def _refused(error: services.ContractError) -> Status:
    details = [{"location": f"body.payload.{f}", "message": m} for f, m in error.errors.items()]
    return Status(422, error_body("invalid_details", error.reason, details))


def _organisations(slugs: list[str], field: str, authority=None) -> list[Organisation]:
    found = {o.slug: o for o in Organisation.records.filter(slug__in=slugs)}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise services.ContractError(
            {field: f"We hold no organisation called {', '.join(missing[:5])}."}
        )
    return [found[s] for s in slugs]


def _exercise(reference: str):
    from commonweal.rights.challenge.models import ProcurementExercise

    if not reference:
        return None
    exercise = (
        ProcurementExercise.objects.select_related("service", "expression")
        .filter(expression__reference=reference)
        .first()
    )
    if exercise is None:
        raise services.ContractError(
            {"procurement_exercise": f"We hold no procurement exercise for {reference[:20]}."}
        )
    return exercise


@router.get(
    "/",
    response={200: page_of(ContractSummary), **LOOKUP_ERRORS},
    summary="Find contracts for public services",
    description="Every contract, filtered by `service`, `supplier`, `area` (GSS code) and "
    "`sector`, newest award first. Public.",
    operation_id="contracts_list",
)
def list_contracts(request: HttpRequest, filters: Query[Filters], paging: Query[PageParams]):
    contracts = _contracts(request)
    if filters.service:
        contracts = contracts.for_service(filters.service)
    if filters.supplier:
        contracts = contracts.filter(supplier_links__organisation__slug=filters.supplier)
    if filters.area:
        contracts = contracts.filter(areas_served__gss_code=filters.area.upper())
    if filters.sector:
        contracts = contracts.in_sector(filters.sector)
    page = paginate(request, contracts.distinct(), paging)
    page["results"] = [_summary(request, c) for c in page["results"]]
    return page


@router.get(
    "/releases",
    response={200: dict},
    summary="Every OCDS release (release package)",
    description="Every release of every contract, as an OCDS 1.1 release package that "
    "validates against the release package schema. Public.",
    operation_id="contracts_release_package",
)
def all_releases(request: HttpRequest):
    releases = Release.objects.filter(contract__in=_contracts(request)).order_by(
        "contract_id", "sequence"
    )
    return packages.release_package([r.data for r in releases], uri=request.build_absolute_uri())


@router.get(
    "/{ocid}",
    response={200: ContractDetail, **LOOKUP_ERRORS},
    summary="A contract",
    description="Everything recorded about one contract, with its amendments and releases.",
    operation_id="contracts_detail",
)
def contract_detail(request: HttpRequest, ocid: OCID):
    return _detail(request, _contract_or_404(request, ocid))


@router.get(
    "/{ocid}/releases",
    response={200: dict, **LOOKUP_ERRORS},
    summary="A contract's OCDS releases (release package)",
    description="Every release about one contract, oldest first, as an OCDS 1.1 release package.",
    operation_id="contracts_contract_releases",
)
def contract_releases(request: HttpRequest, ocid: OCID):
    contract = _contract_or_404(request, ocid)
    releases = [r.data for r in contract.releases.order_by("sequence")]
    return packages.release_package(releases, uri=request.build_absolute_uri())


@router.get(
    "/{ocid}/record",
    response={200: dict, **LOOKUP_ERRORS},
    summary="A contract's OCDS record (record package)",
    description="The contract's releases and its compiled release, as an OCDS 1.1 record package.",
    operation_id="contracts_contract_record",
)
def contract_record(request: HttpRequest, ocid: OCID):
    contract = _contract_or_404(request, ocid)
    record = packages.record(
        contract.ocid, [r.data for r in contract.releases.order_by("sequence")]
    )
    return packages.record_package([record], uri=request.build_absolute_uri())


@router.post(
    "/",
    auth=session_or_token,
    response={201: ContractDetail, **WRITE_ERRORS},
    summary="Record a contract",
    description="For the council's officers and administrators. Publishes the first release. "
    "422, with a reason for each field, if the details cannot be accepted; nothing is saved.",
    operation_id="contracts_create",
)
def create_contract(request: HttpRequest, payload: ContractIn):
    authority = Area.objects.authorities().filter(gss_code=payload.authority.upper()).first()
    if authority is None:
        raise Http404(f"We hold no council with the code {payload.authority[:32]}.")
    require(request.user, "contracts.add_contract", authority)
    values = payload.dict()
    values.pop("authority")
    buyer = values.pop("buyer")
    try:
        values["suppliers"] = _organisations(values["suppliers"], "suppliers")
        values["buyer_council"] = authority if buyer == "council" else None
        values["buyer_organisation"] = (
            None if buyer == "council" else _organisations([buyer], "buyer")[0]
        )
        values["areas_served"] = areas_from_codes(authority, values["areas_served"])
        values["commitments"] = [(c["commitment"], c["measure"]) for c in values["commitments"]]
        values["procurement_exercise"] = _exercise(values["procurement_exercise"])
        contract = services.record_contract(actor=request.user, authority=authority, **values)
    except services.ContractError as error:
        return _refused(error)
    return Status(201, _detail(request, contract))


@router.post(
    "/{ocid}/amendments",
    auth=session_or_token,
    response={200: ContractDetail, **WRITE_ERRORS},
    summary="Amend a contract",
    description="For the council's officers and administrators. Only the fields given change; "
    "the amendment, with its rationale, is published as a new release.",
    operation_id="contracts_amend",
)
def amend_contract(request: HttpRequest, ocid: OCID, payload: AmendmentIn):
    contract = _contract_or_404(request, ocid)
    require(request.user, "contracts.change_contract", contract)
    changes = payload.dict(exclude_unset=True)
    rationale = changes.pop("rationale")
    try:
        if "suppliers" in changes:
            changes["suppliers"] = _organisations(changes["suppliers"] or [], "suppliers")
        if "commitments" in changes:
            changes["commitments"] = [
                (c["commitment"], c["measure"]) for c in changes["commitments"] or []
            ]
        contract = services.amend_contract(
            actor=request.user, contract=contract, rationale=rationale, **changes
        )
    except services.ContractError as error:
        return _refused(error)
    return _detail(request, contract)


@router.post(
    "/{ocid}/status",
    auth=session_or_token,
    response={200: ContractDetail, **WRITE_ERRORS},
    summary="Change a contract's status",
    description="For the council's officers and administrators; published as a new release.",
    operation_id="contracts_status",
)
def change_status(request: HttpRequest, ocid: OCID, payload: StatusIn):
    contract = _contract_or_404(request, ocid)
    require(request.user, "contracts.change_contract", contract)
    extra = {"award_date": payload.award_date} if payload.award_date else {}
    try:
        contract = services.change_status(
            actor=request.user, contract=contract, status=payload.status, **extra
        )
    except services.ContractError as error:
        return _refused(error)
    return _detail(request, contract)
