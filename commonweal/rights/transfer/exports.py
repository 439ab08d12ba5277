"""Asset transfer's open data as CSV: the assets offered with their decisions."""

import csv

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from commonweal.core.permissions import require
from commonweal.rights.transfer.models import TransferOffer

COLUMNS = (
    "offer",
    "authority_code",
    "asset_code",
    "asset",
    "address",
    "longitude",
    "latitude",
    "status",
    "request",
    "organisations",
    "joint",
    "decision",
    "decided_on",
    "tenure",
    "lease_years",
    "annual_rent",
    "market_value",
    "consideration",
    "undervalue",
    "reasons",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def rows():
    offers = (
        TransferOffer.objects.exclude(status="withdrawn")
        .select_related("asset__authority")
        .prefetch_related("requests__parties__organisation")
        .order_by("pk")
    )
    for offer in offers:
        asset = offer.asset
        base = [
            offer.slug,
            asset.authority.gss_code,
            asset.asset_code,
            asset.name,
            asset.address,
            asset.longitude,
            asset.latitude,
            offer.get_status_display(),
        ]
        decided = [r for r in offer.requests.all() if r.is_decided]
        if not decided:
            yield [*base, *[""] * (len(COLUMNS) - len(base))]
        for r in decided:
            parties = [p.organisation.name for p in r.parties.all()]
            yield [
                *base,
                r.reference,
                "; ".join(parties),
                "yes" if len(parties) > 1 else "no",
                r.get_status_display(),
                r.decided_on,
                r.get_tenure_display() if r.tenure else "",
                r.lease_years,
                r.annual_rent,
                r.market_value,
                r.consideration,
                r.undervalue,
                r.decision_reasons,
            ]


@require_GET
def offers_csv(request):
    require(request.user, "assettransfer.view_register")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="community-asset-transfers.csv"'
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for row in rows():
        writer.writerow([cell(value) for value in row])
    return response
