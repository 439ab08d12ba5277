"""Greedy rules: rank the projects by a score and buy them in that order while money lasts.

- score `approvals`: the number of ballots listing the project (greedy by votes);
  `points`: total points (cumulative and scoring points, ordinal `points` column);
  `column`: the PROJECTS `score` column for points ballots, else its `votes` column, as the
  Pabulib checker ranks (pb.md §2.2), falling back to the count from the ballots;
- `per_cost`: rank by score / cost (pabutools `Cardinality_Sat`); a free project with a
  positive score ranks first, a project with score 0 last;
- `skip` (Pabulib `greedy`, pabutools): pass over a project that does not fit and go on;
  otherwise stop at the first one (`greedy-no-skip`);
- `free_projects_last`: a free project's score counts as 0 (pabutools `Cost_Sat`);
- `threshold` (`greedy-threshold`): only projects whose score reaches META
  `min_project_score_threshold`.
Ties in the ranking follow the tie-breaking chain. Everything is exact (Decimal, Fraction).
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from commonweal.budgets.counting.election import POINTS_TYPES, Election
from commonweal.budgets.counting.result import Result
from commonweal.budgets.counting.ties import TieBreaker, normalise

SCORES = ("approvals", "points", "column")


@dataclass(frozen=True)
class GreedyConfig:
    score: str = "approvals"
    per_cost: bool = False
    skip: bool = True
    threshold: bool = False
    #: rank a free project with the unsupported ones (pabutools' Cost_Sat gives it 0)
    free_projects_last: bool = False
    exclude_withdrawn: bool = True
    ties: tuple[str, ...] = ("id",)

    def as_dict(self) -> dict:
        return {"rule": "greedy", **self.__dict__, "ties": list(normalise(self.ties))}


def scores(election: Election, how: str) -> dict[str, Decimal]:
    if how == "approvals":
        return {k: Decimal(v) for k, v in election.approvals().items()}
    if how == "points":
        return election.points()
    if how == "column":
        column = "score" if election.vote_type in POINTS_TYPES else "votes"
        if election.vote_type == "ordinal" and "score" in election.project_columns:
            column = "score"
        if column in election.project_columns:
            return {p.id: Decimal(p.fields[column] or 0) for p in election.projects.values()}
        return scores(election, "points" if column == "score" else "approvals")
    raise ValueError(f"unknown greedy score {how!r} (one of {', '.join(SCORES)})")


def greedy(election: Election, config: GreedyConfig, explain: bool = False) -> Result:
    score = scores(election, config.score)
    ties = TieBreaker(election, config.ties)
    threshold = None
    if config.threshold and "min_project_score_threshold" in election.meta:
        threshold = Decimal(election.meta["min_project_score_threshold"])

    def rank(project_id: str):
        cost, value = election.projects[project_id].cost, score[project_id]
        if not config.per_cost:
            key = 0 if config.free_projects_last and cost == 0 else value
        elif value <= 0:
            key = Fraction(0)
        elif cost == 0:
            key = Fraction(10**30)  # +∞ but still exact and comparable
        else:
            key = Fraction(value) / Fraction(cost)
        return (-key, ties.key(project_id))

    remaining = election.budget
    selected, why = [], {}
    stopped = False
    for project_id in sorted(election.projects, key=rank):
        project = election.projects[project_id]
        if config.exclude_withdrawn and project.withdrawn:
            why[project_id] = {"funded": False, "reason": "withdrawn (cost 999 999 999)"}
        elif threshold is not None and score[project_id] < threshold:
            why[project_id] = {
                "funded": False,
                "reason": f"score {score[project_id]} below the threshold {threshold}",
            }
        elif stopped:
            why[project_id] = {
                "funded": False,
                "reason": "not reached: greedy stopped at the first project that did not fit",
            }
        elif project.cost <= remaining:
            selected.append(project_id)
            remaining -= project.cost
            why[project_id] = {
                "funded": True,
                "reason": f"funded with score {score[project_id]}; {remaining} left",
            }
        else:
            why[project_id] = {
                "funded": False,
                "reason": f"cost {project.cost} exceeds the {remaining} left",
            }
            stopped = not config.skip
    return Result.of(election, selected, config.as_dict(), why if explain else None)
