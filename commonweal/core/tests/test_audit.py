import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from commonweal.core import audit
from commonweal.core.models import AuditEvent


@pytest.mark.django_db
def test_audit_events_are_append_only(resident):
    with transaction.atomic():
        event = audit.record("thing.done", actor=resident, object_type="x", object_id="1")
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    assert AuditEvent.objects.by_actor(resident).count() == 1


@pytest.mark.django_db
def test_audit_must_be_written_inside_a_transaction(monkeypatch):
    # Tests run inside a transaction; pretend we are outside one.
    monkeypatch.setattr(transaction.get_connection(), "in_atomic_block", False)
    with pytest.raises(RuntimeError, match="inside the service's transaction"):
        audit.record("thing.done")
