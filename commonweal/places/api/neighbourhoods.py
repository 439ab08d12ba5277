"""Neighbourhoods: areas an officer defines from LSOAs or a drawn boundary."""

import json

from django.http import HttpRequest
from ninja import Router

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import ErrorResponse, error_body
from commonweal.places import services
from commonweal.places.api import present
from commonweal.places.api.areas import area_or_404
from commonweal.places.api.schemas import AreaFeature, NeighbourhoodIn
from commonweal.places.models import Area, AreaType

router = Router(tags=["Neighbourhoods"])

AUTH_ERRORS = {401: ErrorResponse, 403: ErrorResponse}


@router.post(
    "/",
    auth=session_or_token,
    response={201: AreaFeature, **AUTH_ERRORS, 422: ErrorResponse},
    summary="Define a neighbourhood",
    description=(
        "For officers of the local authority, and administrators. Give the neighbourhood's "
        "name and authority, and either `lsoa_codes` (the LSOAs it is made of) or `geometry` "
        "(a GeoJSON boundary). Answers with the new neighbourhood as a GeoJSON Feature. "
        "422, with the reason, if the definition is refused; nothing is saved."
    ),
    url_name="neighbourhood_create",
    operation_id="neighbourhood_create",
    openapi_extra={
        "responses": {
            201: {
                "content": {
                    present.GEOJSON: {"schema": {"$ref": "#/components/schemas/AreaFeature"}}
                }
            }
        }
    },
)
def create_neighbourhood(request: HttpRequest, response, payload: NeighbourhoodIn):
    authority = Area.objects.authorities().filter(gss_code=payload.authority.upper()).first()
    if authority is None:
        return 422, error_body(
            "invalid_request",
            f"We hold no local authority with the code {payload.authority}.",
            [{"location": "body.payload.authority", "message": "Unknown local authority."}],
        )
    common = {
        "actor": request.user,
        "authority": authority,
        "name": payload.name,
        "description": payload.description,
    }
    try:
        if payload.lsoa_codes is not None:
            area = services.create_neighbourhood_from_lsoas(**common, lsoa_codes=payload.lsoa_codes)
        else:
            area = services.create_neighbourhood_from_geojson(
                **common, geojson_text=json.dumps(payload.geometry)
            )
    except services.NeighbourhoodInvalid as exc:
        return 422, error_body("neighbourhood_invalid", exc.reason)
    present.negotiate_geojson(request, response)
    return 201, present.area_feature(request, area)


@router.delete(
    "/{code}",
    auth=session_or_token,
    response={204: None, **AUTH_ERRORS, 404: ErrorResponse},
    summary="Delete a neighbourhood",
    description="For officers of the neighbourhood's local authority, and administrators.",
    url_name="neighbourhood_delete",
    operation_id="neighbourhood_delete",
)
def delete_neighbourhood(request: HttpRequest, code: str):
    area = area_or_404(AreaType.NEIGHBOURHOOD, code)
    services.delete_neighbourhood(actor=request.user, area=area)
    return 204, None
