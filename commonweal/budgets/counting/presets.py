"""Named rules, each reproducing a reference exactly (pb.md §1.4-§1.6, §2.6, §4.3-§4.4).

`official` picks the preset for the rule recorded in the file's META `rule`.
"""

from decimal import Decimal

from commonweal.budgets.counting.election import Election
from commonweal.budgets.counting.greedy import GreedyConfig, greedy
from commonweal.budgets.counting.maxwelfare import WelfareConfig, max_welfare
from commonweal.budgets.counting.phragmen import PhragmenConfig, sequential_phragmen
from commonweal.budgets.counting.result import Result
from commonweal.budgets.counting.rules import MESConfig, equal_shares

_PABUTOOLS = {"ties": ("id",), "exclude_withdrawn": False}
_CHECKER_TIES = ("min-cost", "max-votes")
_CHECKER_ADD1 = {
    "utility": "cost",
    "completion": "add1",
    "increment": Decimal(1),
    "integral_start": True,
    "exhaustive_stop": False,
    "ties": _CHECKER_TIES,
}

PRESETS: dict[str, tuple[str, object]] = {
    "pabutools-greedy": (
        "pabutools 1.2.3 greedy_utilitarian_welfare(sat_class=Cost_Sat): greedy by votes, "
        "skipping, ties by the id string",
        GreedyConfig(score="approvals", free_projects_last=True, **_PABUTOOLS),
    ),
    "pabutools-greedy-cardinality": (
        "pabutools 1.2.3 greedy_utilitarian_welfare(sat_class=Cardinality_Sat): votes per "
        "unit of cost, skipping, ties by the id string",
        GreedyConfig(score="approvals", per_cost=True, **_PABUTOOLS),
    ),
    "pabutools-mes": (
        "pabutools 1.2.3 method_of_equal_shares(sat_class=Cost_Sat): cost utilities, "
        "no completion, ties by the id string",
        MESConfig(utility="cost", completion="none", **_PABUTOOLS),
    ),
    "pabutools-mes-cardinality": (
        "pabutools 1.2.3 method_of_equal_shares(sat_class=Cardinality_Sat): approval "
        "utilities, no completion",
        MESConfig(utility="approval", completion="none", **_PABUTOOLS),
    ),
    "pabutools-mes-add1": (
        "pabutools 1.2.3 method_of_equal_shares(sat_class=Cost_Sat, voter_budget_increment=1): "
        "Add1 from B/n, stopping when exhaustive over the supported projects",
        MESConfig(
            utility="cost",
            completion="add1",
            increment=Decimal(1),
            integral_start=False,
            exhaustive_stop=True,
            exhaustive_domain="supported",
            **_PABUTOOLS,
        ),
    ),
    "pabutools-phragmen": (
        "pabutools 1.2.3 sequential_phragmen: least new maximum load first, stopping at the "
        "first tied project that does not fit, ties by the id string; approval ballots only",
        PhragmenConfig(approval_only=True, **_PABUTOOLS),
    ),
    "pabutools-max-welfare": (
        "pabutools 1.2.3 max_additive_utilitarian_welfare(sat_class=Cost_Sat): the set that "
        "fits with the most Σ votes·cost, by a port of its primal-dual search in exact rationals",
        WelfareConfig(utility="cost", algorithm="pabutools", **_PABUTOOLS),
    ),
    "pabutools-max-welfare-cardinality": (
        "pabutools 1.2.3 max_additive_utilitarian_welfare(sat_class=Cardinality_Sat): the set "
        "that fits with the most votes in total, by a port of its primal-dual search",
        WelfareConfig(utility="approval", algorithm="pabutools", **_PABUTOOLS),
    ),
    "max-welfare": (
        "maximum utilitarian welfare (Σ votes·cost), exact: among equal optima the one that "
        "funds the most efficient projects first, ties lowest cost then most votes; "
        "withdrawn projects excluded",
        WelfareConfig(utility="cost", ties=_CHECKER_TIES),
    ),
    "equalshares-net": (
        "the equalshares.net compute tool's defaults (Add1 with the integral start and the "
        "exhaustive stop over all projects, then utilitarian completion) with its recommended "
        "ties, lowest cost then most votes",
        MESConfig(
            completion="add1u",
            integral_start=True,
            exhaustive_stop=True,
            exhaustive_domain="all",
            ties=_CHECKER_TIES,
        ),
    ),
    "pabulib-equalshares-add1": (
        "Pabulib checker equalshares/add1: Add1 from ⌊B/n⌋, +1 per voter, stopping only when "
        "the budget is exceeded; ties lowest cost, most votes; reproduces the official "
        "Assen 2024 and Świecie 2023 outcomes",
        MESConfig(**_CHECKER_ADD1),
    ),
    "pabulib-equalshares-add1-comparison": (
        "Pabulib checker equalshares/add1-comparison: as pabulib-equalshares-add1, then keep "
        "greedy by votes only if strictly more voters prefer it; reproduces the official "
        "Wieliczka 2023 Green Budget outcome",
        MESConfig(**_CHECKER_ADD1, comparison="satisfaction"),
    ),
    "pabulib-greedy": (
        "Pabulib greedy: by the votes (or score) column, skipping projects that do not fit",
        GreedyConfig(score="column", ties=("file-order",)),
    ),
    "pabulib-greedy-no-skip": (
        "Pabulib greedy-no-skip: by the votes (or score) column, stopping at the first "
        "project that does not fit",
        GreedyConfig(score="column", skip=False, ties=("file-order",)),
    ),
    "pabulib-greedy-threshold": (
        "Pabulib greedy-threshold: greedy restricted to projects whose votes (or score) reach "
        "META min_project_score_threshold",
        GreedyConfig(score="column", threshold=True, ties=("file-order",)),
    ),
}

