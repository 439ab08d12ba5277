"""Postcodes: the areas a postcode is in."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Path, Router

from commonweal.api import ErrorResponse
from commonweal.places import services
from commonweal.places.api import present
from commonweal.places.api.errors import error
from commonweal.places.api.schemas import PostcodeAreas

router = Router(tags=["Postcodes"])

PostcodePath = Annotated[
    str, Path(description="A UK postcode, in any spelling.", examples=["HD6 2EL"])
]


@router.get(
    "/{postcode}",
    response={200: PostcodeAreas, 400: ErrorResponse, 404: ErrorResponse},
    summary="The areas a postcode is in",
    description=(
        "Any spelling is accepted: `hx11aa`, `HX1 1AA` or `HX1%201AA`. `areas` are from the "
        "ONS postcode lookup and are authoritative; `point_areas` are the areas whose "
        "boundaries contain the postcode's published point, which near a boundary can differ "
        "(especially where boundaries are `generalised`). 400 if the text is not shaped like a "
        "postcode, 404 if we do not hold it."
    ),
    url_name="postcode_detail",
    operation_id="postcode_detail",
)
def postcode_detail(request: HttpRequest, postcode: PostcodePath):
    try:
        result = services.lookup_postcode(postcode)
    except services.InvalidPostcode as exc:
        return error(400, "invalid_postcode", str(exc))
    except services.UnknownPostcode as exc:
        return error(404, "unknown_postcode", str(exc))
    point = result.point
    return {
        "postcode": result.postcode.postcode,
        "point": {"lon": point[0], "lat": point[1]} if point else None,
        "areas": [present.area_summary(request, area) for area in result.areas],
        "point_areas": [present.area_summary(request, area) for area in result.point_areas],
        "generalised": result.generalised,
        "attributions": present.attributions([result.postcode.dataset]),
    }
