"""Street crime import: Commonweal's whole import against DuckDB reading and grouping the
same CSV, side by side, on SQLite and on PostgreSQL.

Two files, both data.police.uk street-level CSV:

1. the full July 2018 West Yorkshire Police file (31,635 rows, real);
2. a synthetic national month of 550,000 rows, made at run time by repeating the real rows
   (each repeat's Crime ID re-hashed so it stays unique), written to a temporary folder.

Commonweal's time is one `run_import(PoliceStreetCrime(), path, commit=True)`: parse and
validate every row, place each point in its LSOA (the 34,753 LSOA 2011 boundaries of
England and Wales are loaded first, untimed), store every row (in the month's Parquet file,
ADR 0019) and write the per-area monthly counts to the database. DuckDB's is `SELECT
"LSOA code", "Crime type", count(*) FROM read_csv(...) GROUP BY ALL`, fetched. Each runs
in its own subprocess, so its peak memory (VmHWM, reset before each phase) is its own.

Usage::

    python benchmarks/crime/run.py [--rows 550000] [--databases sqlite,postgresql]
        [--postgres postgres://postgres@127.0.0.1:5432/cw_bench] [--update-docs]

The PostgreSQL database is created if it does not exist, and emptied (migrated afresh).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

DOCS = REPO_ROOT / "docs" / "benchmarks.md"
START, END = "<!-- crime-benchmark:start -->", "<!-- crime-benchmark:end -->"
TARGET = 15
# Each tool's time is the best of its runs (the machine is shared); DuckDB's runs are quick.
REPEAT = 3
DUCKDB_REPEAT = 5
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/cw_bench"


def shared_data() -> Path:
    default = REPO_ROOT.parent / "shared" / "data"
    return Path(os.environ.get("COMMONWEAL_SHARED_DATA", default)).resolve()


def west_yorkshire() -> Path:
    return shared_data() / "crime" / "west-yorkshire" / "2018-07-west-yorkshire-street.csv.gz"


def lsoa_boundaries() -> Path:
    return shared_data() / "national" / "lsoa2011_bsc_england_wales.geojson.gz"


# -- memory ------------------------------------------------------------------------------------


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def rss_mib() -> float:
    return _status_kib("VmRSS") / 1024


def peak_mib() -> float:
    return _status_kib("VmHWM") / 1024


# -- the files ---------------------------------------------------------------------------------


def prepare(workdir: Path, rows: int) -> dict[str, Path]:
    """The real file, uncompressed, and the synthetic national month made from it."""
    real = workdir / "2018-07-west-yorkshire-street.csv"
    national = workdir / "2018-07-national-street.csv"
    with gzip.open(west_yorkshire(), "rt", encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        records = list(reader)
    with real.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(records)
    with national.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        written, copy = 0, 0
        while written < rows:
            for record in records[: rows - written]:
                if copy and record[0]:
                    digest = hashlib.sha256(f"{record[0]}:{copy}".encode()).hexdigest()
                    record = [digest, *record[1:]]
                writer.writerow(record)
            written += min(len(records), rows - written)
            copy += 1
    return {"west_yorkshire": real, "national": national}


def count_rows(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle) - 1


# -- workers -----------------------------------------------------------------------------------


def duckdb_worker(files: dict[str, str], repeat: int) -> dict:
    import duckdb

    connection = duckdb.connect()
    results = {}
    for label, path in files.items():
        reset_peak()
        before = rss_mib()
        times, cpus = [], []
        for _ in range(repeat):
            started, cpu = time.perf_counter(), time.process_time()
            groups = connection.execute(
                'SELECT "LSOA code", "Crime type", count(*) FROM read_csv(?, header = true) '
                "GROUP BY ALL",
                [path],
            ).fetchall()
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
        results[label] = {
            "seconds": min(times),
            "cpu_seconds": min(cpus),
            "runs": times,
            "groups": len(groups),
            "rows": sum(row[2] for row in groups),
            "peak_mib": peak_mib(),
            "rise_mib": peak_mib() - before,
        }
    results["version"] = duckdb.__version__
    return results


def commonweal_worker(files: dict[str, str], database: str, workdir: str) -> dict:
    os.environ["COMMONWEAL_VAR_DIR"] = str(Path(workdir) / f"var-{database}")
    Path(os.environ["COMMONWEAL_VAR_DIR"]).mkdir(exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonweal.settings")
    # As deployed: with DEBUG on, Django would also format and keep the SQL of every query.
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from commonweal.datasets.importing import get_importer, run_import
    from commonweal.datasets.models import DataSet
    from commonweal.opendata import crime_store
    from commonweal.opendata.models import CrimeCount, CrimeMonth
    from commonweal.places import spatial_cache

    call_command("migrate", verbosity=0)
    if database == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    started = time.perf_counter()
    run_import(get_importer("lsoa2011-boundaries")(), lsoa_boundaries(), commit=True)
    setup = time.perf_counter() - started
    started = time.perf_counter()
    spatial_cache.layers(*spatial_cache.INDEXED_TYPES)  # built once per process, untimed
    # Library start-up, untimed as DuckDB's import and connect are: pyarrow loads pandas (when
    # installed) on its first conversion from Python objects, about 0.8 s once per process.
    import pyarrow

    pyarrow.array([0])
    index = time.perf_counter() - started
    results = {"setup_seconds": setup, "index_seconds": index, "vendor": connection.vendor}
    importer = get_importer("police-street-crime")
    for label, path in files.items():
        times, cpus, servers, peaks = [], [], [], []
        for _ in range(REPEAT):
            # Each run into empty tables and an empty store, as a first import.
            CrimeCount.objects.all().delete()
            CrimeMonth.objects.all().delete()
            DataSet.objects.filter(source="police-street-crime").delete()
            reset_peak()
            before = rss_mib()
            server = _server_cpu(connection)
            started, cpu = time.perf_counter(), time.process_time()
            report = run_import(importer(), Path(path), commit=True)
            times.append(time.perf_counter() - started)
            servers.append(_server_cpu(connection) - server)
            cpus.append(time.process_time() - cpu + servers[-1])
            peaks.append((peak_mib(), peak_mib() - before))
        placed = sum(
            len(crime_store.read_file(stored, ["area_code"])["area_code"].drop_null())
            for _month, stored in crime_store.months()
        )
        started = time.perf_counter()
        again = run_import(importer(), Path(path), commit=True)
        best = min(range(REPEAT), key=times.__getitem__)
        results[label] = {
            "seconds": times[best],
            "cpu_seconds": min(cpus),
            "server_cpu_seconds": servers[best],
            "runs": times,
            "again_seconds": time.perf_counter() - started,
            "rows": report.rows_read,
            "created": report.created,
            "again_unchanged": again.unchanged,
            "stored": sum(CrimeMonth.objects.values_list("rows", flat=True)),
            "placed": placed,
            "counts": CrimeCount.objects.count(),
            "peak_mib": max(peak for peak, _ in peaks),
            "rise_mib": max(rise for _, rise in peaks),
        }
    return results


def _server_cpu(connection) -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend (same machine)."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_worker(args: list[str]) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


# -- the report --------------------------------------------------------------------------------


def table(rows: int, duck: dict, ours: dict[str, dict]) -> str:
    labels = {
        "west_yorkshire": "West Yorkshire, July 2018 (31,635 rows)",
        "national": f"synthetic national month ({rows:,} rows)",
    }
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    lines = [
        "| file | DuckDB read + group | "
        + " | ".join(f"Commonweal import, {names[d]} | ratio" for d in ours)
        + " |",
        "|---|---:|" + "---:|---:|" * len(ours),
    ]
    for key, label in labels.items():
        cells = [label, f"{duck[key]['seconds']:.2f} s"]
        for result in ours.values():
            ratio = result[key]["seconds"] / duck[key]["seconds"]
            mark = "" if ratio <= TARGET else " (over target)"
            cells += [f"{result[key]['seconds']:.2f} s", f"**{ratio:.1f}x**{mark}"]
        lines.append("| " + " | ".join(cells) + " |")
    for key, label in labels.items():
        cells = [f"CPU time, {label.split(' (')[0]}", f"{duck[key]['cpu_seconds']:.2f} s"]
        for result in ours.values():
            ratio = result[key]["cpu_seconds"] / duck[key]["cpu_seconds"]
            cells += [f"{result[key]['cpu_seconds']:.2f} s", f"{ratio:.1f}x"]
        lines.append("| " + " | ".join(cells) + " |")
    for key, label in labels.items():
        cells = [f"peak RSS (rise), {label.split(' (')[0]}", _mem(duck[key])]
        for result in ours.values():
            cells += [_mem(result[key]), ""]
        lines.append("| " + " | ".join(cells) + " |")
    for key, label in labels.items():
        cells = [f"re-import, nothing changes, {label.split(' (')[0]}", ""]
        for result in ours.values():
            cells += [f"{result[key]['again_seconds']:.2f} s", ""]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _mem(result: dict) -> str:
    return f"{result['peak_mib']:.0f} MiB (+{result['rise_mib']:.0f})"


def details(rows: int, duck: dict, ours: dict[str, dict]) -> str:
    any_result = next(iter(ours.values()))
    wy, nat = any_result["west_yorkshire"], any_result["national"]
    return (
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"DuckDB {duck['version']}. Boundaries: the 34,753 LSOA 2011 areas of England and Wales, "
        f"imported before the runs (untimed: {any_result['setup_seconds']:.0f} s; the spatial "
        f"index {any_result['index_seconds']:.1f} s, built once per process). "
        f"Rows stored: {wy['stored']:,} and {nat['stored']:,}; placed in an LSOA: "
        f"{wy['placed']:,} and {nat['placed']:,} (the rest have no location); area, month and "
        f"category counts: {wy['counts']:,} and {nat['counts']:,}. DuckDB grouped "
        f"{duck['west_yorkshire']['rows']:,} and {duck['national']['rows']:,} rows into "
        f"{duck['west_yorkshire']['groups']:,} and {duck['national']['groups']:,} groups; its "
        f"time is the best of {DUCKDB_REPEAT} runs, Commonweal's the best of {REPEAT} imports, "
        "each into empty tables and an empty store. Memory: "
        "the kernel's peak resident set size (VmHWM) of each tool's own process, reset before "
        "each run; in brackets, the largest rise over the resident size when a run began. "
        "CPU time is the process's own (all DuckDB's threads), and for PostgreSQL also its "
        "server backend's, read from /proc; the machine is shared, so CPU time is the "
        f"steadier figure (load average when the run ended: {os.getloadavg()[0]:.1f})."
    )


def update_docs(text: str) -> None:
    content = DOCS.read_text()
    block = f"{START}\n{text}\n{END}"
    if START in content:
        head, rest = content.split(START, 1)
        content = head + block + rest.split(END, 1)[1]
    else:
        content = content.rstrip() + "\n\n## Street crime import\n\n" + block + "\n"
    DOCS.write_text(content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=550_000)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--postgres", default=DEFAULT_PG)
    parser.add_argument("--update-docs", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        files = json.loads(args.files)
        if args.worker == "duckdb":
            result = duckdb_worker(files, repeat=DUCKDB_REPEAT)
        else:
            result = commonweal_worker(files, args.worker, args.workdir)
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory(prefix="commonweal-crime-bench-") as tmp:
        files = {key: str(path) for key, path in prepare(Path(tmp), args.rows).items()}
        assert count_rows(Path(files["national"])) == args.rows
        print(f"Files written to {tmp}", file=sys.stderr)
        duck = run_worker(["--worker", "duckdb", "--files", json.dumps(files)])
        ours = {}
        for database in args.databases.split(","):
            if database == "postgresql":
                _ensure_database(args.postgres)
                os.environ["DATABASE_URL"] = args.postgres
            else:
                os.environ.pop("DATABASE_URL", None)
            print(f"Importing on {database}…", file=sys.stderr)
            ours[database] = run_worker(
                ["--worker", database, "--files", json.dumps(files), "--workdir", tmp]
            )
    text = table(args.rows, duck, ours) + "\n\n" + details(args.rows, duck, ours)
    print(text)
    print(json.dumps({"duckdb": duck, **ours}, indent=1), file=sys.stderr)
    if args.update_docs:
        update_docs(text)
    over = [
        (database, key)
        for database, result in ours.items()
        for key in ("west_yorkshire", "national")
        if result[key]["seconds"] > TARGET * duck[key]["seconds"]
    ]
    if over:
        print(f"Over the {TARGET}x target: {over}", file=sys.stderr)
    return 0


def _ensure_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    sys.exit(main())