#: META `rule` → preset (`official`)
OFFICIAL = {
    "greedy": "pabulib-greedy",
    "greedy-exclusive": "pabulib-greedy",
    "greedy-no-skip": "pabulib-greedy-no-skip",
    "greedy-threshold": "pabulib-greedy-threshold",
    "equalshares/add1": "pabulib-equalshares-add1",
    "equalshares/add1-comparison": "pabulib-equalshares-add1-comparison",
}

# The official MES outcomes of pb.md §4.4, by name.
PRESETS["official-assen-2024"] = PRESETS["pabulib-equalshares-add1"]
PRESETS["official-swiecie-2023"] = PRESETS["pabulib-equalshares-add1"]
PRESETS["official-wieliczka-2023"] = PRESETS["pabulib-equalshares-add1-comparison"]


class UnknownPreset(KeyError):
    def __init__(self, name: str, reason: str = ""):
        self.name = name
        known = ", ".join([*PRESETS, "official"])
        super().__init__(reason or f"unknown rule {name!r}; known rules: {known}")

    def __str__(self) -> str:
        return self.args[0]


def resolve(election: Election, name: str) -> str:
    if name != "official":
        if name not in PRESETS:
            raise UnknownPreset(name)
        return name
    rule = election.meta.get("rule", "unknown")
    if rule not in OFFICIAL:
        raise UnknownPreset(name, f"no preset reproduces the file's rule {rule!r}")
    return OFFICIAL[rule]


def count(election: Election, name: str, explain: bool = False) -> Result:
    """Count the election with the named rule."""
    preset = resolve(election, name)
    description, config = PRESETS[preset]
    if isinstance(config, GreedyConfig):
        result = greedy(election, config, explain)
    elif isinstance(config, PhragmenConfig):
        result = sequential_phragmen(election, config, explain)
    elif isinstance(config, WelfareConfig):
        result = max_welfare(election, config, explain)
    else:
        result = equal_shares(election, config, explain)
    result.config = {"preset": preset, "description": description, **result.config}
    return result
