"""The vote-counting engine: Pabulib files, greedy rules, the Method of Equal Shares,
sequential Phragmén and maximum utilitarian welfare.

Pure Python and numpy (no Django), exact: Decimal, Fraction and integers decide every outcome;
floats only filter, with proven error bounds (fastmes.py, phragmen.py).
"""

from commonweal.budgets.counting.election import Ballot, Election, Project
from commonweal.budgets.counting.greedy import GreedyConfig, greedy
from commonweal.budgets.counting.maxwelfare import WelfareConfig, WelfareTooHard, max_welfare
from commonweal.budgets.counting.pabulib import PabulibError, dumps, loads, read, write
from commonweal.budgets.counting.phragmen import PhragmenConfig, sequential_phragmen
from commonweal.budgets.counting.presets import PRESETS, UnknownPreset, count
from commonweal.budgets.counting.result import NotApplicable, Result
from commonweal.budgets.counting.rules import MESConfig, equal_shares

__all__ = [
    "PRESETS",
    "Ballot",
    "Election",
    "GreedyConfig",
    "MESConfig",
    "NotApplicable",
    "PabulibError",
    "PhragmenConfig",
    "Project",
    "Result",
    "UnknownPreset",
    "WelfareConfig",
    "WelfareTooHard",
    "count",
    "dumps",
    "equal_shares",
    "greedy",
    "loads",
    "max_welfare",
    "read",
    "sequential_phragmen",
    "write",
]
