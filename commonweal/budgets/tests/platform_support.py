"""Fixtures for the platform tests: a live Calderdale process with two pots and ideas."""

from decimal import Decimal

import pytest
from django.utils import timezone

from commonweal.accounts.models import Role, RoleAssignment
from commonweal.budgets import phases, services
from commonweal.budgets.models import Process
from commonweal.places.models import Area, AreaType, Postcode

POSTCODE = "HX1 1AA"  # Halifax town centre, Calderdale


def ward_of(postcode: str) -> Area:
    return Area.objects.get(
        area_type=AreaType.WARD, gss_code=Postcode.objects.get(postcode=postcode).ward_code
    )


def other_ward_postcode(calderdale, ward) -> str:
    return (
        Postcode.objects.filter(authority_code=calderdale.gss_code)
        .exclude(ward_code=ward.gss_code)
        .order_by("postcode")
        .values_list("postcode", flat=True)
        .first()
    )


def make_process(officer, calderdale, **options) -> Process:
    ward = ward_of(POSTCODE)
    settings = {
        "ballot_kind": "approval",
        "max_projects": 2,
        "official_rule": "equalshares-net",
        "voting_closes": timezone.now() + timezone.timedelta(days=7),
    }
    settings.update(options)
    return services.create_process(
        actor=officer,
        title="Test Community Budget",
        authority=calderdale,
        pots=[("Whole borough", calderdale, Decimal(30000)), (ward.name, ward, Decimal(10000))],
        **settings,
    )


def add_ideas(process, proposer, officer, costs=(12000, 9000, 15000)):
    pot = process.pots.order_by("id").first()
    ideas = [
        services.propose_idea(
            actor=proposer, pot=pot, title=f"Idea {n}", description="Good.", postcode=POSTCODE
        )
        for n, _ in enumerate(costs)
    ]
    to(process, phases.REVIEW, officer)
    for idea, cost in zip(ideas, costs, strict=True):
        services.assess_idea(actor=officer, idea=idea, cost=cost)
    return pot, ideas


def to(process, phase: str, officer) -> Process:
    process.refresh_from_db()
    while process.phase != phase:
        services.advance_phase(actor=officer, process=process)
        process.refresh_from_db()
    return process


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
    from conftest import make_person

    return make_person("officer2@example.org", Role.OFFICER)


def give_role(user, role, authority=None):
    RoleAssignment.objects.create(user=user, role=role, authority=authority)
    user.__dict__.pop("_role_cache", None)
