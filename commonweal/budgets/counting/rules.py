"""The Method of Equal Shares with its completions, and the explanation of an outcome.

Completions (pb.md §4.3): `none`; `utilitarian` (then add the remaining projects by votes,
every one that still fits); `add1` (raise every voter's share by `increment` and run MES again,
keeping the last outcome that fits the real budget); `add1u` (`add1` then `utilitarian`).
Add1's switches: `integral_start` (start from ⌊B/n⌋ rather than B/n) and `exhaustive_stop`
(stop as soon as the outcome is exhaustive, i.e. no project of `exhaustive_domain` —
`supported`: the projects MES can buy, as pabutools' `voter_budget_increment` tests;
`all`: every project but withdrawn ones, as equalshares.net tests — fits in what is left).
`comparison` `satisfaction` runs greedy by votes as well and keeps it only if strictly more
voters approve more of its projects than of MES's (the Python snippet's and the checker's
counting: a voter with no funded project counts as 0).
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from commonweal.budgets.counting.election import Election
from commonweal.budgets.counting.greedy import GreedyConfig, greedy
from commonweal.budgets.counting.mes import Equalshares, Run
from commonweal.budgets.counting.result import Result
from commonweal.budgets.counting.ties import TieBreaker, normalise

COMPLETIONS = ("none", "utilitarian", "add1", "add1u")


@dataclass(frozen=True)
class MESConfig:
    utility: str = "cost"
    completion: str = "none"
    increment: Decimal = Decimal(1)
    integral_start: bool = False
    exhaustive_stop: bool = True
    exhaustive_domain: str = "supported"
    comparison: str = "none"
    exclude_withdrawn: bool = True
    ties: tuple[str, ...] = ("id",)

    def __post_init__(self):
        if self.completion not in COMPLETIONS:
            raise ValueError(f"unknown completion {self.completion!r}")
        if self.exhaustive_domain not in ("supported", "all"):
            raise ValueError(f"unknown exhaustiveness domain {self.exhaustive_domain!r}")
        if self.comparison not in ("none", "satisfaction"):
            raise ValueError(f"unknown comparison {self.comparison!r}")

    def as_dict(self) -> dict:
        out = {"rule": "equal-shares", **self.__dict__}
        out["increment"] = str(self.increment)
        out["ties"] = list(normalise(self.ties))
        return out


def equal_shares(election: Election, config: MESConfig, explain: bool = False) -> Result:
    ties = TieBreaker(election, config.ties)
    engine = Equalshares(election, config.utility, ties, config.exclude_withdrawn)
    budget = election.budget
    share = engine.start_share(budget, config.integral_start)
    run = engine.outcome(share)
    steps = 0
    if config.completion in ("add1", "add1u"):
        run, steps = _add1(election, engine, config, run)
    if explain:
        run = engine.run(run.share, explain=True)
    selected = list(run.selected)
    why = _explain(election, engine, run) if explain else None
    if config.completion in ("utilitarian", "add1u"):
        selected = _utilitarian(election, selected, ties, why, config.exclude_withdrawn)
    if config.comparison == "satisfaction":
        selected = _compare(election, selected, config, why)
    result = Result.of(election, selected, config.as_dict(), why)
    result.config["share_per_voter"] = str(run.share)
    result.config["add1_steps"] = steps
    return result


def _cost(election: Election, selected) -> Decimal:
    return sum((election.projects[p].cost for p in selected), Decimal(0))


def _exhaustive(election, engine, config, selected) -> bool:
    left = election.budget - _cost(election, selected)
    if config.exhaustive_domain == "supported":
        domain = engine.candidates
    else:
        domain = [p.id for p in election.projects.values() if not p.withdrawn]
    chosen = set(selected)
    return not any(election.projects[p].cost <= left for p in domain if p not in chosen)


def _add1(election, engine: Equalshares, config: MESConfig, run: Run) -> tuple[Run, int]:
    """Raise the share by `increment` until the outcome no longer fits (or is exhaustive).

    Every share is decided as if it were run on its own, but a block of `span` shares is
    settled by one certified run from its middle whose certificate covers them all (the
    outcome is the same for each): the span doubles after a block that settles and drops
    back after one that does not, down to single shares and, when even those are too
    close to call in floats, an exact run. After a block fails, the span grows again only
    after more settled blocks (Łódź changes at almost every share, Budapest VIII over
    thousands of them).
    """
    budget, step, steps = election.budget, Fraction(config.increment), 0
    everything = set(engine.candidates)
    span, patience, wins = 1, 1, 0

    def done(selected) -> bool:
        if config.exhaustive_stop and _exhaustive(election, engine, config, selected):
            return True
        return everything <= set(selected)

    while True:
        if done(run.selected):
            return run, steps
        first = run.share + step
        while True:
            half = (span - 1) * step / 2
            following = engine.certified(first + half, half)
            if following is not None:
                break
            if span == 1:
                following = engine.run(first)
                break
            span, patience, wins = max(1, span // 4), min(2 * patience, 64), 0
        if _cost(election, following.selected) > budget:
            return run, steps
        if done(following.selected):  # the block's first share already stops the scan
            return Run(first, following.selected, []), steps + 1
        run = Run(first + (span - 1) * step, following.selected, [])
        steps += span
        if span > 1:
            patience = max(1, patience // 2)
        wins += 1
        if wins >= patience:  # grow again, more slowly after blocks that did not settle
            span, wins = 2 * span, 0


def _utilitarian(election, selected, ties, why, exclude_withdrawn) -> list[str]:
    votes = election.approvals()
    left = election.budget - _cost(election, selected)
    chosen = list(selected)
    for project_id in sorted(election.projects, key=lambda p: (-votes[p], ties.key(p))):
        project = election.projects[project_id]
        if project_id in chosen or (exclude_withdrawn and project.withdrawn):
            continue
        if project.cost <= left:
            chosen.append(project_id)
            left -= project.cost
            if why is not None:
                why[project_id] = {
                    "funded": True,
                    "reason": f"added by the utilitarian completion ({votes[project_id]} votes)",
                }
    return chosen


def _compare(election, selected, config, why) -> list[str]:
    other = greedy(election, GreedyConfig(score="approvals", ties=config.ties)).selected
    mine, theirs = set(selected), set(other)
    prefer_mes = prefer_greedy = 0
    for ballot in election.ballots:
        a = sum(1 for p in ballot.projects if p in mine)
        b = sum(1 for p in ballot.projects if p in theirs)
        prefer_mes += a > b
        prefer_greedy += b > a
    if why is not None:
        why["_comparison"] = {"prefer_equal_shares": prefer_mes, "prefer_greedy": prefer_greedy}
    return other if prefer_greedy > prefer_mes else selected


def _explain(election: Election, engine: Equalshares, run: Run) -> dict:
    why = {}
    for number, item in enumerate(run.rounds, start=1):
        support = engine.effective_support(item.project, item.rho)
        why[item.project] = {
            "funded": True,
            "round": number,
            "affordability": str(item.rho),
            "effective_support": f"{float(support):.6g}",
            "reason": f"bought in round {number} at affordability {float(item.rho):.6g}",
        }
    for project_id in engine.free:
        why[project_id] = {"funded": True, "reason": "free and supported: selected first"}
    for project_id, project in election.projects.items():
        if project_id in why:
            continue
        if project.withdrawn and engine.cost.get(project_id) is None:
            why[project_id] = {"funded": False, "reason": "withdrawn (cost 999 999 999)"}
        elif project_id not in engine.cost:
            why[project_id] = {
                "funded": False,
                "reason": "no supporters: equal shares never funds it",
            }
        else:
            rho, at, money = run.lost.get(project_id, (None, None, None))
            entry = {"funded": False, "reason": "not affordable"}
            if money is not None:
                entry["reason"] = (
                    f"not affordable: its supporters had {float(money):.6g} left, "
                    f"it costs {project.cost}"
                )
            if rho is not None:
                entry["affordability"] = str(rho)
                entry["effective_support"] = (
                    f"{float(engine.effective_support(project_id, rho)):.6g}"
                )
                entry["lost_in_round"] = at + 1
                entry["reason"] += f"; it lost in round {at + 1} at affordability {float(rho):.6g}"
            why[project_id] = entry
    return why
