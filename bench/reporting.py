"""Reporting benchmark (issue 4, part 11): a generated tree of units, each with one submitted
report of indicator values for one period, on SQLite and on PostgreSQL. Times the status board
and the consolidation of the root, best of N and median, and prints a table. Asserts nothing.

    .venv/bin/python bench/reporting.py [--units 5000] [--indicators 60] [--repeat 5]
                                        [--only sqlite|postgres] [--queries]

Each database runs in its own subprocess (settings are read once per process): SQLite in a
temporary DANVAN_DATA_DIR, PostgreSQL in a throwaway database created and dropped here
(--pg-url, default postgres://postgres@127.0.0.1:5432/). The generated rows are written with
bulk_create; only the reads are timed. Every tenth indicator is broken down by a category of
three options, so a unit reports the indicator totals plus those options' values.
--queries prints the SQL each operation runs, with its time, and the query plans.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pgdb import database_url  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PERIOD = "2026S1"
PAGE = 50
GOAL_MS = 1000.0


# Parent: one subprocess per database, then the table --------------------------------------


def _run_worker(label: str, env_extra: dict[str, str], args) -> dict | None:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)  # SQLite unless the caller names a database
    env.update(env_extra, DJANGO_SETTINGS_MODULE="danvan.settings")
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        label,
        "--units",
        str(args.units),
        "--indicators",
        str(args.indicators),
        "--repeat",
        str(args.repeat),
    ]
    if args.queries:
        command.append("--queries")
    print(f"[{label}] generating {args.units} units × {args.indicators} indicators …", flush=True)
    proc = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    result = None
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
        else:
            print(f"[{label}] {line}")
    if proc.returncode != 0 or result is None:
        print(f"[{label}] failed (exit {proc.returncode})", flush=True)
        return None
    return result


def _sqlite(args) -> dict | None:
    with tempfile.TemporaryDirectory(prefix="danvan-bench-") as data_dir:
        return _run_worker("sqlite", {"DANVAN_DATA_DIR": data_dir}, args)


def _postgres(args) -> dict | None:
    import psycopg
    from psycopg import sql

    name = args.pg_db
    try:
        admin = psycopg.connect(database_url(args.pg_url, "postgres"), autocommit=True)
    except psycopg.Error as error:
        print(f"[postgres] skipped: cannot connect ({error})".strip())
        return None
    with admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            with tempfile.TemporaryDirectory(prefix="danvan-bench-") as data_dir:
                return _run_worker(
                    "postgres",
                    {"DANVAN_DATA_DIR": data_dir, "DATABASE_URL": database_url(args.pg_url, name)},
                    args,
                )
        finally:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _table(results: list[dict]) -> None:
    header = (
        "database",
        "units",
        "values",
        "generate s",
        "board ms",
        "consolidation ms",
        "breakdown ms",
        "no breakdown ms",
        "board MiB",
        "consolidation MiB",
        "max RSS MiB",
    )
    rows = [header]
    for r in results:
        rows.append(
            (
                r["database"],
                f"{r['units']:,}",
                f"{r['values']:,}",
                f"{r['generate_s']:.0f}",
                *(
                    f"{r[name][0]:.0f} / {r[name][1]:.0f}"
                    for name in ("board", "consolidation", "breakdown", "summary")
                ),
                f"{r['board_peak_mib']:.1f}",
                f"{r['consolidation_peak_mib']:.0f}",
                f"{r['max_rss_mib']:.0f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    print()
    for n, row in enumerate(rows):
        print(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print(f"""
