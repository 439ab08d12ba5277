"""Finding a place: by postcode (from the home page) and by point."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render

from commonweal.places import services
from commonweal.places.forms import PointForm, PostcodeForm
from commonweal.places.models import AreaType
from commonweal.places.presenters.area_page import breadcrumbs, unique_datasets
from commonweal.places.presenters.home import present_home
from commonweal.places.presenters.links import area_type_label, area_url

# The page a postcode leads to: its smallest area, newest census first.
POSTCODE_DESTINATIONS = (AreaType.LSOA21, AreaType.LSOA11, AreaType.WARD, AreaType.LOCAL_AUTHORITY)


def find(request):
    """GET /places/find/?postcode=… → the area page of the postcode's LSOA."""
    if "postcode" not in request.GET:
        return redirect("core:home")
    form = PostcodeForm(request.GET)
    status = 400
    if form.is_valid():
        try:
            result = services.lookup_postcode(form.cleaned_data["postcode"])
        except services.UnknownPostcode as error:
            form.add_error("postcode", str(error))
            status = 404
        else:
            target = next((a for t in POSTCODE_DESTINATIONS if (a := result.area_of_type(t))), None)
            if target is not None:
                query = urlencode({"postcode": result.postcode.postcode})
                return redirect(f"{area_url(target)}?{query}")
            form.add_error(
                "postcode",
                f"We hold the postcode {result.postcode.postcode} but not the areas it is in.",
            )
            status = 404
    return render(request, "core/home.html", present_home(form), status=status)


def point(request):
    """GET /places/point/?lon=…&lat=… → every area that contains the point."""
    form = PointForm(request.GET or None)
    context = {"form": form, "breadcrumbs": breadcrumbs(None), "areas": None}
    if not form.is_bound:
        return render(request, "places/point.html", context)
    if not form.is_valid():
        return render(request, "places/point.html", context, status=400)
    lon, lat = form.cleaned_data["lon"], form.cleaned_data["lat"]
    context.update(lon=lon, lat=lat)
    try:
        areas = services.areas_for_point(lon, lat)
    except services.InvalidPoint as error:
        form.add_error(None, str(error))
        return render(request, "places/point.html", context, status=400)
    except services.OutsideKnownAreas:
        context["outside"] = True
        return render(request, "places/point.html", context)
    context.update(
        areas=[{"area": a, "href": area_url(a), "type_label": area_type_label(a)} for a in areas],
        generalised=any(a.generalised for a in areas),
        attributions=unique_datasets(a.dataset for a in areas),
    )
    return render(request, "places/point.html", context)
