"""pabutools 1.2.3's outcome for every (real file, preset that mirrors one of its rules).

The differential tests run pabutools itself where it takes a second or two. On the larger
files it takes minutes to hours, so its outcomes are recorded here once, with this module,
in `pabutools_outcomes.json` beside it, and the tests check our outcome against the record
for every file (`test_recorded_pabutools_outcomes.py`). Each case runs in its own
subprocess with a CPU-time limit; a case pabutools did not finish within it is recorded as
such, with the limit, and the tests say so.

    python -m commonweal.budgets.tests.pabutools_reference [--limit SECONDS] [--only FILE]
    python -m commonweal.budgets.tests.pabutools_reference --add1-samples FILE [--samples N]

Cases already recorded are kept (so the record can be built in several sittings); a larger
`--limit` retries the unfinished ones. pabutools gets the ballots as a multiprofile
(identical ballots merged) where the rule accepts one: the same outcome, in a fraction of
the time and memory.
"""

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

RECORD = Path(
    os.environ.get("PABUTOOLS_RECORD") or Path(__file__).with_name("pabutools_outcomes.json")
)
PABUTOOLS = "1.2.3"
MEMORY = 6 * 2**30  # bytes of address space a case may use

#: our preset → (pabutools rule, its keyword arguments): what each preset mirrors
RULES = {
    "pabutools-greedy": ("greedy_utilitarian_welfare", {"sat_class": "Cost_Sat"}),
    "pabutools-greedy-cardinality": (
        "greedy_utilitarian_welfare",
        {"sat_class": "Cardinality_Sat"},
    ),
    "pabutools-mes": ("method_of_equal_shares", {"sat_class": "Cost_Sat"}),
    "pabutools-mes-cardinality": ("method_of_equal_shares", {"sat_class": "Cardinality_Sat"}),
    "pabutools-mes-add1": (
        "method_of_equal_shares",
        {"sat_class": "Cost_Sat", "voter_budget_increment": 1},
    ),
    "pabutools-phragmen": ("sequential_phragmen", {}),
    "pabutools-max-welfare": ("max_additive_utilitarian_welfare", {"sat_class": "Cost_Sat"}),
    "pabutools-max-welfare-cardinality": (
        "max_additive_utilitarian_welfare",
        {"sat_class": "Cardinality_Sat"},
    ),
}


def pabulib_dir() -> Path:
    return Path(os.environ.get("COMMONWEAL_SHARED_DATA", "/work/shared/data")) / "pabulib"


def names() -> list[str]:
    with open(pabulib_dir() / "SOURCES.tsv", encoding="utf-8", newline="") as handle:
        return [row["file"] for row in csv.DictReader(handle, delimiter="\t")]


def load() -> dict:
    if RECORD.is_file():
        return json.loads(RECORD.read_text(encoding="utf-8"))
    return {"pabutools": PABUTOOLS, "cases": {}}


def key(name: str, preset: str) -> str:
    return f"{name} {preset}"


def one(name: str, preset: str) -> dict:
    """Run in the worker: pabutools' outcome, the welfare it reaches and its CPU time."""
    import pabutools.election as election_module
    import pabutools.rules as rules_module
    from pabutools.election import parse_pabulib

    rule, options = RULES[preset]
    kwargs = {k: getattr(election_module, v) if k == "sat_class" else v for k, v in options.items()}
    instance, profile = parse_pabulib(str(pabulib_dir() / name))
    ballots = "profile"
    start = time.process_time()
    try:
        merged = profile.as_multiprofile()
        outcome = getattr(rules_module, rule)(instance, merged, **kwargs)
        ballots = "multiprofile"
    except (NotImplementedError, TypeError, AttributeError):
        outcome = getattr(rules_module, rule)(instance, profile, **kwargs)
    except ValueError as error:
        return {"applies": False, "reason": str(error)}
    return {
        "selected": sorted(str(p.name) for p in outcome),
        "total_cost": str(sum(p.cost for p in outcome)),
        "cpu_seconds": round(time.process_time() - start, 2),
        "ballots": ballots,
    }