Times are best / median of the runs, in ms. Goal: each under {GOAL_MS:.0f} ms.
  board              status_board(): the counts, the first page of {PAGE} rows and the row count.
  consolidation      consolidate() fully read: lines, per-unit breakdown (.units) and narrative.
  breakdown          the first read of .units alone: units × values cells.
  no breakdown       consolidate() read without touching .units (totals, last year, narrative).
  MiB                peak Python allocations (tracemalloc) in one untimed run; max RSS is the
                     whole worker's, generation included.""")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"Machine: {os.cpu_count()} CPUs, load average {load} (other work on the machine skews the medians)."
    )
    for r in results:
        print(
            f"{r['database']}: the per-unit breakdown holds {r['breakdown_units']:,} units × "
            f"{r['breakdown_keys']} values = {r['breakdown_cells']:,} cells."
        )
        for name, label in (
            ("board", "status board"),
            ("consolidation", "full consolidation"),
            ("summary", "consolidation without breakdown"),
        ):
            if r[name][0] > GOAL_MS:
                print(
                    f"{r['database']}: {label} is over the {GOAL_MS:.0f} ms goal"
                    + (
                        " — the per-unit breakdown is most of it."
                        if name == "consolidation" and r["breakdown"][0] > r["summary"][0]
                        else "."
                    )
                )


# Worker: generate, then time ---------------------------------------------------------------


def _shape(units: int) -> list[int]:
    """Units per level: city → districts → communes → grassroots, `units` in all."""
    districts = min(max(units - 1, 0), 12)
    communes = min(units - 1 - districts, districts * 12)
    return [1, districts, communes, units - 1 - districts - communes]


