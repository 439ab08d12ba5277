"""Fixtures shared by every app's tests: real data and personas.

Real open data is read from ../shared/data (COMMONWEAL_SHARED_DATA) through the
same importers a council uses; it is never copied into the repository.
"""

from pathlib import Path

import pytest
from django.conf import settings

from commonweal.accounts.models import Role, User
from commonweal.core.testing import make_person


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = Path(settings.COMMONWEAL_SHARED_DATA)
    if not path.is_dir():
        pytest.skip(f"the shared open data is not at {path} (set COMMONWEAL_SHARED_DATA)")
    return path


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


# Real places data, loaded once per test run -------------------------------------------
# Calderdale and Trafford go into the test database through the same bundle loader a
# deployment uses. Tests run inside transactions that roll back to this state, so they
# must not use transaction=True (that would flush the loaded data).

LOADED_BOROUGHS = ("calderdale", "trafford")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from commonweal.places.bundles import load_borough

    path = Path(settings.COMMONWEAL_SHARED_DATA)
    if not path.is_dir():
        return
    with django_db_blocker.unblock():
        for key in LOADED_BOROUGHS:
            load_borough(key, path, actor_label="test suite")


def _authority(code: str):
    from commonweal.places.models import Area, AreaType

    area = Area.objects.filter(area_type=AreaType.LOCAL_AUTHORITY, gss_code=code).first()
    if area is None:
        pytest.skip(f"the shared open data for {code} is not loaded")
    return area


@pytest.fixture
def calderdale(db):
    """Calderdale (E08000033), the demo borough, as loaded from the real data."""
    return _authority("E08000033")


@pytest.fixture
def trafford(db):
    """Trafford (E08000009), the second borough, as loaded from the real data."""
    return _authority("E08000009")


# Tests that need the database as migrations leave it (no places data, no datasets, no
# audit events) mark themselves `empty_database`; the real data is removed inside the
# test's own transaction and comes back when it rolls back.
def pytest_configure(config):
    config.addinivalue_line(
        "markers", "empty_database: run without the real places data loaded for the session"
    )


@pytest.fixture(autouse=True)
def _empty_database_when_marked(request):
    if request.node.get_closest_marker("empty_database") is None:
        return
    request.getfixturevalue("db")
    from commonweal.core.models import AuditEvent
    from commonweal.datasets.models import DataSet
    from commonweal.places.models import (
        Area,
        DeprivationScore,
        LsoaLink,
        PopulationEstimate,
        Postcode,
    )

    for model in (DeprivationScore, PopulationEstimate, LsoaLink, Postcode):
        model.objects.all().delete()
    Area.parents.through.objects.all().delete()
    Area.members.through.objects.all().delete()
    Area.objects.update(authority=None)
    Area.objects.all().delete()
    DataSet.objects.all().delete()
    AuditEvent.objects.all().delete()
