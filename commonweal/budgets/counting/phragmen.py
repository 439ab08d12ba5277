"""Sequential Phragmén, exact, as pabutools 1.2.3's `sequential_phragmen` computes it.

Voters earn virtual money continuously from 0. A project is bought as soon as its supporters
together hold its cost; buying it empties their accounts, which is kept as a load: every
supporter of the bought project now carries the same load L, the money they have paid. In
each round the project with the least new maximum load

    L(p) = (Σ load of p's supporters + cost(p)) / number of supporters of p

is bought, and its supporters' loads become L(p). The rule stops, without skipping, as soon
as one of the projects tied at the least L(p) does not fit in what is left of the budget.
Projects that cost more than the whole budget are left out from the start; a project nobody
approves has L = ∞ and is bought only once every supported project is (and only while every
such project still fits), exactly as pabutools does. Any ballot counts as approval of the
projects it lists, unless `approval_only` (pabutools refuses other ballots).

Exactness: loads are `Fraction`s. Voters with the same ballot always carry the same load (a
purchase gives one load to all its supporters), so each project's load sum is kept as a
histogram over the rounds that set those loads; the least L is found in floats, where every
term is positive so the relative error is at most (rounds + 6)·2⁻⁵² and no cancellation can
occur, and only the projects whose float L is within that bound of the least are compared
exactly.
"""

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from commonweal.budgets.counting.election import Election
from commonweal.budgets.counting.result import NotApplicable, Result
from commonweal.budgets.counting.ties import TieBreaker, normalise

EPS = 2.0**-52


@dataclass(frozen=True)
class PhragmenConfig:
    #: refuse cumulative, scoring and ordinal ballots, as pabutools does
    approval_only: bool = False
    exclude_withdrawn: bool = True
    ties: tuple[str, ...] = ("id",)

    def as_dict(self) -> dict:
        return {"rule": "sequential-phragmen", **self.__dict__, "ties": list(normalise(self.ties))}


def sequential_phragmen(election: Election, config: PhragmenConfig, explain=False) -> Result:
    if config.approval_only and election.vote_type not in ("approval", "choose-1"):
        raise NotApplicable(
            f"sequential Phragmén as pabutools counts it takes approval ballots only, "
            f"and this election's are {election.vote_type}"
        )
    ties = TieBreaker(election, config.ties)
    budget = election.budget
    projects = [
        p
        for p in election.projects.values()
        if p.cost <= budget and not (config.exclude_withdrawn and p.withdrawn)
    ]
    ids = [p.id for p in projects]
    column = {p: k for k, p in enumerate(ids)}
    patterns: dict[frozenset, int] = {}
    for ballot in election.ballots:
        key = frozenset(column[p] for p in ballot.projects if p in column)
        if key:
            patterns[key] = patterns.get(key, 0) + 1
    keys = list(patterns)
    weight = np.fromiter(patterns.values(), dtype=np.float64, count=len(keys))
    incidence = np.zeros((len(keys), len(ids)), dtype=np.float64)
    for i, key in enumerate(keys):
        incidence[i, list(key)] = 1.0
    score = weight @ incidence if keys else np.zeros(len(ids))  # exact: integers < 2**53
    cost_f = np.asarray([float(p.cost) for p in projects])
    cost = [Fraction(p.cost) for p in projects]
    # histogram[k, r]: supporters of project k whose load was set in round r (0: none yet)
    histogram = [score.copy()]
    loads: list[Fraction] = [Fraction(0)]
    load_f = [0.0]
    round_of = np.zeros(len(keys), dtype=np.int64)
    remaining = np.ones(len(ids), dtype=bool)
    left = budget
    selected, why = [], {}
    while remaining.any():
        matrix = np.stack(histogram, axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            approx = (matrix @ np.asarray(load_f) + cost_f) / score
        approx[score == 0] = np.inf
        approx[~remaining] = np.nan
        least = np.nanmin(approx)
        if np.isinf(least):
            tied = [ids[k] for k in np.flatnonzero(remaining & (score == 0))]
            new_load = None
        else:
            bound = (len(loads) + 6) * EPS
            near = np.flatnonzero(remaining & (approx <= least * (1 + 4 * bound)))
            exact = {}
            for k in near.tolist():
                total = sum(
                    (loads[r] * int(n) for r, n in enumerate(matrix[k].tolist()) if n),
                    Fraction(0),
                )
                exact[k] = (total + cost[k]) / int(score[k])
            new_load = min(exact.values())
            tied = [ids[k] for k, value in exact.items() if value == new_load]
        if any(election.projects[p].cost > left for p in tied):
            for p in tied:
                if election.projects[p].cost > left:
                    why[p] = {
                        "funded": False,
                        "reason": f"next in line but its cost {election.projects[p].cost} "
                        f"exceeds the {left} left: sequential Phragmén stops here",
                    }
            break
        winner = ties.first(tied) if len(tied) > 1 else tied[0]
        k = column[winner]
        remaining[k] = False
        left -= election.projects[winner].cost
        selected.append(winner)
        why[winner] = {
            "funded": True,
            "round": len(selected),
            "load": str(new_load) if new_load is not None else "infinite (no supporters)",
            "reason": f"bought in round {len(selected)}"
            + (f" at maximum load {float(new_load):.6g}" if new_load is not None else ""),
        }
        if new_load is None:
            continue
        members = np.flatnonzero(incidence[:, k])
        moved = np.zeros((len(ids), len(loads) + 1))
        for r in np.unique(round_of[members]).tolist():
            group = members[round_of[members] == r]
            counts = weight[group] @ incidence[group]
            histogram[r] = histogram[r] - counts
            moved[:, -1] += counts
        round_of[members] = len(loads)
        histogram.append(moved[:, -1])
        loads.append(new_load)
        load_f.append(float(new_load))
    if explain:
        for p in election.projects.values():
            if p.id in why:
                continue
            if config.exclude_withdrawn and p.withdrawn:
                why[p.id] = {"funded": False, "reason": "withdrawn (cost 999 999 999)"}
            elif p.cost > budget:
                why[p.id] = {"funded": False, "reason": "costs more than the whole budget"}
            else:
                why[p.id] = {"funded": False, "reason": "not reached before the rule stopped"}
    result = Result.of(election, selected, config.as_dict(), why if explain else None)
    result.config["budget_left"] = str(left)
    return result