def _generate(n_units: int, n_indicators: int):
    from django.db import transaction
    from django.utils import timezone

    from danvan.indicators.models import Category, CategoryOption, Indicator
    from danvan.orgs.models import OrgUnit, UnitKind
    from danvan.reporting.models import (
        Assignment,
        DataValue,
        ReportRequest,
        ReportTemplate,
        Revision,
        RevisionKind,
        Submission,
        SubmissionStatus,
        TemplateIndicator,
    )
    from danvan.reporting.periods import data_window
    from danvan.reporting.services import ensure_period

    start = dt.date(2020, 1, 1)
    kinds = [
        UnitKind.PARTY_COMMITTEE,
        UnitKind.PARTY_COMMITTEE,
        UnitKind.PEOPLES_COMMITTEE,
        UnitKind.GRASSROOTS_PARTY,
    ]
    prefixes = ["TP", "QH", "PX", "CS"]
    names = ["Thành ủy", "Quận ủy", "Đảng ủy phường", "Chi bộ"]
    batch = 2000
    with transaction.atomic():
        levels: list[list[OrgUnit]] = []
        for depth, count in enumerate(_shape(n_units)):
            parents = levels[-1] if levels else [None]
            rows = []
            for n in range(count):
                parent = parents[n % len(parents)]
                code = f"{prefixes[depth]}{n + 1:05d}"
                rows.append(
                    OrgUnit(
                        code=code,
                        name=f"{names[depth]} {n + 1}",
                        kind=kinds[depth],
                        parent=parent,
                        path=f"{parent.path if parent else ''}{code}/",
                        depth=depth,
                        valid_from=start,
                    )
                )
            levels.append(OrgUnit.objects.bulk_create(rows, batch_size=batch))
        units = [u for level in levels for u in level]
        root = levels[0][0]

        category = Category.objects.create(code="doi-tuong", name="Đối tượng")
        options = CategoryOption.objects.bulk_create(
            CategoryOption(category=category, code=code, name=name, order=n)
            for n, (code, name) in enumerate([("nam", "Nam"), ("nu", "Nữ"), ("khac", "Khác")])
        )
        indicators = Indicator.objects.bulk_create(
            Indicator(
                code=f"ct-{n + 1:03d}",
                name=f"Chỉ tiêu {n + 1}",
                unit_of_measure="lượt",
                order=n,
                category=category if n % 10 == 9 else None,
            )
            for n in range(n_indicators)
        )
        sections = [
            {"key": "tinh-hinh", "label": "I", "title": "Tình hình"},
            {
                "key": "ket-qua",
                "label": "II",
                "title": "Kết quả",
                "children": [{"key": "ket-qua-1", "label": "1", "title": "Công tác dân vận"}],
            },
        ]
        template = ReportTemplate.objects.create(
            code="bench", name="Đề cương thử tải", owner=root, sections=sections
        )
        TemplateIndicator.objects.bulk_create(
            TemplateIndicator(template=template, indicator=i, order=n)
            for n, i in enumerate(indicators)
        )
        period = ensure_period(PERIOD)
        data_from, data_to = data_window(PERIOD, "party")
        deadline = period.end + dt.timedelta(days=5)
        request = ReportRequest.objects.create(
            issuer=root,
            title="Báo cáo thử tải",
            template=template,
            period=period,
            data_from=data_from,
            data_to=data_to,
            deadline=deadline,
            issued_at=timezone.make_aware(dt.datetime(2026, 6, 1, 8)),
        )
        assignments = Assignment.objects.bulk_create(
            (
                Assignment(request=request, unit=u, unit_name=u.name, unit_path=u.path)
                for u in units
            ),
            batch_size=batch,
        )
        on_time = timezone.make_aware(dt.datetime.combine(deadline, dt.time(9)))
        late = on_time + dt.timedelta(days=3)
        submissions = Submission.objects.bulk_create(
            (
                Submission(
                    assignment=a,
                    status=SubmissionStatus.SUBMITTED,
                    version=1,
                    first_submitted_at=late if n % 7 == 0 else on_time,
                    submitted_at=late if n % 7 == 0 else on_time,
                )
                for n, a in enumerate(assignments)
            ),
            batch_size=batch,
        )

        def unit_values(n: int) -> dict[str, Decimal]:
            values = {}
            for k, indicator in enumerate(indicators):
                parts = (
                    [Decimal((n * 7 + k * 13 + j) % 50) for j in range(3)]
                    if indicator.category_id
                    else []
                )
                values[indicator.code] = sum(parts) if parts else Decimal((n * 3 + k) % 100)
                for option, part in zip(options, parts, strict=False):
                    values[f"{indicator.code}:{option.code}"] = part
            return values

        revisions, data_values = [], []
        for n, (unit, submission) in enumerate(zip(units, submissions, strict=True)):
            values = unit_values(n)
            revisions.append(
                Revision(
                    submission=submission,
                    number=1,
                    kind=RevisionKind.SUBMIT,
                    created_at=submission.submitted_at,
                    sections={
                        "tinh-hinh": f"Tình hình tại {unit.name}.",
                        "ket-qua-1": f"Kết quả của {unit.name}.",
                    },
                    values={k: str(v) for k, v in values.items()},
                )
            )
        Revision.objects.bulk_create(revisions, batch_size=batch)
        option_by_code = {o.code: o for o in options}
        count = 0
        for n, (unit, submission) in enumerate(zip(units, submissions, strict=True)):
            for key, value in unit_values(n).items():
                code, _, option = key.partition(":")
                data_values.append(
                    DataValue(
                        submission=submission,
                        indicator=indicators[int(code[3:]) - 1],
                        option=option_by_code[option] if option else None,
                        unit=unit,
                        unit_path=unit.path,
                        period=period,
                        value=value,
                    )
                )
            if len(data_values) >= 20000:
                DataValue.objects.bulk_create(data_values, batch_size=batch)
                count += len(data_values)
                data_values = []
        DataValue.objects.bulk_create(data_values, batch_size=batch)
        count += len(data_values)
    from danvan.reporting import summary

    summary.rebuild()  # the values were written in bulk, past the services that keep it
    return root, request, count


def _board(request):
    from danvan.accounts.permissions import SYSTEM
    from danvan.reporting.selectors import status_board

    board = status_board(SYSTEM, request)
    page = [
        (a.unit.name, a.submission.status, a.submission.first_submitted_at)
        for a in board.rows[:PAGE]
    ]
    return (
        board.expected,
        board.submitted,
        board.on_time,
        board.late,
        board.missing,
        board.returned,
        board.accepted,
        board.submitted_rate,
        len(page),
        board.rows.count(),
    )


