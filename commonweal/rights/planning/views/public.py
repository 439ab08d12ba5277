"""The public register: designated areas on a map with a table, and each area's page."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from commonweal.core.permissions import can
from commonweal.places.models import Area, AreaType
from commonweal.rights.planning import presenters
from commonweal.rights.planning.models import NeighbourhoodArea
from commonweal.rights.planning.readings import AWAITS_CONFIRMATION
from commonweal.rights.planning.services import current_forum, qualifying_body
from commonweal.rights.planning.views.common import crumbs, person_label, visible_area


def _authority(code: str | None) -> Area:
    code = (code or settings.COMMONWEAL_HOME_AUTHORITY).strip().upper()
    authority = Area.objects.of_type(AreaType.LOCAL_AUTHORITY).filter(gss_code=code).first()
    if authority is None:
        raise Http404("We do not hold that borough.")
    return authority


@require_GET
def index(request):
    authority = _authority(request.GET.get("borough"))
    designated = (
        NeighbourhoodArea.objects.designated()
        .in_authority(authority)
        .select_related("applicant")
        .order_by("name", "pk")
    )
    rows = presenters.register_rows(designated)
    open_for_comment = (
        NeighbourhoodArea.objects.public()
        .in_authority(authority)
        .filter(status="publicised")
        .order_by("representations_close_on", "name")
    )
    from commonweal.rights.planning.models import NeighbourhoodForum

    forums_for_comment = (
        NeighbourhoodForum.objects.filter(authority=authority, status="publicised")
        .select_related("area")
        .order_by("representations_close_on", "name")
    )
    boroughs = (
        Area.objects.of_type(AreaType.LOCAL_AUTHORITY)
        .filter(neighbourhood_plan_areas__status="designated")
        .distinct()
    )
    return render(
        request,
        "neighbourhoodplanning/index.html",
        {
            "authority": authority,
            "rows": rows,
            "map_svg": presenters.register_map(authority.name, rows) if rows else "",
            "open_areas": open_for_comment,
            "open_forums": forums_for_comment,
            "boroughs": [b for b in boroughs if b.pk != authority.pk],
            "can_apply": request.user.is_authenticated,
            "is_staff": can(request.user, "neighbourhoodplanning.view_dashboard"),
            "breadcrumbs": crumbs(),
        },
    )


@require_GET
def area(request, pk: int):
    area = visible_area(request, pk)
    forum = current_forum(area)
    forums = [f for f in area.forums.visible_to(request.user).order_by("-received_on", "-pk")]
    plan = presenters.latest_plan(area)
    body = qualifying_body(area) if area.is_designated else None
    return render(
        request,
        "neighbourhoodplanning/area.html",
        {
            "area": area,
            "map_svg": presenters.area_map(area),
            "dates": presenters.application_dates(area),
            "places": area.places.order_by("name"),
            "forum": forum,
            "forum_dates": presenters.forum_dates(forum) if forum else [],
            "forums": forums,
            "plan": plan,
            "plan_dates": presenters.plan_dates(plan) if plan else [],
            "history": [
                {"change": c, "by": person_label(c.changed_by)}
                for c in area.status_changes.select_related("changed_by")
            ],
            "qualifying_body": body,
            "can_apply_forum": area.applicant.kind != "parish_council"
            and forum is None
            and area.status in ("received", "publicised", "designated")
            and request.user.is_authenticated,
            "can_start_plan": area.is_designated
            and body is not None
            and not area.plans.in_progress().exists()
            and can(request.user, "neighbourhoodplanning.start_plan", area),
            "can_decide": can(request.user, "neighbourhoodplanning.decide_area", area),
            "awaits": AWAITS_CONFIRMATION,
            "breadcrumbs": crumbs((area.name, None)),
        },
    )