def add1_samples(name: str, samples: int) -> dict:
    """Where pabutools' whole Add1 is impractical (tens of thousands of increments), its
    verdict one share at a time: the outcome of its own `method_of_equal_shares_scheme` from
    each sampled share, whether that is within the budget and whether it is exhaustive, at
    the share our Add1 stops at, the one after it, and `samples` shares before it."""
    from fractions import Fraction

    from pabutools.election import Cost_Sat, parse_pabulib
    from pabutools.fractions import frac
    from pabutools.rules.budgetallocation import BudgetAllocation
    from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme
    from pabutools.tiebreaking import lexico_tie_breaking

    from commonweal.budgets.counting import count, read

    election = read(pabulib_dir() / name)
    steps = count(election, "pabutools-mes-add1").config["add1_steps"]
    start = Fraction(election.budget) / len(election.ballots)
    picked = {0, 1, steps, steps + 1, *range(0, steps, max(1, steps // samples))}
    instance, profile = parse_pabulib(str(pabulib_dir() / name))
    merged = profile.as_multiprofile()
    sat_profile = merged.as_sat_profile(sat_class=Cost_Sat)
    approved = {p for ballot in merged for p in ballot}
    projects = [p for p in instance if p in approved and p.cost > 0]
    shares = {}
    for step in sorted(picked):
        share = start + step
        outcome = method_of_equal_shares_scheme(
            instance,
            merged,
            sat_profile,
            frac(share.numerator, share.denominator),
            BudgetAllocation(),
            lexico_tie_breaking,
            binary_sat=True,
        )
        shares[str(step)] = {
            "selected": sorted(str(p.name) for p in outcome),
            "feasible": bool(instance.is_feasible(outcome)),
            "exhaustive": bool(instance.is_exhaustive(outcome, available_projects=projects)),
        }
    return {"steps": steps, "start_share": str(start), "shares": shares}


def run_case(name: str, preset: str, limit: int) -> dict:
    def limits():
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    command = [sys.executable, "-m", __spec__.name, "--worker", name, preset]
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    out = subprocess.run(command, capture_output=True, text=True, env=env, preexec_fn=limits)
    if out.returncode:
        if out.returncode < 0 or "MemoryError" in out.stderr:
            why = "memory" if "MemoryError" in out.stderr else "time"
            return {"finished": False, "limit_cpu_seconds": limit, "stopped_by": why}
        lines = out.stderr.strip().splitlines()
        return {"applies": False, "reason": lines[-1] if lines else f"exit {out.returncode}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=120, help="CPU seconds per case")
    parser.add_argument("--only", action="append", help="a file name (repeatable)")
    parser.add_argument("--preset", action="append", choices=sorted(RULES))
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument(
        "--add1-samples",
        metavar="FILE",
        action="append",
        help="check Add1 share by share with pabutools where its whole Add1 is impractical",
    )
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(one(*args.worker)))
        return 0
    if args.add1_samples:
        for name in args.add1_samples:
            found = add1_samples(name, args.samples)
            record = load()  # read again: the other cases may have been written meanwhile
            record.setdefault("add1_samples", {})[name] = found
            RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", "utf-8")
            print(name, found["steps"], "steps,", len(found["shares"]), "shares", file=sys.stderr)
        return 0
    record = load()
    for name in args.only or names():
        for preset in args.preset or RULES:
            done = record["cases"].get(key(name, preset))
            if done and not (
                done.get("finished") is False and done["limit_cpu_seconds"] < args.limit
            ):
                continue
            result = run_case(name, preset, args.limit)
            record["cases"][key(name, preset)] = result
            # written after every case: a long run can be stopped and resumed
            RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", "utf-8")
            print(name, preset, result.get("cpu_seconds", result), file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
