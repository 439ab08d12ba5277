"""What every rights service shares: the permission check, the actor, the status rows."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from commonweal.core.permissions import can
from commonweal.rights.models import CaseStatusChange, Nomination


def check(actor, permission: str, obj=None) -> None:
    """Refuse unless the actor holds the permission. actor=None is the system itself
    (a command or the demo loader), not a person."""
    if actor is not None and not can(actor, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")


def person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def today() -> dt.date:
    return timezone.localdate()


def set_status(
    nomination: Nomination, status: str, *, actor, effective_on: dt.date, reason: str = ""
) -> CaseStatusChange:
    """Move the case to ``status`` with an attributed, append-only row. Call inside the
    service's transaction; the caller has checked the transition is allowed."""
    nomination.status = status
    nomination.save(update_fields=["status", "updated_at"])
    return CaseStatusChange.objects.create(
        nomination=nomination,
        status=status,
        effective_on=effective_on,
        reason=reason,
        changed_by=person(actor),
        changed_at=timezone.now(),
    )


def locked(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_for_update().get(pk=nomination.pk)


def clean_date(value, field: str, *, label: str, not_after: dt.date | None = None) -> dt.date:
    from commonweal.rights.services.errors import RightsError

    if not isinstance(value, dt.date):
        raise RightsError(f"Give {label} as a date.", field)
    if not_after is not None and value > not_after:
        raise RightsError(f"{label.capitalize()} cannot be in the future.", field)
    return value