def _consolidation(root, request, breakdown: bool = True):
    from danvan.accounts.permissions import SYSTEM
    from danvan.consolidation.selectors import consolidate

    result = consolidate(SYSTEM, root, PERIOD, request)
    lines = [(line.value, line.change, line.change_percent) for line in result.lines]
    passages = sum(len(section.passages) for section in result.sections)
    units = result.units if breakdown else []
    cells = sum(len(values) for _, values in units)
    return len(lines), len(units), cells, passages, result.counted_submissions


def _breakdown_timed(root, request, repeat: int) -> tuple[float, float]:
    """The per-unit breakdown alone: a fresh consolidate() each round (not timed), then only the
    first read of its `.units`, which computes the breakdown."""
    from danvan.accounts.permissions import SYSTEM
    from danvan.consolidation.selectors import consolidate

    times = []
    for _ in range(repeat):
        result = consolidate(SYSTEM, root, PERIOD, request)
        start = time.perf_counter()
        sum(len(values) for _, values in result.units)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def _timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def _peak_mib(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _show_queries(label: str, fn) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    print(f"--- {label}: {len(captured.captured_queries)} queries")
    for query in captured.captured_queries:
        statement = query["sql"]
        print(f"  [{float(query['time']) * 1000:7.1f} ms] {statement[:600]}")
        if statement.startswith("DECLARE ") and " FOR SELECT " in statement:  # a server-side cursor
            statement = statement[statement.index(" FOR SELECT ") + len(" FOR ") :]
        if statement.lstrip().upper().startswith("SELECT"):
            prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
            with connection.cursor() as cursor:
                cursor.execute(prefix + statement)
                for row in cursor.fetchall():
                    print("      " + " ".join(str(cell) for cell in row))


def worker(args) -> None:
    import resource

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    root, request, n_values = _generate(args.units, args.indicators)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    generated = time.perf_counter()
    print(
        f"migrate {migrated - started:.1f} s, generate {generated - migrated:.1f} s "
        f"({n_values:,} values)",
        flush=True,
    )

    from danvan.reporting.models import ReportRequest

    request = ReportRequest.objects.select_related("period", "issuer", "template").get(
        pk=request.pk
    )
    board = _board(request)
    consolidation = _consolidation(root, request)  # warm-up, and the shape for the report
    print(
        f"board: expected {board[0]}, submitted {board[1]}, on time {board[2]}, late {board[3]}, "
        f"page {board[8]} of {board[9]} rows",
        flush=True,
    )
    print(
        f"consolidation: {consolidation[0]} lines, {consolidation[1]:,} units × {consolidation[2] // max(consolidation[1], 1)} "
        f"values in the breakdown, {consolidation[3]:,} passages, {consolidation[4]:,} submissions counted",
        flush=True,
    )
    if args.queries:
        _show_queries("status board", lambda: _board(request))
        _show_queries("consolidation, breakdown included", lambda: _consolidation(root, request))

    result = {
        "database": connection.vendor,
        "units": args.units,
        "values": n_values,
        "generate_s": generated - migrated,
        "board": _timed(lambda: _board(request), args.repeat),
        "consolidation": _timed(lambda: _consolidation(root, request), args.repeat),
        "breakdown": _breakdown_timed(root, request, args.repeat),
        "summary": _timed(lambda: _consolidation(root, request, breakdown=False), args.repeat),
        "board_peak_mib": _peak_mib(lambda: _board(request)),
        "consolidation_peak_mib": _peak_mib(lambda: _consolidation(root, request)),
        "breakdown_units": consolidation[1],
        "breakdown_keys": consolidation[2] // max(consolidation[1], 1),
        "breakdown_cells": consolidation[2],
        "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print("RESULT " + json.dumps(result), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--indicators", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument(
        "--queries", action="store_true", help="print each operation's SQL and query plans"
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("DANVAN_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/"),
    )
    parser.add_argument("--pg-db", default="danvan_bench")
    parser.add_argument("--worker", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    results = []
    if args.only in (None, "sqlite"):
        results.append(_sqlite(args))
    if args.only in (None, "postgres"):
        results.append(_postgres(args))
    results = [r for r in results if r]
    if results:
        _table(results)


if __name__ == "__main__":
    main()
