"""Maximum utilitarian welfare: the projects that fit in the budget with the greatest total
satisfaction, found exactly (a 0/1 knapsack, solved by branch and bound on integers).

Satisfaction is additive, as in pabutools 1.2.3's `max_additive_utilitarian_welfare`:
`cost` utilities (pabutools `Cost_Sat`) make a project worth its cost to each voter who lists
it, so the welfare of a set is Σ votes·cost; `approval` utilities (`Cardinality_Sat`) make it
worth 1, so the welfare is the number of (voter, funded project) pairs. As in pabutools, a
free project with some support is funded first under approval utilities (under cost
utilities it is worth nothing, so it is not funded), and a project nobody supports is never
funded (it adds nothing).

Exactness: costs are decimals, so they are scaled by a power of ten to integers and every
comparison is between integers. The search goes through the projects in order of welfare per
unit of cost (ties by the tie-breaking chain), trying each one in before out, and prunes a
branch only when the linear-programming bound of what it could still add cannot beat the best
total so far. Of all optimal sets it therefore returns the lexicographically greatest in that
order: the one that funds the most efficient projects first. That is a total order on the
optima, so the outcome never depends on anything but the election and the chain.

Limits: a knapsack is NP-hard in general. On the real files (up to 337 projects) the search
visits at most a few thousand branches, but adversarial costs could need exponentially many;
after `node_limit` branches the rule stops with `WelfareTooHard` rather than run for ever.
"""

import math
from dataclasses import dataclass
from fractions import Fraction

from commonweal.budgets.counting.election import Election
from commonweal.budgets.counting.result import Result
from commonweal.budgets.counting.ties import TieBreaker, normalise


class WelfareTooHard(RuntimeError):
    pass


@dataclass(frozen=True)
class WelfareConfig:
    utility: str = "cost"
    exclude_withdrawn: bool = True
    ties: tuple[str, ...] = ("id",)
    node_limit: int = 5_000_000
    #: `exact` (this module's search) or `pabutools` (a port of pabutools 1.2.3's primal-dual
    #: search, which also funds unsupported projects met on its greedy prefix)
    algorithm: str = "exact"

    def __post_init__(self):
        if self.utility not in ("cost", "approval"):
            raise ValueError(f"unknown utility {self.utility!r} (cost or approval)")
        if self.algorithm not in ("exact", "pabutools"):
            raise ValueError(f"unknown algorithm {self.algorithm!r} (exact or pabutools)")

    def as_dict(self) -> dict:
        return {"rule": "max-welfare", **self.__dict__, "ties": list(normalise(self.ties))}


def max_welfare(election: Election, config: WelfareConfig, explain=False, start=None) -> Result:
    """`start`: for `pabutools`, the order its search starts from (the chain's order unless
    given; the differential tests pass pabutools' own set order)."""
    ties = TieBreaker(election, config.ties)
    votes = election.approvals()
    if config.algorithm == "pabutools":
        selected, nodes = _pabutools(
            election, config, votes, start or ties.order(election.projects)
        )
        return _result(election, config, votes, selected, nodes, explain)
    scale = 10 ** max(
        [-min(p.cost.as_tuple().exponent, 0) for p in election.projects.values()]
        + [-min(election.budget.as_tuple().exponent, 0)]
    )
    free, items = [], []
    for p in election.projects.values():
        if (config.exclude_withdrawn and p.withdrawn) or votes[p.id] == 0:
            continue
        weight = int(p.cost * scale)
        if weight == 0:
            if config.utility == "approval":  # under cost utilities it is worth 0 to all
                free.append(p.id)
        else:
            items.append((p.id, weight, votes[p.id] * (weight if config.utility == "cost" else 1)))
    # most welfare per unit of cost first; ties by the chain (Fraction: exact)
    items.sort(key=lambda item: (-Fraction(item[2], item[1]), ties.key(item[0])))
    capacity = int(election.budget * scale) - sum(
        int(election.projects[p].cost * scale) for p in free
    )
    chosen, nodes = _knapsack([w for _, w, _ in items], [v for *_, v in items], capacity, config)
    selected = free + [items[i][0] for i in chosen]
    return _result(election, config, votes, selected, nodes, explain)


def _result(election, config, votes, selected, nodes, explain) -> Result:
    why = None
    if explain:
        why = {}
        funded = set(selected)
        for p in election.projects.values():
            if p.id in funded:
                why[p.id] = {"funded": True, "reason": "part of the set with the greatest welfare"}
            elif config.exclude_withdrawn and p.withdrawn:
                why[p.id] = {"funded": False, "reason": "withdrawn (cost 999 999 999)"}
            elif votes[p.id] == 0:
                why[p.id] = {"funded": False, "reason": "no supporters: adds no welfare"}
            else:
                why[p.id] = {
                    "funded": False,
                    "reason": "not in the set with the greatest welfare that fits the budget",
                }
    result = Result.of(election, selected, config.as_dict(), why)
    welfare = sum(
        votes[p] * (election.projects[p].cost if config.utility == "cost" else 1) for p in selected
    )
    result.config["welfare"] = str(welfare)
    result.config["branches"] = nodes
    return result


