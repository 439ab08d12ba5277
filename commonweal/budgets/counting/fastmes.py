"""Equal shares in floats with a certificate: the outcome is exact, or the run says it cannot
vouch for it and the exact engine (mes.py) counts instead.

Only the decisions make an outcome: which project is bought in each round and which projects
drop out because their supporters cannot pay. Payments and budgets are continuous in the
voters' budgets, so floats are safe for them as long as every decision is taken with a margin
larger than the float error. This module carries, for every voter pattern, a float budget
`b` and a rigorous bound `e` on its distance from the exact budget, and takes a decision only
when the intervals leave no doubt:

- a project's money M = Σ w·b is compared with its cost with the error Σ w·e plus rounding;
- its payment t (each supporter pays min(b, t), Σ w·min(b, t) = cost) is known to within
  m: with f(t) = Σ w·min(b, t) - cost, the float budgets change f by at most the Σ w·e of the
  supporters that may be capped (b - e ≤ t + m), and f rises with slope at least the weight
  K of those surely not capped, so K·m > Σ w·e + |f̃(t̃)| + rounding proves |t - t̃| ≤ m;
- a round's winner must have an affordability interval strictly below every other's;
- a payment moves each supporter's error by at most m (min is 1-Lipschitz); a supporter surely
  capped (b + e < t - m) is left with exactly 0.

An exact tie is decided in floats only when every tied project's affordability is known
exactly: none of its supporters is capped except those with exactly nothing left, so each who
pays pays cost/W and rho is 1/W (cost/W for approval utilities), W an integer; then the
tie-breaking order decides, as in the exact engine (Toulouse 2022's Add1 meets such a tie at
almost every share). Any other doubt (a tie between intervals, money exactly equal to a cost)
returns None and the caller counts exactly.

Because the budgets only enter through `e`, the same certificate covers a whole range of
starting shares: a run from share s with `radius` r proves that every share in
[s - r, s + r] gives the same outcome, which is how the Add1 completion jumps over the
increments that cannot change anything.

Voters with the same set of candidate projects always hold the same budget, so they are one
pattern with a weight (Wrocław 2015: 131 778 voters, 197 patterns).
"""

from collections import Counter
from fractions import Fraction
from itertools import chain

import numpy as np

EPS = 2.0**-52  # twice the unit roundoff: every bound below is generous by that factor
_NOT_A_CANDIDATE = frozenset([None])


