"""Point-in-area lookup: Commonweal's AreaIndex against geopandas.sjoin, side by side.

Two workloads, both against the 34,753 LSOA 2011 polygons of England and Wales (ONS,
super generalised, clipped):

1. every street crime reported by West Yorkshire Police for July 2018 (police.uk);
2. one million random points inside England and Wales (seeded, uniform over the land).

Each tool runs in its own subprocess so that its peak memory is its own. Answers are compared
point for point (for a point on a shared border, sjoin returns several polygons; the smallest
LSOA code is kept, which is AreaIndex's rule); any difference makes the script exit non-zero.

Usage::

    python benchmarks/lookup/run.py [--repeat 5] [--points 1000000] [--update-docs]

It needs ``geopandas`` and ``pyogrio`` (the ``bench`` dependency group) besides shapely and
numpy. The data are read from ``$COMMONWEAL_SHARED_DATA`` or ``shared/data`` beside the
repository.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

DOCS = REPO_ROOT / "docs" / "benchmarks.md"
START, END = "<!-- lookup-benchmark:start -->", "<!-- lookup-benchmark:end -->"
SEED = 20180701


def shared_data() -> Path:
    default = REPO_ROOT.parent / "shared" / "data"
    return Path(os.environ.get("COMMONWEAL_SHARED_DATA", default)).resolve()


def lsoa_path() -> Path:
    return shared_data() / "national" / "lsoa2011_bsc_england_wales.geojson.gz"


def crime_path() -> Path:
    return shared_data() / "crime" / "west-yorkshire" / "2018-07-west-yorkshire-street.csv.gz"


# -- memory ------------------------------------------------------------------------------------


def _status_kib(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) for this process, where Linux allows it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def rss_mib() -> float:
    return (_status_kib("VmRSS") or 0) / 1024


def peak_mib() -> float:
    kib = _status_kib("VmHWM")
    if kib is None:  # not Linux: fall back to the lifetime peak
        import resource

        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024


# -- data --------------------------------------------------------------------------------------


def load_lsoas() -> tuple[np.ndarray, np.ndarray]:
    """LSOA codes (sorted) and geometries, read as the file has them (no geopandas)."""
    from pyogrio.raw import read

    _, _, wkb, fields = read(f"/vsigzip/{lsoa_path()}", columns=["LSOA11CD"])
    keys = np.asarray(fields[0], dtype=str)
    order = np.argsort(keys)
    return keys[order], shapely.from_wkb(wkb)[order]


def repaired(geoms: np.ndarray) -> np.ndarray:
    """The same repair AreaIndex applies, so both tools see identical polygons."""
    geoms = geoms.copy()
    invalid = ~shapely.is_valid(geoms)
    geoms[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    return geoms


def prepare_workloads(workdir: Path, n_points: int) -> dict:
    with gzip.open(crime_path(), "rt", encoding="utf-8", newline="") as f:
        rows = [(r["Longitude"], r["Latitude"]) for r in csv.DictReader(f)]
    located = [(float(x), float(y)) for x, y in rows if x.strip() and y.strip()]
    crimes = np.array(located, dtype=np.float64)
    np.save(workdir / "crimes.npy", crimes)

    keys, raw = load_lsoas()
    invalid = int((~shapely.is_valid(raw)).sum())
    geoms = repaired(raw)
    started = time.perf_counter()
    land = shapely.union_all(geoms)
    shapely.prepare(land)
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    rng = np.random.default_rng(SEED)
    batches, have = [], 0
    while have < n_points:
        xs, ys = rng.uniform(x0, x1, n_points), rng.uniform(y0, y1, n_points)
        keep = shapely.contains_xy(land, xs, ys)
        batches.append(np.column_stack([xs[keep], ys[keep]]))
        have += int(keep.sum())
    uniform = np.concatenate(batches)[:n_points]
    np.save(workdir / "uniform.npy", uniform)
    return {
        "crime_rows": len(rows),
        "crime_located": len(located),
        "crime_skipped": len(rows) - len(located),
        "polygons": len(keys),
        "invalid_polygons": invalid,
        "uniform_points": len(uniform),
        "uniform_seconds": time.perf_counter() - started,
    }


# -- the two tools, each run in a subprocess ---------------------------------------------------


# The crimes take milliseconds, so they are timed more often to steady the best time.
SMALL_WORKLOAD_FACTOR = 4


def runs_for(name: str, repeat: int) -> int:
    return repeat * SMALL_WORKLOAD_FACTOR if name == "crimes" else repeat


def timed(fn, repeat: int):
    """Run ``fn`` ``repeat`` times: the last result, wall-clock times and CPU times (s)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return result, times, cpu


