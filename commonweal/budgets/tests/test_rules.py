"""Greedy and equal shares on small hand-made elections whose outcomes are worked out here."""

from decimal import Decimal

import pytest

from commonweal.budgets.counting import GreedyConfig, MESConfig, equal_shares, greedy, loads
from commonweal.budgets.counting.presets import PRESETS, UnknownPreset, count
from commonweal.budgets.counting.ties import TieBreaker


def make(costs: dict, ballots: list, budget="10", vote_type="approval", meta=""):
    lines = [
        "META",
        "key;value",
        f"num_projects;{len(costs)}",
        f"num_votes;{len(ballots)}",
        f"budget;{budget}",
        f"vote_type;{vote_type}",
        "rule;greedy",
        *([meta] if meta else []),
        "PROJECTS",
        "project_id;cost;votes",
    ]
    votes = {p: sum(p in b for b in ballots) for p in costs}
    lines += [f"{p};{c};{votes[p]}" for p, c in costs.items()]
    lines += ["VOTES", "voter_id;vote"]
    lines += [f"v{i};{','.join(b)}" for i, b in enumerate(ballots)]
    return loads("\n".join(lines) + "\n")


def test_ties_end_with_the_id_string_order():
    # pb.md §1.6: three tied unit-cost projects named 1, 2 and 10; everyone approves all
    election = make({"1": 1, "2": 1, "10": 1}, [["1", "2", "10"]] * 3, budget="1")
    assert TieBreaker(election, ["min-cost"]).chain == ("min-cost", "id")
    assert TieBreaker(election, ["id"]).order(["2", "10", "1"]) == ["1", "10", "2"]
    assert greedy(election, GreedyConfig()).selected == ["1"]
    assert equal_shares(election, MESConfig()).selected == ["1"]
    with pytest.raises(ValueError, match="unknown tie-breaking key"):
        TieBreaker(election, ["coin"])


def test_greedy_skip_no_skip_and_threshold():
    election = make(
        {"a": 6, "b": 5, "c": 3},
        [["a", "b", "c"], ["a", "b"], ["a"], ["c"]],
        meta="min_project_score_threshold;3",
    )
    assert greedy(election, GreedyConfig()).selected == ["a", "c"]
    assert greedy(election, GreedyConfig(skip=False)).selected == ["a"]
    assert greedy(election, GreedyConfig(threshold=True)).selected == ["a"]
    explained = greedy(election, GreedyConfig(skip=False), explain=True).explanation
    assert explained["b"]["reason"] == "cost 5 exceeds the 4 left"
    assert "stopped" in explained["c"]["reason"]


def test_pabutools_small_checks_of_pb_md():
    # pb.md §1.8: a (cost 0), b (5), z (1, unsupported), budget 10, ballots {a,b},{b}
    election = make({"a": 0, "b": 5, "z": 1}, [["a", "b"], ["b"]])
    assert count(election, "pabutools-greedy").selected == ["b", "a", "z"]
    assert count(election, "pabutools-mes").selected == ["b"]
    assert count(election, "pabutools-mes-cardinality").selected == ["a", "b"]


def test_equal_shares_splits_the_cost_among_supporters():
    # budget 6, 3 voters with 2 each; x (cost 6) is backed by all, y (cost 3) by one voter
    election = make({"x": 6, "y": 3}, [["x"], ["x"], ["x", "y"]], budget="6")
    assert equal_shares(election, MESConfig()).selected == ["x"]
    result = equal_shares(election, MESConfig(), explain=True)
    assert result.explanation["x"]["affordability"] == "1/3"  # each pays 2 of 6: 1/3 of cost
    assert result.explanation["y"]["funded"] is False
    assert result.explanation["y"]["reason"].startswith("not affordable")


def test_exact_ties_are_detected_where_floats_would_differ():
    # 1/10 + 2/10 != 3/10 in floats: both projects cost exactly a third of the budget each
    # voter pair holds, so they tie exactly and the chain decides (min-cost, then id)
    election = make({"p": "0.3", "q": "0.3"}, [["p"], ["p"], ["q"], ["q"]], budget="0.6")
    run = equal_shares(election, MESConfig(ties=("min-cost",)), explain=True)
    assert run.selected == ["p", "q"]
    assert run.total_cost == Decimal("0.6")


def test_add1_buys_more_until_the_budget_would_be_exceeded():
    # 4 voters, budget 8: a (cost 5) backed by two voters who hold 4 between them
    election = make({"a": 5, "b": 2}, [["a"], ["a"], ["b"], ["b"]], budget="8")
    assert equal_shares(election, MESConfig()).selected == ["b"]
    result = equal_shares(election, MESConfig(completion="add1"))
    assert sorted(result.selected) == ["a", "b"]
    assert result.config["share_per_voter"] == "3"
    assert result.total_cost == 7


def test_utilitarian_completion_fills_by_votes():
    election = make({"a": 5, "b": 4}, [["a"], ["a"], ["b"]], budget="9")
    assert equal_shares(election, MESConfig()).selected == ["a"]
    assert equal_shares(election, MESConfig(completion="utilitarian")).selected == ["a", "b"]


def test_unknown_preset_lists_the_known_ones():
    election = make({"a": 1}, [["a"]])
    with pytest.raises(UnknownPreset) as caught:
        count(election, "borda")
    assert "pabutools-mes-add1" in str(caught.value) and "official" in str(caught.value)
    assert set(PRESETS) >= {"pabutools-greedy", "pabutools-mes", "pabutools-mes-add1"}


def test_configuration_is_complete_in_the_result():
    election = make({"a": 1}, [["a"]])
    config = count(election, "pabutools-mes-add1").config
    assert config["preset"] == "pabutools-mes-add1"
    for key in (
        "utility",
        "completion",
        "increment",
        "integral_start",
        "exhaustive_stop",
        "exhaustive_domain",
        "ties",
        "share_per_voter",
    ):
        assert key in config


def test_withdrawn_projects_are_never_funded():
    election = make({"w": 999999999, "a": 5}, [["w", "a"], ["w"]], budget="2000000000")
    assert greedy(election, GreedyConfig()).selected == ["a"]
    explained = greedy(election, GreedyConfig(), explain=True).explanation
    assert explained["w"] == {"funded": False, "reason": "withdrawn (cost 999 999 999)"}
    assert "w" not in equal_shares(election, MESConfig(completion="utilitarian")).selected
    # pabutools knows no sentinel: its presets keep the project, as pabutools would
    assert "w" in count(election, "pabutools-greedy").selected
