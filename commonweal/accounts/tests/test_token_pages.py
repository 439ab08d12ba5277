import hashlib

import pytest

from commonweal.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_make_a_token_shows_it_once(client, resident):
    client.force_login(resident)
    response = client.post("/accounts/api-tokens/", {"name": "Our newsletter"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    token = ApiToken.objects.get(user=resident)
    raw = html.split('<code id="api-token">')[1].split("</code>")[0]
    assert hashlib.sha256(raw.encode()).hexdigest() == token.token_hash
    listing = client.get("/accounts/api-tokens/").content.decode()
    assert "Our newsletter" in listing
    assert raw not in listing
    assert token.prefix in listing


def test_token_needs_a_name(client, resident):
    client.force_login(resident)
    response = client.post("/accounts/api-tokens/", {"name": ""})
    assert "Enter what the token is for" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoke_your_own_token(client, resident, token_for):
    token, _ = token_for(resident)
    client.force_login(resident)
    assert client.post(f"/accounts/api-tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "Revoked" in client.get("/accounts/api-tokens/").content.decode()
