"""The Pabulib reader and writer: every real file round-trips; malformed files are refused
with the line and the reason."""

import hashlib
from decimal import Decimal

import pytest

from commonweal.budgets.counting import PabulibError, dumps, loads, read
from commonweal.budgets.tests.conftest import each_file, sources

HEADER = """META
key;value
description;Test
num_projects;{projects}
num_votes;{votes}
budget;{budget}
vote_type;{vote_type}
rule;greedy
PROJECTS
project_id;cost;votes;name;selected
"""


def election(projects, votes, *, vote_type="approval", budget="10", vote_header="voter_id;vote"):
    text = HEADER.format(
        projects=len(projects), votes=len(votes), budget=budget, vote_type=vote_type
    )
    return text + "\n".join(projects) + "\nVOTES\n" + vote_header + "\n" + "\n".join(votes) + "\n"


@pytest.mark.parametrize("name", each_file())
def test_every_real_file_round_trips(pabulib_dir, name):
    path = pabulib_dir / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sources()[name]["sha256"]
    first = read(path)
    assert len(first.projects) == int(first.meta["num_projects"])
    assert len(first.ballots) == int(first.meta["num_votes"])
    again = loads(dumps(first))
    assert again == first
    assert [b.fields for b in again.ballots] == [b.fields for b in first.ballots]
    assert [p.fields for p in again.projects.values()] == [
        p.fields for p in first.projects.values()
    ]


def test_bom_quotes_trailing_commas_and_semicolons():
    text = "\ufeff" + election(
        ['1;5;2;"Park; phase ""two""";1', "2;2.50;1;Bench;0"], ["a;1,2,", 'b;"1"']
    )
    parsed = loads(text)
    assert parsed.projects["1"].fields["name"] == 'Park; phase "two"'
    assert parsed.projects["2"].cost == Decimal("2.50")
    assert [b.projects for b in parsed.ballots] == [("1", "2"), ("1",)]
    assert loads(dumps(parsed)) == parsed
    assert parsed.selected_in_file() == ["1"]


def test_every_vote_type():
    projects = ["1;5;2;A;0", "2;3;1;B;0"]
    cumulative = loads(
        election(
            projects, ["a;1,2;3,1"], vote_type="cumulative", vote_header="voter_id;vote;points"
        )
    )
    assert cumulative.ballots[0].points == (Decimal(3), Decimal(1))
    assert cumulative.points() == {"1": 3, "2": 1}
    scoring = loads(
        election(
            projects, ["a;2,1;-1,0.5"], vote_type="scoring", vote_header="voter_id;vote;points"
        )
    )
    assert scoring.ballots[0].points == (Decimal(-1), Decimal("0.5"))
    ordinal = loads(election(projects, ["a;2,1", "b;1"], vote_type="ordinal"))
    assert ordinal.ballots[0].projects == ("2", "1")
    assert ordinal.points() == {"1": 0, "2": 1}  # Borda len - position - 1
    choose = loads(election(projects, ["a;2", "b;1"], vote_type="choose-1"))
    assert choose.approvals() == {"1": 1, "2": 1}


def test_withdrawn_sentinel():
    parsed = loads(election(["1;999999999;0;Gone;0", "2;3;1;B;1"], ["a;2"]))
    assert parsed.projects["1"].withdrawn and not parsed.projects["2"].withdrawn


GOOD = ["1;5;2;A;0", "2;3;1;B;0"]

MALFORMED = [
    ("PROJECTS\nproject_id;cost\n", 1, "PROJECTS section before the META section"),
    (election(GOOD, ["a;1"]).replace("budget;10", "budget;ten"), 6, "budget 'ten' is not a number"),
    (election(GOOD, ["a;1"]).replace("budget;10\n", ""), 8, "META has no 'budget'"),
    (election(GOOD, ["a;1"], vote_type="plurality"), 7, "unknown vote_type 'plurality'"),
    (
        election(GOOD, ["a;1"]).replace("description;Test", "description;Test\nunit;x\nunit;y"),
        5,
        "META key 'unit' repeated (first on line 4)",
    ),
    (election(["1;5;2;A;0", "1;3;1;B;0"], ["a;1"]), 12, "project '1' listed twice"),
    (election(["1;5;2;A;0", "2;-3;1;B;0"], ["a;1"]), 12, "project '2' has a negative cost"),
    (election(["1;5;2;A;0", "2;3,5x;1;B;0"], ["a;1"]), 12, "cost '3,5x' is not a number"),
    (election(["1;5;2;A;0;extra", "2;3;1;B;0"], ["a;1"]), 11, "6 fields but the header has 5"),
    (election(GOOD, ["a;1", "b;7"]), 16, "vote for unknown project '7'"),
    (election(GOOD, ["a;1", "a;2"]), 16, "voter 'a' voted twice"),
    (election(GOOD, ["a;1,1"]), 15, "a project appears twice in one vote"),
    (election(GOOD, ["a;1,2"], vote_type="choose-1"), 15, "a choose-1 vote lists 2 projects"),
    (
        election(GOOD, ["a;1,2;3"], vote_type="cumulative", vote_header="voter_id;vote;points"),
        15,
        "2 projects but 1 points",
    ),
    (election(GOOD, ["a;1"], vote_type="cumulative"), 15, "a cumulative vote without points"),
    (
        election(GOOD, ["a;1;-2"], vote_type="cumulative", vote_header="voter_id;vote;points"),
        15,
        "negative points in a cumulative vote",
    ),
    (
        election(GOOD, ["a;1"]).replace("num_votes;1", "num_votes;2"),
        5,
        "num_votes is 2 but the file has 1",
    ),
    (
        election(GOOD, ["a;1"]).replace("voter_id;vote", "voter_id;choice"),
        14,
        "the VOTES header has no 'vote' column",
    ),
    (election(GOOD, ["a;1"]).split("VOTES")[0], 0, "no VOTES section"),
    (
        election(GOOD, ["a;1"]).replace("META\n", "META\nkey;value\nMETA\n", 1),
        3,
        "a second META section",
    ),
    (election(GOOD, [";1"]), 15, "a vote without a voter_id"),
]


@pytest.mark.parametrize(("text", "line", "reason"), MALFORMED)
def test_malformed_files_are_refused_with_line_and_reason(text, line, reason):
    with pytest.raises(PabulibError) as caught:
        loads(text)
    assert caught.value.line == line, str(caught.value)
    assert caught.value.reason.startswith(reason), str(caught.value)


def test_a_line_number_counts_quoted_newlines():
    text = election(['1;5;2;"A\nlong name";0', "2;3;1;B;0"], ["a;9"])
    with pytest.raises(PabulibError) as caught:
        loads(text)
    assert caught.value.line == 16
