import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied
from django.db import transaction

from commonweal.accounts.erasure import erase_account
from commonweal.accounts.models import ApiToken, User
from commonweal.core.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def test_erase_page_needs_the_password(client, resident):
    client.force_login(resident)
    page = client.get("/accounts/erase/").content.decode()
    assert "govuk-warning-text" in page
    assert "You cannot undo this" in page
    response = client.post("/accounts/erase/", {"password": "wrong"})
    assert response.status_code == 200
    assert "Enter your current password" in response.content.decode()
    resident.refresh_from_db()
    assert resident.erased_at is None


def test_erase_from_the_page(client, resident, token_for):
    token, _ = token_for(resident)
    client.force_login(resident)
    response = client.post("/accounts/erase/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    # Signed out, and cannot sign in again.
    assert client.get("/accounts/").status_code == 302
    assert authenticate(username="resident@example.org", password=PASSWORD) is None
    user = User.objects.get(pk=resident.pk)
    assert user.email == f"erased-{user.pk}@erased.invalid"
    assert user.display_name == ""
    assert not user.has_usable_password()
    assert not user.is_active
    assert user.erased_at is not None
    assert authenticate(username=user.email, password=PASSWORD) is None
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_accounts_without_a_password_type_erase(client, db):
    user = User.objects.create_user(email="nopass@example.org")
    client.force_login(user)
    response = client.post("/accounts/erase/", {"confirm": "nonsense"})
    assert "Type the word &quot;erase&quot;" in response.content.decode()
    response = client.post("/accounts/erase/", {"confirm": "Erase"})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).erased_at is not None


def test_erasure_revokes_roles_and_keeps_the_audit_trail(administrator, organiser):
    from commonweal.accounts import services

    services.grant_role(actor=administrator, user=organiser, role="assessor")
    before = AuditEvent.objects.count()
    erase_account(actor=organiser, user=organiser)
    assert not organiser.role_assignments.current().exists()
    assert organiser.role_assignments.count() == 2  # rows kept, revoked
    events = AuditEvent.objects.filter(actor_id=organiser.pk)
    assert {e.action for e in events} >= {"role.revoked", "account.erased"}
    assert AuditEvent.objects.count() == before + 3  # two roles revoked, one erasure
    erased = AuditEvent.objects.get(action="account.erased")
    assert erased.actor_id == organiser.pk
    assert "organiser@example.org" not in erased.object_repr
    assert "organiser@example.org" not in str(erased.after)


def test_audit_events_still_point_at_the_erased_row(administrator, resident):
    from commonweal.accounts import services

    services.create_api_token(actor=resident, name="x")
    event = AuditEvent.objects.get(action="api_token.created")
    erase_account(actor=resident, user=resident)
    event.refresh_from_db()
    assert event.actor_id == resident.pk
    assert event.actor.email.startswith("erased-")


def test_nobody_else_may_erase_you(resident, other_resident, officer):
    for actor in (other_resident, officer):
        with pytest.raises(PermissionDenied):
            erase_account(actor=actor, user=resident)
    assert User.objects.get(pk=resident.pk).erased_at is None


def test_an_administrator_may_erase_an_account(administrator, resident):
    erase_account(actor=administrator, user=resident)
    assert AuditEvent.objects.get(action="account.erased").actor == administrator


def test_erasing_twice_does_nothing_more(resident, administrator):
    erase_account(actor=resident, user=resident)
    erase_account(actor=administrator, user=User.objects.get(pk=resident.pk))
    assert AuditEvent.objects.filter(action="account.erased").count() == 1


def test_after_erasure_no_audit_event_names_the_person(administrator, calderdale):
    """The trail keeps every event and its actor, but nothing that says who they were."""
    from commonweal.accounts import services
    from commonweal.accounts.models import Role

    person = services.sign_up(
        email="Erin.Erasable@example.org", password=PASSWORD, display_name="Erin Erasable"
    )
    services.grant_role(actor=administrator, user=person, role=Role.ORGANISER, authority=calderdale)
    ids_before = set(AuditEvent.objects.values_list("pk", flat=True))
    erase_account(actor=person, user=person)

    events = list(AuditEvent.objects.all())
    assert ids_before <= {event.pk for event in events}  # nothing was deleted
    assert {e.action for e in events if e.actor_id == person.pk} >= {
        "account.created",
        "account.erased",
    }
    for event in events:
        text = " ".join(
            str(part) for part in (event.actor_label, event.object_repr, event.before, event.after)
        ).lower()
        for identifying in ("erin.erasable@example.org", "erin erasable"):
            assert identifying not in text, (event.action, text)


def test_erasure_blanks_the_token_names_the_person_typed(resident, other_resident, token_for):
    """Token names are free text: after erasure no audit event holds them; every event stays."""
    from commonweal.accounts import services

    token, _ = token_for(resident, name="Erin's allotment rota sync")
    with transaction.atomic():
        services.revoke_api_token(actor=resident, token=token)
    token_for(resident, name="Erin's second token")
    theirs, _ = token_for(other_resident, name="Someone else's token")
    ids_before = set(AuditEvent.objects.values_list("pk", flat=True))

    erase_account(actor=resident, user=resident)

    assert ids_before <= set(AuditEvent.objects.values_list("pk", flat=True))
    created = AuditEvent.objects.filter(action="api_token.created", actor_id=resident.pk)
    assert created.count() == 2
    for event in created:
        assert event.after == {"name": "(erased)"}
        assert event.object_repr.startswith("(erased) (")
    revoked = AuditEvent.objects.get(action="api_token.revoked", object_id=str(token.pk))
    assert revoked.actor_id == resident.pk
    assert "revoked_at" in revoked.after
    for event in AuditEvent.objects.all():
        text = f"{event.object_repr} {event.before} {event.after}"
        assert "Erin" not in text, (event.action, text)
    # Other people's events are untouched.
    other = AuditEvent.objects.get(action="api_token.created", object_id=str(theirs.pk))
    assert other.after == {"name": "Someone else's token"}
    assert other.object_repr == str(theirs)


def test_pseudonymising_audit_events_needs_the_erasure_transaction(
    resident, token_for, monkeypatch
):
    from commonweal.core import audit

    token_for(resident)
    monkeypatch.setattr(transaction.get_connection(), "in_atomic_block", False)
    with pytest.raises(RuntimeError, match="inside the erasure"):
        audit.pseudonymise(AuditEvent.objects.all(), keys=("name",))
