"""A group's links and consortia: everyone may see them; the group's editors and the
borough's officers add and end links and start consortia."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from commonweal.accounts.permissions import check as guard
from commonweal.core.permissions import can, require
from commonweal.directory import services
from commonweal.directory.models import OrganisationLink
from commonweal.directory.presenters.common import organisation_url
from commonweal.directory.presenters.links import present_links
from commonweal.directory.views.network_common import (
    chosen_group,
    group_choices,
    reason,
    visible_group,
)
from commonweal.directory.views.network_forms import ConsortiumForm, LinkForm


@require_http_methods(["GET", "POST"])
def organisation_links(request, slug: str):
    organisation = visible_group(request.user, slug)
    require(request.user, "directory.view_organisation", organisation)
    form = None
    if request.method == "POST":
        if denied := guard(request, "directory.manage_links", organisation):
            return denied
        form = _link_form(request, organisation, request.POST)
        if form.is_valid():
            target = chosen_group(request.user, organisation.authority, form.cleaned_data["target"])
            if target is None:
                form.add_error(
                    "target",
                    f"Choose a group listed in the directory in {organisation.authority.name}.",
                )
            else:
                try:
                    services.link(
                        actor=request.user,
                        source=organisation,
                        target=target,
                        kind=form.cleaned_data["kind"],
                        description=form.cleaned_data["description"],
                    )
                except services.DirectoryError as error:
                    form.add_error(
                        error.field if error.field in form.fields else None, reason(error)
                    )
                else:
                    messages.success(
                        request, f"{organisation.name} is now linked to {target.name}."
                    )
                    return redirect("directory:organisation_links", organisation.slug)
    elif can(request.user, "directory.manage_links", organisation):
        form = _link_form(request, organisation)
    return render(
        request,
        "directory/network/links.html",
        {
            "page": present_links(organisation, request.user),
            "form": form,
            "breadcrumbs": _crumbs(organisation),
        },
        status=400 if form is not None and form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def organisation_link_end(request, slug: str, link_id: int):
    organisation = visible_group(request.user, slug)
    if denied := guard(request, "directory.manage_links", organisation):
        return denied
    link = get_object_or_404(
        OrganisationLink.objects.current()
        .involving(organisation)
        .select_related("source", "target"),
        pk=link_id,
    )
    if request.method == "POST":
        try:
            services.end_link(actor=request.user, link_row=link)
        except services.DirectoryError as error:
            messages.error(request, reason(error))
        else:
            messages.success(request, "The link has ended.")
        return redirect("directory:organisation_links", organisation.slug)
    other = link.target if link.source_id == organisation.pk else link.source
    return render(
        request,
        "directory/network/link_end.html",
        {
            "organisation": organisation,
            "link": link,
            "other": other,
            "breadcrumbs": [
                *_crumbs(organisation),
                {
                    "label": "Links",
                    "href": reverse("directory:organisation_links", args=[organisation.slug]),
                },
            ],
        },
    )


@require_http_methods(["GET", "POST"])
def consortium_new(request, slug: str):
    organisation = visible_group(request.user, slug)
    if denied := guard(request, "directory.manage_links", organisation):
        return denied
    choices = group_choices(organisation.authority, exclude=[organisation.pk])
    form = ConsortiumForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        members, unknown = [], []
        for member_slug in form.cleaned_data["members"]:
            found = chosen_group(request.user, organisation.authority, member_slug)
            (members if found else unknown).append(found or member_slug)
        if unknown:
            form.add_error(
                "members",
                f"Choose groups listed in the directory in {organisation.authority.name}.",
            )
        else:
            try:
                consortium = services.create_consortium(
                    actor=request.user,
                    lead=organisation,
                    name=form.cleaned_data["name"],
                    purpose=form.cleaned_data["purpose"],
                    members=members,
                )
            except services.DirectoryError as error:
                form.add_error(error.field if error.field in form.fields else None, reason(error))
            else:
                messages.success(request, f"The consortium {consortium.name} has been created.")
                return redirect("directory:consortium", consortium.slug)
    return render(
        request,
        "directory/network/consortium_new.html",
        {
            "organisation": organisation,
            "form": form,
            "chosen": set(form.data.getlist("members")) if form.is_bound else set(),
            "breadcrumbs": [
                *_crumbs(organisation),
                {
                    "label": "Links",
                    "href": reverse("directory:organisation_links", args=[organisation.slug]),
                },
            ],
        },
        status=400 if form.errors else 200,
    )


def _link_form(request, organisation, data=None) -> LinkForm:
    return LinkForm(data, choices=group_choices(organisation.authority, exclude=[organisation.pk]))


def _crumbs(organisation) -> list[dict]:
    from commonweal.directory.presenters.common import directory_crumbs

    return directory_crumbs((organisation.name, organisation_url(organisation)))
