from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from commonweal.budgets.models import Idea, Pot, Process
from commonweal.core.permissions import can


def get_process(request: HttpRequest, slug: str, *args, **kwargs) -> Process:
    return get_object_or_404(Process.objects.select_related("authority"), slug=slug)


def get_idea(request: HttpRequest, slug: str, pk: int, *args, **kwargs) -> Idea:
    return get_object_or_404(
        Idea.objects.select_related("process", "pot", "organisation"), process__slug=slug, pk=pk
    )


def get_pot(request: HttpRequest, slug: str, pot: int, *args, **kwargs) -> Pot:
    return get_object_or_404(
        Pot.objects.select_related("process", "area"), process__slug=slug, pk=pot
    )


def crumbs(process: Process | None = None, *more) -> list[dict]:
    items = [{"label": "Budgets", "href": reverse("budgets:home")}]
    if process is not None:
        items.append(
            {"label": process.title, "href": reverse("budgets:process", args=[process.slug])}
        )
    items += [{"label": label, "href": None} for label in more]
    return items


def actions_for(user, process: Process) -> dict[str, bool]:
    """What this person may do here now, for the page's links and buttons."""
    names = (
        "change_process",
        "advance_phase",
        "propose_idea",
        "support_idea",
        "comment_idea",
        "assess_idea",
        "vote",
        "enter_paper_ballot",
        "view_tallies",
        "count",
        "view_results",
        "record_delivery",
    )
    return {name: can(user, f"budgets.{name}", process) for name in names}


def guard(permission: str, get_object=None):
    """Let the request through if the rule allows it, for anyone (public pages included);
    otherwise send an anonymous person to sign in, and refuse a signed-in one (403)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = get_object(request, *args, **kwargs) if get_object else None
            if can(request.user, permission, obj):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied(f"You do not have permission to do this ({permission}).")

        return wrapped

    return decorator
