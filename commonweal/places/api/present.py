"""Turning areas into the API's dictionaries (links, attributions, GeoJSON)."""

from django.http import HttpRequest
from django.urls import reverse
from shapely.geometry import mapping

from commonweal.places.models import LSOA_TYPES, Area, AreaType


def area_links(request: HttpRequest, area: Area) -> dict:
    kwargs = {"area_type": area.area_type, "gss_code": area.gss_code}

    def url(name: str) -> str:
        return request.build_absolute_uri(reverse(f"api:{name}", kwargs=kwargs))

    # Figures are published for LSOAs; larger areas and neighbourhoods are built from them.
    return {
        "self": url("area_detail"),
        "neighbours": url("area_neighbours"),
        "deprivation": url("area_deprivation") if _may_have_deprivation(area) else None,
    }


def _may_have_deprivation(area: Area) -> bool:
    return area.area_type in (*LSOA_TYPES, AreaType.WARD, AreaType.LOCAL_AUTHORITY) or (
        area.is_custom
    )


def area_ref(area: Area) -> dict:
    return {"code": area.gss_code, "name": area.name, "type": area.area_type}


def area_summary(request: HttpRequest, area: Area) -> dict:
    return {
        **area_ref(area),
        "type_label": area.get_area_type_display(),
        "generation": area.generation,
        "generalised": area.generalised,
        "authority": _authority_code(area),
        "links": area_links(request, area),
    }


def _authority_code(area: Area) -> str | None:
    if area.area_type == AreaType.LOCAL_AUTHORITY:
        return area.gss_code
    return area.authority.gss_code if area.authority_id else None


def attribution(dataset) -> dict:
    return {
        "title": dataset.title,
        "publisher": dataset.publisher,
        "licence": dataset.licence,
        "licence_url": dataset.licence_url,
        "attribution": dataset.attribution,
        "source_url": dataset.source_url,
    }


def attributions(datasets) -> list[dict]:
    seen: dict[int, dict] = {}
    for dataset in datasets:
        if dataset is not None and dataset.pk not in seen:
            seen[dataset.pk] = attribution(dataset)
    return list(seen.values())


def area_feature(request: HttpRequest, area: Area) -> dict:
    """The area as a GeoJSON Feature, with its figures and sources as properties."""
    shape = area.shape
    population = area.population_estimates.select_related("dataset").order_by("-year").first()
    centroid = None
    if area.centroid_lon is not None and area.centroid_lat is not None:
        centroid = {"lon": area.centroid_lon, "lat": area.centroid_lat}
    properties = {
        **area_summary(request, area),
        "description": area.description,
        "population_total": area.population_total,
        "population_adults": area.population_adults,
        "population_note": area.population_note,
        "parents": [area_ref(parent) for parent in area.parents.all()],
        "members": [area_ref(member) for member in area.members.all()],
        "centroid": centroid,
        "attributions": attributions([area.dataset, population and population.dataset]),
    }
    return {
        "type": "Feature",
        "id": area.gss_code,
        "geometry": mapping(shape) if shape is not None and not shape.is_empty else None,
        "properties": properties,
    }


GEOJSON = "application/geo+json"
# Documents the 200 response of a Feature operation as GeoJSON as well as plain JSON.
GEOJSON_RESPONSE_DOC = {
    "responses": {
        200: {"content": {GEOJSON: {"schema": {"$ref": "#/components/schemas/AreaFeature"}}}}
    }
}


def negotiate_geojson(request: HttpRequest, response) -> None:
    """Serve GeoJSON as application/geo+json unless the request accepts only plain JSON."""
    accept = request.headers.get("Accept", "")
    if "application/json" in accept and GEOJSON not in accept and "*/*" not in accept:
        return
    response["Content-Type"] = f"{GEOJSON}; charset=utf-8"


def deprivation(request: HttpRequest, figures) -> dict:
    """An AreaDeprivation (from the places services) as the API's dictionary."""
    return {
        "area": area_summary(request, figures.area),
        "edition": figures.edition,
        "edition_label": figures.edition_label,
        "lsoa_type": figures.lsoa_type,
        "areas_ranked": figures.national_count,
        "weighted": figures.weighted,
        "weighting": figures.weighting,
        "lsoa_count": figures.lsoa_count,
        "population_covered": figures.population_covered,
        "domains": [
            {
                "domain": figure.domain,
                "label": figure.label,
                "rank": figure.rank,
                "decile": figure.decile,
                "score": figure.score,
                "share_most_deprived": figure.share_most_deprived,
            }
            for figure in figures.domains.values()
        ],
        "attributions": attributions(figures.datasets),
    }
