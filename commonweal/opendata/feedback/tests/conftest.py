"""Feedback fixtures: a catalogue in real Calderdale, a group, providers and their staff,
and the personas every permission test covers, all made through the services."""

import pytest

from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.directory import services as directory
from commonweal.directory.models import Membership, Organisation
from commonweal.opendata.feedback import services
from commonweal.places.models import Area, AreaType, Postcode

PASSWORD = "correct horse battery staple"
POSTCODE = "HX1 1AA"  # Halifax town centre, Calderdale

# "reporter" raised the report, as an administrator of the group; "leader" leads that group;
# "staff" works for the provider it went to; "other_staff" for another provider.
PERSONAS = [
    "anonymous",
    "resident",
    "reporter",
    "leader",
    "staff",
    "other_staff",
    "organiser",
    "officer",
    "administrator",
]


def person(email: str, role: str | None = None, authority=None, **extra) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    if role:
        RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user


def organisation(authority, name: str, kind: str, leader=None) -> Organisation:
    made = directory.register_organisation(actor=leader, authority=authority, name=name, kind=kind)
    if kind == "residents_association":
        ward = ward_of(POSTCODE)
        directory.set_benefit(actor=leader, organisation=made, area_codes=[ward.gss_code])
    directory.verify_organisation(actor=None, organisation=made)
    return Organisation.records.get(pk=made.pk)


def ward_of(postcode: str) -> Area:
    code = Postcode.objects.get(postcode=postcode).ward_code
    return Area.objects.get(area_type=AreaType.WARD, gss_code=code)


@pytest.fixture
def leader(db) -> User:
    return person("leader@example.org", display_name="Lena Leader")


@pytest.fixture
def reporter(db) -> User:
    return person("reporter@example.org", display_name="Ravi Reporter")


@pytest.fixture
def staff(db) -> User:
    return person("staff@council.example", display_name="Sam Staff")


@pytest.fixture
def other_staff(db) -> User:
    return person("staff@contractor.example", display_name="Cora Contractor")


@pytest.fixture
def group(calderdale, leader, reporter) -> Organisation:
    made = organisation(calderdale, "Town Centre Residents", "residents_association", leader)
    Membership.objects.create(
        organisation=made, user=reporter, role="admin", joined_at=made.created_at
    )
    return made


@pytest.fixture
def catalogue(calderdale, staff, other_staff):
    council = organisation(calderdale, "Calderdale street services", "public_provider", staff)
    contractor = organisation(calderdale, "Lamplight Ltd", "business", other_staff)
    service = services.add_service(actor=None, name="Street lighting")
    bins = services.add_service(actor=None, name="Bins")
    repairs = services.add_service(actor=None, name="Housing repairs")
    council_provider = services.register_provider(
        actor=None, organisation=council, sector="council", acknowledge_days=2, respond_days=10
    )
    contractor_provider = services.register_provider(
        actor=None, organisation=contractor, sector="private", acknowledge_days=3, respond_days=15
    )
    services.assign_responsibility(
        actor=None, service=service, area=calderdale, provider=council_provider
    )
    services.assign_responsibility(
        actor=None, service=bins, area=calderdale, provider=council_provider
    )
    return {
        "lighting": service,
        "bins": bins,
        "repairs": repairs,
        "council": council_provider,
        "contractor": contractor_provider,
    }


@pytest.fixture
def report(catalogue, group, reporter):
    """Street lighting at HX1 1AA, raised by the reporter for the group: with the council."""
    return services.raise_report(
        actor=reporter,
        service=catalogue["lighting"],
        title="Street light out",
        description="The light outside the library has been out for a week.",
        postcode=POSTCODE,
        group=group,
    )


@pytest.fixture
def personas(db, calderdale, reporter, leader, staff, other_staff, group, catalogue):
    return {
        "anonymous": None,
        "resident": person("resident@example.org", display_name="Rita Resident"),
        "reporter": reporter,
        "leader": leader,
        "staff": staff,
        "other_staff": other_staff,
        "organiser": person("organiser@example.org", Role.ORGANISER),
        "officer": person("officer@calderdale.example", Role.OFFICER, authority=calderdale),
        "administrator": person("admin@example.org", Role.ADMINISTRATOR),
    }


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client
