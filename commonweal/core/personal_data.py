"""Everything the platform holds about a person, and erasing it.

Each feature registers ``personal_data`` callables (user -> dict) and
``erasers`` (user -> None) with the registry; this module runs them all, so a
new feature's data is included without changing anything here.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from commonweal.core import registry
from commonweal.core.models import AuditEvent

EXPORT_FORMAT = "commonweal-personal-data/1"


def audit_events_by(user) -> list[dict]:
    events = AuditEvent.objects.by_actor(user).order_by("created_at", "id")
    return [
        {
            "at": event.created_at,
            "action": event.action,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "object": event.object_repr,
            "before": event.before,
            "after": event.after,
        }
        for event in events.iterator()
    ]


def export(user) -> dict:
    """A JSON-ready dictionary of everything each feature holds about the user."""
    features: dict[str, dict] = {}
    for feature in registry.features():
        held: dict = {}
        for gather in feature.personal_data:
            held.update(gather(user) or {})
        if held:
            features[feature.key] = held
    data = {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now(),
        "features": features,
        "audit_events": audit_events_by(user),
    }
    # Round trip so dates, decimals and UUIDs become plain JSON values.
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def export_json(user) -> str:
    return json.dumps(export(user), indent=2, ensure_ascii=False)


def run_erasers(user) -> list[str]:
    """Run every feature's erasers for the user. Call inside the erasure transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Erasers must run inside the erasure's transaction.")
    erased = []
    for feature in registry.features():
        for eraser in feature.erasers:
            eraser(user)
        if feature.erasers:
            erased.append(feature.key)
    return erased
