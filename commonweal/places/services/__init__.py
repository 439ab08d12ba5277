"""The places services: what other apps, views and the API call.

Lookups (postcode, point, neighbours, LSOA generations), deprivation for any area,
population totals, and officers' neighbourhoods.
"""

from commonweal.places.services.deprivation import (
    AreaDeprivation,
    DomainDeprivation,
    deprivation_for,
)
from commonweal.places.services.errors import (
    InvalidPoint,
    InvalidPostcode,
    NeighbourhoodInvalid,
    OutsideKnownAreas,
    PlacesError,
    UnknownPostcode,
)
from commonweal.places.services.lookup import (
    PointAgreement,
    areas_for_point,
    lsoa21_of,
    lsoa_predecessors,
    lsoa_successors,
    neighbours,
    postcode_point_agreement,
)
from commonweal.places.services.neighbourhoods import (
    check_inside_authority,
    create_neighbourhood_from_geojson,
    create_neighbourhood_from_lsoas,
    delete_neighbourhood,
    lsoas_within,
    parse_boundary,
    update_neighbourhood,
)
from commonweal.places.services.population import refresh_population_totals
from commonweal.places.services.postcodes import (
    PostcodeResult,
    lookup_postcode,
    normalise_postcode,
)

__all__ = [
    "AreaDeprivation",
    "DomainDeprivation",
    "InvalidPoint",
    "InvalidPostcode",
    "NeighbourhoodInvalid",
    "OutsideKnownAreas",
    "PlacesError",
    "PointAgreement",
    "PostcodeResult",
    "UnknownPostcode",
    "areas_for_point",
    "check_inside_authority",
    "create_neighbourhood_from_geojson",
    "create_neighbourhood_from_lsoas",
    "delete_neighbourhood",
    "deprivation_for",
    "lookup_postcode",
    "lsoa21_of",
    "lsoa_predecessors",
    "lsoa_successors",
    "lsoas_within",
    "neighbours",
    "normalise_postcode",
    "parse_boundary",
    "postcode_point_agreement",
    "refresh_population_totals",
    "update_neighbourhood",
]
