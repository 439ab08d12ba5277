"""On every one of the 40 real files, every preset that mirrors a pabutools rule gives the
outcome pabutools 1.2.3 gave, as recorded by `pabutools_reference.py` (pabutools takes
minutes to hours on the larger files, so it is run once, not in every test run; the smaller
files are also compared live in test_differential.py and test_counting_phragmen_welfare.py).

Maximum welfare has many optimal sets when projects tie, and pabutools breaks those ties by
its own set order (Python's hash order of the project objects), so there the test checks
that our set is feasible and reaches exactly the welfare of pabutools' set; every other rule
must select exactly the same projects.

A case pabutools did not finish within the recording's CPU-time limit is skipped with that
limit in the reason, so the test run's summary lists every case that is not compared. Where
its whole Add1 is impractical (Budapest 2024: 22,001 increments), pabutools' verdict one share
at a time is recorded instead and checked against our engine at each of those shares.
"""

import json
from decimal import Decimal
from functools import lru_cache

import pytest

from commonweal.budgets.counting import count
from commonweal.budgets.counting.mes import Equalshares
from commonweal.budgets.counting.result import NotApplicable
from commonweal.budgets.counting.ties import TieBreaker
from commonweal.budgets.tests.conftest import election as real_election
from commonweal.budgets.tests.conftest import pabulib_names
from commonweal.budgets.tests.pabutools_reference import PABUTOOLS, RECORD, RULES, key

WELFARE = {"pabutools-max-welfare": "cost", "pabutools-max-welfare-cardinality": "approval"}


@lru_cache(maxsize=1)
def recorded() -> dict:
    return json.loads(RECORD.read_text(encoding="utf-8"))


def cases():
    names = pabulib_names()
    if not names:
        return [pytest.param("", "", marks=pytest.mark.skip(reason="no Pabulib files"))]
    # file by file, so each file is read once (the reader's cache holds a few)
    return [pytest.param(name, preset, id=f"{name}-{preset}") for name in names for preset in RULES]


def welfare(election, selected, utility: str) -> Decimal:
    votes = election.approvals()
    return sum(
        (votes[p] * (election.projects[p].cost if utility == "cost" else 1) for p in selected),
        Decimal(0),
    )


def test_the_record_covers_every_file_and_rule(pabulib_dir):
    record = recorded()
    assert record["pabutools"] == PABUTOOLS
    missing = [
        key(n, p) for n in pabulib_names() for p in RULES if key(n, p) not in record["cases"]
    ]
    assert not missing, f"not recorded: {missing[:5]} (run pabutools_reference.py)"
    # every case pabutools could not finish is an Add1 checked share by share instead
    samples = record.get("add1_samples", {})
    unchecked = [
        k
        for k, case in record["cases"].items()
        if case.get("finished") is False
        and not (k.endswith(" pabutools-mes-add1") and k.split(" ")[0] in samples)
    ]
    assert not unchecked, f"neither finished nor checked share by share: {unchecked}"


@pytest.mark.parametrize(("name", "preset"), cases())
def test_matches_pabutools_record(pabulib_dir, name, preset):
    case = recorded()["cases"].get(key(name, preset))
    if case is None:
        pytest.fail(f"{key(name, preset)} is not recorded (run pabutools_reference.py)")
    if case.get("finished") is False and name in recorded().get("add1_samples", {}):
        pytest.skip(
            f"pabutools {PABUTOOLS} did not finish {preset} on {name} within "
            f"{case['limit_cpu_seconds']} s of CPU time: checked share by share instead "
            "(test_add1_share_by_share_where_pabutools_add1_is_impractical)"
        )
    if case.get("finished") is False:
        pytest.skip(
            f"pabutools {PABUTOOLS} did not finish {preset} on {name} within "
            f"{case['limit_cpu_seconds']} s of CPU time ({case.get('stopped_by', 'time')})"
        )
    election = real_election(name)
    if case.get("applies") is False:
        with pytest.raises(NotApplicable):
            count(election, preset)
        return
    mine = count(election, preset)
    if preset in WELFARE:
        assert mine.total_cost <= election.budget
        utility = WELFARE[preset]
        assert welfare(election, mine.selected, utility) == welfare(
            election, case["selected"], utility
        )
        return
    assert sorted(mine.selected) == case["selected"]


def sampled():
    found = recorded().get("add1_samples", {}) if RECORD.is_file() else {}
    return sorted(found) or [pytest.param("", marks=pytest.mark.skip(reason="none recorded"))]


@pytest.mark.parametrize("name", sampled())
def test_add1_share_by_share_where_pabutools_add1_is_impractical(pabulib_dir, name):
    """pabutools' verdict at sampled shares (see `add1_samples`): the same outcome as our
    engine's at each, within the budget and not exhaustive before our stopping share (so it
    would go on), and at that share within the budget and exhaustive or followed by an
    outcome over the budget (so it would stop there too)."""
    case = recorded()["add1_samples"][name]
    election = real_election(name)
    engine = Equalshares(election, "cost", TieBreaker(election, ("id",)))
    start = engine.start_share(election.budget, integral=False)
    assert str(start) == case["start_share"]
    steps, shares = case["steps"], case["shares"]
    for step, verdict in shares.items():
        step = int(step)
        if step <= steps:
            assert sorted(engine.outcome(start + step).selected) == verdict["selected"], step
        if step < steps:
            assert verdict["feasible"] and not verdict["exhaustive"], step
    last, after = shares[str(steps)], shares[str(steps + 1)]
    assert last["feasible"]
    assert last["exhaustive"] or not after["feasible"]
