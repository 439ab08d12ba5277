"""The election as the counting engine sees it: projects, ballots and the budget.

Costs, budgets and points are exact `Decimal`s as written in the file; the rules turn them
into `fractions.Fraction`s, never floats.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

#: Pabulib's cost for a withdrawn project (pb.md §2.3, the checker's SENTINEL_PROJECT_COST).
WITHDRAWN_COST = Decimal(999_999_999)

VOTE_TYPES = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
POINTS_TYPES = ("cumulative", "scoring")


@dataclass(frozen=True)
class Project:
    id: str
    cost: Decimal
    #: every column of the PROJECTS row as written (including project_id and cost)
    fields: dict = field(default_factory=dict, compare=True, hash=False)

    @property
    def withdrawn(self) -> bool:
        return self.cost == WITHDRAWN_COST


@dataclass(frozen=True, slots=True)  # slots: a city's election has 100,000 ballots or more
class Ballot:
    voter_id: str
    #: project ids in file order (for ordinal ballots, most preferred first)
    projects: tuple[str, ...]
    #: points parallel to `projects` (cumulative, scoring; kept for ordinal files), or None
    points: tuple[Decimal, ...] | None = None
    #: the other columns of the VOTES row (age, sex, voting_method, …) as written
    fields: dict = field(default_factory=dict, compare=True, hash=False)


@dataclass
class Election:
    meta: dict[str, str]
    projects: dict[str, Project]
    ballots: list[Ballot]
    project_columns: tuple[str, ...] = ("project_id", "cost")
    vote_columns: tuple[str, ...] = ("voter_id", "vote")
    #: identical ballots merged, made on first use (see `ballot_counts`)
    _merged: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def budget(self) -> Decimal:
        return Decimal(self.meta["budget"].replace(",", "."))

    @property
    def vote_type(self) -> str:
        return self.meta["vote_type"]

    def ballot_counts(self) -> Counter:
        """How many ballots list each tuple of project ids: identical ballots merged (as
        pabutools' multiprofile does), once per election. The rules never change an election;
        if its ballots list is changed, the count is made again."""
        if (
            self._merged is None
            or self._merged[0] is not self.ballots
            or (self._merged[1] != len(self.ballots))
        ):
            merged = Counter(ballot.projects for ballot in self.ballots)
            self._merged = (self.ballots, len(self.ballots), merged)
        return self._merged[2]

    def approvals(self) -> dict[str, int]:
        """How many ballots list each project (any points, any rank)."""
        counts = dict.fromkeys(self.projects, 0)
        for projects, n in self.ballot_counts().items():
            for project_id in projects:
                counts[project_id] += n  # an id outside PROJECTS is a KeyError, as it should be
        return counts

    def points(self) -> dict[str, Decimal]:
        """The total points of each project: points ballots use their points, ordinal ballots
        their `points` column when the file has one (Borda `len - position - 1` otherwise),
        approval and choose-1 ballots count 1."""
        totals = dict.fromkeys(self.projects, Decimal(0))
        for ballot in self.ballots:
            if ballot.points is not None:
                for project_id, value in zip(ballot.projects, ballot.points, strict=True):
                    totals[project_id] += value
            elif self.vote_type == "ordinal":
                size = len(ballot.projects)
                for position, project_id in enumerate(ballot.projects):
                    totals[project_id] += size - position - 1
            else:
                for project_id in ballot.projects:
                    totals[project_id] += 1
        return totals

    def selected_in_file(self) -> list[str] | None:
        """The official outcome recorded in the `selected` column (1), or None without one."""
        if "selected" not in self.project_columns:
            return None
        return [p.id for p in self.projects.values() if p.fields.get("selected", "").strip() == "1"]
