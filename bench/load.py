"""Under load (issue 17): the site served by `danvan serve` (gunicorn and its worker) on
PostgreSQL, driven by Locust as a library (headless) from this process, on 127.0.0.1 only.

1. Prepares the country of bench/scale_data.py at `--scale` in a PostgreSQL database
   `danvan_load_…` (cached between runs; --fresh builds it again), with login accounts, and
   one open request for the reporters, written through the project's services (load_data.py).
2. Starts `danvan serve --workers W --threads T` on a free port of 127.0.0.1; stops it at the end.
3. Runs `--users` simulated people (load_users.py), each waiting 1–5 s between actions, for
   `--duration` seconds or `--max-requests` requests, after they have all logged in.
4. Prints the throughput, p50/p95/p99 per page and the errors, then the saturation point:
   users without waiting, stepped up (`--steps`), until the p95 of all pages passes 1 s.
5. Prints the goals (at 50 users: p95 under 200 ms for reads, under 500 ms for saves, no
   errors) and the gap. Exits non-zero only when it crashes.

    .venv/bin/python bench/load.py [--scale 0.02] [--users 50] [--duration 60]
        [--max-requests 20000] [--workers 2] [--threads 1] [--steps 1,2,5,10,20,40,80]
        [--step-duration 15] [--no-saturation] [--fresh]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import gevent
from locust.env import Environment

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from pgdb import database_url, ensure_database  # noqa: E402

HOST = "127.0.0.1"
# `danvan serve` collects and compresses the static files (ECharts' whole dist) at each start:
# minutes on a busy two-core machine.
START_LIMIT_S = 900
READ_GOAL_MS = 200.0
SAVE_GOAL_MS = 500.0
SATURATION_MS = 1000.0
LOGIN = ("login", "login page")
PERCENTILES = (0.5, 0.95, 0.99)


def _key(args) -> str:
    return f"{args.scale:g}-{args.periods}-{args.indicators}".replace(".", "_")


def prepare(args) -> tuple[dict, dict]:
    """The load database (created when missing) and what the users need; the environment
    the server runs with."""
    import psycopg

    name = f"danvan_load_{_key(args)}"
    with psycopg.connect(database_url(args.pg_url, "postgres"), autocommit=True) as admin:
        ensure_database(admin, name, args.fresh)
    folder = Path(args.cache_dir) / f"bench-load-pg-{_key(args)}"
    folder.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DANVAN_DATA_DIR=str(folder),
        DATABASE_URL=database_url(args.pg_url, name),
        DJANGO_SETTINGS_MODULE="danvan.settings",
    )
    command = [sys.executable, str(BENCH / "load_data.py"), "--scale", str(args.scale)]
    command += ["--periods", str(args.periods), "--indicators", str(args.indicators)]
    command += ["--reporters", str(args.reporters)]
    proc = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    data = None
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            data = json.loads(line[len("RESULT ") :])
        else:
            print(f"[prepare] {line}", flush=True)
    if proc.returncode != 0 or data is None:
        raise SystemExit(f"preparing the data failed (exit {proc.returncode})")
    data["database"] = name
    return data, env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(args, env: dict) -> tuple[subprocess.Popen, str, Path]:
    port = _free_port()
    log = Path(env["DANVAN_DATA_DIR"]) / "serve.log"
    danvan = str(Path(sys.executable).with_name("danvan"))
    command = [danvan, "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(args.workers), "--threads", str(args.threads)]
    with log.open("w") as out:
        server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=out)
    url = f"http://{HOST}:{port}"
    print(f"starting danvan serve on {url} (collectstatic first; log {log}) …", flush=True)
    started = time.monotonic()
    deadline = started + START_LIMIT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"danvan serve stopped (exit {server.returncode}); see {log}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:
                if response.status == 200:
                    print(f"  answering after {time.monotonic() - started:.0f} s", flush=True)
                    return server, url, log
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(server)
    raise SystemExit(f"danvan serve did not answer within {START_LIMIT_S} s; see {log}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
    try:
        server.wait(40)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _spawned(env: Environment, users: int, limit_s: float = 600.0) -> None:
    """Until every user is started and has logged in (logins are not measured)."""
    import load_users

    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and (
        env.runner.user_count < users or load_users.LOGINS["done"] < users
    ):
        gevent.sleep(0.2)
    gevent.sleep(1.0)


def _drained(url: str, limit_s: float = 300.0) -> None:
    """Until the server answers its health check within a second (the requests the stopped
    users left in its queue are served first)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=limit_s):
                pass
        except OSError:
            pass
        if time.monotonic() - started < 1.0:
            return
        gevent.sleep(1.0)


