"""`commonweal budgets count FILE.pb --rule PRESET [--explain]`."""

import json

import pytest
from django.core.management import CommandError, call_command

from commonweal.cli import _resolve

ELECTION = """META
key;value
num_projects;2
num_votes;3
budget;6
vote_type;approval
rule;equalshares/add1
PROJECTS
project_id;cost;votes;selected
x;6;3;1
y;3;1;0
VOTES
voter_id;vote
1;x
2;x
3;x,y
"""


def run(*args) -> dict:
    from io import StringIO

    out = StringIO()
    call_command("budgets_count", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def pb_file(tmp_path):
    path = tmp_path / "tiny.pb"
    path.write_text(ELECTION, encoding="utf-8")
    return path


def test_the_cli_maps_budgets_count_to_the_command():
    assert _resolve(["budgets", "count", "f.pb"]) == ["budgets_count", "f.pb"]


def test_prints_selection_cost_and_configuration(pb_file):
    out = run(str(pb_file), "--rule", "pabutools-mes")
    assert out["selected"] == ["x"]
    assert out["total_cost"] == "6"
    assert out["rule"]["preset"] == "pabutools-mes"
    assert out["rule"]["utility"] == "cost" and out["rule"]["ties"] == ["id"]
    assert "explanation" not in out


def test_explain_says_why(pb_file):
    out = run(str(pb_file), "--rule", "official", "--explain")
    assert out["rule"]["preset"] == "pabulib-equalshares-add1"
    assert out["explanation"]["x"]["funded"] is True
    assert out["explanation"]["x"]["effective_support"] == "3"
    assert out["explanation"]["y"]["reason"].startswith("not affordable")


def test_greedy_explain(pb_file):
    out = run(str(pb_file), "--rule", "pabutools-greedy", "--explain")
    assert out["selected"] == ["x"]
    assert out["explanation"]["y"] == {"funded": False, "reason": "cost 3 exceeds the 0 left"}


def test_malformed_file_names_the_line_and_reason(tmp_path):
    path = tmp_path / "bad.pb"
    path.write_text(ELECTION.replace("3;x,y", "3;x,z"), encoding="utf-8")
    with pytest.raises(CommandError, match=r"line 16: vote for unknown project 'z'"):
        run(str(path), "--rule", "pabutools-mes")


def test_unknown_preset_lists_the_known_ones(pb_file):
    with pytest.raises(CommandError, match=r"unknown rule 'borda'; known rules: .*pabutools-mes"):
        run(str(pb_file), "--rule", "borda")


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(str(tmp_path / "nowhere.pb"), "--rule", "pabutools-mes")


def test_explain_sequential_phragmen(pb_file):
    # x (load 6/3 = 2) is bought first; y (load (2 + 3)/1 = 5) does not fit in the 0 left
    out = run(str(pb_file), "--rule", "pabutools-phragmen", "--explain")
    assert out["selected"] == ["x"]
    assert out["rule"]["rule"] == "sequential-phragmen"
    assert out["explanation"]["x"]["load"] == "2"
    assert "stops here" in out["explanation"]["y"]["reason"]


def test_explain_max_welfare(pb_file):
    out = run(str(pb_file), "--rule", "max-welfare", "--explain")
    assert out["selected"] == ["x"]
    assert out["rule"]["welfare"] == "18"
    assert out["explanation"]["y"]["funded"] is False


def test_a_rule_that_cannot_count_the_ballots_is_refused(tmp_path):
    path = tmp_path / "points.pb"
    path.write_text(
        ELECTION.replace("vote_type;approval", "vote_type;cumulative")
        .replace("voter_id;vote", "voter_id;vote;points")
        .replace("1;x\n", "1;x;1\n")
        .replace("2;x\n", "2;x;1\n")
        .replace("3;x,y\n", "3;x,y;1,1\n"),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="approval ballots only"):
        run(str(path), "--rule", "pabutools-phragmen")