def _knapsack(weights, values, capacity, config) -> tuple[list[int], int]:
    n = len(weights)
    prefix_w, prefix_v = [0], [0]
    for w, v in zip(weights, values, strict=True):
        prefix_w.append(prefix_w[-1] + w)
        prefix_v.append(prefix_v[-1] + v)
    best, best_set, current = -1, [], []
    nodes = 0

    def promising(i, room, value) -> bool:
        """The LP bound of items i.. with `room` left beats `best` (integers only)."""
        lo, hi = i, n  # last j with prefix_w[j] - prefix_w[i] <= room
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if prefix_w[mid] - prefix_w[i] <= room:
                lo = mid
            else:
                hi = mid - 1
        whole = value + prefix_v[lo] - prefix_v[i]
        if lo == n:
            return whole > best
        rest = room - (prefix_w[lo] - prefix_w[i])
        # whole + rest * v / w > best  ⇔  whole * w + rest * v > best * w
        return whole * weights[lo] + rest * values[lo] > best * weights[lo]

    def search(i, room, value):
        nonlocal best, best_set, nodes
        nodes += 1
        if nodes > config.node_limit:
            raise WelfareTooHard(f"more than {config.node_limit:,} branches: too hard to solve")
        if i == n:
            if value > best:
                best, best_set = value, list(current)
            return
        if not promising(i, room, value):
            return
        if weights[i] <= room:
            current.append(i)
            search(i + 1, room - weights[i], value + values[i])
            current.pop()
        search(i + 1, room, value)

    if capacity >= 0:
        search(0, capacity, 0)
    return best_set, nodes


def _pabutools(election, config, votes, start) -> tuple[list[str], int]:
    """pabutools 1.2.3's `max_additive_utilitarian_welfare_primal_dual_scheme`, line for line
    but in exact rationals: projects in efficiency order (a stable sort of the id order;
    pabutools starts from its set's hash order, so only its ties can differ), the greedy
    prefix that fits, then its expanding-core branch and bound with floored bounds."""
    free, items = [], []
    for project_id in start:
        p = election.projects[project_id]
        if config.exclude_withdrawn and p.withdrawn:
            continue
        cost = Fraction(p.cost)
        profit = votes[project_id] * (cost if config.utility == "cost" else 1)
        if cost == 0:
            if profit > 0:
                free.append(project_id)
        else:
            items.append((project_id, cost, Fraction(profit)))
    if not items:
        return free, 0
    items.sort(key=lambda item: item[2] / item[1], reverse=True)
    capacity = Fraction(election.budget) - sum(Fraction(election.projects[p].cost) for p in free)
    n, room, split, split_w, split_p = len(items), capacity, -1, Fraction(0), Fraction(0)
    for i, (_, w, v) in enumerate(items):
        room -= w
        split = i
        if split == n - 1 and room >= 0:
            split += 1
        if room < 0:
            break
        split_w += w
        split_p += v
    x = [0] * n
    best, a_star, b_star, nodes = [Fraction(0)], [-1], [-1], [0]

    def efficiency(i):
        return items[i][2] / items[i][1]

    def branch(a, b, profit, weight):
        nodes[0] += 1
        if nodes[0] > config.node_limit:
            raise WelfareTooHard(f"more than {config.node_limit:,} branches: too hard to solve")
        improved = False
        if weight <= capacity:
            if profit > best[0]:
                best[0], a_star[0], b_star[0], improved = profit, a, b, True
            if b > n - 1:
                return improved
            if profit + math.floor((capacity - weight) * efficiency(b)) <= best[0]:
                return improved
            if branch(a, b + 1, profit + items[b][2], weight + items[b][1]):
                x[b], improved = 1, True
            if branch(a, b + 1, profit, weight):
                x[b], improved = 0, True
        else:
            if a < 0:
                return False
            if profit + math.floor((capacity - weight) * efficiency(a)) <= best[0]:
                return False
            if branch(a - 1, b, profit - items[a][2], weight - items[a][1]):
                x[a], improved = 0, True
            if branch(a - 1, b, profit, weight):
                x[a], improved = 1, True
        return improved

    branch(split - 1, split, split_p, split_w)
    chosen = []
    for i in range(n):
        if i < b_star[0]:
            if i < a_star[0] + 1:
                x[i] = 1
            if x[i] == 1:
                chosen.append(items[i][0])
    return free + chosen, nodes[0]
