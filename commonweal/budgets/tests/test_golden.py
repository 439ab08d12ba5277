"""The official outcomes recorded in the real files (their `selected` column) are reproduced by
the preset for the file's rule (`official`): the three equal-shares elections of pb.md §4.4
and the greedy-family files.

Not covered: Poznań 2026 (`greedy-custom`, the city's 80 % rule) and the three Hungarian files,
whose rule is `unknown`."""

import pytest

from commonweal.budgets.counting import MESConfig, count, equal_shares
from commonweal.budgets.counting.presets import PRESETS, resolve
from commonweal.budgets.tests.conftest import election as real_election

GREEDY = [
    "Poland_Czestochowa_2025_Polnoc.pb",
    "Poland_Gdynia_2021_Orlowo__small.pb",
    "Poland_Katowice_2022_Osiedle_Tysiaclecia.pb",
    "Poland_Katowice_2023_Zawodzie.pb",
    "Poland_Krakow_2019_Podgorze.pb",
    "Poland_Krakow_2021_Stare_Miasto.pb",
    "Poland_Krakow_2024.pb",
    "Poland_Lodz_2022.pb",
    "Poland_Lodz_2023_Chojny-Dabrowa.pb",
    "Poland_Warszawa_2018_Pole_Mokotowskie.pb",
    "Poland_Warszawa_2020_Praga-Poludnie.pb",
    "Poland_Warszawa_2020_Wawer.pb",
    "Poland_Warszawa_2024_Bielany.pb",
    "Poland_Warszawa_2026.pb",
    "Poland_Wroclaw_2015_150_-_500.pb",
]
EQUAL_SHARES = {
    "Netherlands_Assen_2024.pb": ("official-assen-2024", 76700),
    "Poland_Swiecie_2023.pb": ("official-swiecie-2023", 1040337),
    "Poland_Wieliczka_2023_Green_Budget.pb": ("official-wieliczka-2023", 995079),
}


@pytest.mark.parametrize("name", GREEDY)
def test_greedy_official_outcomes(pabulib_dir, name):
    election = real_election(name)
    assert election.meta["rule"].startswith("greedy")
    assert set(count(election, "official").selected) == set(election.selected_in_file())


@pytest.mark.parametrize("name", sorted(EQUAL_SHARES))
def test_equal_shares_official_outcomes(pabulib_dir, name):
    preset, spent = EQUAL_SHARES[name]
    election = real_election(name)
    result = count(election, preset)
    assert set(result.selected) == set(election.selected_in_file())
    assert result.total_cost == spent
    assert PRESETS[resolve(election, "official")] is PRESETS[preset]


def test_wieliczka_needs_add1_without_the_exhaustive_stop(pabulib_dir):
    """pb.md §4.4: the equalshares.net default (exhaustive stop) gives a different outcome."""
    election = real_election("Poland_Wieliczka_2023_Green_Budget.pb")
    result = count(election, "official-wieliczka-2023", explain=True)
    assert result.config["share_per_voter"] == "315"
    assert result.explanation["_comparison"] == {"prefer_equal_shares": 1615, "prefer_greedy": 873}
    assert set(count(election, "pabutools-mes-add1").selected) != set(result.selected)


def test_the_equalshares_net_defaults_disagree_as_pb_md_records(pabulib_dir):
    """pb.md §4.4: Add1U adds project 7 in Assen; Add1 with the exhaustive stop over all
    projects stops Wieliczka at a share of 302, swapping project 46 for 66 and 67."""
    assen = real_election("Netherlands_Assen_2024.pb")
    result = count(assen, "equalshares-net")
    assert set(result.selected) == set(assen.selected_in_file()) | {"7"}
    assert result.total_cost == 88700
    wieliczka = real_election("Poland_Wieliczka_2023_Green_Budget.pb")
    config = MESConfig(
        completion="add1",
        integral_start=True,
        exhaustive_stop=True,
        exhaustive_domain="all",
        ties=("min-cost", "max-votes"),
    )
    stopped = equal_shares(wieliczka, config)
    official = set(wieliczka.selected_in_file())
    assert stopped.config["share_per_voter"] == "302"
    assert stopped.total_cost == 984579
    assert (official - set(stopped.selected), set(stopped.selected) - official) == (
        {"46"},
        {"66", "67"},
    )
