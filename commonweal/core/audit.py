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


ERASED = "(erased)"


def pseudonymise(
    events: models.QuerySet, *, keys: tuple[str, ...] = (), object_repr: str | None = None
) -> int:
    """Blank what a person typed into these events, keeping every event and its actor.

    The one change audit rows allow, and only for an erasure: each of `keys` present in
    an event's `before` or `after` becomes "(erased)", and `object_repr`, if given,
    replaces the event's description of its object. Returns how many events changed.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Audit events are pseudonymised only inside the erasure's transaction.")
    changed = 0
    for event in events.only("pk", "object_repr", "before", "after"):
        values = {}
        for part in ("before", "after"):
            held = getattr(event, part)
            if isinstance(held, dict) and any(key in held for key in keys):
                values[part] = {
                    name: ERASED if name in keys else value for name, value in held.items()
                }
        if object_repr is not None and event.object_repr != object_repr[:300]:
            values["object_repr"] = object_repr[:300]
        if values:
            # A queryset update, because AuditEvent.save refuses to change a row.
            AuditEvent.objects.filter(pk=event.pk).update(**values)
            changed += 1
    return changed
