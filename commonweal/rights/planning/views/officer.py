"""The officers' pages: the deadlines dashboard, and deciding area and forum applications."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.rights.planning import presenters, services
from commonweal.rights.planning.deadlines import deadlines_for
from commonweal.rights.planning.forms import (
    DesignateAreaForm,
    DesignateForumForm,
    PubliciseForm,
    RefuseForm,
)
from commonweal.rights.planning.models import NeighbourhoodArea, NeighbourhoodForum
from commonweal.rights.planning.readings import AWAITS_CONFIRMATION
from commonweal.rights.planning.services._common import today
from commonweal.rights.planning.views.common import (
    add_service_error,
    bound_for,
    crumbs,
    person_label,
)


def _dashboard_crumb():
    return ("Deadlines", reverse("neighbourhoodplanning:dashboard"))


@require_GET
def dashboard(request):
    if denied := guard(request, "neighbourhoodplanning.view_dashboard"):
        return denied
    buckets = deadlines_for(authorities_for(request.user, Role.OFFICER), today())
    return render(
        request,
        "neighbourhoodplanning/dashboard.html",
        {
            "buckets": [
                ("overdue", "Overdue", buckets["overdue"]),
                ("this-week", "Due in the next seven days", buckets["this-week"]),
                ("later", "Later", buckets["later"]),
                ("no-date", "As soon as possible (no fixed date)", buckets["no-date"]),
            ],
            "total": sum(len(items) for items in buckets.values()),
            "today": today(),
            "breadcrumbs": crumbs(("Deadlines", None)),
        },
    )


def _decide(request, case, form_classes, actions):
    """Bind the posted action's form and run its service; a refusal goes back on the form."""
    forms, bound = bound_for(request, *form_classes)
    if bound is not None and bound.is_valid():
        try:
            actions[bound.action](bound.cleaned_data)
        except services.PlanningError as error:
            add_service_error(bound, error)
        else:
            return forms, True
    return forms, False


@require_http_methods(["GET", "POST"])
def area_case(request, pk: int):
    area = get_object_or_404(NeighbourhoodArea.objects.select_related("applicant"), pk=pk)
    if denied := guard(request, "neighbourhoodplanning.decide_area", area):
        return denied
    actor = request.user
    forms, done = _decide(
        request,
        area,
        (PubliciseForm, DesignateAreaForm, RefuseForm),
        {
            "publicise": lambda d: services.publicise_area(
                actor=actor,
                area=area,
                first_publicised_on=d["first_publicised_on"],
                closes_on=d["closes_on"],
            ),
            "designate": lambda d: services.designate_area(
                actor=actor,
                area=area,
                decided_on=d["decided_on"],
                business_area=d["business_area"],
                reasons=d["reasons"],
            ),
            "refuse": lambda d: services.refuse_area(
                actor=actor, area=area, reasons=d["reasons"], decided_on=d["decided_on"]
            ),
        },
    )
    if done:
        messages.success(request, f"{area.name}: {area.get_status_display().lower()}.")
        return redirect("neighbourhoodplanning:area_case", area.pk)
    return render(
        request,
        "neighbourhoodplanning/area_case.html",
        {
            "area": area,
            "forms": forms,
            "failed": any(f.errors for f in forms.values()),
            "dates": presenters.application_dates(area),
            "late": services.is_late(area),
            "overlaps": services.overlapping_designated(area.authority, area.shape, exclude=area)
            if area.is_open
            else [],
            "history": [
                {"change": c, "by": person_label(c.changed_by)} for c in area.status_changes.all()
            ],
            "awaits": AWAITS_CONFIRMATION,
            "breadcrumbs": crumbs(_dashboard_crumb(), (area.name, None)),
        },
    )


@require_http_methods(["GET", "POST"])
def forum_case(request, pk: int):
    forum = get_object_or_404(
        NeighbourhoodForum.objects.select_related("organisation", "area"), pk=pk
    )
    if denied := guard(request, "neighbourhoodplanning.decide_forum", forum):
        return denied
    actor = request.user
    forms, done = _decide(
        request,
        forum,
        (PubliciseForm, DesignateForumForm, RefuseForm),
        {
            "publicise": lambda d: services.publicise_forum(
                actor=actor,
                forum=forum,
                first_publicised_on=d["first_publicised_on"],
                closes_on=d["closes_on"],
            ),
            "designate": lambda d: services.designate_forum(
                actor=actor,
                forum=forum,
                decided_on=d["decided_on"],
                regard_findings=d["regard_findings"],
            ),
            "refuse": lambda d: services.refuse_forum(
                actor=actor, forum=forum, reasons=d["reasons"], decided_on=d["decided_on"]
            ),
        },
    )
    if done:
        messages.success(request, f"{forum.name}: {forum.get_status_display().lower()}.")
        return redirect("neighbourhoodplanning:forum_case", forum.pk)
    return render(
        request,
        "neighbourhoodplanning/forum_case.html",
        {
            "forum": forum,
            "forms": forms,
            "failed": any(f.errors for f in forms.values()),
            "dates": presenters.forum_dates(forum),
            "failures": services.condition_failures(forum),
            "history": [
                {"change": c, "by": person_label(c.changed_by)} for c in forum.status_changes.all()
            ],
            "awaits": AWAITS_CONFIRMATION,
            "breadcrumbs": crumbs(_dashboard_crumb(), (forum.name, None)),
        },
    )
