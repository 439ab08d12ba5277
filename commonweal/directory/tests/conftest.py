"""Directory fixtures: real Calderdale places, sample groups made through the services,
and the personas every permission test covers."""

import pytest

from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.directory import services
from commonweal.directory.models import GroupRole, Membership, Organisation
from commonweal.places.models import Area, AreaType

PASSWORD = "correct horse battery staple"

# Every role a permission test covers. "member", "leader" and "other_leader" are about
# the `group` fixture: a member of it, its leader, and the leader of another group.
PERSONAS = [
    "anonymous",
    "resident",
    "member",
    "leader",
    "other_leader",
    "organiser",
    "officer",
    "administrator",
]


def person(email: str, role: str | None = None, authority=None, **extra) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    if role:
        RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user


def a_ward(authority, index: int = 0) -> Area:
    return Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("gss_code")[index]


def make_group(
    leader, authority, name="Park Road Residents", ward_index=0, **details
) -> Organisation:
    """A verified residents' association serving one ward, led by `leader`."""
    details.setdefault("kind", "residents_association")
    details.setdefault("members_count", 40)
    details.setdefault("active_volunteers", 12)
    details.setdefault("paid_staff_fte", "0")
    details.setdefault("contract_income_share", "0")
    organisation = services.register_organisation(
        actor=leader, authority=authority, name=name, **details
    )
    services.set_benefit(
        actor=leader, organisation=organisation, area_codes=[a_ward(authority, ward_index).gss_code]
    )
    services.verify_organisation(actor=None, organisation=organisation)
    return Organisation.records.get(pk=organisation.pk)


@pytest.fixture
def calderdale_officer(calderdale) -> User:
    return person("officer@calderdale.example", Role.OFFICER, authority=calderdale)


@pytest.fixture
def trafford_officer(trafford) -> User:
    return person("officer@trafford.example", Role.OFFICER, authority=trafford)


@pytest.fixture
def leader(db) -> User:
    return person("leader@example.org", display_name="Lena Leader")


@pytest.fixture
def other_leader(db) -> User:
    return person("other.leader@example.org", display_name="Otto Other")


@pytest.fixture
def group(calderdale, leader) -> Organisation:
    return make_group(leader, calderdale)


@pytest.fixture
def other_group(calderdale, other_leader) -> Organisation:
    return make_group(
        other_leader, calderdale, name="Hebden Bridge Allotment Society", ward_index=1
    )


@pytest.fixture
def member(group) -> User:
    user = person("member@example.org", display_name="Mo Member")
    Membership.objects.create(
        organisation=group, user=user, role=GroupRole.MEMBER, joined_at=group.created_at
    )
    return user


@pytest.fixture
def as_persona(request, client, group, other_group):
    """Sign the test client in as a persona (officer = Calderdale's officer)."""
    fixtures = {
        "resident": "resident",
        "member": "member",
        "leader": "leader",
        "other_leader": "other_leader",
        "organiser": "organiser",
        "officer": "calderdale_officer",
        "administrator": "administrator",
    }

    def sign_in(persona: str):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(fixtures[persona]))
        return client

    return sign_in
