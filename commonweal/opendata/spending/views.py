"""Spending pages: a borough's spending, one service area's, a neighbourhood's share."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from commonweal.accounts.permissions import check
from commonweal.core.permissions import can
from commonweal.opendata.models import Payment, PaymentKind, ServiceArea
from commonweal.opendata.presenters.spending_charts import spending_chart
from commonweal.opendata.spending.figures import figures_for, spending_in
from commonweal.opendata.spending.forms import ServicePlacesForm
from commonweal.opendata.spending.services import record_service_places
from commonweal.places.models import Area, AreaType
from commonweal.places.presenters.area_page import breadcrumbs
from commonweal.places.presenters.links import area_url


def _authority(code: str) -> Area:
    return get_object_or_404(Area, area_type=AreaType.LOCAL_AUTHORITY, gss_code=code)


def _crumbs(area, *extra):
    return [*breadcrumbs(area), {"label": area.name, "href": area_url(area)}, *extra]


def spending_index(request):
    check_view(request)
    boroughs = Area.objects.authorities().filter(
        pk__in=Payment.objects.values("authority").distinct()
    )
    return render(
        request,
        "opendata/spending_index.html",
        {"boroughs": boroughs.order_by("name"), "breadcrumbs": [{"label": "Home", "href": "/"}]},
    )


def check_view(request, obj=None):
    # Published open data: the rule allows everyone, but it is asked all the same.
    if not can(request.user, "opendata.view_spending", obj):
        raise Http404


def area_spending(request, area_type: str, gss_code: str):
    if area_type not in AreaType.values:
        raise Http404("No such kind of area.")
    area = get_object_or_404(
        Area.objects.select_related("authority"), area_type=area_type, gss_code=gss_code
    )
    check_view(request, area)
    if area.area_type == AreaType.LOCAL_AUTHORITY:
        return _borough(request, area)
    spending = spending_in(area)
    return render(
        request,
        "opendata/spending_area.html",
        {
            "area": area,
            "area_href": area_url(area),
            "spending": spending,
            "attributions": spending.borough.datasets if spending.borough else [],
            "breadcrumbs": _crumbs(area),
        },
    )


def _borough(request, authority):
    kind = request.GET.get("kind", "")
    if kind not in PaymentKind.values:
        kind = ""
    figures = figures_for(authority, kind=kind)
    return render(
        request,
        "opendata/spending_borough.html",
        {
            "area": authority,
            "area_href": area_url(authority),
            "figures": figures,
            "kind": kind,
            "kinds": PaymentKind.choices,
            "chart_svg": spending_chart(authority.name, figures.months),
            "can_place": can(request.user, "opendata.place_service_area", authority),
            "attributions": figures.datasets,
            "breadcrumbs": _crumbs(authority),
        },
    )


def _service(code: str, pk: int) -> ServiceArea:
    return get_object_or_404(
        ServiceArea.objects.select_related("authority"), pk=pk, authority__gss_code=code
    )


def service_spending(request, gss_code: str, pk: int):
    service = _service(gss_code, pk)
    check_view(request, service)
    figures = figures_for(service.authority, service=service)
    authority = service.authority
    return render(
        request,
        "opendata/spending_service.html",
        {
            "service": service,
            "area": authority,
            "places": list(service.areas.order_by("name")),
            "figures": figures,
            "chart_svg": spending_chart(service.name, figures.months),
            "can_place": can(request.user, "opendata.place_service_area", service),
            "attributions": figures.datasets,
            "breadcrumbs": _crumbs(
                authority,
                {
                    "label": "Spending",
                    "href": reverse("opendata:area_spending", args=["lad", authority.gss_code]),
                },
            ),
        },
    )


def place_service(request, gss_code: str, pk: int):
    service = _service(gss_code, pk)
    refused = check(request, "opendata.place_service_area", service)
    if refused:
        return refused
    authority = service.authority
    current = list(service.areas.all())
    initial = {
        "serves": "borough" if service.borough_wide else ("places" if current else "unknown"),
        "areas": current,
        "note": service.mapping_note,
    }
    form = ServicePlacesForm(request.POST or None, authority=authority, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record_service_places(
                service,
                actor=request.user,
                areas=list(form.cleaned_data["areas"])
                if form.cleaned_data["serves"] == "places"
                else [],
                borough_wide=form.cleaned_data["serves"] == "borough",
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, f"Saved where {service.name} spends.")
            return redirect("opendata:service_spending", authority.gss_code, service.pk)
    return render(
        request,
        "opendata/spending_place_service.html",
        {
            "service": service,
            "area": authority,
            "form": form,
            "breadcrumbs": _crumbs(
                authority,
                {
                    "label": service.name,
                    "href": reverse("opendata:service_spending", args=[authority.gss_code, pk]),
                },
            ),
        },
    )


class _Echo:
    def write(self, value):
        return value


CSV_COLUMNS = (
    "council_code",
    "council",
    "kind",
    "date",
    "transaction_number",
    "supplier",
    "supplier_sector",
    "supplier_sector_reason",
    "supplier_community_led",
    "supplier_directory_entry",
    "service_area",
    "expense_category",
    "purpose",
    "amount",
    "irrecoverable_vat",
)


def spending_csv(request, gss_code: str = ""):
    """Every payment we hold (or one borough's), with its supplier's sector: a CSV."""
    check_view(request)
    payments = Payment.objects.select_related(
        "authority", "supplier", "supplier__organisation", "service_area"
    ).order_by("authority__gss_code", "date", "kind", "key")
    name = "council-spending.csv"
    if gss_code:
        authority = _authority(gss_code)
        payments = payments.filter(authority=authority)
        name = f"council-spending-{gss_code}.csv"
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for p in payments.iterator(chunk_size=2000):
            org = p.supplier.organisation
            yield writer.writerow(
                (
                    p.authority.gss_code,
                    p.authority.name,
                    p.kind,
                    p.date.isoformat(),
                    p.transaction_number,
                    p.supplier.name,
                    p.supplier.sector,
                    p.supplier.sector_reason,
                    "yes" if p.supplier.community_led else "no",
                    org.slug if org else "",
                    p.service_area.name,
                    p.expense_category,
                    p.purpose,
                    f"{p.amount}",
                    "" if p.vat_pence is None else f"{p.irrecoverable_vat}",
                )
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
