"""The public pages: every contract, filtered; one contract with its releases; a CSV."""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from commonweal.core.permissions import can
from commonweal.directory.models import Organisation
from commonweal.opendata.contracts.forms import FilterForm
from commonweal.opendata.contracts.models import Contract, Sector
from commonweal.opendata.contracts.views.common import RELATED, contract_or_404, crumbs
from commonweal.places.models import Area

PAGE = 100


def filtered(request):
    contracts = Contract.objects.visible_to(request.user).select_related(*RELATED)
    suppliers = Organisation.records.filter(contracts_supplied__isnull=False).distinct()
    areas = Area.objects.filter(contracts__isnull=False).distinct().order_by("name")
    services = sorted(set(contracts.values_list("service", flat=True)))
    form = FilterForm(request.GET or None, services=services, suppliers=suppliers, areas=areas)
    valid = form.is_valid() if request.GET else True
    if request.GET and valid:
        data = form.cleaned_data
        if data["service"]:
            contracts = contracts.for_service(data["service"])
        if data["supplier"]:
            contracts = contracts.filter(supplier_links__organisation__slug=data["supplier"])
        if data["area"]:
            area_type, _, code = data["area"].partition(":")
            contracts = contracts.filter(
                areas_served__area_type=area_type, areas_served__gss_code=code
            )
        if data["sector"]:
            contracts = contracts.in_sector(data["sector"])
    return form, valid, contracts.distinct().prefetch_related("supplier_links__organisation")


@require_GET
def contract_list(request):
    form, valid, contracts = filtered(request)
    query = request.GET.urlencode()
    return render(
        request,
        "contracts/list.html",
        {
            "form": form,
            "contracts": list(contracts[:PAGE]) if valid else [],
            "total": contracts.count() if valid else 0,
            "page_size": PAGE,
            "csv_url": reverse("contracts:csv") + (f"?{query}" if query else ""),
            "can_add": can(request.user, "contracts.add_contract"),
            "can_import": can(request.user, "contracts.import_contracts"),
            "breadcrumbs": crumbs(),
        },
        status=200 if valid else 400,
    )


@require_GET
def contract_detail(request, pk: int):
    contract = contract_or_404(request, pk)
    return render(
        request,
        "contracts/detail.html",
        {
            "contract": contract,
            "suppliers": contract.supplier_links.select_related("organisation"),
            "areas": contract.areas_served.order_by("area_type", "name"),
            "commitments": contract.commitments.all(),
            "amendments": contract.amendments.all(),
            "releases": contract.releases.order_by("-sequence"),
            "can_change": can(request.user, "contracts.change_contract", contract),
            "breadcrumbs": crumbs((contract.title, None)),
        },
    )


CSV_COLUMNS = [
    "ocid",
    "title",
    "service",
    "buyer",
    "suppliers",
    "supplier_sectors",
    "value",
    "currency",
    "award_date",
    "start_date",
    "end_date",
    "status",
    "procurement_route",
    "right_to_challenge_reference",
    "social_value_weighting_percent",
    "social_value_commitments",
    "areas_served",
    "url",
]


@require_GET
def contract_csv(request):
    _form, valid, contracts = filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="contracts.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    if not valid:
        return response
    sectors = dict(Sector.choices)
    for c in contracts.prefetch_related("areas_served", "commitments"):
        links = list(c.supplier_links.all())
        writer.writerow(
            [
                c.ocid,
                c.title,
                c.service,
                c.buyer_name,
                "; ".join(link.organisation.name for link in links),
                "; ".join(sectors[link.sector] for link in links),
                c.value_amount if c.value_amount is not None else "",
                c.currency,
                c.award_date or "",
                c.start_date or "",
                c.end_date or "",
                c.get_status_display(),
                c.get_route_display(),
                c.challenge_reference,
                c.social_value_weighting if c.social_value_weighting is not None else "",
                "; ".join(x.commitment for x in c.commitments.all()),
                "; ".join(f"{a.name} ({a.gss_code})" for a in c.areas_served.all()),
                request.build_absolute_uri(reverse("contracts:detail", args=[c.pk])),
            ]
        )
    return response
