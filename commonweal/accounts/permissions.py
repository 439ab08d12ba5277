"""Guarding views with our permissions: sign in first, then 403 unless a rule allows.

    @permission_required("core.view_audit")
    def audit_list(request): ...

    def _group(request, pk):
        return get_object_or_404(Group, pk=pk)

    @permission_required("directory.change_group", _group)
    def edit_group(request, pk): ...

Anonymous people are sent to the sign-in page; signed-in people without the
permission get the 403 page. A permission nobody declared is always refused.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from commonweal.core.permissions import can


def check(request, permission: str, obj=None):
    """None if the request may go ahead, otherwise the response to send instead."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can(request.user, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")
    return None


def permission_required(permission: str, fn_to_get_object=None):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            obj = fn_to_get_object(request, *args, **kwargs) if fn_to_get_object else None
            refused = check(request, permission, obj)
            return refused or view(request, *args, **kwargs)

        return wrapped

    return decorator


class PermissionRequiredMixin:
    """For class-based views: set `permission_required`, override get_permission_object()."""

    permission_required: str = ""

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_required:
            raise PermissionDenied("This page does not say which permission it needs.")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        refused = check(request, self.permission_required, self.get_permission_object())
        return refused or super().dispatch(request, *args, **kwargs)