def _measure(env: Environment, seconds: float, max_requests: int) -> float:
    env.stats.reset_all()
    started = time.monotonic()
    while time.monotonic() - started < seconds and env.stats.total.num_requests < max_requests:
        gevent.sleep(0.25)
    return time.monotonic() - started


def snapshot(env: Environment, elapsed: float) -> dict:
    pages = {}
    for (name, _method), entry in sorted(env.stats.entries.items()):
        if not entry.num_requests:
            continue
        pages[name] = {
            "n": entry.num_requests,
            "failures": entry.num_failures,
            **{
                f"p{round(p * 100)}": entry.get_response_time_percentile(p) or 0.0
                for p in PERCENTILES
            },
        }
    total = env.stats.total
    measured = {n: p for n, p in pages.items() if n not in LOGIN}
    return {
        "elapsed": elapsed,
        "requests": total.num_requests,
        "failures": total.num_failures,
        "rps": total.num_requests / max(elapsed, 0.001),
        "p95": total.get_response_time_percentile(0.95) or 0.0,
        "pages": measured,
        "errors": [
            (e.name, e.error, e.occurrences)
            for e in sorted(env.stats.errors.values(), key=lambda e: -e.occurrences)
        ],
    }


def _environment(url: str, waiting: bool) -> Environment:
    import load_users

    load_users.set_waiting(waiting)
    load_users.LOGINS.clear()
    env = Environment(user_classes=list(load_users.USERS), host=url)
    env.create_local_runner()
    return env


def steady(url: str, args) -> dict:
    """`--users` people waiting 1–5 s between actions."""
    env = _environment(url, waiting=True)
    env.runner.start(args.users, spawn_rate=10)
    _spawned(env, args.users)
    logins = sum(env.stats.get(name, "POST").num_failures for name in ("login",))
    result = snapshot(env, _measure(env, args.duration, args.max_requests))
    env.runner.quit()
    result["login_failures"] = logins
    return result


def saturation(url: str, args) -> list[dict]:
    """Users without waiting, stepped up until the p95 of all pages passes 1 s."""
    env = _environment(url, waiting=False)
    steps = []
    for users in args.steps:
        env.runner.start(users, spawn_rate=max(users, 1))
        _spawned(env, users)
        result = snapshot(env, _measure(env, args.step_duration, args.max_requests))
        result["users"] = users
        steps.append(result)
        print(
            f"  {users:4d} users: {result['rps']:6.1f} req/s, p95 {result['p95']:6.0f} ms, "
            f"{result['failures']} failures",
            flush=True,
        )
        if result["p95"] > SATURATION_MS:
            break
    env.runner.quit()
    return steps


def goal_of(name: str) -> float:
    import load_users

    return SAVE_GOAL_MS if name in load_users.SAVES else READ_GOAL_MS


def page_table(result: dict) -> list[str]:
    lines = [
        f"  {'page':24} {'n':>6} {'fail':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'goal':>6}  verdict"
    ]
    for name, page in sorted(result["pages"].items()):
        goal = goal_of(name)
        gap = page["p95"] - goal
        verdict = "met" if gap <= 0 else f"GAP {gap:,.0f} ms"
        lines.append(
            f"  {name:24} {page['n']:6d} {page['failures']:5d} {page['p50']:5.0f}ms "
            f"{page['p95']:5.0f}ms {page['p99']:5.0f}ms {goal:4.0f}ms  {verdict}"
        )
    return lines


