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

    def __post_init__(self):
        if self.utility not in ("cost", "approval"):
            raise ValueError(f"unknown utility {self.utility!r} (cost or approval)")

    def as_dict(self) -> dict:
        return {"rule": "max-welfare", **self.__dict__, "ties": list(normalise(self.ties))}


def max_welfare(election: Election, config: WelfareConfig, explain=False) -> Result:
    ties = TieBreaker(election, config.ties)
    votes = election.approvals()
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
