"""A group's activities: the list with a form to add one, editing and deleting."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse

from commonweal.accounts.permissions import check as guard
from commonweal.directory import services
from commonweal.directory.forms import ActivityForm
from commonweal.directory.models import Activity
from commonweal.directory.services.activities import clean_activity
from commonweal.directory.views.manage_common import crumbs, organisation_for, posted, show

PERMISSION = "directory.change_organisation"


def _activity(organisation, activity_id: int) -> Activity:
    return get_object_or_404(Activity, pk=activity_id, organisation=organisation)


def _crumbs(organisation, label: str | None = None):
    if label is None:
        return crumbs(organisation, ("Activities", ""))
    listing = reverse("directory:activity_new", args=[organisation.slug])
    return crumbs(organisation, ("Activities", listing), (label, ""))


def activity_new(request, slug: str):
    organisation = organisation_for(slug)
    if denied := guard(request, PERMISSION, organisation):
        return denied
    form = ActivityForm(posted(request))
    if request.method == "POST":
        details = form.cleaned_data if form.is_valid() else None
        if details is not None:
            try:
                activity = services.create_activity(
                    actor=request.user, organisation=organisation, **details
                )
            except services.DirectoryInvalid as invalid:
                form.apply_errors(invalid.errors)
            else:
                messages.success(request, f"Added “{activity.name}”.")
                return redirect("directory:activity_new", slug)
        else:
            _check_the_rest(form, organisation)
    return show(
        request,
        "directory/manage/activities.html",
        {
            "organisation": organisation,
            "activities": organisation.activities.order_by("name"),
            "breadcrumbs": _crumbs(organisation),
        },
        form,
    )


def activity_edit(request, slug: str, activity_id: int):
    organisation = organisation_for(slug)
    if denied := guard(request, PERMISSION, organisation):
        return denied
    activity = _activity(organisation, activity_id)
    form = ActivityForm(posted(request), initial=ActivityForm.initial_from(activity))
    if request.method == "POST":
        if form.is_valid():
            try:
                activity = services.update_activity(
                    actor=request.user, activity=activity, **form.cleaned_data
                )
            except services.DirectoryInvalid as invalid:
                form.apply_errors(invalid.errors)
            else:
                messages.success(request, f"Saved “{activity.name}”.")
                return redirect("directory:activity_new", slug)
        else:
            _check_the_rest(form, organisation)
    return show(
        request,
        "directory/manage/activity_edit.html",
        {
            "organisation": organisation,
            "activity": activity,
            "breadcrumbs": _crumbs(organisation, f"Edit “{activity.name}”"),
        },
        form,
    )


def activity_delete(request, slug: str, activity_id: int):
    organisation = organisation_for(slug)
    if denied := guard(request, PERMISSION, organisation):
        return denied
    activity = _activity(organisation, activity_id)
    if request.method == "POST":
        name = activity.name
        services.delete_activity(actor=request.user, activity=activity)
        messages.success(request, f"Deleted “{name}”.")
        return redirect("directory:activity_new", slug)
    return show(
        request,
        "directory/manage/activity_delete.html",
        {
            "organisation": organisation,
            "activity": activity,
            "breadcrumbs": _crumbs(organisation, f"Delete “{activity.name}”"),
        },
    )


def _check_the_rest(form: ActivityForm, organisation) -> None:
    # The form refused something (a missing name): report the service's reasons too.
    try:
        clean_activity(form.cleaned_data, authority=organisation.authority)
    except services.DirectoryInvalid as invalid:
        form.apply_errors(invalid.errors)


urlpatterns = [
    path("<slug:slug>/activities/", activity_new, name="activity_new"),
    path("<slug:slug>/activities/<int:activity_id>/edit/", activity_edit, name="activity_edit"),
    path(
        "<slug:slug>/activities/<int:activity_id>/delete/", activity_delete, name="activity_delete"
    ),
]
