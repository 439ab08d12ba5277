"""Fixtures for the platform tests; test modules take them with a star import."""

import pytest

from commonweal.accounts.models import Role
from commonweal.budgets import phases
from commonweal.budgets.tests.platform_support import add_ideas, make_person, make_process, to

__all__ = ["process", "second_officer", "voting"]


@pytest.fixture
def process(officer, calderdale):
    return make_process(officer, calderdale)


@pytest.fixture
def voting(process, resident, officer):
    pot, ideas = add_ideas(process, resident, officer)
    to(process, phases.VOTING, officer)
    return process, pot, ideas


@pytest.fixture
def second_officer(db):
    return make_person("officer2@example.org", Role.OFFICER)
