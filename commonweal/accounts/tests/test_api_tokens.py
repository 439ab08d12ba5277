import hashlib

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from commonweal.accounts import services
from commonweal.accounts.models import ApiToken
from commonweal.core.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.urls("commonweal.accounts.tests.api_urls")]


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_only_a_sha256_hash_is_stored(resident, token_for):
    token, raw = token_for(resident)
    assert raw.startswith("cw_")
    token.refresh_from_db()
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in token.token_hash
    assert token.prefix == raw[:8]
    event = AuditEvent.objects.get(action="api_token.created")
    assert event.actor == resident
    assert raw not in str(event.after)


def test_bearer_token_authenticates_as_its_owner(client, resident, token_for):
    _, raw = token_for(resident)
    response = client.get("/api/whoami", **bearer(raw))
    assert response.status_code == 200
    assert response.json() == {"email": resident.email, "user": resident.email}
    assert ApiToken.objects.get().last_used_at is not None


def test_bearer_token_works_for_unsafe_methods_without_csrf(resident, token_for):
    _, raw = token_for(resident)
    response = Client(enforce_csrf_checks=True).post("/api/echo", **bearer(raw))
    assert response.status_code == 200
    assert response.json() == {"email": resident.email}


def test_no_credentials_is_401(client):
    assert client.get("/api/whoami").status_code == 401
    assert client.get("/api/token-only").status_code == 401


@pytest.mark.parametrize("raw", ["cw_not-a-real-token", "nonsense", ""])
def test_wrong_token_is_401(client, resident, token_for, raw):
    token_for(resident)
    assert client.get("/api/token-only", **bearer(raw)).status_code == 401


def test_revoked_token_fails(client, resident, token_for):
    token, raw = token_for(resident)
    services.revoke_api_token(actor=resident, token=token)
    assert client.get("/api/whoami", **bearer(raw)).status_code == 401
    assert AuditEvent.objects.filter(action="api_token.revoked", actor=resident).exists()


def test_token_of_inactive_account_fails(client, resident, token_for):
    _, raw = token_for(resident)
    resident.is_active = False
    resident.save()
    assert client.get("/api/whoami", **bearer(raw)).status_code == 401


def test_session_works_for_reading(client, resident):
    client.force_login(resident)
    assert client.get("/api/whoami").json()["email"] == resident.email


def test_session_needs_csrf_for_unsafe_methods(resident):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(resident)
    assert browser.post("/api/echo").status_code == 403


def test_token_only_operation_ignores_the_session(client, resident):
    client.force_login(resident)
    assert client.get("/api/token-only").status_code == 401


def test_someone_else_cannot_revoke_your_token(resident, other_resident, token_for):
    token, _ = token_for(resident)
    with pytest.raises(PermissionDenied):
        services.revoke_api_token(actor=other_resident, token=token)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_administrator_can_revoke_anyones_token(resident, administrator, token_for):
    token, _ = token_for(resident)
    services.revoke_api_token(actor=administrator, token=token)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_anonymous_cannot_make_a_token():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.create_api_token(actor=AnonymousUser(), name="x")
