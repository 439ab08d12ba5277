"""Budapest VIII 2023 with Add1, checked by pabutools 1.2.3 share by share.

pabutools' Add1 (`voter_budget_increment=1`) runs equal shares from B/n, B/n + 1, B/n + 2, …
and stops at the first outcome that is exhaustive (returning it) or over the budget
(returning the one before). On this file that is about 75,000 runs, hours for pabutools, so
its Add1 cannot be compared whole. But each of those runs is pabutools' own
`method_of_equal_shares_scheme` from one share, which takes it a fraction of a second; so
pabutools checks:

- the share our Add1 stops at: its outcome there is ours, within the budget, and either
  exhaustive or followed by an outcome over the budget (so pabutools would stop there too);
- a spread of the shares before it: the same outcome as our engine's at that share, within
  the budget and not exhaustive (so pabutools would go on).

The number of steps (74,755) is pinned by the slow whole-count test in
test_counting_certified.py; the shares between the sampled ones are not checked here.
"""

from fractions import Fraction

import pytest

from commonweal.budgets.counting.mes import Equalshares
from commonweal.budgets.counting.ties import TieBreaker
from commonweal.budgets.tests.conftest import PABULIB
from commonweal.budgets.tests.conftest import election as real_election

pabutools = pytest.importorskip("pabutools", reason="pabutools 1.2.3 is a dev dependency")
from pabutools.election import Cost_Sat, parse_pabulib  # noqa: E402
from pabutools.fractions import frac  # noqa: E402
from pabutools.rules.budgetallocation import BudgetAllocation  # noqa: E402
from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme  # noqa: E402
from pabutools.tiebreaking import lexico_tie_breaking  # noqa: E402

NAME = "Hungary_Budapest_2023_VIII_Jozsefvaros.pb"
STEPS = 74_755  # Add1's increments before it stops (test_counting_certified.py)
SAMPLED = 200


@pytest.fixture(scope="module")
def both(pabulib_dir):
    instance, profile = parse_pabulib(str(PABULIB / NAME))
    sat_profile = profile.as_sat_profile(sat_class=Cost_Sat)
    election = real_election(NAME)
    engine = Equalshares(election, "cost", TieBreaker(election, ("id",)))
    return instance, profile, sat_profile, election, engine


def pabutools_at(both, share: Fraction):
    instance, profile, sat_profile, *_ = both
    outcome = method_of_equal_shares_scheme(
        instance,
        profile,
        sat_profile,
        frac(share.numerator, share.denominator),  # pabutools' own number type
        BudgetAllocation(),
        lexico_tie_breaking,
        binary_sat=True,
    )
    return outcome, sorted(str(p.name) for p in outcome)


def supported(instance, profile) -> list:
    return [p for p in instance if any(p in ballot for ballot in profile)]


def test_pabutools_stops_where_we_stop(both):
    instance, profile, _, election, engine = both
    start = engine.start_share(election.budget, integral=False)
    last = start + STEPS
    ours = engine.outcome(last)
    outcome, names = pabutools_at(both, last)
    assert names == sorted(ours.selected)
    assert instance.is_feasible(outcome)
    after, _ = pabutools_at(both, last + 1)
    projects = supported(instance, profile)
    assert instance.is_exhaustive(outcome, available_projects=projects) or not (
        instance.is_feasible(after)
    )


@pytest.mark.parametrize("step", sorted({0, 1, 2, 3, *range(0, STEPS, STEPS // SAMPLED)}))
def test_pabutools_goes_on_where_we_go_on(both, step):
    instance, profile, _, election, engine = both
    share = engine.start_share(election.budget, integral=False) + step
    outcome, names = pabutools_at(both, share)
    assert names == sorted(engine.outcome(share).selected)
    assert instance.is_feasible(outcome)
    assert not instance.is_exhaustive(outcome, available_projects=supported(instance, profile))
