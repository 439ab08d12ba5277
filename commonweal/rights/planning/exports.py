"""Open data: designated neighbourhood areas and forums, as CSV and as GeoJSON.

Only what the register shows: designated areas, and forums that are or were designated.
A forum's geometry is its area's; the member contact a forum chose to publish is included.
"""

import csv
import io
import json

import shapely
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from commonweal.rights.planning.models import ForumStatus, NeighbourhoodArea, NeighbourhoodForum
from commonweal.rights.planning.presenters import latest_plan
from commonweal.rights.planning.services import qualifying_body

AREA_COLUMNS = (
    "id",
    "name",
    "borough_code",
    "borough",
    "applicant",
    "qualifying_body",
    "designated_on",
    "business_area",
    "ward_codes",
    "plan",
    "plan_stage",
    "plan_made_on",
)
FORUM_COLUMNS = (
    "id",
    "name",
    "area_id",
    "area",
    "borough_code",
    "status",
    "designated_on",
    "expires_on",
    "expires_rule_c",
    "expires_rule_b",
    "qualifying_members",
    "contact",
)
# Characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _areas():
    return NeighbourhoodArea.objects.designated().select_related("authority", "applicant")


def _forums():
    return NeighbourhoodForum.objects.filter(
        status__in=(ForumStatus.DESIGNATED, ForumStatus.EXPIRED)
    ).select_related("area", "authority")


def area_record(area) -> dict:
    plan = latest_plan(area)
    body = qualifying_body(area)
    return {
        "id": area.pk,
        "name": area.name,
        "borough_code": area.authority.gss_code,
        "borough": area.authority.name,
        "applicant": area.applicant.name,
        "qualifying_body": body.name if body else "",
        "designated_on": area.decided_on.isoformat() if area.decided_on else "",
        "business_area": area.business_area,
        "ward_codes": " ".join(sorted(p.gss_code for p in area.places.all())),
        "plan": plan.title if plan else "",
        "plan_stage": plan.get_stage_display() if plan else "",
        "plan_made_on": plan.made_on.isoformat() if plan and plan.made_on else "",
    }


def forum_record(forum) -> dict:
    def iso(day):
        return day.isoformat() if day else ""

    return {
        "id": forum.pk,
        "name": forum.name,
        "area_id": forum.area_id,
        "area": forum.area.name,
        "borough_code": forum.authority.gss_code,
        "status": forum.status,
        "designated_on": iso(forum.designated_on),
        "expires_on": iso(forum.expires_on),
        "expires_rule_c": iso(forum.expires_rule_c),
        "expires_rule_b": iso(forum.expires_rule_b),
        "qualifying_members": forum.qualifying_members,
        "contact": forum.contact,
    }


def _csv(columns, records, filename) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record[c]) for c in columns])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _geojson(items, shape_of, record_of, filename) -> HttpResponse:
    features = [
        {
            "type": "Feature",
            "id": item.pk,
            "geometry": json.loads(shapely.to_geojson(shape_of(item))),
            "properties": record_of(item),
        }
        for item in items
    ]
    body = json.dumps({"type": "FeatureCollection", "features": features})
    response = HttpResponse(body, content_type="application/geo+json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def areas_csv(request):
    return _csv(AREA_COLUMNS, map(area_record, _areas()), "neighbourhood-areas.csv")


@require_GET
def areas_geojson(request):
    return _geojson(_areas(), lambda a: a.shape, area_record, "neighbourhood-areas.geojson")


@require_GET
def forums_csv(request):
    return _csv(FORUM_COLUMNS, map(forum_record, _forums()), "neighbourhood-forums.csv")


@require_GET
def forums_geojson(request):
    return _geojson(_forums(), lambda f: f.area.shape, forum_record, "neighbourhood-forums.geojson")
