"""The home page: the postcode form and a map of each borough held."""

from dataclasses import dataclass

import shapely
from django.urls import reverse

from commonweal.datasets.models import DataSet
from commonweal.places.forms import PostcodeForm
from commonweal.places.models import Area, AreaType
from commonweal.places.presenters.links import area_url
from commonweal.places.presenters.maps import picker_map, shapes_from


@dataclass(frozen=True)
class BoroughMap:
    authority: Area
    href: str
    map_svg: str
    parts_label: str
    dataset_ids: frozenset[int]  # the boundaries drawn on the map


def present_home(form: PostcodeForm | None = None) -> dict:
    authorities = list(Area.objects.authorities().order_by("name"))
    boroughs = [_borough_map(a) for a in authorities]
    drawn = set().union(*(borough.dataset_ids for borough in boroughs))
    return {
        "form": form or PostcodeForm(),
        "boroughs": boroughs,
        # The maps draw ONS boundaries, so the page carries their attribution.
        "attributions": list(DataSet.objects.filter(pk__in=drawn).order_by("title", "pk")),
    }


def _borough_map(authority: Area) -> BoroughMap:
    parts_label = "wards"
    parts = list(Area.objects.of_type(AreaType.WARD).in_authority(authority).with_geometry())
    if not parts:
        parts_label = "small areas"
        parts = list(Area.objects.of_type(AreaType.LSOA21).in_authority(authority).with_geometry())
    drawn = {p.dataset_id for p in parts}
    outline = authority.shape
    if outline is not None:
        drawn.add(authority.dataset_id)
    elif parts:
        outline = shapely.union_all([p.shape for p in parts])
    if outline is None:
        return BoroughMap(authority, area_url(authority), "", parts_label, frozenset())
    map_svg = picker_map(
        f"Map of {authority.name} and its {parts_label}; each is a link to its page",
        outline,
        shapes_from(parts, href=area_url),
        point_url=reverse("places:point"),
    )
    return BoroughMap(
        authority, area_url(authority), map_svg, parts_label, frozenset(drawn - {None})
    )
