"""What the pages for running a group share: who may see them, where they sit, and how a
form is shown again with its errors."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from commonweal.core.permissions import can
from commonweal.directory.models import Organisation


def organisation_for(slug: str) -> Organisation:
    # Unverified and withdrawn entries too: the pages that use this are for the people who
    # run the group and the officers who check it, and each one checks a permission.
    return get_object_or_404(Organisation.records.select_related("authority"), slug=slug)


def profile_url(organisation: Organisation) -> str:
    return reverse("directory:organisation", args=[organisation.slug])


def crumbs(organisation: Organisation | None = None, *more: tuple[str, str]) -> list[dict]:
    trail = [
        {"label": "Home", "href": "/"},
        {"label": "Groups", "href": reverse("directory:home")},
    ]
    if organisation is not None:
        trail.append({"label": organisation.name, "href": profile_url(organisation)})
    trail.extend({"label": label, "href": href} for label, href in more)
    return trail


def manage_links(user, organisation: Organisation) -> list[dict]:
    """The pages for running this group that this person may open."""
    pages = [
        ("organisation_edit", "Details", "directory.change_organisation"),
        ("organisation_areas", "Areas of benefit", "directory.change_organisation"),
        ("organisation_interests", "Communities of interest", "directory.change_organisation"),
        ("activity_new", "Activities", "directory.change_organisation"),
        ("members", "Members", "directory.view_members"),
        ("leader_contact", "Your contact details as leader", "directory.manage_leader_contact"),
        ("conduct_accept", "Code of conduct", "directory.change_organisation"),
    ]
    return [
        {"label": label, "href": reverse(f"directory:{name}", args=[organisation.slug])}
        for name, label, permission in pages
        if can(user, permission, organisation)
    ]


def show(request, template: str, context: dict, form=None):
    """Render a page; a form with errors is answered with 400."""
    has_errors = form is not None and form.is_bound and bool(form.errors)
    if "organisation" in context and "manage_links" not in context:
        context["manage_links"] = manage_links(request.user, context["organisation"])
    context.setdefault("form", form)
    return render(request, template, context, status=400 if has_errors else 200)


def posted(request, files: bool = False):
    """What a form is bound to: the submission, even an empty one, or nothing on GET."""
    if request.method != "POST":
        return None
    return request.FILES if files else request.POST


def reason(error: Exception) -> str:
    return getattr(error, "reason", None) or str(error)
