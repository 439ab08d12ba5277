"""Area pages and borough pages."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from commonweal.core.permissions import can
from commonweal.places import services
from commonweal.places.models import Area, AreaType
from commonweal.places.presenters.area_page import breadcrumbs, present_area
from commonweal.places.presenters.borough import present_borough
from commonweal.places.presenters.links import area_url


def area_detail(request, area_type: str, gss_code: str):
    if area_type not in AreaType.values:
        raise Http404("No such kind of area.")
    if area_type == AreaType.LOCAL_AUTHORITY:
        return redirect("places:borough", gss_code)
    area = get_object_or_404(
        Area.objects.select_related("authority", "dataset"),
        area_type=area_type,
        gss_code=gss_code,
    )
    page = present_area(area)
    return render(
        request,
        "places/area.html",
        {
            "page": page,
            "area": area,
            "postcode_notice": _postcode_notice(request.GET.get("postcode"), area),
            "attributions": page.attributions,
            "breadcrumbs": page.breadcrumbs,
        },
    )


def borough_detail(request, gss_code: str):
    authority = get_object_or_404(
        Area.objects.select_related("dataset"),
        area_type=AreaType.LOCAL_AUTHORITY,
        gss_code=gss_code,
    )
    page = present_borough(authority, request.GET.get("sort", ""))
    return render(
        request,
        "places/borough.html",
        {
            "page": page,
            "area": authority,
            "attributions": page.attributions,
            "breadcrumbs": page.breadcrumbs,
            "can_manage_neighbourhoods": can(request.user, "places.add_neighbourhood", authority),
        },
    )


def borough_list(request):
    authorities = Area.objects.authorities().order_by("name")
    return render(
        request,
        "places/boroughs.html",
        {
            "boroughs": [{"area": a, "href": area_url(a)} for a in authorities],
            "breadcrumbs": breadcrumbs(None),
        },
    )


def _postcode_notice(text: str | None, area: Area) -> dict | None:
    """Where the ONS postcode lookup puts a postcode, if this page is one of its areas."""
    if not text:
        return None
    try:
        result = services.lookup_postcode(text)
    except (services.InvalidPostcode, services.UnknownPostcode):
        return None
    if area.pk not in {a.pk for a in result.areas}:
        return None
    by_type = {a.area_type: a for a in result.areas}
    return {
        "postcode": result.postcode.postcode,
        "lsoa": by_type.get(AreaType.LSOA21) or by_type.get(AreaType.LSOA11),
        "ward": by_type.get(AreaType.WARD),
        "authority": by_type.get(AreaType.LOCAL_AUTHORITY),
        "links": {a.pk: area_url(a) for a in result.areas},
    }