def worker_areaindex(workdir: Path, repeat: int) -> dict:
    from commonweal.places.spatial import AreaIndex

    keys, geoms = load_lsoas()
    workloads = {name: np.load(workdir / f"{name}.npy") for name in ("crimes", "uniform")}
    out = {"loaded_rss_mib": rss_mib()}
    reset_peak()
    started, started_cpu = time.perf_counter(), time.process_time()
    index = AreaIndex(zip(keys.tolist(), geoms, strict=True))
    out["build_s"] = time.perf_counter() - started
    out["build_cpu_s"] = time.process_time() - started_cpu
    out["build_peak_mib"] = peak_mib()
    out["index_arrays_mib"] = index.nbytes / 2**20
    out["after_build_rss_mib"] = rss_mib()
    for name, pts in workloads.items():
        xs, ys = np.ascontiguousarray(pts[:, 0]), np.ascontiguousarray(pts[:, 1])
        out[f"{name}_before_mib"] = rss_mib()
        reset_peak()
        answers, times, cpu = timed(
            lambda xs=xs, ys=ys: index.lookup_many(xs, ys), runs_for(name, repeat)
        )
        out[f"{name}_query_s"], out[f"{name}_query_cpu_s"] = times, cpu
        out[f"{name}_peak_mib"] = peak_mib()
        np.save(workdir / f"areaindex_{name}.npy", index.lookup_indices(xs, ys))
        assert answers.shape == (len(xs),)
    return out


