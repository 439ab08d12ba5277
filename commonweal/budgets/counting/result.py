"""The outcome of a rule: the selected projects, their cost and how they were chosen."""

from dataclasses import dataclass
from decimal import Decimal

from commonweal.budgets.counting.election import Election


class NotApplicable(ValueError):
    """The rule cannot count this election (say, its ballots are of the wrong kind)."""


@dataclass
class Result:
    selected: list[str]
    total_cost: Decimal
    config: dict
    explanation: dict[str, dict] | None = None

    @classmethod
    def of(cls, election: Election, selected, config, explanation=None) -> "Result":
        cost = sum((election.projects[p].cost for p in selected), Decimal(0))
        return cls(list(selected), cost, config, explanation)

    def as_dict(self) -> dict:
        out = {
            "selected": self.selected,
            "total_cost": str(self.total_cost),
            "rule": self.config,
        }
        if self.explanation is not None:
            out["explanation"] = self.explanation
        return out
