import pytest
from django.db import transaction

from commonweal.accounts import services
from commonweal.places.models import Area, AreaType

PERSONAS = ["anonymous", "resident", "organiser", "officer", "assessor", "administrator"]


@pytest.fixture
def token_for():
    """Make an API token for a person; returns (row, raw token)."""

    def make(user, name="Integration"):
        with transaction.atomic():
            return services.create_api_token(actor=user, name=name)

    return make


@pytest.fixture
def signed_in(client, request):
    """A test client signed in as the named persona (or not signed in, for "anonymous")."""

    def sign_in(persona: str):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return sign_in


@pytest.fixture
def calderdale(db) -> Area:
    return Area.objects.get_or_create(
        area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033", defaults={"name": "Calderdale"}
    )[0]


@pytest.fixture
def trafford(db) -> Area:
    return Area.objects.get_or_create(
        area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000009", defaults={"name": "Trafford"}
    )[0]
