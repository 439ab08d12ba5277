"""The audit service: every write records who did what, in the same transaction."""

from django.db import models, transaction

from commonweal.core.models import AuditEvent


def record(
    action: str,
    *,
    actor=None,
    actor_label: str = "",
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEvent:
    """Write one audit event. Call it inside the service's own transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Audit events must be written inside the service's transaction.")
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=actor_label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        before=before,
        after=after,
    )