def worker_geopandas(workdir: Path, repeat: int) -> dict:
    import geopandas as gpd

    keys, geoms = load_lsoas()
    polygons = gpd.GeoDataFrame({"LSOA11CD": keys}, geometry=repaired(geoms), crs="EPSG:4326")
    workloads = {name: np.load(workdir / f"{name}.npy") for name in ("crimes", "uniform")}
    out = {"loaded_rss_mib": rss_mib()}
    reset_peak()
    started, started_cpu = time.perf_counter(), time.process_time()
    polygons.sindex  # noqa: B018  -- sjoin queries the right-hand frame's STRtree
    out["build_s"] = time.perf_counter() - started
    out["build_cpu_s"] = time.process_time() - started_cpu
    out["build_peak_mib"] = peak_mib()
    out["after_build_rss_mib"] = rss_mib()
    for name, pts in workloads.items():
        started = time.perf_counter()
        points = gpd.GeoDataFrame(
            geometry=gpd.points_from_xy(pts[:, 0], pts[:, 1]), crs="EPSG:4326"
        )
        out[f"{name}_points_s"] = time.perf_counter() - started
        out[f"{name}_before_mib"] = rss_mib()
        reset_peak()
        joined, times, cpu = timed(
            lambda points=points: gpd.sjoin(points, polygons, predicate="intersects"),
            runs_for(name, repeat),
        )
        out[f"{name}_query_s"], out[f"{name}_query_cpu_s"] = times, cpu
        out[f"{name}_peak_mib"] = peak_mib()
        # For reference: the same query straight through the STRtree, without pandas.
        _, out[f"{name}_strtree_s"], _ = timed(
            lambda points=points: polygons.sindex.query(
                points.geometry.values, predicate="intersects"
            ),
            runs_for(name, repeat),
        )
        # Rows are in key order, so the smallest row number is the smallest LSOA code.
        started = time.perf_counter()
        best = np.full(len(points), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(best, joined.index.to_numpy(), joined["index_right"].to_numpy())
        best[best == np.iinfo(np.int64).max] = -1
        out[f"{name}_smallest_key_s"] = time.perf_counter() - started
        out[f"{name}_multiple_matches"] = int(len(joined) - (best >= 0).sum())
        np.save(workdir / f"geopandas_{name}.npy", best)
    return out


def run_worker(tool: str, workdir: Path, repeat: int) -> dict:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            tool,
            "--workdir",
            str(workdir),
            "--repeat",
            str(repeat),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {tool} run failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- report ------------------------------------------------------------------------------------


def versions() -> str:
    import geopandas
    import pyogrio

    return (
        f"Python {platform.python_version()}, shapely {shapely.__version__} "
        f"(GEOS {shapely.geos_version_string}), numpy {np.__version__}, "
        f"geopandas {geopandas.__version__}, pyogrio {pyogrio.__version__}"
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}"


def report(info: dict, ours: dict, theirs: dict, agreement: dict, repeat: int) -> str:
    workloads = (
        ("crimes", f"{info['crime_located']:,} crimes"),
        ("uniform", f"{info['uniform_points']:,} random points"),
    )
    rows = [
        (
            "index build, wall / CPU",
            f"{ours['build_s']:.2f} s / {ours['build_cpu_s']:.2f} s",
            f"{theirs['build_s']:.2f} s / {theirs['build_cpu_s']:.2f} s (its STRtree)",
            "",
        )
    ]
    for name, label in workloads:
        for kind, field in (("wall", "query_s"), ("CPU", "query_cpu_s")):
            mine, other = min(ours[f"{name}_{field}"]), min(theirs[f"{name}_{field}"])
            ratio = f"{other / mine:.1f}x"
            rows.append(
                (
                    f"query, {label}, {kind}",
                    fmt_s(mine),
                    fmt_s(other),
                    f"**{ratio}**" if kind == "wall" else ratio,
                )
            )
    for name, label in workloads:
        a = agreement[name]
        verdict = "identical, point for point" if a["differ"] == 0 else f"{a['differ']:,} DIFFER"
        matched = f"{a['matched']:,} matched"
        rows.append((f"answers, {label}", matched, matched, verdict))
    rows.append(
        (
            "peak RSS during build (rise)",
            mib(ours["build_peak_mib"], ours["loaded_rss_mib"]),
            mib(theirs["build_peak_mib"], theirs["loaded_rss_mib"]),
            "",
        )
    )
    for name, label in workloads:
        rows.append(
            (
                f"peak RSS during query, {label} (rise)",
                mib(ours[f"{name}_peak_mib"], ours[f"{name}_before_mib"]),
                mib(theirs[f"{name}_peak_mib"], theirs[f"{name}_before_mib"]),
                "",
            )
        )
    table = ["| | AreaIndex | geopandas.sjoin | sjoin time / AreaIndex time |"]
    table.append("|---|---:|---:|---:|")
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]

    extra = agreement["uniform"]["multiple"], agreement["crimes"]["multiple"]
    notes = [
        f"Machine: {machine()}; {versions()}.",
        f"Polygons: {info['polygons']:,} LSOA 2011 boundaries (December 2011, super "
        f"generalised, clipped). {info['invalid_polygons']} are invalid (overlapping shells in "
        "one multipolygon); both tools get them repaired the same way, with "
        '`make_valid(method="structure")`, which unions the shells.',
        f"Workloads: (1) West Yorkshire street crimes, July 2018: {info['crime_rows']:,} rows, "
        f"of which {info['crime_skipped']:,} have no coordinates and are skipped; (2) "
        f"{info['uniform_points']:,} random points inside England and Wales (numpy seed "
        f"{SEED}, uniform over the bounding box, kept if inside the union of the LSOAs).",
        f"Times are the best of {runs_for('crimes', repeat)} runs for the crimes and "
        f"{repeat} for the random points, wall clock and process CPU (the machine is "
        "shared, so CPU time is the steadier figure). Wall-clock runs for the random points: "
        f"AreaIndex {runs(ours['uniform_query_s'])}, sjoin {runs(theirs['uniform_query_s'])}; "
        "for the crimes, median and worst: AreaIndex "
        f"{fmt_s(statistics.median(ours['crimes_query_s']))} and "
        f"{fmt_s(max(ours['crimes_query_s']))}, sjoin "
        f"{fmt_s(statistics.median(theirs['crimes_query_s']))} and "
        f"{fmt_s(max(theirs['crimes_query_s']))}.",
        'The sjoin time is the `gpd.sjoin(points, polygons, predicate="intersects")` call '
        "alone, with the polygons' STRtree already built. Not counted against it: building "
        f"the points GeoDataFrame ({fmt_s(theirs['uniform_points_s'])} for the random points) "
        "and keeping the smallest LSOA code for points that sjoin matches more than once "
        f"({fmt_s(theirs['uniform_smallest_key_s'])}; {extra[0]:,} and {extra[1]:,} extra "
        "matches). For reference, the same query made directly on the STRtree, without "
        f"pandas, took {fmt_s(min(theirs['crimes_strtree_s']))} and "
        f"{fmt_s(min(theirs['uniform_strtree_s']))}. "
        "AreaIndex's time is `lookup_many(lons, lats)` returning an array of codes; "
        "its build covers checking and sorting the keys, checking and repairing the "
        f"geometries and building the cell grid, whose arrays take "
        f"{ours['index_arrays_mib']:.0f} MiB.",
        "Memory: the kernel's peak resident set size (VmHWM) of each tool's own subprocess, "
        "reset before each phase; in brackets, the rise over the resident size when the phase "
        f"began (after loading the polygons: AreaIndex process {ours['loaded_rss_mib']:.0f} "
        f"MiB, geopandas process {theirs['loaded_rss_mib']:.0f} MiB). Preparing the random "
        f"points took {info['uniform_seconds']:.1f} s and is in neither tool's time.",
    ]
    return "\n".join(table) + "\n\n" + "\n\n".join(notes) + "\n"


