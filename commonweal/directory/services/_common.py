from django.core.exceptions import PermissionDenied

from commonweal.core.permissions import can


def check(actor, permission: str, obj=None) -> None:
    """Refuse unless the actor holds the permission. actor=None is the system itself
    (a command, an importer or the demo loader), not a person."""
    if actor is not None and not can(actor, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")


def person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def forget_roles(user) -> None:
    """Drop the group roles rules.py cached on this user object after a membership change."""
    if user is not None:
        user.__dict__.pop("_directory_roles", None)
