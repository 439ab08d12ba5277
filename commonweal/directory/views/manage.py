"""Registering a group and running it: its details, areas of benefit and interests.

The people of a group (leader's contact, members, code of conduct) are in manage_people,
its activities in manage_activities; every path is listed here.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse

from commonweal.accounts.permissions import check as guard
from commonweal.directory import services
from commonweal.directory.forms import (
    KIND_HINTS,
    NUMBER_HINTS,
    AreasForm,
    InterestsForm,
    OrganisationForm,
    RegisterForm,
    area_choices,
)
from commonweal.directory.models import NEIGHBOURHOOD_KINDS, Organisation
from commonweal.directory.views import manage_activities, manage_people
from commonweal.directory.views.manage_common import (
    crumbs,
    organisation_for,
    posted,
    profile_url,
    reason,
    show,
)


def _details_context(form) -> dict:
    return {
        "form": form,
        "kinds": [
            {"value": value, "label": label, "hint": KIND_HINTS.get(value, "")}
            for value, label in form.fields["kind"].choices
        ],
        "number_hints": NUMBER_HINTS,
        "neighbourhood_kinds": sorted(NEIGHBOURHOOD_KINDS),
    }


def organisation_new(request):
    if denied := guard(request, "directory.add_organisation"):
        return denied
    form = RegisterForm(posted(request))
    if request.method == "POST":
        if form.is_valid():
            organisation = _register(request, form)
            if organisation is not None:
                messages.success(
                    request,
                    f"{organisation.name} is in the directory, waiting for an officer to check "
                    "it. Now say where it works.",
                )
                areas = reverse("directory:organisation_areas", args=[organisation.slug])
                return redirect(f"{areas}?setup=1")
        else:
            form.check_the_rest(form.cleaned_data.get("authority"))
    return show(
        request,
        "directory/manage/organisation_new.html",
        {**_details_context(form), "breadcrumbs": crumbs(None, ("Register a group", ""))},
        form,
    )


def _register(request, form: RegisterForm) -> Organisation | None:
    details = form.details()
    authority = form.cleaned_data["authority"]
    try:
        if authority is None:
            form.check_the_rest(None)
            if not form.has_error("authority"):
                form.add_error("authority", "Choose the borough it is in.")
            return None
        return services.register_organisation(
            actor=request.user,
            authority=authority,
            name=details.pop("name"),
            kind=details.pop("kind"),
            **details,
        )
    except services.DirectoryInvalid as invalid:
        form.apply_errors(invalid.errors)
    except services.DirectoryError as error:
        form.apply_errors({error.field or "authority": reason(error)})
    return None


def organisation_edit(request, slug: str):
    organisation = organisation_for(slug)
    if denied := guard(request, "directory.change_organisation", organisation):
        return denied
    initial = OrganisationForm.initial_from(organisation)
    form = OrganisationForm(posted(request), initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                organisation = services.update_organisation(
                    actor=request.user, organisation=organisation, **form.details()
                )
            except services.DirectoryInvalid as invalid:
                form.apply_errors(invalid.errors)
            else:
                messages.success(
                    request,
                    f"Saved. {organisation.name} is classified as "
                    f"{organisation.classification_label.lower()}: "
                    f"{organisation.computed_reason}",
                )
                return redirect("directory:organisation_edit", organisation.slug)
        else:
            form.check_the_rest(organisation.authority)
    return show(
        request,
        "directory/manage/organisation_edit.html",
        {
            **_details_context(form),
            "organisation": organisation,
            "breadcrumbs": crumbs(organisation, ("Edit details", "")),
        },
        form,
    )


def organisation_areas(request, slug: str):
    organisation = organisation_for(slug)
    if denied := guard(request, "directory.change_organisation", organisation):
        return denied
    choices = area_choices(organisation.authority)
    initial = {
        "area_codes": list(organisation.benefit_areas.values_list("gss_code", flat=True)),
        "borough_wide": organisation.borough_wide,
        "keep_boundary": organisation.benefit_geometry is not None,
    }
    form = AreasForm(posted(request), posted(request, files=True), choices=choices, initial=initial)
    setup = request.GET.get("setup") == "1"
    if request.method == "POST" and form.is_valid():
        try:
            services.set_benefit(
                actor=request.user,
                organisation=organisation,
                area_codes=form.cleaned_data["area_codes"],
                boundary_geojson=form.boundary(),
                borough_wide=form.cleaned_data["borough_wide"],
                keep_boundary=form.cleaned_data["keep_boundary"],
            )
        except services.DirectoryError as error:
            form.apply_error(error.field, reason(error))
        else:
            messages.success(request, f"Saved where {organisation.name} works.")
            if setup:
                interests = reverse("directory:organisation_interests", args=[slug])
                return redirect(f"{interests}?setup=1")
            return redirect(profile_url(organisation))
    return show(
        request,
        "directory/manage/areas.html",
        {
            "organisation": organisation,
            "choices": choices,
            "chosen": form.chosen(),
            "chosen_lsoas": bool(form.chosen() & _lsoa_codes(choices)),
            "has_boundary": organisation.benefit_geometry is not None,
            "setup": setup,
            "breadcrumbs": crumbs(organisation, ("Areas of benefit", "")),
        },
        form,
    )


def _lsoa_codes(choices: dict) -> set[str]:
    return {code for _, options in choices["lsoa_groups"] for code, _ in options}


def organisation_interests(request, slug: str):
    organisation = organisation_for(slug)
    if denied := guard(request, "directory.change_organisation", organisation):
        return denied
    current = organisation.interest_tags.filter(retired_at__isnull=True)
    form = InterestsForm(
        posted(request), initial={"tags": list(current.values_list("slug", flat=True))}
    )
    setup = request.GET.get("setup") == "1"
    if request.method == "POST" and form.is_valid():
        try:
            services.set_interest_tags(
                actor=request.user, organisation=organisation, slugs=form.cleaned_data["tags"]
            )
        except services.DirectoryError as error:
            form.add_error("tags", reason(error))
        else:
            messages.success(
                request, f"Saved the communities of interest {organisation.name} serves."
            )
            return redirect(profile_url(organisation))
    return show(
        request,
        "directory/manage/interests.html",
        {
            "organisation": organisation,
            "tags": form.current_tags,
            "chosen": form.chosen(),
            "setup": setup,
            "breadcrumbs": crumbs(organisation, ("Communities of interest", "")),
        },
        form,
    )


urlpatterns = [
    path("new/", organisation_new, name="organisation_new"),
    path("<slug:slug>/edit/", organisation_edit, name="organisation_edit"),
    path("<slug:slug>/areas/", organisation_areas, name="organisation_areas"),
    path("<slug:slug>/interests/", organisation_interests, name="organisation_interests"),
    *manage_activities.urlpatterns,
    *manage_people.urlpatterns,
]
