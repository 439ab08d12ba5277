"""A consortium's page: public; its lead's editors add members, and a member's own
editors (or the lead's) take it out."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from commonweal.accounts.permissions import check as guard
from commonweal.core.permissions import can, require
from commonweal.directory import services
from commonweal.directory.models import Consortium, Organisation
from commonweal.directory.presenters.links import present_consortium
from commonweal.directory.views.network_common import chosen_group, group_choices, reason
from commonweal.directory.views.network_forms import MemberForm


def _consortium(request, slug: str) -> Consortium:
    consortium = get_object_or_404(
        Consortium.objects.current().select_related("lead", "lead__authority"), slug=slug
    )
    # A consortium is seen only while its lead may be seen.
    if not Organisation.records.visible_to(request.user).filter(pk=consortium.lead_id).exists():
        raise Http404("No such consortium.")
    return consortium


@require_http_methods(["GET", "POST"])
def consortium(request, slug: str):
    consortium = _consortium(request, slug)
    require(request.user, "directory.view_directory")
    form = None
    if request.method == "POST":
        if denied := guard(request, "directory.manage_links", consortium.lead):
            return denied
        form = _member_form(consortium, request.POST)
        if form.is_valid():
            organisation = chosen_group(
                request.user, consortium.lead.authority, form.cleaned_data["organisation"]
            )
            if organisation is None:
                form.add_error(
                    "organisation",
                    f"Choose a group listed in the directory in {consortium.lead.authority.name}.",
                )
            else:
                try:
                    services.add_to_consortium(
                        actor=request.user, consortium=consortium, organisation=organisation
                    )
                except services.DirectoryError as error:
                    form.add_error("organisation", reason(error))
                else:
                    messages.success(
                        request, f"{organisation.name} is now a member of {consortium.name}."
                    )
                    return redirect("directory:consortium", consortium.slug)
    elif can(request.user, "directory.manage_links", consortium.lead):
        form = _member_form(consortium)
    page = present_consortium(consortium, request.user)
    return render(
        request,
        "directory/network/consortium.html",
        {"page": page, "form": form, "breadcrumbs": page.breadcrumbs},
        status=400 if form is not None and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def consortium_remove_member(request, slug: str, organisation_slug: str):
    consortium = _consortium(request, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    member = (
        consortium.members.filter(left_at__isnull=True, organisation__slug=organisation_slug)
        .select_related("organisation")
        .first()
    )
    organisation = member.organisation if member else None
    if not (
        can(request.user, "directory.manage_links", consortium.lead)
        or (organisation is not None and can(request.user, "directory.manage_links", organisation))
    ):
        raise PermissionDenied("You do not have permission to do this (directory.manage_links).")
    if organisation is None:
        raise Http404("That group is not a member.")
    if request.method == "POST":
        try:
            services.remove_from_consortium(
                actor=request.user, consortium=consortium, organisation=organisation
            )
        except services.DirectoryError as error:
            messages.error(request, reason(error))
        else:
            messages.success(request, f"{organisation.name} has left {consortium.name}.")
        return redirect("directory:consortium", consortium.slug)
    page = present_consortium(consortium, request.user)
    return render(
        request,
        "directory/network/consortium_remove.html",
        {"page": page, "organisation": organisation, "breadcrumbs": page.breadcrumbs},
    )


def _member_form(consortium: Consortium, data=None) -> MemberForm:
    current = consortium.members.filter(left_at__isnull=True).values_list(
        "organisation_id", flat=True
    )
    return MemberForm(data, choices=group_choices(consortium.lead.authority, exclude=list(current)))
