"""The public register: listed land and unsuccessful nominations, as a page with a map and
a table, and as CSV and GeoJSON; and each entry with its dates and moratorium state."""

import csv
import json

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from commonweal.core.permissions import can
from commonweal.directory.presenters.public_maps import Marker, results_map
from commonweal.places.presenters.maps import area_map
from commonweal.rights import presenters
from commonweal.rights.models import CaseStatus, Nomination
from commonweal.rights.services._common import today
from commonweal.rights.views.common import crumbs, edited_organisations, visible_entry


def _register(on):
    listed, unsuccessful = [], []
    cases = (
        Nomination.objects.on_register()
        .select_related("authority", "nominator")
        .prefetch_related("disposal_notices__bidder_requests")
        .order_by("name", "reference")
    )
    for nomination in cases:
        shown = presenters.entry(nomination, on)
        (unsuccessful if nomination.status == CaseStatus.NOT_LISTED else listed).append(shown)
    return listed, unsuccessful


@require_GET
def register(request):
    on = today()
    listed, unsuccessful = _register(on)
    current = [e for e in listed if e.status_code == "listed"]
    markers = [
        Marker(
            number=index,
            label=e.nomination.name,
            href=reverse("rights:entry", args=[e.nomination.reference]),
            point=e.nomination.point,
            area=None,
        )
        for index, e in enumerate(current, start=1)
    ]
    boroughs = {e.nomination.authority_id: e.nomination.authority for e in current}
    return render(
        request,
        "rights/register.html",
        {
            "listed": listed,
            "current": current,
            "numbered": list(enumerate(current, start=1)),
            "unsuccessful": unsuccessful,
            "map": results_map(markers, list(boroughs.values()), None, "") if markers else "",
            "today": on,
            "can_nominate": request.user.is_authenticated,
            "breadcrumbs": [*crumbs()[:-1], {"label": "Assets of community value"}],
        },
    )


@require_GET
def entry(request, reference: str):
    nomination = visible_entry(request, reference)
    on = today()
    shown = presenters.entry(
        nomination, on, public=not can(request.user, "rights.view_case", nomination)
    )
    bidders = [
        o for o in edited_organisations(request.user) if o.pk != nomination.nominator_id
    ] or list(edited_organisations(request.user))
    return render(
        request,
        "rights/entry.html",
        {
            "entry": shown,
            "nomination": nomination,
            "map": area_map(nomination.name, nomination.shape, []),
            "can_ask_to_bid": bool(bidders) and shown.moratorium_code == "interim",
            "is_owner": can(request.user, "rights.give_disposal_notice", nomination),
            "can_see_case": can(request.user, "rights.view_case", nomination),
            "is_officer": can(request.user, "rights.run_casework", nomination),
            "breadcrumbs": crumbs((nomination.name, None)),
        },
    )


@require_GET
def register_csv(request):
    listed, unsuccessful = _register(today())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="asset-of-community-value.csv"'
    writer = csv.DictWriter(response, fieldnames=presenters.EXPORT_FIELDS)
    writer.writeheader()
    for shown in listed + unsuccessful:
        writer.writerow(presenters.export_row(shown))
    return response


@require_GET
def register_geojson(request):
    listed, unsuccessful = _register(today())
    features = []
    for shown in listed + unsuccessful:
        row = presenters.export_row(shown)
        del row["geometry"], row["point"]
        features.append(
            {
                "type": "Feature",
                "id": row["reference"],
                "geometry": json.loads(_geojson(shown.nomination)),
                "properties": row,
            }
        )
    response = JsonResponse({"type": "FeatureCollection", "features": features})
    response["Content-Type"] = "application/geo+json"
    return response


def _geojson(nomination) -> str:
    import shapely

    return shapely.to_geojson(nomination.shape)
