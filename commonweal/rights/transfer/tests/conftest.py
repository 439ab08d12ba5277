"""Asset transfer fixtures: a Calderdale hall offered with criteria, groups and their leaders."""

import pytest

from commonweal.directory.tests.conftest import make_group, person
from commonweal.rights.transfer import services
from commonweal.rights.transfer.demo import CRITERIA

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
CASE = {
    "proposed_use": "A community hub: a café, a food bank and rooms for hire.",
    "business_case": "Room hire £18,000 a year, café £12,000, grants for repairs.",
    "proposed_tenure": "lease",
    "proposed_lease_years": 25,
    "proposed_rent": "1",
}


@pytest.fixture
def leader(db):
    return person("transfer.leader@example.org", display_name="Lena Leader")


@pytest.fixture
def other_leader(db):
    return person("transfer.other@example.org", display_name="Otto Other")


@pytest.fixture
def group(calderdale, leader):
    return make_group(leader, calderdale, name="Park Road Residents", kind="residents_association")


@pytest.fixture
def other_group(calderdale, other_leader):
    return make_group(other_leader, calderdale, name="Hall Users Club", kind="community_group")


@pytest.fixture
def calderdale_officer(calderdale):
    from commonweal.accounts.models import Role

    return person("transfer.officer@calderdale.example", Role.OFFICER, authority=calderdale)


@pytest.fixture
def trafford_officer(trafford):
    from commonweal.accounts.models import Role

    return person("transfer.officer@trafford.example", Role.OFFICER, authority=trafford)


@pytest.fixture
def asset(calderdale):
    return services.add_asset(
        actor=None,
        authority=calderdale,
        asset_code="CAL-0001",
        name="Park Road Community Hall",
        postcode="HX1 1AA",
        longitude=-1.8597,
        latitude=53.7215,
        tenure_type="Freehold",
        holding_type="Land/Buildings",
    )


@pytest.fixture
def offer(asset):
    return services.offer_asset(actor=None, asset=asset, title="Park Road Hall", criteria=CRITERIA)


@pytest.fixture
def request_(offer, group, leader):
    return services.submit_request(actor=leader, offer=offer, organisation=group, **CASE)


@pytest.fixture
def as_persona(client, request):
    def sign_in(name: str):
        if name != "anonymous":
            client.force_login(request.getfixturevalue(name))
        return client

    return sign_in
