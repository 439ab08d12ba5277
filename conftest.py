"""Fixtures shared by every app's tests: real data and personas.

Real open data is read from ../shared/data (COMMONWEAL_SHARED_DATA) through the
same importers a council uses; it is never copied into the repository.
"""

from pathlib import Path

import pytest
from django.conf import settings

from commonweal.accounts.models import Role, RoleAssignment, User


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = Path(settings.COMMONWEAL_SHARED_DATA)
    if not path.is_dir():
        pytest.skip(f"the shared open data is not at {path} (set COMMONWEAL_SHARED_DATA)")
    return path


def make_person(email: str, role: str | None = None, authority=None, **extra) -> User:
    user = User.objects.create_user(email=email, password="correct horse battery staple", **extra)
    if role:
        RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user


@pytest.fixture
def resident(db) -> User:
    return make_person("resident@example.org", display_name="Rita Resident")


@pytest.fixture
def other_resident(db) -> User:
    return make_person("neighbour@example.org", display_name="Nia Neighbour")


@pytest.fixture
def organiser(db) -> User:
    return make_person("organiser@example.org", Role.ORGANISER)


@pytest.fixture
def officer(db) -> User:
    """A council officer with no authority scope (acts for every authority)."""
    return make_person("officer@example.org", Role.OFFICER)


@pytest.fixture
def assessor(db) -> User:
    return make_person("assessor@example.org", Role.ASSESSOR)


@pytest.fixture
def administrator(db) -> User:
    return make_person("admin@example.org", Role.ADMINISTRATOR)
