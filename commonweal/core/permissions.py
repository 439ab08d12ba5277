"""The permission layer every app uses: deny by default, object-level.

Apps declare permissions with django-rules in their own `rules.py` (found
automatically at start-up). Views and API operations call `require()` or use
`PermissionRequiredMixin`; a permission nobody declared is always refused.
"""

import rules
from django.core.exceptions import PermissionDenied


def can(user, permission: str, obj=None) -> bool:
    if not rules.perm_exists(permission):
        return False
    return user.has_perm(permission, obj)


def require(user, permission: str, obj=None) -> None:
    """Raise PermissionDenied unless the user holds the permission (on obj)."""
    if not can(user, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")
