"""Fixtures for the platform tests: a live Calderdale process with two pots and ideas."""

from decimal import Decimal

from django.utils import timezone

from commonweal.accounts.models import RoleAssignment
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


def make_person(email: str, role: str | None = None, authority=None):
    """A person (with a role), as the root conftest makes them; importing `conftest` by name
    finds the wrong one when the browser tests are collected in the same run."""
    from commonweal.accounts.models import User

    user = User.objects.create_user(email=email, password="correct horse battery staple")
    if role:
        RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user


def give_role(user, role, authority=None):
    RoleAssignment.objects.create(user=user, role=role, authority=authority)
    user.__dict__.pop("_role_cache", None)


def staged(officer, calderdale, resident, phase: str):
    """A process brought to `phase` through the services: three costed ideas in the borough
    pot, one ballot, counted when the phase comes after counting."""
    process = make_process(officer, calderdale)
    if phase == phases.IDEAS:
        pot = process.pots.order_by("id").first()
        idea = services.propose_idea(
            actor=resident, pot=pot, title="Benches", description="d", postcode=POSTCODE
        )
        return process, pot, [idea]
    pot, ideas = add_ideas(process, resident, officer)
    if phase == phases.REVIEW:
        return process, pot, ideas
    to(process, phases.VOTING, officer)
    services.cast_ballot(
        actor=resident,
        pot=pot,
        choices={str(ideas[0].pk): 1},
        postcode=POSTCODE,
        age_declared=True,
    )
    if phase == phases.VOTING:
        return process, pot, ideas
    to(process, phases.COUNTING, officer)
    if phase == phases.COUNTING:
        return process, pot, ideas
    for each in process.pots.all():
        if each.ideas.on_ballot().exists():
            services.count_pot(actor=officer, pot=each)
    to(process, phase, officer)
    return process, pot, ideas
