"""National scale, measured (issue 17): the post-reform country — 34 provinces, 3,321 commune
committees, ten years of half-year reports — at a fraction `--scale` of its size, on SQLite and
on PostgreSQL. Prints, per database, the median and p95 of repeated runs of: the status board
of the national request, the consolidation of the root, a province and a commune (with and
without the per-unit breakdown), a ten-year series of one indicator for a province and for the
root, a search, each dashboard, and the database size; then the goals and the gap, measured
and extrapolated linearly to --scale 1.0 (pessimistic for indexed lookups). A goal not met is
printed as its gap; the bench exits non-zero only when it crashes.

    .venv/bin/python bench/scale.py [--scale 0.01] [--periods 20] [--indicators 60]
                                    [--repeat 5] [--only sqlite|postgres] [--fresh]
                                    [--tag NAME] [--cache-dir DIR]

The generated database is cached between runs (var/bench-scale-…/ for SQLite, a database
named danvan_scale_… on PostgreSQL, suffixed with --tag); --fresh builds it again. A country at
full size per period is `--scale 1 --periods 2 --indicators 200` (~1 million values a period).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pgdb import database_url, ensure_database  # noqa: E402

GOALS_PG = {"board": 200.0, "consolidation province": 200.0}  # ms; everything else 1,000 ms
DEFAULT_GOAL = 1000.0
SQLITE_FACTOR = 3.0
COMMUNE_OPS = ("consolidation commune", "consolidation commune, no breakdown")


def _key(args) -> str:
    key = f"{args.scale:g}-{args.periods}-{args.indicators}".replace(".", "_")
    return f"{key}-{args.tag}" if args.tag else key


def _worker_command(label: str, args) -> list[str]:
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        label,
        "--scale",
        str(args.scale),
        "--periods",
        str(args.periods),
        "--indicators",
        str(args.indicators),
        "--repeat",
        str(args.repeat),
    ]


def _run(label: str, env_extra: dict, args) -> dict | None:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(env_extra, DJANGO_SETTINGS_MODULE="danvan.settings")
    proc = subprocess.run(
        _worker_command(label, args), env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    result = None
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
        else:
            print(f"[{label}] {line}", flush=True)
    if proc.returncode != 0 or result is None:
        raise SystemExit(f"[{label}] the worker crashed (exit {proc.returncode})")
    return result


def _sqlite(args) -> dict | None:
    folder = Path(args.cache_dir) / f"bench-scale-{_key(args)}"
    if args.fresh and folder.exists():
        for item in folder.iterdir():
            if item.name.startswith("danvan.sqlite3"):
                item.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    key_file = ROOT / "var" / "secret_key"
    if key_file.exists() and not (folder / "secret_key").exists():
        (folder / "secret_key").write_text(key_file.read_text())
    return _run("sqlite", {"DANVAN_DATA_DIR": str(folder)}, args)


def _postgres(args) -> dict | None:
    import psycopg

    name = f"danvan_scale_{_key(args)}"
    try:
        admin = psycopg.connect(database_url(args.pg_url, "postgres"), autocommit=True)
    except psycopg.Error as error:
        print(f"[postgres] skipped: cannot connect ({error})".strip())
        return None
    with admin:
        ensure_database(admin, name, args.fresh)
    folder = Path(args.cache_dir) / f"bench-scale-pg-{_key(args)}"
    folder.mkdir(parents=True, exist_ok=True)
    return _run(
        "postgres",
        {"DANVAN_DATA_DIR": str(folder), "DATABASE_URL": database_url(args.pg_url, name)},
        args,
    )


def goal_for(vendor: str, name: str) -> float:
    goal = GOALS_PG.get(name, DEFAULT_GOAL)
    return goal * SQLITE_FACTOR if vendor == "sqlite" else goal


FULL_UNITS = 2 + 34 * 5 + 3321  # the root and its board, 34 × (committee, board, 3 agencies)
FULL_PERIODS = 20
FULL_VALUES_PER_PERIOD = FULL_UNITS * (200 + 30 * 3)  # 200 indicators, 30 with 3 options
FIXED_OPS = (*COMMUNE_OPS, "dashboard reporter")  # a unit's own: no bigger with the country


def growth(name: str, result: dict) -> float:
    """How much more an operation scans at the whole country than in this run: one period's
    figures for consolidations and the coordinator's dashboard, every period's for a series,
    the passages of every period for the search, one request's units for the board."""
    units = FULL_UNITS / max(result["units"], 1)
    periods = FULL_PERIODS / max(result["periods"], 1)
    if name.startswith(("consolidation", "dashboard coordinator")):
        per_period = result["values"] / max(result["periods"], 1)
        return FULL_VALUES_PER_PERIOD / max(per_period, 1)
    if name.startswith(("series", "search")):
        return units * periods
    return units


