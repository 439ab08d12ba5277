"""Every preset that mirrors a pabutools rule gives exactly pabutools 1.2.3's outcome.

pabutools is a test-only dependency. Files and rules covered:

- greedy (`Cost_Sat`, `Cardinality_Sat`) and MES without completion (`Cost_Sat`,
  `Cardinality_Sat`): every real file up to 60 KB (23 files);
- MES with Add1 (`Cost_Sat`, `voter_budget_increment=1`): the 17 files on which pabutools
  finishes within about 2 s (`ADD1_FILES`).

Skipped to keep the suite fast: the plain rules on files over 60 KB (pabutools takes 1 to
50 s each), and Add1 on Katowice 2022 and 2023, Częstochowa 2025, Kraków 2019, Świecie 2023
and Wieliczka 2023 (pabutools 6 to 19 s each). A one-off comparison on this machine matched
pabutools on every (file, rule) pabutools finished within 20 s, including those; Add1 on
Veszprém 2025, Budapest VIII 2023 (about 84 000 steps), Vallejo 2019, Kraków 2021, Toulouse
2022, the Warsaw districts and the larger files took pabutools longer and was not compared.

Plus randomised small approval elections (hypothesis), written with our writer and read
with pabutools' reader, for greedy and MES with and without Add1. Every file, every preset:
against pabutools' recorded outcomes in test_recorded_pabutools_outcomes.py.
"""

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commonweal.budgets.counting import count, dumps, loads
from commonweal.budgets.tests.conftest import PABULIB, pabulib_names
from commonweal.budgets.tests.conftest import election as real_election

pabutools = pytest.importorskip("pabutools", reason="pabutools 1.2.3 is a dev dependency")
from pabutools.election import Cardinality_Sat, Cost_Sat, parse_pabulib  # noqa: E402
from pabutools.election.pabulib import parse_pabulib_from_string  # noqa: E402
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares  # noqa: E402

REFERENCE = {
    "pabutools-greedy": lambda i, p: greedy_utilitarian_welfare(i, p, sat_class=Cost_Sat),
    "pabutools-greedy-cardinality": lambda i, p: greedy_utilitarian_welfare(
        i, p, sat_class=Cardinality_Sat
    ),
    "pabutools-mes": lambda i, p: method_of_equal_shares(i, p, sat_class=Cost_Sat),
    "pabutools-mes-cardinality": lambda i, p: method_of_equal_shares(
        i, p, sat_class=Cardinality_Sat
    ),
    "pabutools-mes-add1": lambda i, p: method_of_equal_shares(
        i, p, sat_class=Cost_Sat, voter_budget_increment=1
    ),
}
PLAIN = [name for name in REFERENCE if name != "pabutools-mes-add1"]
ADD1_FILES = [
    "France_Toulouse_2022_17_-_Mirail-Universite_Reynerie_Bellefontaine.pb",
    "Netherlands_Amsterdam_643.pb",
    "Netherlands_Amsterdam_647.pb",
    "Netherlands_Assen_2024.pb",
    "Poland_Czestochowa_2020_Grabowka.pb",
    "Poland_Gdansk_2020_Rudniki.pb",
    "Poland_Gdynia_2021_Orlowo__small.pb",
    "Poland_Warszawa_2018_Pole_Mokotowskie.pb",
    "Poland_Zabrze_2020_Osiedle_Mlodego_Gornika.pb",
    "Switzerland_Zurich_D5.pb",
    "Switzerland_Zurich_S5.pb",
    "Switzerland_Zurich_S5R.pb",
    "US_Stanford_Dataset_2022_Jersey_City_Ward_B_vote_knapsacks.pb",
    "US_Stanford_Dataset_PB_Chicago_35th_Ward_2019_vote_approvals.pb",
    "US_Stanford_Dataset_PB_Chicago_39th_Ward_2020_vote_rankings.pb",
    "US_Stanford_Dataset_Programing_for_July_2024_-_Participatory_Budget_El_Nido_vote_rankings.pb",
    "Worldwide_Mechanical_Turk_Knapsack_3.pb",
]
SMALL = 60_000


def small_files() -> list[str]:
    names = [n for n in pabulib_names() if (PABULIB / n).stat().st_size <= SMALL]
    if not names:
        return [pytest.param("", marks=pytest.mark.skip(reason=f"no Pabulib files at {PABULIB}"))]
    return names


@lru_cache(maxsize=4)
def both(name: str):
    return real_election(name), parse_pabulib(str(PABULIB / name))


def reference(preset, instance, profile) -> list[str]:
    return sorted(str(project.name) for project in REFERENCE[preset](instance, profile))


@pytest.mark.parametrize("preset", PLAIN)
@pytest.mark.parametrize("name", small_files())
def test_plain_rules_match_pabutools(pabulib_dir, name, preset):
    election, (instance, profile) = both(name)
    assert sorted(count(election, preset).selected) == reference(preset, instance, profile)


@pytest.mark.parametrize("name", ADD1_FILES)
def test_add1_matches_pabutools(pabulib_dir, name):
    election, (instance, profile) = both(name)
    mine = count(election, "pabutools-mes-add1")
    assert sorted(mine.selected) == reference("pabutools-mes-add1", instance, profile)


@st.composite
def elections(draw):
    projects = draw(st.integers(1, 6))
    costs = [
        draw(st.one_of(st.integers(0, 12).map(str), st.sampled_from(["0.5", "2.25", "7.5"])))
        for _ in range(projects)
    ]
    ids = draw(st.permutations(["1", "2", "10", "11", "a", "b"]))[:projects]
    voters = draw(st.integers(1, 7))
    ballots = [
        draw(st.lists(st.sampled_from(ids), unique=True, max_size=projects)) for _ in range(voters)
    ]
    budget = draw(st.integers(1, 30))
    lines = ["META", "key;value", f"num_projects;{projects}", f"num_votes;{voters}"]
    lines += [f"budget;{budget}", "vote_type;approval", "rule;unknown", "description;random"]
    lines += ["country;Worldwide", "unit;test", "instance;1", "date_begin;2024", "date_end;2024"]
    lines += ["PROJECTS", "project_id;cost"] + [f"{i};{c}" for i, c in zip(ids, costs, strict=True)]
    lines += ["VOTES", "voter_id;vote"] + [f"v{k};{','.join(b)}" for k, b in enumerate(ballots)]
    return loads("\n".join(lines) + "\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(elections(), st.sampled_from(sorted(REFERENCE)))
def test_random_small_elections_match_pabutools(election, preset):
    instance, profile = parse_pabulib_from_string(dumps(election))
    assert sorted(count(election, preset).selected) == reference(preset, instance, profile)
