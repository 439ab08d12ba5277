"""Applying: an area (parish council or prospective forum), a forum, and starting a plan."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from commonweal.accounts.permissions import check as guard
from commonweal.directory.models import Membership, Organisation
from commonweal.places.models import Area, AreaType
from commonweal.rights.planning import services
from commonweal.rights.planning.forms import (
    AreaApplicationForm,
    ForumApplicationForm,
    StartPlanForm,
)
from commonweal.rights.planning.services.areas import RELEVANT_BODY_KINDS
from commonweal.rights.planning.views.common import add_service_error, crumbs, visible_area


def _editable(user, kinds=None):
    """The listed or pending organisations this person leads or administers."""
    ids = Membership.objects.editors().filter(user=user).values("organisation_id")
    found = Organisation.records.filter(pk__in=ids).exclude(status="withdrawn")
    if kinds is not None:
        found = found.filter(kind__in=kinds)
    return list(found.select_related("authority").order_by("name"))


def _chosen(organisations, pk):
    return next((o for o in organisations if str(o.pk) == str(pk)), None)


@require_http_methods(["GET", "POST"])
def apply_for_area(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    applicants = _editable(request.user, RELEVANT_BODY_KINDS)
    authority_ids = {o.authority_id for o in applicants}
    wards = Area.objects.of_type(AreaType.WARD).filter(authority_id__in=authority_ids)
    form = AreaApplicationForm(
        request.POST or None, applicants=applicants, places=wards.order_by("name")
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        applicant = _chosen(applicants, data["applicant"])
        if denied := guard(request, "neighbourhoodplanning.apply_for_area", applicant):
            return denied
        try:
            area = services.apply_for_area(
                actor=request.user,
                applicant=applicant,
                name=data["name"],
                statement=data["statement"],
                relevant_body_statement=data["relevant_body_statement"],
                place_codes=data["places"],
                boundary_geojson=data["boundary"] or None,
                more_than_one_authority=data["more_than_one_authority"],
                whole_parish=data["whole_parish"],
            )
        except services.PlanningError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Your application has been sent to the council.")
            return redirect("neighbourhoodplanning:area", area.pk)
    return render(
        request,
        "neighbourhoodplanning/apply_area.html",
        {
            "form": form,
            "applicants": applicants,
            "breadcrumbs": crumbs(("Apply for a neighbourhood area", None)),
        },
    )


@require_http_methods(["GET", "POST"])
def apply_for_forum(request, pk: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    area = visible_area(request, pk)
    organisations = [
        o
        for o in _editable(request.user)
        if o.authority_id == area.authority_id and o.kind != "parish_council"
    ]
    form = ForumApplicationForm(
        request.POST or None,
        organisations=organisations,
        initial={
            "open_to_residents": True,
            "open_to_workers": True,
            "open_to_elected_members": True,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = _chosen(organisations, data.pop("organisation"))
        if denied := guard(request, "neighbourhoodplanning.apply_for_forum", organisation):
            return denied
        try:
            forum = services.apply_for_forum(
                actor=request.user, organisation=organisation, area=area, **data
            )
        except services.PlanningError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{forum.name}'s application has been sent to the council.")
            return redirect("neighbourhoodplanning:area", area.pk)
    return render(
        request,
        "neighbourhoodplanning/apply_forum.html",
        {
            "form": form,
            "area": area,
            "organisations": organisations,
            "breadcrumbs": crumbs((area.name, None), ("Apply to be its forum", None)),
        },
    )


@require_http_methods(["GET", "POST"])
def start_plan(request, pk: int):
    area = visible_area(request, pk)
    if denied := guard(request, "neighbourhoodplanning.start_plan", area):
        return denied
    form = StartPlanForm(request.POST or None, initial={"title": f"{area.name} Neighbourhood Plan"})
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.start_plan(
                actor=request.user, area=area, title=form.cleaned_data["title"]
            )
        except services.PlanningError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The plan is recorded. Record its consultation next.")
            return redirect("neighbourhoodplanning:plan", plan.pk)
    return render(
        request,
        "neighbourhoodplanning/start_plan.html",
        {"form": form, "area": area, "breadcrumbs": crumbs((area.name, None), ("Start", None))},
    )
