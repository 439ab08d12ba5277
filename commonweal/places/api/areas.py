"""Areas: finding them by point or by name, and each one as GeoJSON."""

import re
from typing import Annotated

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Path, Query, Router, Schema

from commonweal.api import NO_NUL, ErrorResponse
from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.places import services
from commonweal.places.api import present
from commonweal.places.api.errors import error
from commonweal.places.api.schemas import (
    CODE_PATTERN,
    AreaFeature,
    AreaSummary,
    Deprivation,
    Neighbours,
)
from commonweal.places.models import Area, AreaType, Edition

router = Router(tags=["Areas"])

ERRORS_404 = {404: ErrorResponse, 422: ErrorResponse}


class AreaFilters(Schema):
    lon: float | None = Field(
        None,
        ge=-180,
        le=180,
        allow_inf_nan=False,
        description="Longitude (WGS84) of a point.",
        examples=[-1.79491],
    )
    lat: float | None = Field(
        None,
        ge=-90,
        le=90,
        allow_inf_nan=False,
        description="Latitude (WGS84) of a point.",
        examples=[53.709243],
    )
    type: AreaType | None = Field(None, description="Only areas of this type.")
    authority: str | None = Field(
        None,
        pattern=CODE_PATTERN,
        description="Only areas in this local authority (GSS code).",
        examples=["E08000033"],
    )
    q: str | None = Field(
        None,
        max_length=100,
        pattern=NO_NUL,
        description="Only areas whose name contains this text, or with this code.",
        examples=["Brighouse"],
    )


AreaTypePath = Annotated[
    AreaType,
    Path(description="The type of area.", examples=["lsoa21"]),
]
CodePath = Annotated[
    str,
    Path(description="The area's ONS GSS code, or a neighbourhood's code.", examples=["E01010875"]),
]


class EditionQuery(Schema):
    edition: Edition = Field(Edition.IOD2025, description="Which Indices of Deprivation.")


@router.get(
    "/",
    response={200: page_of(AreaSummary), 400: ErrorResponse, **ERRORS_404},
    summary="Find areas by point, type, authority or name",
    description=(
        "With `lon` and `lat`: every area we hold that contains the point, smallest first "
        "(404 if none does). Without a point: every area, filtered by `type`, `authority` "
        "and `q`. Either way the results come a page at a time."
    ),
    url_name="area_list",
    operation_id="area_list",
)
def list_areas(request: HttpRequest, filters: Query[AreaFilters], paging: Query[PageParams]):
    if (filters.lon is None) != (filters.lat is None):
        return error(400, "invalid_point", "Give both lon and lat, or neither.")
    if filters.lon is None:
        areas = _filtered(Area.objects.select_related("authority"), filters)
    else:
        try:
            found = services.areas_for_point(filters.lon, filters.lat)
        except services.InvalidPoint as exc:
            return error(400, "invalid_point", str(exc))
        except services.OutsideKnownAreas as exc:
            return error(404, "outside_known_areas", str(exc))
        keep = set(_filtered(Area.objects.filter(pk__in=[a.pk for a in found]), filters))
        areas = [area for area in found if area in keep]
    page = paginate(request, areas, paging)
    page["results"] = [present.area_summary(request, area) for area in page["results"]]
    return page


def _filtered(areas, filters: AreaFilters):
    if filters.type:
        areas = areas.of_type(filters.type)
    if filters.authority:
        code = filters.authority.upper()
        areas = areas.filter(
            Q(authority__gss_code=code) | Q(area_type=AreaType.LOCAL_AUTHORITY, gss_code=code)
        )
    if filters.q:
        areas = areas.filter(Q(name__icontains=filters.q) | Q(gss_code__iexact=filters.q))
    return areas


def area_or_404(area_type: str, gss_code: str) -> Area:
    area = None
    # A code that cannot exist is not looked up (PostgreSQL refuses NUL characters, say).
    if re.fullmatch(CODE_PATTERN, gss_code):
        area = (
            Area.objects.select_related("authority", "dataset")
            .filter(area_type=area_type, gss_code__in={gss_code, gss_code.upper()})
            .first()
        )
    if area is None:
        label = AreaType(area_type).label
        raise Http404(f"We hold no area of type “{label}” with the code {gss_code[:40]}.")
    return area


@router.get(
    "/{area_type}/{gss_code}",
    response={200: AreaFeature, **ERRORS_404},
    summary="An area as GeoJSON",
    description=(
        "The area as a GeoJSON Feature: its boundary (WGS84 longitude/latitude) and, as "
        "properties, its code, name, type, boundary generation, population, local authority, "
        "parents, a point inside it and the sources of its data. Served as "
        "`application/geo+json`, or `application/json` if that is all the request accepts."
    ),
    url_name="area_detail",
    operation_id="area_detail",
    openapi_extra=present.GEOJSON_RESPONSE_DOC,
)
def area_detail(
    request: HttpRequest, response: HttpResponse, area_type: AreaTypePath, gss_code: CodePath
):
    area = area_or_404(area_type, gss_code)
    present.negotiate_geojson(request, response)
    return present.area_feature(request, area)


@router.get(
    "/{area_type}/{gss_code}/neighbours",
    response={200: Neighbours, **ERRORS_404},
    summary="An area's neighbours",
    description="The areas of the same type and generation that share a boundary with it.",
    url_name="area_neighbours",
    operation_id="area_neighbours",
)
def area_neighbours(request: HttpRequest, area_type: AreaTypePath, gss_code: CodePath):
    area = area_or_404(area_type, gss_code)
    return {
        "area": present.area_summary(request, area),
        "neighbours": [present.area_summary(request, n) for n in services.neighbours(area)],
    }


@router.get(
    "/{area_type}/{gss_code}/deprivation",
    response={200: Deprivation, **ERRORS_404},
    summary="An area's Indices of Deprivation",
    description=(
        "Rank, decile and (2025 only) score on each domain of the English Indices of "
        "Deprivation. LSOAs have the published figures; larger areas and neighbourhoods have "
        "population-weighted figures built from their LSOAs (`weighted`, with `coverage`). "
        "404 if we hold no figures for the area in that edition."
    ),
    url_name="area_deprivation",
    operation_id="area_deprivation",
)
def area_deprivation(
    request: HttpRequest, area_type: AreaTypePath, gss_code: CodePath, edition: Query[EditionQuery]
):
    area = area_or_404(area_type, gss_code)
    figures = services.deprivation_for(area, edition.edition)
    if figures is None:
        label = Edition(edition.edition).label
        return error(404, "not_found", f"We hold no {label} figures for {area.name}.")
    return present.deprivation(request, figures)
