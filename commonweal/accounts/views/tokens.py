"""A person's own API tokens: make one (shown once) and revoke it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from commonweal.accounts import forms, services
from commonweal.accounts.models import ApiToken
from commonweal.accounts.permissions import permission_required


def _crumbs() -> list[dict]:
    return [{"label": "Home", "href": "/"}, {"label": "Your account", "href": "/accounts/"}]


@permission_required("accounts.use_api_tokens")
def tokens(request):
    form = forms.ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, raw = services.create_api_token(
                actor=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as exc:
            form.add_error("name", exc.messages)
        else:
            # Rendered, not redirected: the token is never stored, so it cannot be shown again.
            response = render(
                request,
                "accounts/token_created.html",
                {"token": token, "raw": raw, "breadcrumbs": _crumbs()},
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "tokens": ApiToken.objects.filter(user=request.user),
            "breadcrumbs": _crumbs(),
        },
    )


@require_POST
@permission_required(
    "accounts.revoke_api_token",
    lambda request, pk: get_object_or_404(ApiToken, pk=pk, user=request.user),
)
def revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_api_token(actor=request.user, token=token)
    messages.success(request, f"Token revoked: {token.name}")
    return redirect("accounts:tokens")
