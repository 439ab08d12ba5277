"""The neighbourhood planning API, under /api/v1/rights/neighbourhood-planning/.

The register (areas, forums) is public; the deadlines are for officers; applying for an
area is for the leaders of a parish council or a prospective forum.
"""

import datetime as dt
import json
from typing import Annotated

import shapely
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from pydantic import StringConstraints

from commonweal.accounts.api_auth import session_or_token
from commonweal.accounts.models import Role
from commonweal.accounts.roles import authorities_for
from commonweal.api import ErrorResponse, error_body
from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.core.permissions import can, require
from commonweal.directory.models import Organisation
from commonweal.rights.planning import services
from commonweal.rights.planning.deadlines import deadlines_for
from commonweal.rights.planning.models import NeighbourhoodArea, NeighbourhoodForum
from commonweal.rights.planning.presenters import latest_plan
from commonweal.rights.planning.services._common import today

router = Router(tags=["Neighbourhood planning"])

Code = Annotated[str, StringConstraints(max_length=12, pattern=r"^[A-Za-z0-9]*$")]
LOOKUP_ERRORS = {404: ErrorResponse, 422: ErrorResponse}
AUTH_ERRORS = {401: ErrorResponse, 403: ErrorResponse}


class AreaFilters(Schema):
    borough: Code | None = Field(None, description="A borough's GSS code, e.g. E08000033.")
    status: str | None = Field(
        None,
        max_length=12,
        pattern=r"^(publicised|designated|refused|received)?$",
        description="Only areas at this status (publicised, designated or refused).",
    )


class AreaOut(Schema):
    id: int
    name: str
    status: str
    borough_code: str
    applicant: str
    received_on: dt.date
    first_publicised_on: dt.date | None
    representations_close_on: dt.date | None
    decision_due_on: dt.date | None
    decided_on: dt.date | None
    business_area: bool
    forum: str | None = Field(description="The forum designated for it now, if any.")
    plan: str | None
    plan_stage: str | None


class AreaDetail(AreaOut):
    statement: str
    decision_reasons: str
    ward_codes: list[str]
    geometry: dict = Field(description="The area's boundary as a GeoJSON geometry (WGS84).")


class ForumOut(Schema):
    id: int
    name: str
    status: str
    area_id: int
    area: str
    qualifying_members: int
    contact: str
    decision_due_on: dt.date | None
    designated_on: dt.date | None
    expires_on: dt.date | None = Field(description="The last day of the designation [R].")
    expires_rule_c: dt.date | None
    expires_rule_b: dt.date | None


class DeadlineOut(Schema):
    bucket: str = Field(description="overdue, this-week, later or no-date")
    what: str
    case: str
    url: str
    due_on: dt.date | None
    rule: str
    note: str


class AreaIn(Schema):
    applicant: int = Field(description="The applying organisation's id in the directory.")
    name: str = Field(..., max_length=200)
    statement: str = Field(..., max_length=4000)
    relevant_body_statement: str = Field(..., max_length=4000)
    ward_codes: list[Code] = Field([], max_length=100)
    boundary: dict | None = Field(None, description="A GeoJSON Polygon or MultiPolygon.")
    more_than_one_authority: bool = False
    whole_parish: bool = False


def _area_out(area: NeighbourhoodArea) -> dict:
    forum = services.current_forum(area) if area.is_designated else None
    plan = latest_plan(area)
    return {
        "id": area.pk,
        "name": area.name,
        "status": area.status,
        "borough_code": area.authority.gss_code,
        "applicant": area.applicant.name,
        "received_on": area.received_on,
        "first_publicised_on": area.first_publicised_on,
        "representations_close_on": area.representations_close_on,
        "decision_due_on": area.decision_due_on,
        "decided_on": area.decided_on,
        "business_area": area.business_area,
        "forum": forum.name if forum else None,
        "plan": plan.title if plan else None,
        "plan_stage": plan.stage if plan else None,
    }


def _area_detail(area: NeighbourhoodArea) -> dict:
    return {
        **_area_out(area),
        "statement": area.statement,
        "decision_reasons": area.decision_reasons,
        "ward_codes": sorted(p.gss_code for p in area.places.all()),
        "geometry": json.loads(shapely.to_geojson(area.shape)),
    }


