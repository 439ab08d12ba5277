"""Reports: the public list and page, raising one, its next steps, and support."""

from django.http import Http404, HttpRequest
from ninja import Query, Router, Status

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import LOOKUP_ERRORS, WRITE_ERRORS, error_body
from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.core.permissions import require
from commonweal.directory.models import Organisation
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.api import present
from commonweal.opendata.feedback.api.schemas import (
    CollectIn,
    ReportFilters,
    ReportId,
    ReportIn,
    ReportOut,
    StepIn,
    SupportersOut,
    SupportIn,
)
from commonweal.opendata.feedback.models import Provider, Report, Service, Supporter
from commonweal.opendata.feedback.services.search import SELECTED, select_reports

router = Router(tags=["Feedback"])

STEP_PERMISSIONS = {
    "acknowledge": "feedback.acknowledge_report",
    "respond": "feedback.respond_report",
    "reopen": "feedback.reopen_report",
    "escalate": "feedback.escalate_report",
    "close": "feedback.close_report",
    "route": "feedback.route_report",
}
FIELDS = {"point": "lon", "at": "note", "status": "event"}


def refused(exc: services.FeedbackError, where: str = "body.payload") -> Status:
    field = FIELDS.get(exc.field, exc.field)
    details = [{"location": f"{where}.{field}" if field else where, "message": exc.reason}]
    return Status(422, error_body("refused", exc.reason, details))


def _report(pk: int) -> Report:
    found = Report.objects.select_related(*SELECTED).filter(pk=pk).first()
    if found is None:
        raise Http404(f"There is no report {pk}.")
    return found


@router.get(
    "/",
    response={200: page_of(ReportOut), **LOOKUP_ERRORS},
    summary="Find reports",
    description=(
        "Reports to service providers, newest first, anonymised: no names, no postcode and no "
        "exact point (each is placed in its LSOA). Filter by `area` (a borough, ward, "
        "neighbourhood or LSOA code), `service`, `provider` and `status`. Public."
    ),
    operation_id="feedback_report_list",
)
def list_reports(request: HttpRequest, filters: Query[ReportFilters], paging: Query[PageParams]):
    try:
        rows = select_reports(**{k: v or "" for k, v in filters.dict().items()})
    except services.FeedbackError as exc:
        return refused(exc, where="query")
    page = paginate(request, rows, paging)
    page["results"] = [present.report(request, r) for r in page["results"]]
    return page


@router.get(
    "/{report_id}",
    response={200: ReportOut, **LOOKUP_ERRORS},
    summary="A report",
    description="One report, anonymised, with its clocks and its history. Public.",
    operation_id="feedback_report_detail",
)
def report_detail(request: HttpRequest, report_id: ReportId):
    return present.report(request, _report(report_id))


@router.post(
    "/",
    auth=session_or_token,
    response={201: ReportOut, **WRITE_ERRORS},
    summary="Raise a report",
    description=(
        "Raise a report, question or complaint about a service at a postcode or point. It goes "
        "to the provider responsible for the service in the smallest area that has one, or "
        "else to the council's triage queue (status `triage`). 422 for a place or service we "
        "do not hold."
    ),
    operation_id="feedback_report_raise",
)
def raise_report(request: HttpRequest, payload: ReportIn):
    service = Service.objects.filter(slug=payload.service).first()
    if service is None:
        return refused(services.FeedbackError("There is no such service.", "service"))
    group = None
    if payload.group:
        group = Organisation.records.filter(slug=payload.group).first()
        if group is None:
            return refused(services.FeedbackError("There is no such group.", "group"))
    try:
        report = services.raise_report(
            actor=request.user,
            service=service,
            kind=payload.kind,
            title=payload.title,
            description=payload.description,
            postcode=payload.postcode,
            lon=payload.lon,
            lat=payload.lat,
            group=group,
        )
    except services.FeedbackError as exc:
        return refused(exc)
    return Status(201, present.report(request, _report(report.pk)))


