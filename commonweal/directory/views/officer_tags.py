"""Communities of interest: the public list, and officers maintaining the taxonomy."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.permissions import check as guard
from commonweal.core.permissions import can
from commonweal.directory import services
from commonweal.directory.models import InterestTag, Organisation
from commonweal.directory.views.officer_common import crumbs
from commonweal.directory.views.officer_forms import (
    AddTagForm,
    RetireTagForm,
    add_page_error,
    add_service_error,
    bound_for,
)


def _listed_counts() -> dict[int, int]:
    """How many listed groups carry each tag (only what the public may see is counted)."""
    rows = (
        Organisation.public.filter(interest_tags__isnull=False)
        .values("interest_tags")
        .annotate(groups=Count("pk", distinct=True))
    )
    return {row["interest_tags"]: row["groups"] for row in rows}


def _rows(tags) -> list[dict]:
    counts = _listed_counts()
    return [{"tag": tag, "groups": counts.get(tag.pk, 0)} for tag in tags]


@require_GET
def interest_tags(request):
    return render(
        request,
        "directory/officer/tags.html",
        {
            "rows": _rows(InterestTag.objects.current().select_related("parent")),
            "can_manage": can(request.user, "directory.manage_tags"),
            "breadcrumbs": crumbs(("Communities of interest", None)),
        },
    )


@require_http_methods(["GET", "POST"])
def interest_tags_manage(request):
    if denied := guard(request, "directory.manage_tags"):
        return denied
    forms, bound = bound_for(request, AddTagForm, RetireTagForm)
    if request.method == "POST" and bound is None:
        add_page_error(forms["add"], "Choose to add a community of interest or to retire one.")
    elif bound is not None and bound.is_valid():
        data = bound.cleaned_data
        try:
            if bound.action == "add":
                tag = services.add_tag(
                    actor=request.user,
                    name=data["name"],
                    description=data["description"],
                    parent=data["parent"],
                )
                text = f"“{tag.name}” is added to the communities of interest."
            else:
                tag = services.retire_tag(actor=request.user, tag=data["tag"])
                text = f"“{tag.name}” is retired. Groups that carry it keep it in their history."
        except services.DirectoryError as error:
            add_service_error(bound, error)
        else:
            messages.success(request, text)
            return redirect("directory:interest_tags_manage")
    failed = any(form.errors for form in forms.values())
    return render(
        request,
        "directory/officer/tags_manage.html",
        {
            "add_form": forms["add"],
            "retire_form": forms["retire"],
            "rows": _rows(InterestTag.objects.current().select_related("parent")),
            "retired": InterestTag.objects.filter(retired_at__isnull=False).order_by("-retired_at"),
            "breadcrumbs": crumbs(
                ("Communities of interest", reverse("directory:interest_tags")),
                ("Manage", None),
            ),
        },
        status=400 if failed else 200,
    )
