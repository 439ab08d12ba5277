"""Commonweal's equal-shares counting against pabutools 1.2.3, side by side, on real elections.

Each (file, rule) is counted by both tools, each in its own subprocess (so that each peak
resident set size, the kernel's VmHWM, is that tool's alone), with one BLAS thread. The
outcomes must be identical (the same set of projects); the script prints a Markdown table
and exits non-zero if any outcome differs.

    python benchmarks/pb/run.py                      # all cases, both tools
    python benchmarks/pb/run.py --case lodz          # one case
    python benchmarks/pb/run.py --save out.json      # keep the raw figures
    python benchmarks/pb/run.py --reuse out.json     # pabutools figures from an earlier run
    python benchmarks/pb/run.py --update-docs        # rewrite the table in docs/benchmarks.md
    python benchmarks/pb/run.py --report a.json --report b.json   # the table of saved runs

pabutools on Warsaw 2026 with Add1 takes about ten minutes and 12 GB: run the full set on a
machine with the memory free.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- pb-benchmark:start -->", "<!-- pb-benchmark:end -->"

# (file, preset, how pabutools gets the ballots: "profile" as parse_pabulib returns them,
# "multiprofile" with identical ballots merged, or None: not run)
CASES = {
    "warszawa": ("Poland_Warszawa_2026.pb", "pabutools-mes-add1", "profile"),
    "lodz": ("Poland_Lodz_2022.pb", "pabutools-mes-add1", "multiprofile"),
    "lodz-profile": ("Poland_Lodz_2022.pb", "pabutools-mes-add1", "profile"),
    "wroclaw": ("Poland_Wroclaw_2015_150_-_500.pb", "pabutools-mes", "profile"),
    "wroclaw-multiprofile": ("Poland_Wroclaw_2015_150_-_500.pb", "pabutools-mes", "multiprofile"),
    # about 75,000 Add1 steps: pabutools would take many hours, so Commonweal alone
    "budapest": ("Hungary_Budapest_2023_VIII_Jozsefvaros.pb", "pabutools-mes-add1", None),
}
DEFAULT = ["warszawa", "lodz", "wroclaw", "budapest"]
#: pabutools' figures recorded in the research (pb.md §1.9, same machine, unloaded), for a
#: case whose side-by-side run could not finish (`--research`)
RESEARCH = {
    ("Poland_Warszawa_2026.pb", "pabutools-mes-add1", "profile"): {
        "count": 611.0,
        "count_cpu": None,
        "peak_mib": 11.8 * 1024,
        "projects": 49,
        "research": True,
    },
}
RULES = {
    "pabutools-mes": "MES, cost utilities",
    "pabutools-mes-add1": "MES + Add1 (`voter_budget_increment=1`)",
}


def pabulib_dir() -> Path:
    base = os.environ.get("COMMONWEAL_SHARED_DATA", "/work/shared/data")
    return Path(base) / "pabulib"


def peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker_commonweal(path: Path, rule: str, kind: str = "profile") -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonweal.settings")
    from commonweal.budgets.counting import count, read

    wall, cpu = time.perf_counter(), time.process_time()
    election = read(path)
    if kind == "multiprofile":
        # where pabutools gets a multiprofile (made while it reads, outside its count),
        # Commonweal's identical ballots are merged while it reads too
        election.ballot_counts()
    parse = time.perf_counter() - wall
    wall2, cpu2 = time.perf_counter(), time.process_time()
    result = count(election, rule)
    return {
        "parse": parse,
        "count": time.perf_counter() - wall2,
        "count_cpu": time.process_time() - cpu2,
        "parse_cpu": cpu2 - cpu,
        "peak_mib": peak_mib(),
        "selected": sorted(result.selected),
        "total_cost": str(result.total_cost),
        "add1_steps": result.config.get("add1_steps"),
    }


def worker_pabutools(path: Path, rule: str, kind: str = "profile") -> dict:
    from pabutools.election import Cost_Sat, parse_pabulib
    from pabutools.rules import method_of_equal_shares

    wall, cpu = time.perf_counter(), time.process_time()
    instance, profile = parse_pabulib(str(path))
    if kind == "multiprofile":
        profile = profile.as_multiprofile()
    parse = time.perf_counter() - wall
    wall2, cpu2 = time.perf_counter(), time.process_time()
    extra = {"voter_budget_increment": 1} if rule == "pabutools-mes-add1" else {}
    outcome = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, **extra)
    return {
        "parse": parse,
        "count": time.perf_counter() - wall2,
        "count_cpu": time.process_time() - cpu2,
        "parse_cpu": cpu2 - cpu,
        "peak_mib": peak_mib(),
        "selected": sorted(p.name for p in outcome),
        "total_cost": str(sum(p.cost for p in outcome)),
    }


def run_worker(tool: str, path: Path, rule: str, kind: str = "profile") -> dict:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, __file__, "--worker", tool, str(path), rule, kind]
    out = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(f"{tool} failed on {path.name}:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def fmt_s(seconds: float) -> str:
    if seconds >= 10:
        return f"{seconds:,.0f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:,.0f} ms"


def fmt_mib(mib: float) -> str:
    return f"{mib / 1024:.1f} GiB" if mib >= 1024 else f"{mib:,.0f} MiB"


def report(rows: list[dict]) -> str:
    lines = [
        "| election | rule | Commonweal count (CPU) | pabutools count (CPU) | speed-up | "
        "Commonweal / pabutools peak RSS | outcome |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        ours, theirs = row["commonweal"], row.get("pabutools")
        name = row["file"].removesuffix(".pb")
        if theirs and theirs.get("research"):
            # pabutools is single-threaded, so its unloaded wall time is its CPU time
            speed = f"**{theirs['count'] / ours['count_cpu']:,.0f}x** CPU"
            memory = f"{fmt_mib(ours['peak_mib'])} / {fmt_mib(theirs['peak_mib'])}"
            same = (
                "as pb.md records" if len(ours["selected"]) == theirs["projects"] else "DIFFERENT"
            )
            outcome = f"{len(ours['selected'])} projects ({same}), {ours['total_cost']}"
            them = f"{fmt_s(theirs['count'])} (pb.md §1.9, not re-run)"
        elif theirs:
            speed = (
                f"**{theirs['count'] / ours['count']:,.0f}x** wall, "
                f"**{theirs['count_cpu'] / ours['count_cpu']:,.0f}x** CPU"
            )
            memory = f"{fmt_mib(ours['peak_mib'])} / {fmt_mib(theirs['peak_mib'])}"
            same = "identical" if ours["selected"] == theirs["selected"] else "**DIFFERENT**"
            outcome = f"{same}: {len(ours['selected'])} projects, {ours['total_cost']}"
            them = f"{fmt_s(theirs['count'])} ({fmt_s(theirs['count_cpu'])})"
        else:
            speed, memory = "", f"{fmt_mib(ours['peak_mib'])} / not run"
            outcome = f"{len(ours['selected'])} projects, {ours['total_cost']}"
            them = "not run (hours)"
        steps = ours.get("add1_steps")
        rule = RULES[row["rule"]] + (f", {steps:,} steps" if steps else "")
        if row.get("kind"):
            rule += f"; pabutools {row['kind']}"
        lines.append(
            f"| {name} | {rule} | {fmt_s(ours['count'])} ({fmt_s(ours['count_cpu'])}) | "
            f"{them} | {speed} | {memory} | {outcome} |"
        )
    parse = ", ".join(
        f"{r['file'].split('_')[1]} {fmt_s(r['commonweal']['parse'])}"
        + (f" / {fmt_s(r['pabutools']['parse'])}" if "parse" in (r.get("pabutools") or {}) else "")
        for r in rows
    )
    lines += [
        "",
        f"Reading the file (Commonweal / pabutools, not in the times above): {parse}.",
    ]
    return "\n".join(lines)


def update_docs(markdown: str) -> None:
    text = DOCS.read_text()
    block = f"{START}\n{markdown}\n{END}"
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), block, text, flags=re.S)
    DOCS.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--case", action="append", choices=sorted(CASES))
    parser.add_argument("--commonweal-only", action="store_true")
    parser.add_argument("--save", type=Path)
    parser.add_argument(
        "--reuse", type=Path, action="append", help="take pabutools' figures from a saved run"
    )
    parser.add_argument(
        "--report",
        type=Path,
        action="append",
        help="print (and with --update-docs write) the table of saved runs, counting nothing",
    )
    parser.add_argument("--update-docs", action="store_true")
    parser.add_argument(
        "--research", action="store_true", help="use pb.md's pabutools figures where recorded"
    )
    args = parser.parse_args()
    if args.worker:
        tool, path, rule, kind = args.worker
        if tool == "commonweal":
            print(json.dumps(worker_commonweal(Path(path), rule, kind)))
        else:
            print(json.dumps(worker_pabutools(Path(path), rule, kind)))
        return 0
    if args.report:
        # each saved case keeps both tools' figures from the one run that measured them
        rows = [row for saved in args.report for row in json.loads(saved.read_text())]
        markdown = report(rows)
        print(markdown)
        if args.update_docs:
            update_docs(markdown)
        return 0
    reused = {}
    for saved in args.reuse or []:
        for r in json.loads(saved.read_text()):
            reused[(r["file"], r["rule"], r.get("kind"))] = r.get("pabutools")
    rows = []
    for case in args.case or DEFAULT:
        name, rule, kind = CASES[case]
        path = pabulib_dir() / name
        row = {"file": name, "rule": rule, "kind": kind}
        row["commonweal"] = run_worker("commonweal", path, rule, kind or "profile")
        if kind and not args.commonweal_only:
            again = reused.get((name, rule, kind))
            if again is None and args.research:
                again = RESEARCH.get((name, rule, kind))
            row["pabutools"] = again or run_worker("pabutools", path, rule, kind)
        rows.append(row)
        print(f"{case}: done", file=sys.stderr, flush=True)
    if args.save:
        args.save.write_text(json.dumps(rows, indent=1))
    markdown = report(rows)
    print(markdown)
    if args.update_docs:
        update_docs(markdown)
    differ = any(
        r.get("pabutools")
        and not r["pabutools"].get("research")
        and r["pabutools"]["selected"] != r["commonweal"]["selected"]
        for r in rows
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
