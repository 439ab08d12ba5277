"""The code of conduct (public, every version) and publishing a new version (officers)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.permissions import check as guard
from commonweal.core.permissions import can
from commonweal.directory import services
from commonweal.directory.models import CodeOfConduct, Organisation
from commonweal.directory.views.officer_common import crumbs
from commonweal.directory.views.officer_forms import ConductForm, add_service_error


def _conduct_crumb() -> tuple[str, str]:
    return ("Code of conduct", reverse("directory:conduct"))


def _acceptance(current) -> dict:
    listed = Organisation.public.count()
    accepted = (
        Organisation.public.filter(conduct_acceptances__code=current).distinct().count()
        if current
        else 0
    )
    return {"listed": listed, "accepted": accepted, "waiting": listed - accepted}


@require_GET
def conduct(request):
    current = services.current_code()
    earlier = CodeOfConduct.objects.exclude(pk=getattr(current, "pk", None)).order_by("-version")
    return render(
        request,
        "directory/officer/conduct.html",
        {
            "code": current,
            "earlier": earlier,
            "acceptance": _acceptance(current),
            "can_publish": can(request.user, "directory.publish_conduct"),
            "breadcrumbs": crumbs(("Code of conduct", None)),
        },
    )


@require_GET
def conduct_version(request, version: int):
    code = CodeOfConduct.objects.filter(version=version).first()
    if code is None:
        raise Http404("There is no such version of the code of conduct.")
    current = services.current_code()
    return render(
        request,
        "directory/officer/conduct_version.html",
        {
            "code": code,
            "current": current,
            "is_current": current is not None and current.pk == code.pk,
            "breadcrumbs": crumbs(_conduct_crumb(), (f"Version {code.version}", None)),
        },
    )


@require_http_methods(["GET", "POST"])
def conduct_publish(request):
    if denied := guard(request, "directory.publish_conduct"):
        return denied
    current = services.current_code()
    initial = {"title": current.title, "text": current.text} if current else {}
    form = ConductForm(
        request.POST if request.method == "POST" else None, initial=initial, current=current
    )
    if request.method == "POST" and form.is_valid():
        try:
            code = services.publish_code(actor=request.user, **form.cleaned_data)
        except services.DirectoryError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Version {code.version} is published. Every group is asked to accept it.",
            )
            return redirect("directory:conduct")
    return render(
        request,
        "directory/officer/conduct_publish.html",
        {
            "form": form,
            "current": current,
            "next_version": (current.version + 1) if current else 1,
            "acceptance": _acceptance(current),
            "breadcrumbs": crumbs(_conduct_crumb(), ("Publish a new version", None)),
        },
        status=400 if form.errors else 200,
    )
