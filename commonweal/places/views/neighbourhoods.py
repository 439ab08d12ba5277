"""Custom neighbourhoods: officers of a borough define their own areas, from the
borough's small areas (LSOAs) or from an uploaded GeoJSON boundary."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from commonweal.accounts.permissions import check as guard
from commonweal.places import services
from commonweal.places.forms import NeighbourhoodLsoaForm, NeighbourhoodUploadForm
from commonweal.places.models import Area, AreaType
from commonweal.places.presenters.links import area_url


def neighbourhood_list(request, gss_code: str):
    authority = _authority(gss_code)
    if denied := guard(request, "places.add_neighbourhood", authority):
        return denied
    neighbourhoods = (
        Area.objects.of_type(AreaType.NEIGHBOURHOOD).in_authority(authority).order_by("name")
    )
    return render(
        request,
        "places/neighbourhoods/list.html",
        {
            "authority": authority,
            "neighbourhoods": [{"area": n, "href": area_url(n)} for n in neighbourhoods],
            "breadcrumbs": _crumbs(authority),
        },
    )


def neighbourhood_from_lsoas(request, gss_code: str):
    authority = _authority(gss_code)
    if denied := guard(request, "places.add_neighbourhood", authority):
        return denied
    groups = lsoa_groups(authority)
    form = NeighbourhoodLsoaForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        try:
            area = services.create_neighbourhood_from_lsoas(
                actor=request.user,
                authority=authority,
                name=form.cleaned_data["name"],
                lsoa_codes=form.cleaned_data["lsoa_codes"],
                description=form.cleaned_data["description"],
            )
        except services.NeighbourhoodInvalid as error:
            form.add_error(None, _reason(error))
        else:
            messages.success(request, f"Neighbourhood “{area.name}” created.")
            return redirect(area_url(area))
    return render(
        request,
        "places/neighbourhoods/from_lsoas.html",
        {
            "authority": authority,
            "form": form,
            "groups": groups,
            "chosen": set(form.data.getlist("lsoa_codes")) if form.is_bound else set(),
            "breadcrumbs": _crumbs(authority, neighbourhoods=True),
        },
        status=400 if form.errors else 200,
    )


def neighbourhood_from_upload(request, gss_code: str):
    authority = _authority(gss_code)
    if denied := guard(request, "places.add_neighbourhood", authority):
        return denied
    form = NeighbourhoodUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            area = services.create_neighbourhood_from_geojson(
                actor=request.user,
                authority=authority,
                name=form.cleaned_data["name"],
                geojson_text=form.cleaned_data["boundary"],
                description=form.cleaned_data["description"],
            )
        except services.NeighbourhoodInvalid as error:
            form.add_error("boundary", _reason(error))
        else:
            messages.success(request, f"Neighbourhood “{area.name}” created.")
            return redirect(area_url(area))
    return render(
        request,
        "places/neighbourhoods/upload.html",
        {
            "authority": authority,
            "form": form,
            "breadcrumbs": _crumbs(authority, neighbourhoods=True),
        },
        status=400 if form.errors else 200,
    )


def neighbourhood_delete(request, gss_code: str):
    area = get_object_or_404(
        Area.objects.select_related("authority"),
        area_type=AreaType.NEIGHBOURHOOD,
        gss_code=gss_code,
    )
    if denied := guard(request, "places.delete_neighbourhood", area):
        return denied
    if request.method == "POST":
        authority, name = area.authority, area.name
        services.delete_neighbourhood(actor=request.user, area=area)
        messages.success(request, f"Neighbourhood “{name}” deleted.")
        return redirect("places:neighbourhoods", authority.gss_code)
    return render(
        request,
        "places/neighbourhoods/delete.html",
        {
            "area": area,
            "href": area_url(area),
            "breadcrumbs": _crumbs(area.authority, neighbourhoods=True),
        },
    )


def lsoa_groups(authority: Area) -> list[tuple[str, list[tuple[str, str]]]]:
    """The borough's LSOAs (2021), grouped by ward, for checkboxes."""
    lsoas = Area.objects.of_type(AreaType.LSOA21).in_authority(authority)
    groups: dict[str, list[tuple[str, str]]] = {}
    for lsoa in lsoas.prefetch_related("parents").order_by("name"):
        ward = next((p for p in lsoa.parents.all() if p.area_type == AreaType.WARD), None)
        label = f"{lsoa.name} ({lsoa.gss_code})"
        groups.setdefault(ward.name if ward else "Not in a ward we hold", []).append(
            (lsoa.gss_code, label)
        )
    return sorted(groups.items())


def _authority(gss_code: str) -> Area:
    return get_object_or_404(Area, area_type=AreaType.LOCAL_AUTHORITY, gss_code=gss_code)


def _reason(error: Exception) -> str:
    return getattr(error, "reason", None) or str(error)


def _crumbs(authority: Area, neighbourhoods: bool = False) -> list[dict]:
    crumbs = [
        {"label": "Home", "href": "/"},
        {"label": authority.name, "href": area_url(authority)},
    ]
    if neighbourhoods:
        crumbs.append(
            {
                "label": "Neighbourhoods",
                "href": reverse("places:neighbourhoods", args=[authority.gss_code]),
            }
        )
    return crumbs