def _overlap(flat, owner, support, patterns: int, candidates: int) -> list[set[int]]:
    """For each project, the projects listed on a ballot with it: each pattern's set of
    candidates as a row of 64-bit words, OR-ed over the project's supporters."""
    words = (candidates + 63) // 64
    rows = np.zeros((patterns, words), dtype=np.uint64)
    np.bitwise_or.at(
        rows, (owner, flat // 64), np.left_shift(np.uint64(1), (flat % 64).astype(np.uint64))
    )
    out = []
    for supporters in support:
        union = np.bitwise_or.reduce(rows[supporters], axis=0)
        bits = np.unpackbits(union.view(np.uint8), bitorder="little")[:candidates]
        out.append(set(np.flatnonzero(bits).tolist()))
    return out


class FastEqualshares:
    """Set up once per election and utility (`cost` or `approval`: one utility per project)."""

    def __init__(self, candidates, cost, ballots: Counter, utility, order=None):
        """`ballots`: how many ballots list each tuple of project ids; `cost`: exact costs;
        `order`: the candidates in tie-breaking order (for exact ties, see `_tied`)."""
        self.candidates = list(candidates)
        self.rank = {k: i for i, k in enumerate(self.candidates)}
        if order is not None:
            position = {project_id: i for i, project_id in enumerate(order)}
            self.rank = {k: position[p] for k, p in enumerate(self.candidates)}
        self.exact_cost = [Fraction(cost[p]) for p in self.candidates]
        self.utility = utility
        number = {project_id: k for k, project_id in enumerate(self.candidates)}.get
        patterns: dict[frozenset, int] = {}  # the set of candidates listed → ballots
        for projects, count in ballots.items():
            listed = frozenset(map(number, projects))
            if None in listed:  # projects that are not candidates (withdrawn, unsupported)
                listed = listed - _NOT_A_CANDIDATE
            if listed:
                patterns[listed] = patterns.get(listed, 0) + count
        lengths = np.fromiter(map(len, patterns), dtype=np.int64, count=len(patterns))
        flat = np.fromiter(chain.from_iterable(patterns), dtype=np.int64, count=int(lengths.sum()))
        owner = np.repeat(np.arange(len(patterns), dtype=np.int64), lengths)
        weights = np.fromiter(patterns.values(), dtype=np.float64, count=len(patterns))
        order = np.argsort(flat, kind="stable")
        bounds = np.searchsorted(flat[order], np.arange(len(self.candidates) + 1))
        self.patterns = len(patterns)
        self.support = [owner[order[bounds[k] : bounds[k + 1]]] for k in range(len(bounds) - 1)]
        self.weight = [weights[s] for s in self.support]
        self.total = [float(w.sum()) for w in self.weight]
        self.cost = [float(cost[p]) for p in self.candidates]
        self.totals, self.costs = np.asarray(self.total), np.asarray(self.cost)
        # rho ≥ cost / (Σ w·u): 1/W for cost utilities, cost/W for approval utilities
        self.initial = [
            (1.0 / self.total[k] if utility == "cost" else self.cost[k] / self.total[k])
            * (1 - 8 * EPS)
            for k in range(len(self.candidates))
        ]
        # projects sharing a pattern: only those can change when one is bought
        self.overlap = _overlap(flat, owner, self.support, len(patterns), len(self.candidates))

    def run(self, share, radius=0.0):
        """The projects bought from `share` (in order), certified for every share within
        `radius`; None when a decision is too close to call in floats."""
        share_f = float(share)
        b = np.full(self.patterns, share_f)
        e = np.full(self.patterns, float(radius) * (1 + 4 * EPS) + abs(share_f) * EPS)
        lower = list(self.initial)
        # money never grows: a project its supporters cannot pay for at the start is out
        most = (share_f + float(radius)) * (1 + 8 * EPS)
        remaining = set(np.flatnonzero(self.totals * most >= self.costs * (1 - 8 * EPS)).tolist())
        stale = set(remaining)
        cache: dict[int, tuple] = {}
        bought = []
        while remaining:
            best = best_hi = None
            computed = []
            for k in sorted(remaining, key=lower.__getitem__):
                if best_hi is not None and lower[k] > best_hi:
                    break
                if k in stale:
                    found = self._afford(k, b, e, cache.get(k))
                    if found is None:
                        return None
                    if found is False:
                        remaining.discard(k)
                        continue
                    cache[k] = found
                    stale.discard(k)
                lo, hi = cache[k][:2]
                if lo > lower[k]:
                    lower[k] = lo
                computed.append(k)
                if best_hi is None or hi < best_hi:
                    best, best_hi = k, hi
            if best is None:
                break
            close = [k for k in computed if k != best and cache[k][0] <= best_hi]
            if close:  # the intervals overlap: an exact tie or too close to call
                best = self._tied([best, *close], cache)
                if best is None:
                    return None
            self._pay(best, b, e, *cache[best][2:4])
            remaining.discard(best)
            stale |= self.overlap[best]
            bought.append(self.candidates[best])
        return bought

    def _tied(self, close, cache):
        """The winner among projects whose intervals overlap, when each one's affordability is
        known exactly (no supporter capped but those with exactly nothing left: rho = 1/W, or
        cost/W for approval utilities, W the supporters who pay): the lowest, ties by the
        tie-breaking order, as the exact engine decides. None when any of them is known only
        as an interval."""
        if not all(cache[k][4] for k in close):
            return None
        return min(close, key=lambda k: (self._exact_rho(k, cache[k][4]), self.rank[k]))

    def _exact_rho(self, k, paying) -> Fraction:
        # `paying` is a sum of ballot counts: an integer, held exactly in a float
        if self.utility == "cost":
            return Fraction(1, int(paying))
        return self.exact_cost[k] / int(paying)

    @staticmethod
    def _paying(total, w, bb, ee, low, c) -> float:
        """The weight of the supporters who pay when none of them is capped except those with
        exactly nothing left (each then pays c/W); 0 when that cannot be shown."""
        if float(low.min()) > c / total * (1 + 1e-9):
            return total
        empty = (bb == 0) & (ee == 0)  # paid out for certain: exactly 0 (see `_pay`)
        if not empty.any():
            return 0.0
        paying = total - float(w @ empty)
        if paying <= 0 or float(low[~empty].min()) <= c / paying * (1 + 1e-9):
            return 0.0
        return paying

    def _afford(self, k, b, e, before=None):
        """(rho low, rho high, t, m, exact) for project k, False if surely unaffordable, None
        if unsure; `exact`: the weight W who pay when rho is exactly `_exact_rho(k, W)`, else 0."""
        idx, w, c, total = self.support[k], self.weight[k], self.cost[k], self.total[k]
        bb, ee = b[idx], e[idx]
        n = len(idx)
        money = float(w @ bb)
        slack = float(w @ ee) + (n + 4) * EPS * (money + c)
        if money + slack < c:
            return False
        if money - slack < c:
            return None
        low = bb - ee
        paying = self._paying(total, w, bb, ee, low, c)
        if paying:
            # nobody is capped but those with exactly nothing left: f̃(t) = W·t - c exactly
            # for the W who pay, within 2 ulp of c with c's own rounding
            t = c / paying
            m = 8 * EPS * c / paying + t * EPS
            exact = paying
        else:
            exact = 0
            t = c / total
            if before is not None and before[2] > t:
                t = before[2]  # budgets only fall, so the last payment is still from below
            t = self._payment(bb, w, c, t)
            if t is None:
                return None
            spent = float(w @ np.minimum(bb, t))
            residual = abs(spent - c) + (n + 6) * EPS * (spent + c)
            we = w * ee
            m = 0.0
            for _ in range(4):
                capped = low <= t + m
                error = float(we @ capped) + residual
                surely = total - float(w @ capped)
                if surely <= 0:
                    return None
                if m > 0 and surely * m > error:
                    break
                m = 2 * error / surely + abs(t) * EPS
            else:
                return None
        if self.utility == "cost":
            return ((t - m) / c * (1 - 4 * EPS), (t + m) / c * (1 + 4 * EPS), t, m, exact)
        return ((t - m) * (1 - 4 * EPS), (t + m) * (1 + 4 * EPS), t, m, exact)

    @staticmethod
    def _payment(bb, w, c, t):
        """t with Σ w·min(b, t) = c, by Newton's method from below: f is concave, increasing
        and piecewise linear, so the iterates rise to the root and stop at its piece. Only an
        approximation: the certificate bounds its error, whatever way t was found."""
        for _ in range(64):
            above = bb > t
            slope = float(w @ above)
            if slope <= 0:
                return None
            f = float(w @ np.minimum(bb, t)) - c
            if f >= -1e-13 * c:
                return t
            t -= f / slope
        return None

    def _pay(self, k, b, e, t, m):
        idx = self.support[k]
        bb, ee = b[idx], e[idx]
        left = np.maximum(bb - t, 0.0)
        error = ee + m + 2 * EPS * bb
        surely = bb + ee < t - m  # certainly paid all they had: exactly 0 left
        left[surely] = 0.0
        error[surely] = 0.0
        b[idx] = left
        e[idx] = error
