from django.core.exceptions import PermissionDenied

from commonweal.core.permissions import can


class FeedbackError(Exception):
    """A request we cannot accept, in plain English, naming the field it is about."""

    def __init__(self, reason: str, field: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.field = field


def check(actor, permission: str, obj=None) -> None:
    """Refuse unless the actor holds the permission. actor=None is the system itself (a
    command or the demo loader), not a person."""
    if actor is not None and not can(actor, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")


def person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None
