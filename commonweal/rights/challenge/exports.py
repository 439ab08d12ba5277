"""The published decisions on expressions of interest, as CSV (one row each)."""

import csv

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from commonweal.core.permissions import require
from commonweal.rights.challenge.models import ExpressionOfInterest

COLUMNS = (
    "reference",
    "authority_code",
    "service",
    "body",
    "body_kind",
    "received_on",
    "decision_due",
    "decided_on",
    "decision",
    "grounds",
    "reasons",
    "procurement_earliest_start",
    "procurement_started_on",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """Text as a spreadsheet will show it: never read as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rows():
    decided = (
        ExpressionOfInterest.objects.decided()
        .select_related("service__authority", "organisation", "procurement")
        .prefetch_related("grounds")
        .order_by("decided_on", "pk")
    )
    for expression in decided:
        procurement = getattr(expression, "procurement", None)
        grounds = [g for g in expression.grounds.all() if g.modification_id is None]
        yield [
            expression.reference,
            expression.service.authority.gss_code,
            expression.service.name,
            expression.body_name,
            expression.get_body_kind_display(),
            expression.received_on,
            expression.decision_due,
            expression.decided_on,
            expression.get_status_display(),
            "; ".join(g.ground for g in grounds),
            expression.decision_reasons,
            procurement.earliest_start if procurement else "",
            (procurement.started_on or "") if procurement else "",
        ]


@require_GET
def decisions_csv(request):
    require(request.user, "challenge.view_services")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="right-to-challenge-decisions.csv"'
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for row in rows():
        writer.writerow([cell(value) for value in row])
    return response
