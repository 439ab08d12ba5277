"""Neighbourhood planning fixtures: real Calderdale wards, groups made through the directory's
services, and cases taken through the planning services with dates in the past."""

import datetime as dt

import pytest

from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.directory import services as directory
from commonweal.directory.models import Organisation
from commonweal.places.models import Area, AreaType
from commonweal.rights.planning import services

PASSWORD = "correct horse battery staple"
PERSONAS = [
    "anonymous",
    "resident",
    "leader",
    "other_leader",
    "organiser",
    "officer",
    "other_officer",
    "administrator",
]


def person(email: str, role: str | None = None, authority=None) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD)
    if role:
        RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user


def wards(authority, *indexes) -> list[Area]:
    found = list(Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code"))
    return [found[i] for i in indexes]


def make_org(leader, authority, name, kind, ward_indexes=(0,)) -> Organisation:
    organisation = directory.register_organisation(
        actor=leader, authority=authority, name=name, kind=kind
    )
    directory.set_benefit(
        actor=leader,
        organisation=organisation,
        area_codes=[w.gss_code for w in wards(authority, *ward_indexes)],
    )
    directory.verify_organisation(actor=None, organisation=organisation)
    return Organisation.records.get(pk=organisation.pk)


@pytest.fixture
def leader(db):
    return person("forum.leader@example.org")


@pytest.fixture
def other_leader(db):
    return person("other.leader@example.org")


@pytest.fixture
def calderdale_officer(calderdale):
    return person("planning.officer@calderdale.example", Role.OFFICER, calderdale)


@pytest.fixture
def trafford_officer(trafford):
    return person("planning.officer@trafford.example", Role.OFFICER, trafford)


@pytest.fixture
def forum_org(leader, calderdale):
    return make_org(leader, calderdale, "Town Centre Forum", "neighbourhood_forum", (10, 11))


@pytest.fixture
def other_forum_org(other_leader, calderdale):
    return make_org(other_leader, calderdale, "Hillside Forum", "neighbourhood_forum", (12,))


@pytest.fixture
def parish(other_leader, calderdale):
    return make_org(other_leader, calderdale, "Upper Valley Parish Council", "parish_council", (3,))


def apply(actor, applicant, indexes, **extra):
    return services.apply_for_area(
        actor=actor,
        applicant=applicant,
        name=extra.pop("name", f"{applicant.name} area"),
        statement="The streets people think of as the town centre.",
        relevant_body_statement="We are capable of being designated as a forum.",
        place_codes=[w.gss_code for w in wards(applicant.authority, *indexes)],
        received_on=extra.pop("received_on", dt.date(2024, 1, 2)),
        **extra,
    )


def designated_area(leader, officer, applicant, indexes=(10, 11), **extra):
    area = apply(leader, applicant, indexes, **extra)
    services.publicise_area(actor=officer, area=area, first_publicised_on=dt.date(2024, 1, 8))
    return services.designate_area(actor=officer, area=area, decided_on=dt.date(2024, 3, 1))


FORUM_FACTS = dict(
    members_live=18,
    members_work=2,
    members_elected=1,
    membership_evidence="Membership list seen at the AGM; 21 signed forms.",
    written_constitution=True,
    constitution_reference="https://example.org/constitution",
    purpose="To promote the social, economic and environmental well-being of the town centre.",
    express_purpose=True,
    contact="secretary@example.org",
)


def designated_forum(leader, officer, organisation, area, **facts):
    forum = services.apply_for_forum(
        actor=leader,
        organisation=organisation,
        area=area,
        received_on=dt.date(2024, 3, 4),
        **{**FORUM_FACTS, **facts},
    )
    services.publicise_forum(actor=officer, forum=forum, first_publicised_on=dt.date(2024, 3, 11))
    return services.designate_forum(actor=officer, forum=forum, decided_on=dt.date(2024, 5, 1))


@pytest.fixture
def area(leader, calderdale_officer, forum_org):
    return designated_area(leader, calderdale_officer, forum_org)


@pytest.fixture
def forum(leader, calderdale_officer, forum_org, area):
    return designated_forum(leader, calderdale_officer, forum_org, area)


@pytest.fixture
def plan(leader, forum, area):
    return services.start_plan(actor=leader, area=area, title="Town Centre Neighbourhood Plan")
