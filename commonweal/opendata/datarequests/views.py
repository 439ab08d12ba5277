"""The public log, one request, the CSV, and officers recording requests and outcomes."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.core.permissions import can
from commonweal.opendata.datarequests import services
from commonweal.opendata.datarequests.forms import (
    FilterForm,
    OutcomeForm,
    RequestForm,
    add_dataset_field,
)
from commonweal.opendata.datarequests.models import DataRequest
from commonweal.places.models import Area

RELATED = ("authority", "body_council", "body_organisation", "dataset")
FORM_FIELDS = {"body": "body"}


def crumbs(*trail) -> list[dict]:
    items = [{"label": "Home", "href": reverse("core:home")}]
    items.append({"label": "Right to data requests", "href": reverse("datarequests:list")})
    return items + [{"label": label, "href": href} for label, href in trail]


def _bodies(requests) -> list[tuple[str, str]]:
    found = {}
    for r in requests:
        key = (
            f"org:{r.body_organisation_id}"
            if r.body_organisation_id
            else f"council:{r.body_council_id}"
        )
        found[key] = r.body_name
    return sorted(found.items(), key=lambda item: item[1])


def filtered(request):
    requests = DataRequest.objects.visible_to(request.user).select_related(*RELATED)
    form = FilterForm(request.GET or None, bodies=_bodies(requests))
    valid = form.is_valid() if request.GET else True
    if request.GET and valid:
        data = form.cleaned_data
        if data["body"]:
            kind, _, pk = data["body"].partition(":")
            field = "body_organisation_id" if kind == "org" else "body_council_id"
            requests = requests.filter(**{field: pk})
        if data["status"]:
            requests = requests.filter(status=data["status"])
        if data["year"]:
            requests = requests.filter(received_on__year=data["year"])
    return form, valid, requests


@require_GET
def request_list(request):
    form, valid, requests = filtered(request)
    rows = list(requests[:200]) if valid else []
    query = request.GET.urlencode()
    return render(
        request,
        "datarequests/list.html",
        {
            "form": form,
            "rows": rows,
            "total": requests.count() if valid else 0,
            "csv_url": reverse("datarequests:csv") + (f"?{query}" if query else ""),
            "can_add": can(request.user, "datarequests.add_request"),
            "breadcrumbs": crumbs(),
        },
        status=200 if valid else 400,
    )


CSV_COLUMNS = [
    "id",
    "subject",
    "public_body",
    "received_on",
    "requested_by",
    "status",
    "due_on",
    "answered_on",
    "working_days_taken",
    "on_time",
    "refusal_reason",
    "dataset_url",
    "url",
]


@require_GET
def request_csv(request):
    _form, valid, requests = filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="data-requests.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for r in requests if valid else []:
        on_time = r.on_time()
        writer.writerow(
            [
                r.pk,
                r.subject,
                r.body_name,
                r.received_on,
                r.public_requester,
                r.get_status_display(),
                r.due_on,
                r.answered_on or "",
                r.working_days_taken() if r.answered_on else "",
                "" if on_time is None else ("yes" if on_time else "no"),
                r.refusal_reason,
                r.dataset_url,
                request.build_absolute_uri(reverse("datarequests:detail", args=[r.pk])),
            ]
        )
    return response


def _request_or_404(request, pk: int) -> DataRequest:
    return get_object_or_404(
        DataRequest.objects.visible_to(request.user).select_related(*RELATED), pk=pk
    )


@require_GET
def request_detail(request, pk: int):
    item = _request_or_404(request, pk)
    return render(
        request,
        "datarequests/detail.html",
        {
            "item": item,
            "changes": item.changes.all(),
            "can_change": can(request.user, "datarequests.change_request", item),
            "breadcrumbs": crumbs((item.subject, None)),
        },
    )


def _add_errors(form, error: services.RequestError) -> None:
    for field, reason in error.errors.items():
        form.add_error(field if field in form.fields else None, reason)


@require_http_methods(["GET", "POST"])
def request_new(request):
    if denied := guard(request, "datarequests.add_request"):
        return denied
    ids = authorities_for(request.user, Role.OFFICER)
    authorities = Area.objects.authorities().order_by("name")
    if ids is not None:
        authorities = authorities.filter(pk__in=ids)
    authorities = list(authorities)
    code = request.GET.get("authority") or (
        authorities[0].gss_code if len(authorities) == 1 else ""
    )
    authority = Area.objects.authorities().filter(gss_code=code).first() if code else None
    if authority is None:
        return render(
            request,
            "datarequests/choose_authority.html",
            {"authorities": authorities, "breadcrumbs": crumbs(("Record a request", None))},
            status=400 if code else 200,
        )
    if denied := guard(request, "datarequests.add_request", authority):
        return denied
    form = RequestForm(request.POST or None, authority=authority)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.record_request(
                actor=request.user, authority=authority, **form.details_for_service()
            )
        except services.RequestError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "The request is in the log.")
            return redirect("datarequests:detail", pk=item.pk)
    return render(
        request,
        "datarequests/form.html",
        {"form": form, "authority": authority, "breadcrumbs": crumbs(("Record a request", None))},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def request_outcome(request, pk: int):
    item = _request_or_404(request, pk)
    if denied := guard(request, "datarequests.change_request", item):
        return denied
    form = OutcomeForm(request.POST or None)
    add_dataset_field(form)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_outcome(actor=request.user, request=item, **form.cleaned_data)
        except services.RequestError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "The outcome is recorded.")
            return redirect("datarequests:detail", pk=item.pk)
    return render(
        request,
        "datarequests/outcome.html",
        {
            "form": form,
            "item": item,
            "breadcrumbs": crumbs(
                (item.subject, reverse("datarequests:detail", args=[item.pk])), ("Outcome", None)
            ),
        },
        status=400 if form.errors else 200,
    )
