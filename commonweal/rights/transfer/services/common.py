from django.core.exceptions import PermissionDenied
from django.utils import timezone

from commonweal.core.permissions import can


class TransferError(Exception):
    """A request asset transfer refuses, with the reason in plain words; nothing was saved."""

    def __init__(self, reason: str, field: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.field = field


def check(actor, permission: str, obj=None) -> None:
    """Refuse unless the actor holds the permission; actor=None is the system itself."""
    if actor is not None and not can(actor, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")


def person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def today():
    return timezone.localdate()
