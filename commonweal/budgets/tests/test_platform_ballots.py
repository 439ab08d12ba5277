"""Ballot rules: limits, the budget, one ballot per voter, changes until the close and none
after; eligibility (postcode in the area, age, access code). The pure rules are checked
against their definitions with hypothesis."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from commonweal.budgets import ballot_rules, phases, services
from commonweal.budgets.ballot_rules import Limits, problems
from commonweal.budgets.models import Ballot
from commonweal.budgets.tests.platform_fixtures import *  # noqa: F403
from commonweal.budgets.tests.platform_support import (
    POSTCODE,
    add_ideas,
    make_process,
    other_ward_postcode,
    to,
    ward_of,
)

costs_strategy = st.dictionaries(
    st.sampled_from([str(n) for n in range(1, 9)]),
    st.integers(min_value=1, max_value=20_000).map(Decimal),
    min_size=1,
)


@st.composite
def approval_case(draw):
    costs = draw(costs_strategy)
    chosen = draw(st.lists(st.sampled_from(sorted(costs)), unique=True))
    limits = Limits(
        kind=draw(st.sampled_from([ballot_rules.APPROVAL, ballot_rules.KNAPSACK])),
        budget=Decimal(draw(st.integers(min_value=1, max_value=60_000))),
        min_projects=draw(st.integers(min_value=0, max_value=3)),
        max_projects=draw(st.none() | st.integers(min_value=1, max_value=6)),
        max_cost=draw(st.none() | st.integers(min_value=1, max_value=60_000).map(Decimal)),
    )
    return limits, {p: 1 for p in chosen}, costs


@settings(max_examples=300, deadline=None)
@given(approval_case())
def test_approval_and_knapsack_ballots_are_valid_exactly_when_within_their_limits(case):
    limits, choices, costs = case
    spent = sum((costs[p] for p in choices), Decimal(0))
    cap = limits.max_cost
    if limits.kind == ballot_rules.KNAPSACK:
        cap = limits.budget if cap is None else min(cap, limits.budget)
    valid = (
        len(choices) >= max(limits.min_projects, 1)
        and (limits.max_projects is None or len(choices) <= limits.max_projects)
        and (cap is None or spent <= cap)
    )
    assert (problems(limits, choices, costs) == []) == valid


@settings(max_examples=200, deadline=None)
@given(costs_strategy, st.data())
def test_cumulative_ballots_share_at_most_the_points(costs, data):
    points = data.draw(st.integers(min_value=1, max_value=20))
    given_points = data.draw(
        st.dictionaries(st.sampled_from(sorted(costs)), st.integers(min_value=0, max_value=25))
    )
    limits = Limits(kind=ballot_rules.CUMULATIVE, budget=Decimal(100), points=points)
    total = sum(given_points.values())
    valid = 0 < total <= points
    assert (problems(limits, given_points, costs) == []) == valid


@settings(max_examples=200, deadline=None)
@given(costs_strategy, st.data())
def test_rankings_are_one_to_n_without_gaps_or_repeats(costs, data):
    chosen = data.draw(st.lists(st.sampled_from(sorted(costs)), unique=True, min_size=1))
    ranks = data.draw(
        st.lists(st.integers(min_value=1, max_value=9), min_size=len(chosen), max_size=len(chosen))
    )
    limits = Limits(kind=ballot_rules.RANKING, budget=Decimal(100))
    valid = sorted(ranks) == list(range(1, len(chosen) + 1))
    assert (problems(limits, dict(zip(chosen, ranks, strict=True)), costs) == []) == valid


def test_a_project_not_on_the_ballot_is_refused():
    limits = Limits(kind=ballot_rules.APPROVAL, budget=Decimal(10))
    assert problems(limits, {"9": 1}, {"1": Decimal(1)})


# Through the services -------------------------------------------------------------------


def cast(voter, pot, choices, **extra):
    options = {"postcode": POSTCODE, "age_declared": True, **extra}
    return services.cast_ballot(actor=voter, pot=pot, choices=choices, **options)


@pytest.mark.django_db
def test_one_ballot_per_voter_changeable_until_the_close(voting, resident, other_resident):
    _process, pot, ideas = voting
    first = cast(resident, pot, {str(ideas[0].pk): 1})
    again = cast(resident, pot, {str(ideas[1].pk): 1})
    cast(other_resident, pot, {str(ideas[0].pk): 1})
    assert first.pk == again.pk
    assert Ballot.objects.filter(pot=pot).count() == 2
    assert services.choices_of(again) == {str(ideas[1].pk): 1}


@pytest.mark.django_db
def test_no_ballot_after_the_close(voting, resident):
    process, pot, ideas = voting
    process.voting_closes = timezone.now() - timezone.timedelta(minutes=1)
    process.save()
    with pytest.raises(services.PhaseClosed, match="closed"):
        cast(resident, pot, {str(ideas[0].pk): 1})


@pytest.mark.django_db
def test_no_ballot_or_change_once_the_phase_has_moved_on(voting, resident, officer):
    process, pot, ideas = voting
    cast(resident, pot, {str(ideas[0].pk): 1})
    to(process, phases.COUNTING, officer)
    with pytest.raises(services.PhaseClosed):
        cast(resident, pot, {str(ideas[1].pk): 1})
    assert services.choices_of(services.own_ballot(pot, resident)) == {str(ideas[0].pk): 1}


@pytest.mark.django_db
def test_limits_are_enforced_by_the_service(voting, resident):
    _process, pot, ideas = voting
    with pytest.raises(services.BudgetsError, match="at most 2"):
        cast(resident, pot, {str(i.pk): 1 for i in ideas})
    with pytest.raises(services.BudgetsError, match="at least 1"):
        cast(resident, pot, {})


@pytest.mark.django_db
def test_knapsack_ballots_stay_within_the_budget(officer, calderdale, resident):
    process = make_process(officer, calderdale, ballot_kind="knapsack", max_projects=None)
    pot, ideas = add_ideas(process, resident, officer, costs=(20000, 9000, 15000))
    to(process, phases.VOTING, officer)
    with pytest.raises(services.BudgetsError, match="the most you can choose is £30,000"):
        cast(resident, pot, {str(ideas[0].pk): 1, str(ideas[2].pk): 1})
    cast(resident, pot, {str(ideas[0].pk): 1, str(ideas[1].pk): 1})


@pytest.mark.django_db
def test_residents_of_the_area_only(voting, resident, calderdale):
    process, _pot, _ideas = voting
    ward = ward_of(POSTCODE)
    ward_pot = process.pots.get(area=ward)
    idea = ward_pot.ideas.create(
        process=process, title="Ward idea", description="d", status="feasible", cost=100
    )
    elsewhere = other_ward_postcode(calderdale, ward)
    with pytest.raises(services.BudgetsError) as refused:
        cast(resident, ward_pot, {str(idea.pk): 1}, postcode=elsewhere)
    assert "postcode" in refused.value.errors
    with pytest.raises(services.BudgetsError):
        cast(resident, ward_pot, {str(idea.pk): 1}, postcode="ZZ9 9ZZ")
    cast(resident, ward_pot, {str(idea.pk): 1})


@pytest.mark.django_db
def test_age_by_date_of_birth_and_access_code(officer, calderdale, resident):
    process = make_process(officer, calderdale, age_check="dob", min_age=16, access_code="PB-2026")
    pot, ideas = add_ideas(process, resident, officer)
    to(process, phases.VOTING, officer)
    assert "PB-2026" not in process.access_code_hash
    choice = {str(ideas[0].pk): 1}
    today = timezone.localdate()
    too_young = date(today.year - 15, 1, 1)
    with pytest.raises(services.BudgetsError) as refused:
        cast(resident, pot, choice, date_of_birth=too_young, access_code="PB-2026")
    assert set(refused.value.errors) == {"date_of_birth"}
    with pytest.raises(services.BudgetsError) as refused:
        cast(resident, pot, choice, date_of_birth=date(1980, 5, 1), access_code="wrong")
    assert set(refused.value.errors) == {"access_code"}
    cast(resident, pot, choice, date_of_birth=date(1980, 5, 1), access_code="pb-2026".upper())


@pytest.mark.django_db
def test_a_declaration_is_needed_when_age_is_declared(voting, resident):
    _process, pot, ideas = voting
    with pytest.raises(services.BudgetsError) as refused:
        cast(resident, pot, {str(ideas[0].pk): 1}, age_declared=False)
    assert "age_declared" in refused.value.errors