def verdicts(result: dict, steps: list[dict]) -> list[str]:
    import load_users

    lines = [
        f"Goals at {result['users']} users: p95 < {READ_GOAL_MS:.0f} ms for every read, "
        f"< {SAVE_GOAL_MS:.0f} ms for every save ({', '.join(load_users.SAVES)}), 0 errors."
    ]
    late = [
        (name, page["p95"] - goal_of(name))
        for name, page in result["pages"].items()
        if page["p95"] > goal_of(name)
    ]
    for name, gap in sorted(late, key=lambda item: -item[1]):
        lines.append(f"  GAP {name}: p95 {gap:,.0f} ms over its goal")
    errors = result["failures"] + result["login_failures"]
    lines.append(
        f"  GAP errors: {errors}" if errors else "  errors: none (goal met)",
    )
    if not late:
        lines.append("  every page within its goal")
    if steps:
        passed = next((s for s in steps if s["p95"] > SATURATION_MS), None)
        best = max(steps, key=lambda s: s["rps"])
        if passed:
            lines.append(
                f"Saturation: p95 passes {SATURATION_MS:.0f} ms at {passed['users']} users "
                f"without waiting, {passed['rps']:.1f} req/s (best seen {best['rps']:.1f} req/s)."
            )
        else:
            lines.append(
                f"Saturation: p95 stayed under {SATURATION_MS:.0f} ms up to {steps[-1]['users']} "
                f"users without waiting ({best['rps']:.1f} req/s at best); step higher with --steps."
            )
    return lines


def _machine() -> str:
    import psutil

    others = sum(
        1
        for proc in psutil.process_iter(["cmdline"])
        if any("pytest" in part for part in (proc.info["cmdline"] or [])[:3])
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, load average {load}, {others} pytest processes running"


def report(args, data: dict, result: dict, steps: list[dict], machine: tuple[str, str]) -> None:
    import load_users

    print()
    print(
        f"Danvan under load: {data['units']:,} units (scale {args.scale:g}), PostgreSQL "
        f"database {data['database']}, danvan serve --workers {args.workers} --threads "
        f"{args.threads}, on 127.0.0.1."
    )
    print(f"Machine before: {machine[0]}; after: {machine[1]}.")
    print(
        f"{result['users']} users waiting 1–5 s: {result['requests']:,} requests in "
        f"{result['elapsed']:.0f} s = {result['rps']:.1f} req/s, p95 of all {result['p95']:.0f} ms, "
        f"{result['failures']} failed requests, {result['login_failures']} refused logins; "
        + ", ".join(f"{k} {v}" for k, v in sorted(load_users.COUNTS.items()))
    )
    print("\n".join(page_table(result)))
    for name, error, count in result["errors"][:10]:
        print(f"  error ×{count} {name}: {error}")
    if steps:
        print("Saturation steps (no waiting):")
        for step in steps:
            print(
                f"  {step['users']:4d} users {step['rps']:6.1f} req/s  p95 {step['p95']:6.0f} ms  "
                f"{step['failures']} failures"
            )
    print("\n".join(verdicts(result, steps)))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.02)
    parser.add_argument("--periods", type=int, default=20)
    parser.add_argument("--indicators", type=int, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--reporters", type=int, default=60, help="reporter accounts to create")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds measured")
    parser.add_argument("--max-requests", type=int, default=20000, help="per phase or step")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--steps", default="1,2,5,10,20,40,80", help="users per saturation step (no waiting)"
    )
    parser.add_argument("--step-duration", type=float, default=15.0)
    parser.add_argument("--no-saturation", action="store_true")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--host", default=HOST, help="only 127.0.0.1 is accepted")
    parser.add_argument("--pg-url", default=f"postgres://postgres@{HOST}:5432/")
    parser.add_argument("--cache-dir", default=str(ROOT / "var"))
    args = parser.parse_args(argv)
    if args.host != HOST or urlsplit(args.pg_url).hostname != HOST:
        parser.error(f"this bench runs against {HOST} only (the site and PostgreSQL)")
    if not 0 < args.scale <= 1 or not 1 <= args.users <= 500 or args.duration > 3600:
        parser.error("--scale in (0, 1], --users in 1..500, --duration at most 3600 s")
    args.steps = [int(n) for n in args.steps.split(",") if n.strip()]
    if any(not 1 <= n <= 500 for n in args.steps):
        parser.error("--steps: users between 1 and 500")
    return args


def main(argv=None) -> None:
    import load_users

    args = parse_args(argv)
    before = _machine()
    data, env = prepare(args)
    load_users.configure(data)
    server, url, log = start_server(args, env)
    try:
        print(f"{args.users} users, 1–5 s between actions, {args.duration:g} s …", flush=True)
        result = steady(url, args)
        result["users"] = args.users
        steps = []
        if not args.no_saturation:
            _drained(url)
            print("saturation, no waiting:", flush=True)
            steps = saturation(url, args)
    finally:
        stop_server(server)
    report(args, data, result, steps, (before, _machine()))


if __name__ == "__main__":
    main()
