"""The Method of Equal Shares, exact, for cost, approval and points utilities.

Every voter starts with an equal share of the budget. In each round the project that its
supporters can pay for at the lowest affordability rho (each supporter pays min(budget, rho·u),
u the supporter's utility for the project) is bought; a project its supporters can no longer
pay for drops out. This is pabutools 1.2.3's `mes_inner_algo` and the equalshares.net
algorithm (pb.md §1.5, §4.2), computed so that every decision is exact:

- budgets, costs, utilities and rho are `fractions.Fraction`s; floats never decide anything;
- voters with the same remaining budget form one class, so each project's supporters are a
  histogram over (class, utility) computed with numpy integer counting, and the exact
  arithmetic is done once per class, not once per voter;
- a project's previous rho is a lower bound on its next, so a round stops scanning once a
  previous rho is strictly above the round's best (all projects that tie exactly are found);
- exact ties go to the tie-breaking chain.

`Equalshares.run(share)` is one run from a given per-voter share; the Add1 completion calls it
for each share, reusing the set-up (supporter arrays, utilities, initial rho) every time.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import numpy as np

from commonweal.budgets.counting.election import Election
from commonweal.budgets.counting.fastmes import FastEqualshares
from commonweal.budgets.counting.ties import TieBreaker

UTILITIES = ("cost", "approval", "points")
ONE = Fraction(1)


@dataclass
class Round:
    project: str
    rho: Fraction


@dataclass
class Run:
    share: Fraction
    selected: list[str]
    rounds: list[Round]
    #: for projects not bought: (last rho computed or None, round it was computed, money left)
    lost: dict[str, tuple] = field(default_factory=dict)


class Equalshares:
    def __init__(self, election: Election, utility: str, ties: TieBreaker, exclude_withdrawn=True):
        if utility not in UTILITIES:
            raise ValueError(f"unknown utility {utility!r} (one of {', '.join(UTILITIES)})")
        self.election, self.utility, self.ties = election, utility, ties
        self.voters = len(election.ballots)
        self.exclude_withdrawn = exclude_withdrawn
        self._built = False
        if utility == "points":
            self._build()
        else:  # one utility per project: the candidates follow from the counts alone
            ballots = election.ballot_counts()
            counts = Counter()
            for projects, n in ballots.items():
                for project_id in projects:
                    counts[project_id] += n
            self.cost, self.total, self.free, self.candidates = {}, {}, [], []
            for project_id, project in election.projects.items():
                if exclude_withdrawn and project.withdrawn:
                    continue
                cost = Fraction(project.cost)
                total = counts[project_id] * (cost if utility == "cost" else ONE)
                if total <= 0:
                    continue
                if cost == 0:
                    self.free.append(project_id)
                    continue
                self.candidates.append(project_id)
                self.cost[project_id] = cost
                self.total[project_id] = total
        self.initial_rho = {p: self.cost[p] / self.total[p] for p in self.candidates}
        self._overlap_sets = None
        self.fast = None
        if utility != "points" and self.candidates:
            order = ties.order(self.candidates)
            self.fast = FastEqualshares(self.candidates, self.cost, ballots, utility, order)

    @property
    def overlap(self) -> dict[str, set[str]]:
        if self._overlap_sets is None:
            self._overlap_sets = self._overlap()
        return self._overlap_sets

    def certified(self, share: Fraction, radius: Fraction = Fraction(0)) -> Run | None:
        """The outcome from `share` by the certified float engine, the same for every share
        within `radius`, or None when it cannot vouch for it (then count exactly)."""
        if self.voters == 0:
            return Run(share, [], [])
        if self.fast is None:
            return None
        bought = self.fast.run(share, radius)
        return None if bought is None else Run(share, [*self.free, *bought], [])

    def outcome(self, share: Fraction) -> Run:
        """One run from `share`: certified floats when they decide, exact arithmetic else."""
        return self.certified(share) or self.run(share)

    def _build(self):
        """The per-voter arrays of the exact engine, made when it first runs."""
        self._built = True
        index = {project_id: i for i, project_id in enumerate(self.election.projects)}
        members: list[list[int]] = [[] for _ in index]
        values: list[list[Fraction]] = [[] for _ in index]
        ordinal = self.election.vote_type == "ordinal"
        for voter, ballot in enumerate(self.election.ballots):
            size = len(ballot.projects)
            for position, project_id in enumerate(ballot.projects):
                if self.utility == "points":
                    if ordinal:
                        u = Fraction(size - position - 1)  # pabutools' Borda
                    elif ballot.points is not None:
                        u = Fraction(ballot.points[position])
                    else:
                        u = Fraction(1)
                    if u <= 0:
                        continue
                else:
                    u = ONE
                members[index[project_id]].append(voter)
                values[index[project_id]].append(u)
        self.cost: dict[str, Fraction] = {}
        self.supporters: dict[str, np.ndarray] = {}
        self.utils: dict[str, list[Fraction]] = {}  # distinct utilities of the project
        self.util_index: dict[str, np.ndarray | None] = {}
        self.total: dict[str, Fraction] = {}
        self.free: list[str] = []  # free projects with support: pabutools selects them first
        self.candidates: list[str] = []
        for project_id, i in index.items():
            project = self.election.projects[project_id]
            if self.exclude_withdrawn and project.withdrawn:
                continue
            cost = Fraction(project.cost)
            scale = cost if self.utility == "cost" else Fraction(1)
            utils = sorted(set(values[i]))
            total = (len(values[i]) if utils == [ONE] else sum(values[i], Fraction(0))) * scale
            if total <= 0:
                continue
            if cost == 0:
                self.free.append(project_id)
                continue
            self.candidates.append(project_id)
            self.cost[project_id] = cost
            self.supporters[project_id] = np.asarray(members[i], dtype=np.int64)
            self.utils[project_id] = [u * scale for u in utils]
            if len(utils) == 1:
                self.util_index[project_id] = None
            else:
                position = {u: k for k, u in enumerate(utils)}
                self.util_index[project_id] = np.asarray(
                    [position[u] for u in values[i]], dtype=np.int64
                )
            self.total[project_id] = total

    def _overlap(self) -> dict[str, set[str]]:
        """For each candidate, the candidates sharing a supporter with it: buying one can only
        change the affordability of those, so the others keep their last computed rho."""
        incidence = np.zeros((self.voters, len(self.candidates)), dtype=bool)
        for k, project_id in enumerate(self.candidates):
            incidence[self.supporters[project_id], k] = True
        out = {}
        for project_id in self.candidates:
            shared = np.flatnonzero(incidence[self.supporters[project_id]].any(axis=0))
            out[project_id] = {self.candidates[j] for j in shared.tolist()}
        return out

    def start_share(self, budget: Decimal, integral: bool) -> Fraction:
        share = Fraction(budget) / self.voters if self.voters else Fraction(0)
        return Fraction(int(share)) if integral else share

    def run(self, share: Fraction, explain: bool = False) -> Run:
        if self.voters == 0:
            return Run(share, [], [])
        if not self._built:
            self._build()
        worth: list[Fraction] = [share]  # class id → remaining budget of each member
        approx: list[float] = [float(share)]
        class_of: dict[Fraction, int] = {share: 0}
        voter_class = np.zeros(self.voters, dtype=np.int64)
        rho_prev = dict(self.initial_rho)
        rho_key = {p: (float(r), r) for p, r in rho_prev.items()}  # exact order, cheap compares
        remaining = set(self.candidates)
        selected, rounds = list(self.free), []
        lost: dict[str, tuple] = {}
        stale, cache = set(self.candidates), {}

        def groups(project_id):
            """(budget, utility, count) per group of supporters, ascending by budget/utility,
            and for each supporter the position of its group."""
            classes = voter_class[self.supporters[project_id]]
            utils = self.utils[project_id]
            ui = self.util_index[project_id]
            if ui is None:
                counts = np.bincount(classes)
                found = np.flatnonzero(counts)
                where = np.zeros(len(counts), dtype=np.int64)
                where[found] = np.arange(len(found))
                out = [
                    (worth[c], utils[0], n, approx[c])
                    for c, n in zip(found.tolist(), counts[found].tolist(), strict=True)
                ]
                # floats are correctly rounded, hence monotone: (float, exact) sorts exactly
                # while comparing Fractions only between classes whose floats are equal
                order = sorted(range(len(out)), key=lambda g: (approx[found[g]], out[g][0]))
                inverse = where[classes]
            else:
                keys = classes * len(utils) + ui
                found, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
                out = []
                for key, n in zip(found.tolist(), counts.tolist(), strict=True):
                    c, u = divmod(key, len(utils))
                    out.append((worth[c], utils[u], n, approx[c]))
                order = sorted(range(len(out)), key=lambda g: out[g][0] / out[g][1])
            return out, order, inverse

        while True:
            best, tied = None, []
            for project_id in sorted(remaining, key=rho_key.__getitem__):
                if best is not None and rho_prev[project_id] > best:
                    break
                if project_id not in stale:  # no supporter has paid since: rho unchanged
                    rho, found, inverse = cache[project_id]
                else:
                    found, order, inverse = groups(project_id)
                    cost = self.cost[project_id]
                    rho = self._walk(project_id, cost, found, order)
                    if rho is None:  # the supporters' money is less than the cost
                        remaining.discard(project_id)
                        money = sum((g[0] * g[2] for g in found), Fraction(0)) if explain else None
                        lost[project_id] = (*lost.get(project_id, (None, None))[:2], money)
                        continue
                    stale.discard(project_id)
                    cache[project_id] = (rho, found, inverse)
                rho_prev[project_id] = rho
                rho_key[project_id] = (float(rho), rho)
                lost[project_id] = (rho, len(rounds), None)
                if best is None or rho < best:
                    best, tied = rho, [project_id]
                elif rho == best:
                    tied.append(project_id)
            if not tied:
                break
            winner = self.ties.first(tied) if len(tied) > 1 else tied[0]
            _, found, inverse = cache[winner]
            new_class = []
            for w, u, *_ in found:
                left = w - min(w, best * u)
                if left not in class_of:
                    class_of[left] = len(worth)
                    worth.append(left)
                    approx.append(float(left))
                new_class.append(class_of[left])
            supporters = self.supporters[winner]
            voter_class[supporters] = np.asarray(new_class, dtype=np.int64)[inverse]
            remaining.discard(winner)
            stale |= self.overlap[winner]
            lost.pop(winner, None)
            selected.append(winner)
            rounds.append(Round(winner, best))
        return Run(share, selected, rounds, lost)

    def _walk(self, project_id, cost, found, order) -> Fraction | None:
        """The lowest rho at which the supporters pay `cost` (each min(budget, rho·u)), walking the
        groups from the poorest per unit of utility; None if their money is less than the cost.
        """
        if self.util_index[project_id] is None:  # one utility u: count supporters, not utility
            u, k, paid = self.utils[project_id][0], len(self.supporters[project_id]), Fraction(0)
            # A float shadow of `paid` only skips the exact test for groups that certainly
            # cannot pay: every float error is below (groups + 3) * 2**-52 * cost, far under
            # the 1e-9 * cost slack, so "need > w * k" holds exactly whenever it is skipped.
            cost_f, paid_f = float(cost), 0.0
            slack = cost_f * 1e-9
            for g in order:
                w, _, n, w_f = found[g]
                if w:  # a spent-up group pays nothing
                    if cost_f - paid_f <= w_f * k + slack:
                        need = cost - paid
                        if need <= w * k:
                            return need / k / u
                    paid += w * n
                    paid_f += w_f * n
                k -= n
            return None
        paid, denominator = Fraction(0), self.total[project_id]
        for g in order:
            w, u, n, _ = found[g]
            if w:
                rho = (cost - paid) / denominator
                if rho * u <= w:
                    return rho
                paid += w * n
            denominator -= u * n
        return None

    def effective_support(self, project_id: str, rho: Fraction) -> Fraction:
        """Cost over the payment per unit of utility: the effective vote count for cost
        utilities (1/rho), cost/rho for approval and points utilities."""
        return 1 / rho if self.utility == "cost" else self.cost[project_id] / rho
