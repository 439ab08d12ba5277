"""The vote-counting engine: Pabulib files, greedy rules and the Method of Equal Shares.

Pure Python (no Django), exact (Decimal and Fraction decide every outcome).
"""

from commonweal.budgets.counting.election import Ballot, Election, Project
from commonweal.budgets.counting.greedy import GreedyConfig, greedy
from commonweal.budgets.counting.pabulib import PabulibError, dumps, loads, read, write
from commonweal.budgets.counting.presets import PRESETS, UnknownPreset, count
from commonweal.budgets.counting.result import Result
from commonweal.budgets.counting.rules import MESConfig, equal_shares

__all__ = [
    "PRESETS",
    "Ballot",
    "Election",
    "GreedyConfig",
    "MESConfig",
    "PabulibError",
    "Project",
    "Result",
    "UnknownPreset",
    "count",
    "dumps",
    "equal_shares",
    "greedy",
    "loads",
    "read",
    "write",
]
