"""The public directory: finding groups, a group's page, and joining or leaving one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse

from commonweal.accounts.permissions import check as guard
from commonweal.core.permissions import can
from commonweal.directory import services
from commonweal.directory.engine.distance import describe_distance
from commonweal.directory.forms.public_search import FIELD_FOR, SearchForm
from commonweal.directory.models import Organisation
from commonweal.directory.presenters.public_maps import Marker, lsoa_shapes, results_map
from commonweal.directory.presenters.public_profile import (
    optional_url,
    organisation_url,
    present_profile,
)
from commonweal.directory.services.search import SearchQuery, search
from commonweal.places.models import Area, AreaType

# Enough to read down; a longer list is better narrowed by the filters.
MAX_SHOWN = 100


def directory_home(request):
    boroughs = list(
        Area.objects.authorities()
        .filter(areas_within__area_type=AreaType.LSOA21)
        .distinct()
        .order_by("name")
    )
    form = SearchForm(request.GET, boroughs=boroughs)
    form.is_valid()  # every field is optional text; the search service judges the values
    context = {
        "form": form,
        "breadcrumbs": [{"label": "Home", "href": "/"}, {"label": "Groups", "href": None}],
        "searched": any(form.value(name) for name in form.fields),
        "coverage_href": optional_url("coverage"),
        "network_href": optional_url("network"),
        "new_href": optional_url("organisation_new"),
        "queue_href": (
            optional_url("verification_queue")
            if can(request.user, "directory.view_verification_queue")
            else None
        ),
    }
    authority = None
    if form.value("borough"):
        authority = next((b for b in boroughs if b.gss_code == form.value("borough").upper()), None)
        if authority is None:
            form.add_error("borough", "Choose a borough from the list.")
    point = form.point()
    if not form.errors:
        query = SearchQuery(
            authority=authority,
            point=point,
            postcode=form.value("postcode"),
            area_code=form.value("area"),
            kind=form.value("kind"),
            tag=form.value("tag"),
            text=form.value("q"),
        )
        try:
            results = search(query, user=request.user)
        except services.DirectoryError as error:
            field = "lon" if error.field == "point" and point else FIELD_FOR.get(error.field)
            form.add_error(field, error.reason)
        else:
            context.update(_present_results(results, boroughs, authority))
    return render(request, "directory/home.html", context, status=400 if form.errors else 200)


def _present_results(results, boroughs, authority) -> dict:
    hits = results.hits[:MAX_SHOWN]
    served = _served([hit.organisation.pk for hit in hits])
    rows, markers = [], []
    for number, hit in enumerate(hits, start=1):
        organisation = hit.organisation
        href = organisation_url(organisation)
        rows.append(
            {
                "number": number,
                "organisation": organisation,
                "href": href,
                "kind_label": organisation.get_kind_display(),
                "distance": describe_distance(hit.distance_m),
                "distance_m": hit.distance_m,
                "serves_point": hit.serves_point,
            }
        )
        point = None
        if organisation.longitude is not None and organisation.latitude is not None:
            point = (organisation.longitude, organisation.latitude)
        area = None
        if point is None and not organisation.borough_wide:
            area = lsoa_shapes(served.get(organisation.pk, ()))
            if organisation.benefit_shape is not None:
                drawn = organisation.benefit_shape
                area = drawn if area is None else area.union(drawn)
        markers.append(Marker(number, organisation.name, href, point, area))
    shown_boroughs = (
        [authority]
        if authority is not None
        else [b for b in boroughs if any(h.organisation.authority_id == b.pk for h in hits)]
    )
    if not shown_boroughs and results.area is not None:
        shown_boroughs = [b for b in boroughs if b.pk == results.area.authority_id]
    return {
        "results": results,
        "rows": rows,
        "total": len(results.hits),
        "truncated": len(results.hits) > MAX_SHOWN,
        "max_shown": MAX_SHOWN,
        "map_svg": results_map(markers, shown_boroughs, results.origin, results.origin_label),
        "borough_wide_count": sum(
            1 for h in hits if h.organisation.borough_wide and h.organisation.longitude is None
        ),
    }


def _served(pks: list[int]) -> dict[int, list[int]]:
    through = Organisation.served_lsoas.through
    served: dict[int, list[int]] = {}
    for organisation_pk, area_pk in through.objects.filter(organisation_id__in=pks).values_list(
        "organisation_id", "area_id"
    ):
        served.setdefault(organisation_pk, []).append(area_pk)
    return served


def _visible(request, slug: str) -> Organisation:
    """The group, if this person may see it: listed ones for everyone, others for the people
    who run them and their officers (anyone else gets 404, not a hint that it exists)."""
    return get_object_or_404(
        Organisation.records.visible_to(request.user).select_related("authority"), slug=slug
    )


def organisation_detail(request, slug: str):
    organisation = _visible(request, slug)
    context = present_profile(organisation, request.user)
    context["breadcrumbs"] = _crumbs(organisation)
    return render(request, "directory/public/organisation.html", context)


def organisation_join(request, slug: str):
    organisation = _visible(request, slug)
    if denied := guard(request, "directory.join_organisation", organisation):
        return denied
    error = None
    if request.method == "POST":
        try:
            services.join(actor=request.user, organisation=organisation)
        except services.DirectoryError as exc:
            error = exc.reason
        else:
            messages.success(request, f"You have joined {organisation.name}.")
            return redirect(organisation_url(organisation))
    return _confirm(request, organisation, "join", error)


def organisation_leave(request, slug: str):
    organisation = _visible(request, slug)
    if denied := guard(request, "directory.leave_organisation", organisation):
        return denied
    membership = services.current_membership(request.user, organisation)
    error = None
    if request.method == "POST":
        try:
            services.leave(actor=request.user, organisation=organisation)
        except services.DirectoryError as exc:
            error = exc.reason
        else:
            messages.success(request, f"You have left {organisation.name}.")
            return redirect(organisation_url(organisation))
    return _confirm(request, organisation, "leave", error, membership=membership)


def _confirm(request, organisation, action: str, error: str | None, membership=None):
    context = {
        "organisation": organisation,
        "action": action,
        "error": error,
        "is_leader": membership is not None and membership.role == "leader",
        "leader_published": (
            membership is not None
            and membership.role == "leader"
            and services.published_leader(organisation) is not None
        ),
        "href": organisation_url(organisation),
        "action_href": reverse(f"directory:organisation_{action}", args=[organisation.slug]),
        "breadcrumbs": _crumbs(organisation, "Join" if action == "join" else "Leave"),
    }
    return render(request, "directory/public/confirm.html", context, status=400 if error else 200)


def _crumbs(organisation: Organisation, last: str | None = None) -> list[dict]:
    trail = [
        {"label": "Home", "href": "/"},
        {"label": "Groups", "href": reverse("directory:home")},
        {"label": organisation.name, "href": organisation_url(organisation) if last else None},
    ]
    if last:
        trail.append({"label": last, "href": None})
    return trail


urlpatterns = [
    path("", directory_home, name="home"),
    path("<slug:slug>/", organisation_detail, name="organisation"),
    path("<slug:slug>/join/", organisation_join, name="organisation_join"),
    path("<slug:slug>/leave/", organisation_leave, name="organisation_leave"),
]
