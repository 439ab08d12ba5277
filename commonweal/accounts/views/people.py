"""Administrators: find a person by email, see their roles, give and take away roles."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from commonweal.accounts import forms, services
from commonweal.accounts.models import RoleAssignment, User
from commonweal.accounts.permissions import permission_required

RESULTS_LIMIT = 50


def _crumbs(*extra) -> list[dict]:
    return [{"label": "Home", "href": "/"}, *extra]


@permission_required("accounts.manage_roles")
def people(request):
    form = forms.FindPersonForm(request.GET or None)
    results = None
    if form.is_valid():
        query = form.cleaned_data["email"].strip()
        results = list(
            User.objects.filter(email__icontains=query, erased_at__isnull=True)
            .order_by("email")
            .prefetch_related("role_assignments")[:RESULTS_LIMIT]
        )
    return render(
        request,
        "accounts/people.html",
        {"form": form, "results": results, "limit": RESULTS_LIMIT, "breadcrumbs": _crumbs()},
    )


@permission_required("accounts.manage_roles")
def person(request, pk: int):
    person = get_object_or_404(User, pk=pk)
    form = forms.GrantRoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = services.grant_role(
                actor=request.user,
                user=person,
                role=form.cleaned_data["role"],
                authority=form.cleaned_data["authority"],
                scope_type=form.cleaned_data["scope_type"],
                scope_id=form.cleaned_data["scope_id"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"{person.email} is now: {assignment}")
            return redirect("accounts:person", pk=person.pk)
    assignments = person.role_assignments.select_related("authority", "granted_by").order_by(
        "revoked_at", "role"
    )
    return render(
        request,
        "accounts/person.html",
        {
            "person": person,
            "current": [a for a in assignments if a.revoked_at is None],
            "past": [a for a in assignments if a.revoked_at is not None],
            "form": form,
            "breadcrumbs": _crumbs({"label": "People", "href": "/accounts/people/"}),
        },
    )


@require_POST
@permission_required("accounts.manage_roles")
def revoke(request, pk: int, assignment_pk: int):
    assignment = get_object_or_404(RoleAssignment, pk=assignment_pk, user_id=pk)
    try:
        services.revoke_role(actor=request.user, assignment=assignment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Role taken away: {assignment}")
    return redirect("accounts:person", pk=pk)


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
