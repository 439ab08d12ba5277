"""Tie-breaking as an explicit chain of keys that always ends in a total order.

Keys: `min-cost` (cheaper first), `max-cost`, `max-votes` (more ballots listing the project
first), `file-order` (earlier in the PROJECTS section first) and `id` (the project id as a
plain string, so "1" < "10" < "2", as pabutools' `lexico_tie_breaking` does). `id` is appended
when a chain does not end with it, which makes every chain a total order.
"""

from collections.abc import Iterable, Sequence

from commonweal.budgets.counting.election import Election

KEYS = ("min-cost", "max-cost", "max-votes", "file-order", "id")


def normalise(chain: Sequence[str]) -> tuple[str, ...]:
    for key in chain:
        if key not in KEYS:
            raise ValueError(f"unknown tie-breaking key {key!r} (one of {', '.join(KEYS)})")
    chain = tuple(chain)
    return chain if chain[-1:] == ("id",) else (*chain, "id")


class TieBreaker:
    def __init__(self, election: Election, chain: Sequence[str]):
        self.chain = normalise(chain)
        # Counting every ballot costs more than a small election's whole count: only when asked.
        votes = election.approvals() if "max-votes" in self.chain else {}
        position = {project_id: i for i, project_id in enumerate(election.projects)}
        costs = {p.id: p.cost for p in election.projects.values()}
        parts = {
            "min-cost": lambda p: costs[p],
            "max-cost": lambda p: -costs[p],
            "max-votes": lambda p: -votes[p],
            "file-order": lambda p: position[p],
            "id": lambda p: p,
        }
        self._parts = [parts[key] for key in self.chain]

    def key(self, project_id: str) -> tuple:
        return tuple(part(project_id) for part in self._parts)

    def order(self, project_ids: Iterable[str]) -> list[str]:
        return sorted(project_ids, key=self.key)

    def first(self, project_ids: Iterable[str]) -> str:
        return min(project_ids, key=self.key)
