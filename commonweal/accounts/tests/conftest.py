import pytest
from django.db import transaction

from commonweal.accounts import services


@pytest.fixture
def token_for():
    """Make an API token for a person; returns (row, raw token)."""

    def make(user, name="Integration"):
        with transaction.atomic():
            return services.create_api_token(actor=user, name=name)

    return make
