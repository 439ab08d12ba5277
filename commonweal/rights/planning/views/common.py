"""What the pages share: breadcrumbs, finding what a person may see, forms per action."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from commonweal.core.permissions import can
from commonweal.rights.planning.models import NeighbourhoodArea, NeighbourhoodForum


def crumbs(*trail: tuple[str, str | None]) -> list[dict]:
    found = [
        {"label": "Home", "href": "/"},
        {"label": "Neighbourhood planning", "href": reverse("neighbourhoodplanning:index")},
    ]
    found += [{"label": label, "href": href} for label, href in trail]
    return found


def visible_area(request, pk: int) -> NeighbourhoodArea:
    area = get_object_or_404(
        NeighbourhoodArea.objects.select_related("applicant", "authority"), pk=pk
    )
    if not can(request.user, "neighbourhoodplanning.view_area", area):
        raise Http404("There is no such neighbourhood area.")
    return area


def visible_forum(request, pk: int) -> NeighbourhoodForum:
    forum = get_object_or_404(
        NeighbourhoodForum.objects.select_related("organisation", "area", "authority"), pk=pk
    )
    if not can(request.user, "neighbourhoodplanning.view_forum", forum):
        raise Http404("There is no such forum application.")
    return forum


def bound_for(request, *form_classes):
    """One form per action on a page: the one named by the posted `action` is bound."""
    posted = request.POST.get("action") if request.method == "POST" else None
    forms, bound = {}, None
    for form_class in form_classes:
        if form_class.action == posted:
            bound = forms[form_class.action] = form_class(request.POST)
        else:
            forms[form_class.action] = form_class()
    return forms, bound


def add_service_error(form, error) -> None:
    """Show a service's refusal on the field it names, or at the top of the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.reason)


def person_label(user) -> str:
    # Only the name a person chose to show; never their email address.
    if user is None:
        return "the system"
    return user.display_name or "a council officer"
