"""What makes a ballot valid: pure rules, no Django (tested with hypothesis).

A ballot is a mapping of project id -> value: 1 for approval and knapsack ballots, the
points given for cumulative ballots, the rank (1 = first choice) for ranking ballots.
Projects absent from the mapping are not chosen.
"""

from dataclasses import dataclass
from decimal import Decimal

APPROVAL = "approval"
KNAPSACK = "knapsack"
CUMULATIVE = "cumulative"
RANKING = "ranking"
KINDS = (APPROVAL, KNAPSACK, CUMULATIVE, RANKING)

#: how each ballot is written in a Pabulib file (pb.md §2)
PABULIB_VOTE_TYPE = {
    APPROVAL: "approval",
    KNAPSACK: "approval",
    CUMULATIVE: "cumulative",
    RANKING: "ordinal",
}


@dataclass(frozen=True)
class Limits:
    kind: str
    budget: Decimal
    min_projects: int = 0
    max_projects: int | None = None
    #: approval ballots: the most the chosen projects may cost together (None: no limit)
    max_cost: Decimal | None = None
    #: cumulative ballots: the points each voter shares out
    points: int = 10


def effective_max_cost(limits: Limits) -> Decimal | None:
    """Knapsack ballots may not exceed the budget; approval ballots their own cap, if any."""
    if limits.kind == KNAPSACK:
        return limits.budget if limits.max_cost is None else min(limits.budget, limits.max_cost)
    return limits.max_cost


def problems(limits: Limits, choices: dict[str, int], costs: dict[str, Decimal]) -> list[str]:
    """Every reason the ballot is not valid, in plain English (empty when it is valid)."""
    found = []
    unknown = [p for p in choices if p not in costs]
    if unknown:
        found.append("The ballot names a project that is not on this ballot.")
        return found
    chosen = [p for p, v in choices.items() if v]
    if limits.kind == CUMULATIVE:
        if any(v < 0 for v in choices.values()):
            found.append("Points cannot be negative.")
        total = sum(choices.values())
        if total > limits.points:
            found.append(f"You have given {total} points; you have {limits.points} to share.")
        if total == 0:
            found.append("Give at least one point to a project.")
    elif limits.kind == RANKING:
        ranks = sorted(choices[p] for p in chosen)
        if ranks != list(range(1, len(ranks) + 1)):
            found.append(
                "Number your choices 1, 2, 3 and so on, without gaps and without using a "
                "number twice."
            )
    elif any(v not in (0, 1) for v in choices.values()):
        found.append("Each project is either chosen or not.")
    if len(chosen) < max(limits.min_projects, 1):
        least = max(limits.min_projects, 1)
        found.append(f"Choose at least {least} project{'s' if least != 1 else ''}.")
    if limits.max_projects is not None and len(chosen) > limits.max_projects:
        most = limits.max_projects
        found.append(
            f"You have chosen {len(chosen)} projects; choose at most {most} "
            f"project{'s' if most != 1 else ''}."
        )
    cap = effective_max_cost(limits)
    if cap is not None and limits.kind in (APPROVAL, KNAPSACK):
        spent = sum((costs[p] for p in chosen), Decimal(0))
        if spent > cap:
            found.append(
                f"The projects you have chosen cost £{spent:,.0f} together; the most you can "
                f"choose is £{cap:,.0f}."
            )
    return found


def spent(choices: dict[str, int], costs: dict[str, Decimal]) -> Decimal:
    """The cost of the chosen projects (the budget bar)."""
    return sum((costs[p] for p, v in choices.items() if v and p in costs), Decimal(0))
