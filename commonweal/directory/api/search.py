"""The directory search as one page of the API: the filters in, the hits out."""

from django.http import HttpRequest
from ninja import Field

from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.directory.api import present
from commonweal.directory.api.errors import error
from commonweal.directory.api.inputs import SearchFilters
from commonweal.directory.api.schemas import OrganisationSummary, SearchOrigin
from commonweal.directory.services import DirectoryError
from commonweal.places.models import Area, AreaType


class OrganisationSearchPage(page_of(OrganisationSummary)):
    """One page of organisations found, and the place searched from."""

    origin: SearchOrigin | None = Field(
        None, description="The postcode, point or area searched, when one was given."
    )


# The search service's names for what the request calls its query parameters.
QUERY_PARAMETERS = {
    "authority": "borough",
    "area_code": "area",
    "point": "lon",
    "text": "q",
}


def _refused(exc: DirectoryError):
    field = QUERY_PARAMETERS.get(exc.field, exc.field)
    return error(
        422,
        "invalid_search",
        exc.reason,
        [{"location": f"query.{field}" if field else "query", "message": exc.reason}],
    )


def search_page(request: HttpRequest, filters: SearchFilters, paging: PageParams):
    from commonweal.directory.services.search import SearchQuery, search

    if (filters.lon is None) != (filters.lat is None):
        missing = "lat" if filters.lat is None else "lon"
        message = "Give both lon and lat, or neither."
        return error(
            422, "invalid_search", message, [{"location": f"query.{missing}", "message": message}]
        )
    authority = None
    if filters.borough:
        authority = Area.objects.filter(
            area_type=AreaType.LOCAL_AUTHORITY, gss_code=filters.borough.upper()
        ).first()
        if authority is None:
            message = f"We do not hold a borough with the code {filters.borough}."
            return error(
                422, "invalid_search", message, [{"location": "query.borough", "message": message}]
            )
    query = SearchQuery(
        authority=authority,
        postcode=filters.postcode or "",
        point=(filters.lon, filters.lat) if filters.lon is not None else None,
        area_code=filters.area or "",
        kind=filters.kind or "",
        tag=filters.tag or "",
        text=filters.q or "",
    )
    try:
        results = search(query, user=request.user)
    except DirectoryError as exc:
        return _refused(exc)
    page = paginate(request, results.hits, paging)
    near = results.origin is not None
    page["results"] = [
        present.summary(
            request,
            hit.organisation,
            distance_m=hit.distance_m,
            serves_point=hit.serves_point if near else None,
        )
        for hit in page["results"]
    ]
    page["origin"] = _origin(results)
    return page


def _origin(results) -> dict | None:
    if results.origin is None and results.area is None:
        return None
    return {
        "point": present.point(*results.origin) if results.origin else None,
        "label": results.origin_label,
        "area": present.area_ref(results.area) if results.area is not None else None,
    }


__all__ = ["OrganisationSearchPage", "search_page"]
