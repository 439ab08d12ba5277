"""Neighbourhoods: areas an officer defines from LSOAs or a drawn boundary."""

import json

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import ErrorResponse
from commonweal.places import services
from commonweal.places.api import present
from commonweal.places.api.areas import area_or_404
from commonweal.places.api.errors import error
from commonweal.places.api.schemas import AreaFeature, NeighbourhoodIn
from commonweal.places.models import AreaType

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
def create_neighbourhood(request: HttpRequest, response: HttpResponse, payload: NeighbourhoodIn):
    common = {
        "actor": request.user,
        "authority": payload.authority.upper(),
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
        return error(422, "neighbourhood_invalid", exc.reason)
    present.negotiate_geojson(request, response)
    return Status(201, present.area_feature(request, area))


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
    return Status(204, None)