@router.post(
    "/{report_id}/steps",
    auth=session_or_token,
    response={200: ReportOut, **WRITE_ERRORS},
    summary="Take a report's next step",
    description=(
        "`acknowledge` and `respond` (a note is required) for the provider's staff and the "
        "borough's officers; `reopen`, `escalate` (a note is required) and `close` for the "
        "reporter and the leaders of the group it was raised for; `route` (with `provider`) for "
        "officers, for a report in triage. 422 for a step the report's status does not allow."
    ),
    operation_id="feedback_report_step",
)
def take_step(request: HttpRequest, report_id: ReportId, payload: StepIn):
    report = _report(report_id)
    require(request.user, STEP_PERMISSIONS[payload.event], report)
    try:
        if payload.event == "route":
            provider = Provider.objects.filter(organisation__slug=payload.provider or "").first()
            services.route_from_triage(
                actor=request.user, report=report, provider=provider, note=payload.note
            )
        else:
            step = getattr(services, payload.event)
            step(actor=request.user, report=report, note=payload.note)
    except services.FeedbackError as exc:
        return refused(exc)
    return present.report(request, _report(report.pk))


@router.post(
    "/{report_id}/escalation-owner",
    auth=session_or_token,
    response={200: ReportOut, **WRITE_ERRORS},
    summary="Take an escalated report",
    description=(
        "A council officer for the report's borough (or an administrator) takes an open, "
        "escalated report and answers for it being settled within the escalation's clock. "
        "Another officer may take it over. 422 if it is already yours."
    ),
    operation_id="feedback_escalation_take",
)
def take_escalation(request: HttpRequest, report_id: ReportId):
    report = _report(report_id)
    require(request.user, "feedback.take_escalation", report)
    try:
        services.take_escalation(actor=request.user, report=report)
    except services.FeedbackError as exc:
        return refused(exc, "path")
    return present.report(request, _report(report.pk))


@router.post(
    "/{report_id}/support-collection",
    auth=session_or_token,
    response={200: ReportOut, **WRITE_ERRORS},
    summary="Collect support for a report",
    description=(
        "A group's leader or administrator starts collecting residents' names for the report. "
        "422 if a group already is."
    ),
    operation_id="feedback_support_collect",
)
def collect(request: HttpRequest, report_id: ReportId, payload: CollectIn):
    report = _report(report_id)
    require(request.user, "feedback.collect_support", report)
    group = Organisation.records.filter(slug=payload.group).first()
    if group is None:
        return refused(services.FeedbackError("There is no such group.", "group"))
    try:
        services.collect_support(actor=request.user, report=report, group=group)
    except services.FeedbackError as exc:
        return refused(exc)
    return present.report(request, _report(report.pk))


@router.post(
    "/{report_id}/support",
    auth=session_or_token,
    response={201: SupportersOut, **WRITE_ERRORS},
    summary="Add your name in support",
    description=(
        "The signed-in resident adds their name to a report a group is collecting support for "
        "(`consent` must be true). The public see the count; names go only to the group's "
        "leaders, the provider and the council."
    ),
    operation_id="feedback_support_add",
)
def add_support(request: HttpRequest, report_id: ReportId, payload: SupportIn):
    report = _report(report_id)
    require(request.user, "feedback.add_support", report)
    try:
        services.add_support(
            actor=request.user, report=report, name=payload.name, consent=payload.consent
        )
    except services.FeedbackError as exc:
        return refused(exc)
    return Status(201, _supporters(report, names=False))


@router.delete(
    "/{report_id}/support",
    auth=session_or_token,
    response={204: None, **WRITE_ERRORS},
    summary="Withdraw your support",
    description="Your name is erased; 422 if you do not support the report.",
    operation_id="feedback_support_withdraw",
)
def withdraw_support(request: HttpRequest, report_id: ReportId):
    report = _report(report_id)
    try:
        services.withdraw_support(actor=request.user, report=report)
    except services.FeedbackError as exc:
        return refused(exc, where="path.report_id")
    return Status(204, None)


@router.get(
    "/{report_id}/supporters",
    auth=session_or_token,
    response={200: SupportersOut, **WRITE_ERRORS},
    summary="The names of a report's supporters",
    description="For the supporting group's leaders, the provider's staff and officers.",
    operation_id="feedback_supporters",
)
def supporters(request: HttpRequest, report_id: ReportId):
    report = _report(report_id)
    require(request.user, "feedback.view_supporters", report)
    return _supporters(report, names=True)


def _supporters(report: Report, *, names: bool) -> dict:
    rows = Supporter.objects.current().filter(report=report)
    return {
        "report": report.pk,
        "group": report.support_group.slug if report.support_group_id else None,
        "count": rows.count(),
        "names": list(rows.values_list("name", flat=True)) if names else [],
    }
