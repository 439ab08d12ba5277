"""The right to data requests log, /api/v1/data-requests."""

import datetime as dt

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import LOOKUP_ERRORS, NO_NUL, WRITE_ERRORS, error_body
from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.core.permissions import require
from commonweal.datasets.models import DataSet
from commonweal.directory.models import Organisation
from commonweal.opendata.datarequests import services
from commonweal.opendata.datarequests.models import DataRequest
from commonweal.opendata.datarequests.models import Status as RequestStatus
from commonweal.places.models import Area

router = Router(tags=["Right to data requests"])


class RequestOut(Schema):
    id: int
    subject: str
    public_body: str
    received_on: dt.date
    requested_by: str = Field(
        ..., description='The requester\'s name if they agreed, else "Withheld".'
    )
    status: RequestStatus
    due_on: dt.date
    answered_on: dt.date | None
    working_days_taken: int | None
    on_time: bool | None
    answer: str
    refusal_reason: str
    dataset_url: str
    dataset: str | None = Field(None, description="The title of a dataset held here, if linked.")


class Filters(Schema):
    status: RequestStatus | None = None
    # PostgreSQL refuses NUL characters in text, so a value holding one is refused here (422).
    body: str | None = Field(
        None, max_length=220, pattern=NO_NUL, description='A directory slug, or "council".'
    )
    year: int | None = Field(None, ge=2000, le=2100, description="The year received.")


class RequestIn(Schema):
    authority: str = Field(..., max_length=32, description="The council's GSS code.")
    body: str = Field("council", max_length=220, description='"council" or a directory slug.')
    subject: str = Field(..., max_length=300)
    details: str = ""
    received_on: dt.date
    requester_name: str = Field("", max_length=200)
    requester_email: str = Field("", max_length=254)
    show_name: bool = False


class OutcomeIn(Schema):
    status: RequestStatus
    answered_on: dt.date
    answer: str = ""
    refusal_reason: str = ""
    dataset_url: str = Field("", max_length=200)
    dataset_id: int | None = Field(None, description="A dataset held here, instead of a URL.")


def present(r: DataRequest) -> dict:
    return {
        "id": r.pk,
        "subject": r.subject,
        "public_body": r.body_name,
        "received_on": r.received_on,
        "requested_by": r.public_requester,
        "status": r.status,
        "due_on": r.due_on,
        "answered_on": r.answered_on,
        "working_days_taken": r.working_days_taken() if r.answered_on else None,
        "on_time": r.on_time(),
        "answer": r.answer,
        "refusal_reason": r.refusal_reason,
        "dataset_url": r.dataset_url,
        "dataset": r.dataset.title if r.dataset_id else None,
    }


def _requests(request):
    return DataRequest.objects.visible_to(request.user).select_related(
        "body_council", "body_organisation", "dataset"
    )


def _refused(error: services.RequestError) -> Status:
    details = [{"location": f"body.payload.{f}", "message": m} for f, m in error.errors.items()]
    return Status(422, error_body("invalid_details", error.reason, details))


@router.get(
    "/",
    response={200: page_of(RequestOut), **LOOKUP_ERRORS},
    summary="The right to data requests log",
    description="Every request, newest first, filtered by `status`, `body` and `year`. Public; "
    "a requester's name appears only with their consent.",
    operation_id="datarequests_list",
)
def list_requests(request: HttpRequest, filters: Query[Filters], paging: Query[PageParams]):
    items = _requests(request)
    if filters.status:
        items = items.filter(status=filters.status)
    if filters.body == "council":
        items = items.filter(body_council__isnull=False)
    elif filters.body:
        items = items.filter(body_organisation__slug=filters.body)
    if filters.year:
        items = items.filter(received_on__year=filters.year)
    page = paginate(request, items, paging)
    page["results"] = [present(r) for r in page["results"]]
    return page


@router.get(
    "/{request_id}",
    response={200: RequestOut, **LOOKUP_ERRORS},
    summary="One right to data request",
    description="A request in the log, with its clock. Public.",
    operation_id="datarequests_detail",
)
def request_detail(request: HttpRequest, request_id: int):
    item = _requests(request).filter(pk=request_id).first()
    if item is None:
        raise Http404("There is no such request in the log.")
    return present(item)


@router.post(
    "/",
    auth=session_or_token,
    response={201: RequestOut, **WRITE_ERRORS},
    summary="Record a right to data request",
    description="For the council's officers and administrators. 422 with a reason per field.",
    operation_id="datarequests_create",
)
def create_request(request: HttpRequest, payload: RequestIn):
    authority = Area.objects.authorities().filter(gss_code=payload.authority.upper()).first()
    if authority is None:
        raise Http404(f"We hold no council with the code {payload.authority[:32]}.")
    require(request.user, "datarequests.add_request", authority)
    values = payload.dict()
    values.pop("authority")
    body = values.pop("body")
    organisation = None
    if body != "council":
        organisation = Organisation.records.filter(slug=body, authority=authority).first()
        if organisation is None:
            return _refused(services.RequestError({"body": f"We hold no body called {body[:60]}."}))
    try:
        item = services.record_request(
            actor=request.user,
            authority=authority,
            body_council=None if organisation else authority,
            body_organisation=organisation,
            **values,
        )
    except services.RequestError as error:
        return _refused(error)
    return Status(201, present(item))


@router.post(
    "/{request_id}/outcome",
    auth=session_or_token,
    response={200: RequestOut, **WRITE_ERRORS},
    summary="Record what came of a request",
    description="For the council's officers and administrators: answered, refused (with the "
    "reason) or dataset published (with its address).",
    operation_id="datarequests_outcome",
)
def request_outcome(request: HttpRequest, request_id: int, payload: OutcomeIn):
    item = _requests(request).filter(pk=request_id).first()
    if item is None:
        raise Http404("There is no such request in the log.")
    require(request.user, "datarequests.change_request", item)
    values = payload.dict()
    dataset_id = values.pop("dataset_id")
    values["dataset"] = DataSet.objects.filter(pk=dataset_id).first() if dataset_id else None
    if dataset_id and values["dataset"] is None:
        return _refused(services.RequestError({"dataset_id": "We hold no such dataset."}))
    try:
        item = services.set_outcome(actor=request.user, request=item, **values)
    except services.RequestError as error:
        return _refused(error)
    return present(item)
