"""The web pages of places. Views stay thin: presenters decide what a page shows."""

from commonweal.places.views.areas import area_detail, borough_detail, borough_list
from commonweal.places.views.finding import find, point
from commonweal.places.views.neighbourhoods import (
    neighbourhood_delete,
    neighbourhood_from_lsoas,
    neighbourhood_from_upload,
    neighbourhood_list,
)

__all__ = [
    "area_detail",
    "borough_detail",
    "borough_list",
    "find",
    "neighbourhood_delete",
    "neighbourhood_from_lsoas",
    "neighbourhood_from_upload",
    "neighbourhood_list",
    "point",
]
