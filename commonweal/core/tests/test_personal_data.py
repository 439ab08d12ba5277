import json

import pytest
from django.db import transaction

from commonweal.accounts import services
from commonweal.accounts.erasure import erase_account
from commonweal.core import personal_data, registry
from commonweal.places.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_feature():
    """A feature registered for one test, recording what it was asked to do."""
    calls = []
    feature = registry.Feature(
        key="test_feature",
        title="Test feature",
        personal_data=[lambda user: {"memberships": [{"group": "Allotment society"}]}],
        erasers=[lambda user: calls.append(user.pk)],
    )
    registry.register(feature)
    yield calls
    registry._features.pop("test_feature")


def test_export_has_account_roles_audit_and_each_feature(administrator, resident, extra_feature):
    calderdale, _ = Area.objects.get_or_create(
        gss_code="E08000033", area_type="lad", defaults={"name": "Calderdale"}
    )
    services.grant_role(actor=administrator, user=resident, role="organiser", authority=calderdale)
    services.create_api_token(actor=resident, name="Scripts")
    data = personal_data.export(resident)
    json.dumps(data)  # plain JSON all the way down
    assert data["format"] == "commonweal-personal-data/1"
    accounts = data["features"]["accounts"]
    assert accounts["account"]["email"] == "resident@example.org"
    assert accounts["account"]["display_name"] == "Rita Resident"
    assert accounts["roles"][0]["role"] == "organiser"
    assert accounts["roles"][0]["authority"] == {"gss_code": "E08000033", "name": "Calderdale"}
    assert accounts["api_tokens"][0]["name"] == "Scripts"
    assert "token_hash" not in json.dumps(accounts)
    assert data["features"]["test_feature"] == {"memberships": [{"group": "Allotment society"}]}
    actions = [event["action"] for event in data["audit_events"]]
    assert actions == ["api_token.created"]  # events where the person acted, not others'


def test_download_page(client, resident):
    client.force_login(resident)
    response = client.get("/accounts/your-data/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="commonweal-your-data')
    data = json.loads(response.content)
    assert data["features"]["accounts"]["account"]["email"] == resident.email
    # The download itself is recorded (and so appears in the next download).
    assert data["audit_events"][-1]["action"] == "personal_data.exported"


def test_your_data_page_lists_the_features(client, resident, extra_feature):
    client.force_login(resident)
    html = client.get("/accounts/your-data/").content.decode()
    assert "test feature" in html
    assert 'href="/accounts/your-data/download/"' in html


def test_erasure_runs_every_features_erasers(resident, extra_feature):
    erase_account(actor=resident, user=resident)
    assert extra_feature == [resident.pk]


def test_erasure_is_atomic_when_an_eraser_fails(resident):
    def broken(user):
        raise RuntimeError("eraser failed")

    registry.register(registry.Feature(key="broken", title="Broken", erasers=[broken]))
    try:
        with pytest.raises(RuntimeError):
            erase_account(actor=resident, user=resident)
    finally:
        registry._features.pop("broken")
    resident.refresh_from_db()
    assert resident.erased_at is None
    assert resident.email == "resident@example.org"


def test_erasers_must_run_in_a_transaction(resident, monkeypatch):
    monkeypatch.setattr(transaction.get_connection(), "in_atomic_block", False)
    with pytest.raises(RuntimeError, match="inside the erasure"):
        personal_data.run_erasers(resident)


def test_accounts_feature_is_registered():
    feature = next(f for f in registry.features() if f.key == "accounts")
    assert feature.personal_data and feature.erasers
    assert feature.navigation[0].permission == "accounts.manage_roles"