def estimate(name: str, p95: float, floor: float, result: dict) -> float:
    """p95 at the whole country: a fixed part (`floor`: a commune's own consolidation, the
    queries every call makes whatever the size) plus the rest grown linearly with what the
    operation scans — pessimistic where an index narrows the scan."""
    if name in FIXED_OPS:
        return p95
    # The fixed part is a consolidation's; other operations grow whole (pessimistic).
    fixed = min(floor, p95) if name.startswith(("consolidation", "dashboard")) else 0.0
    return fixed + (p95 - fixed) * growth(name, result)


def report(result: dict, scale: float) -> list[str]:
    """The table of one database: median, p95, goal, and the gap measured and estimated."""
    vendor = result["database"]
    timings = result["timings"]
    floor = min(timings[name][1] for name in COMMUNE_OPS)
    lines = [
        f"{vendor}: {result['units']:,} units, {result['values']:,} values, "
        f"{result['periods']} periods, database {result['size_mib']:.0f} MiB "
        f"(generated in {result['generate_s']:.0f} s{', cached' if result['cached'] else ''})",
        f"  {'operation':42} {'median':>9} {'p95':>9} {'goal':>7} {'at 1.0 (est.)':>14}  verdict",
    ]
    for name, (median, p95) in timings.items():
        goal = goal_for(vendor, name)
        at_full = estimate(name, p95, floor, result)
        if p95 > goal:
            verdict = f"GAP: {p95 - goal:,.0f} ms over the goal here"
        elif at_full > goal:
            verdict = f"met here; est. {at_full - goal:,.0f} ms over at full scale"
        else:
            verdict = "goal met"
        lines.append(
            f"  {name:42} {median:7.0f}ms {p95:7.0f}ms {goal:5.0f}ms {at_full:12,.0f}ms  {verdict}"
        )
    return lines


def _timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def worker(args) -> None:
    import django

    django.setup()
    import scale_data
    import scale_ops
    from django.core.management import call_command
    from django.db import connection

    from danvan.orgs.models import OrgUnit

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    cached = OrgUnit.objects.filter(code="VN").exists()
    if cached:
        shape = scale_ops.shape()
    else:
        print(f"generating scale {args.scale:g} …", flush=True)
        shape = scale_data.generate(args.scale, args.indicators, args.periods)
    generate_s = time.perf_counter() - started
    operations = scale_ops.operations()
    timings = {name: _timed(fn, args.repeat) for name, fn in operations.items()}
    result = {
        "database": connection.vendor,
        "cached": cached,
        "generate_s": generate_s,
        "size_mib": scale_ops.database_size() / 2**20,
        "timings": timings,
        **shape,
    }
    print("RESULT " + json.dumps(result), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--periods", type=int, default=20)
    parser.add_argument("--indicators", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument(
        "--cache-dir", default=str(ROOT / "var"), help="where SQLite's copy is kept"
    )
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/")
    parser.add_argument(
        "--tag", default="", help="added to the cached databases' names (a branch's own copies)"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 0 < args.scale <= 1 or not 1 <= args.periods <= 40 or not 1 <= args.indicators <= 500:
        parser.error("--scale in (0, 1], --periods in 1..40, --indicators in 1..500")
    if args.worker:
        worker(args)
        return
    results = []
    if args.only in (None, "sqlite"):
        results.append(_sqlite(args))
    if args.only in (None, "postgres"):
        results.append(_postgres(args))
    print()
    print(
        f"Goals: PostgreSQL under {DEFAULT_GOAL:.0f} ms each, the board and a province's "
        f"consolidation under 200 ms; SQLite within {SQLITE_FACTOR:g}× of that. p95 of "
        f"{args.repeat} runs after a warm-up. 'at 1.0' estimates the whole country (3,493 units, "
        f"200 indicators, 20 periods): a commune's own consolidation as the fixed part, the rest "
        f"grown linearly with the figures, passages or units scanned. Load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}."
    )
    for result in results:
        if result:
            print("\n".join(report(result, args.scale)))


if __name__ == "__main__":
    main()