def mib(peak: float, before: float) -> str:
    return f"{peak:.0f} MiB (+{max(peak - before, 0):.0f})"


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def runs(times: list[float]) -> str:
    return "/".join(fmt_s(t) for t in times)


def update_docs(markdown: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{DOCS} has no {START} ... {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOCS.write_text(f"{head}{START}\n{markdown}{END}{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query")
    parser.add_argument("--points", type=int, default=1_000_000, help="random points")
    parser.add_argument("--update-docs", action="store_true", help=f"rewrite the table in {DOCS}")
    parser.add_argument("--worker", choices=["areaindex", "geopandas"], help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        run = worker_areaindex if args.worker == "areaindex" else worker_geopandas
        print(json.dumps(run(args.workdir, args.repeat)))
        return 0

    for path in (lsoa_path(), crime_path()):
        if not path.is_file():
            raise SystemExit(f"missing {path} (set COMMONWEAL_SHARED_DATA)")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lookup-bench-") as tmp:
        workdir = Path(tmp)
        print("preparing workloads ...", file=sys.stderr)
        info = prepare_workloads(workdir, args.points)
        print("running AreaIndex ...", file=sys.stderr)
        ours = run_worker("areaindex", workdir, args.repeat)
        print("running geopandas.sjoin ...", file=sys.stderr)
        theirs = run_worker("geopandas", workdir, args.repeat)
        agreement = {}
        for name in ("crimes", "uniform"):
            mine = np.load(workdir / f"areaindex_{name}.npy")
            other = np.load(workdir / f"geopandas_{name}.npy")
            agreement[name] = {
                "points": len(mine),
                "matched": int((mine >= 0).sum()),
                "differ": int((mine != other).sum()),
                "multiple": theirs[f"{name}_multiple_matches"],
            }
    markdown = report(info, ours, theirs, agreement, args.repeat)
    print(markdown)
    print(f"(whole run: {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.update_docs:
        update_docs(markdown)
    differ = {name: a["differ"] for name, a in agreement.items() if a["differ"]}
    if differ:
        print(f"ANSWERS DIFFER: {differ}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