@router.get(
    "/areas",
    response={200: page_of(AreaOut), **LOOKUP_ERRORS},
    summary="Neighbourhood areas",
    description="Areas applied for (once publicised), designated or refused, for everyone; "
    "applicants and officers also see applications not yet publicised.",
    url_name="neighbourhoodplanning_area_list",
    operation_id="neighbourhoodplanning_area_list",
)
def list_areas(request: HttpRequest, filters: Query[AreaFilters], paging: Query[PageParams]):
    areas = NeighbourhoodArea.objects.visible_to(request.user).select_related(
        "authority", "applicant"
    )
    if filters.borough:
        areas = areas.filter(authority__gss_code=filters.borough.upper())
    if filters.status:
        areas = areas.filter(status=filters.status)
    page = paginate(request, areas.order_by("name", "pk"), paging)
    page["results"] = [_area_out(a) for a in page["results"]]
    return page


def _area_or_404(request, pk: int) -> NeighbourhoodArea:
    area = NeighbourhoodArea.objects.select_related("authority", "applicant").filter(pk=pk).first()
    if area is None or not can(request.user, "neighbourhoodplanning.view_area", area):
        raise Http404("There is no such neighbourhood area.")
    return area


@router.get(
    "/areas/{area_id}",
    response={200: AreaDetail, **LOOKUP_ERRORS},
    summary="One neighbourhood area",
    description="Its dates, forum, plan stage and boundary (GeoJSON).",
    url_name="neighbourhoodplanning_area_detail",
    operation_id="neighbourhoodplanning_area_detail",
)
def area_detail(request: HttpRequest, area_id: Annotated[int, Field(ge=1, le=2**62)]):
    return _area_detail(_area_or_404(request, area_id))


@router.get(
    "/forums",
    response={200: page_of(ForumOut), **LOOKUP_ERRORS},
    summary="Neighbourhood forums",
    description="Forum applications once publicised, and designated, refused and expired "
    "forums. Membership is given as a count only.",
    url_name="neighbourhoodplanning_forum_list",
    operation_id="neighbourhoodplanning_forum_list",
)
def list_forums(request: HttpRequest, paging: Query[PageParams]):
    forums = NeighbourhoodForum.objects.visible_to(request.user).select_related("area")
    page = paginate(request, forums.order_by("name", "pk"), paging)
    page["results"] = [
        {
            "id": f.pk,
            "name": f.name,
            "status": f.status,
            "area_id": f.area_id,
            "area": f.area.name,
            "qualifying_members": f.qualifying_members,
            "contact": f.contact,
            "decision_due_on": f.decision_due_on,
            "designated_on": f.designated_on,
            "expires_on": f.expires_on,
            "expires_rule_c": f.expires_rule_c,
            "expires_rule_b": f.expires_rule_b,
        }
        for f in page["results"]
    ]
    return page


@router.get(
    "/deadlines",
    auth=session_or_token,
    response={200: list[DeadlineOut], **AUTH_ERRORS},
    summary="Officers' deadlines",
    description="For officers and administrators: every statutory date still to be met in "
    "their authorities, soonest first within overdue, this-week, later and no-date.",
    url_name="neighbourhoodplanning_deadlines",
    operation_id="neighbourhoodplanning_deadlines",
)
def deadlines(request: HttpRequest):
    require(request.user, "neighbourhoodplanning.view_dashboard")
    buckets = deadlines_for(authorities_for(request.user, Role.OFFICER), today())
    return [{**item.__dict__, "bucket": key} for key, items in buckets.items() for item in items]


@router.post(
    "/areas",
    auth=session_or_token,
    response={201: AreaDetail, 400: ErrorResponse, **AUTH_ERRORS, **LOOKUP_ERRORS},
    summary="Apply for a neighbourhood area",
    description="For the leaders and admins of a parish council or a neighbourhood forum in "
    "the directory. Give either `ward_codes` or a `boundary`. 422, with the reason, if the "
    "application cannot be accepted.",
    url_name="neighbourhoodplanning_area_apply",
    operation_id="neighbourhoodplanning_area_apply",
)
def apply(request: HttpRequest, payload: AreaIn):
    applicant = Organisation.records.filter(pk=payload.applicant).first()
    if applicant is None:
        raise Http404("There is no such organisation.")
    require(request.user, "neighbourhoodplanning.apply_for_area", applicant)
    try:
        area = services.apply_for_area(
            actor=request.user,
            applicant=applicant,
            name=payload.name,
            statement=payload.statement,
            relevant_body_statement=payload.relevant_body_statement,
            place_codes=payload.ward_codes,
            boundary_geojson=json.dumps(payload.boundary) if payload.boundary else None,
            more_than_one_authority=payload.more_than_one_authority,
            whole_parish=payload.whole_parish,
        )
    except services.PlanningError as exc:
        field = exc.field if exc.field != "places" else "ward_codes"
        location = f"body.payload.{field}" if field else "body.payload"
        return Status(
            422,
            error_body("refused", exc.reason, [{"location": location, "message": exc.reason}]),
        )
    return Status(201, _area_detail(area))
