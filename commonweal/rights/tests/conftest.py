"""Right to bid fixtures: real Calderdale wards, groups made through the directory's
services, a pub drawn inside a real ward, and the personas every permission test covers."""

import datetime as dt
import json

import pytest

from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.directory import services as directory
from commonweal.directory.models import Organisation
from commonweal.places.models import Area, AreaType
from commonweal.rights import services

PASSWORD = "correct horse battery staple"

# Every persona a permission test covers: "nominator" leads the nominating group, "owner"
# is linked to the case as the land's owner, "parish" leads the parish council.
PERSONAS = [
    "anonymous",
    "resident",
    "nominator",
    "owner",
    "parish",
    "organiser",
    "officer",
    "other_officer",
    "administrator",
]


def person(email: str, role: str | None = None, authority=None, **extra) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    if role:
        RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user


def a_ward(authority, index: int = 0) -> Area:
    return Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code")[index]


def square(lon: float, lat: float, half: float = 0.0003) -> str:
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def make_organisation(leader, authority, name, *, kind, ward, **details) -> Organisation:
    details.setdefault("members_count", 40)
    organisation = directory.register_organisation(
        actor=leader, authority=authority, name=name, kind=kind, **details
    )
    directory.set_benefit(actor=leader, organisation=organisation, area_codes=[ward.gss_code])
    directory.verify_organisation(actor=None, organisation=organisation)
    return Organisation.records.get(pk=organisation.pk)


@pytest.fixture
def ward(calderdale) -> Area:
    return a_ward(calderdale, 3)


@pytest.fixture
def pub_boundary(ward) -> str:
    point = ward.shape.representative_point()
    return square(point.x, point.y)


@pytest.fixture
def people(db, calderdale, trafford) -> dict:
    return {
        "resident": person("resident@acv.example"),
        "nominator": person("leader@acv.example", display_name="Nell Nominator"),
        "owner": person("owner@acv.example", display_name="Owen Owner"),
        "parish": person("clerk@acv.example", display_name="Pat Parish"),
        "organiser": person("organiser@acv.example", Role.ORGANISER),
        "officer": person("officer@acv.example", Role.OFFICER, authority=calderdale),
        "reviewer": person("reviewer@acv.example", Role.OFFICER, authority=calderdale),
        "other_officer": person("officer@trafford.example", Role.OFFICER, authority=trafford),
        "administrator": person("admin@acv.example", Role.ADMINISTRATOR),
    }


@pytest.fixture
def group(people, calderdale, ward) -> Organisation:
    return make_organisation(
        people["nominator"],
        calderdale,
        "Friends of the Red Lion",
        kind="residents_association",
        ward=ward,
        legal_form="unincorporated",
    )


@pytest.fixture
def parish(people, calderdale, ward) -> Organisation:
    return make_organisation(
        people["parish"], calderdale, "Red Lion Parish Council", kind="parish_council", ward=ward
    )


@pytest.fixture
def cic(people, calderdale, ward) -> Organisation:
    return make_organisation(
        people["parish"], calderdale, "Village Pub CIC", kind="cic", ward=ward, legal_form="cic"
    )


CONTENTS = {
    "name": "The Red Lion",
    "address": "1 High Street",
    "description": "A village pub with a function room and a landlord's flat above.",
    "occupiers": "Red Lion Taverns Ltd (tenant)",
    "owners": "Pubco Estates Ltd, 2 Brewery Yard, Leeds",
    "reasons": "The only pub in the village; its function room hosts the quiz, clubs and "
    "the parish meetings.",
    "eligibility_evidence": "Constitution and a list of 30 members, 25 on the electoral register.",
}


def nominate(people, calderdale, group, pub_boundary, **extra):
    values = {**CONTENTS, **extra}
    values.setdefault("local_members", 25)
    return services.submit_nomination(
        actor=people["nominator"],
        authority=calderdale,
        nominator=group,
        boundary_geojson=pub_boundary,
        **values,
    )


@pytest.fixture
def nomination(people, calderdale, group, parish, pub_boundary):
    return nominate(
        people,
        calderdale,
        group,
        pub_boundary,
        parish=parish,
        owner_user=people["owner"],
        received_on=dt.date(2024, 1, 15),
    )


@pytest.fixture
def listed(people, nomination):
    return services.decide(
        actor=people["officer"],
        nomination=nomination,
        listed=True,
        reasons="Its function room and bar further the social interests of the village.",
        current_use_finding="Used as a pub and meeting place today.",
        decided_on=dt.date(2024, 3, 4),
    )
