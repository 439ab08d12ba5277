"""A person's own data: download everything we hold, or erase the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from commonweal.accounts import erasure, forms
from commonweal.accounts.permissions import permission_required
from commonweal.core import audit, personal_data, registry


def _crumbs() -> list[dict]:
    return [{"label": "Home", "href": "/"}, {"label": "Your account", "href": "/accounts/"}]


@permission_required("accounts.view_own_data")
def your_data(request):
    features = [f.title for f in registry.features() if f.personal_data]
    return render(
        request, "accounts/your_data.html", {"features": features, "breadcrumbs": _crumbs()}
    )


@permission_required("accounts.view_own_data")
def download(request):
    with transaction.atomic():
        audit.record(
            "personal_data.exported",
            actor=request.user,
            obj=request.user,
            object_repr=f"Account {request.user.pk}",
        )
        body = personal_data.export_json(request.user)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"commonweal-your-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@permission_required("accounts.erase_account", lambda request: request.user)
def erase(request):
    form = forms.EraseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        erasure.erase_account(actor=request.user, user=request.user)
        logout(request)
        messages.success(request, "Your account has been erased")
        return redirect("core:home")
    return render(request, "accounts/erase.html", {"form": form, "breadcrumbs": _crumbs()})
