"""Right to challenge fixtures: a Calderdale service, a group and its leader, personas."""

import datetime as dt

import pytest

from commonweal.directory.tests.conftest import make_group, person
from commonweal.rights.challenge import services

CONTENTS = {
    "service_and_area": "The park ranger service for Shibden Park and the Calderdale valley.",
    "financial_resources": "Reserves of £40,000; audited accounts for three years attached.",
    "capability": "Twelve trained volunteers and two qualified rangers already employed.",
    "outcomes": "More volunteering, better-kept paths and a weekly family programme.",
}


@pytest.fixture
def leader(db):
    return person("challenge.leader@example.org", display_name="Lena Leader")


@pytest.fixture
def group(calderdale, leader):
    return make_group(leader, calderdale, name="Shibden Friends", kind="charity")


@pytest.fixture
def calderdale_officer(calderdale):
    from commonweal.accounts.models import Role

    return person("challenge.officer@calderdale.example", Role.OFFICER, authority=calderdale)


@pytest.fixture
def trafford_officer(trafford):
    from commonweal.accounts.models import Role

    return person("challenge.officer@trafford.example", Role.OFFICER, authority=trafford)


@pytest.fixture
def service(calderdale):
    return services.create_service(
        actor=None,
        authority=calderdale,
        name="Park ranger service",
        area_covered="Calderdale",
        decision_period=3,
        decision_period_unit="months",
        procurement_min_period=6,
        procurement_min_period_unit="months",
    )


@pytest.fixture
def expression(service, group, leader):
    return services.submit_expression(actor=leader, service=service, organisation=group, **CONTENTS)


def days_ago(days: int) -> dt.date:
    from django.utils import timezone

    return timezone.localdate() - dt.timedelta(days=days)


PERSONAS = [
    "anonymous",
    "resident",
    "leader",
    "organiser",
    "officer",
    "trafford_officer",
    "assessor",
    "administrator",
]


@pytest.fixture
def as_persona(client, request):
    """A client signed in as the named persona (anonymous: not signed in)."""

    def sign_in(name: str):
        if name != "anonymous":
            client.force_login(request.getfixturevalue(name))
        return client

    return sign_in
