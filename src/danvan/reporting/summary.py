"""The value summaries (ValueSummary): per request, subtree root, status, indicator and option,
the sum and count of the counted submissions' values. Every write that changes what a
submission counts (its values, or its status into or out of submitted/accepted) calls
`update(before, after)` inside its own transaction, with the submission's row locked, so the
summaries are never stale; `rebuild()` fills them again from the values (the migration, the
generators of benchmark data). `differences()` compares them with the live sums."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Sum

from .models import DataValue, Submission, SubmissionStatus, ValueSummary

COUNTED = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)
TABLE = "reporting_valuesummary"
COLUMNS = ("request_id", "unit_path", "status", "indicator_id", "option_key", "total", "number")
CHUNK = 100  # rows per INSERT: 700 parameters, under SQLite's oldest limit of 999


@dataclass
class Contribution:
    """What one submission adds to the summaries of every unit above it (and its own)."""

    request_id: int
    unit_path: str
    status: str
    values: dict[tuple[int, int], Decimal] = field(default_factory=dict)


def ancestors(path: str) -> list[str]:
    """ "A/B/C/" → ["A/", "A/B/", "A/B/C/"]: the subtrees a unit's values belong to."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: n + 1]) + "/" for n in range(len(parts))]


def contribution(submission: Submission) -> Contribution | None:
    """The submission's contribution as stored now; None when its status counts nothing."""
    if submission.status not in COUNTED:
        return None
    assignment = submission.assignment
    rows = DataValue.objects.filter(submission=submission).values_list(
        "indicator_id", "option_id", "value"
    )
    return Contribution(
        assignment.request_id,
        assignment.unit_path,
        submission.status,
        {(indicator, option or 0): value for indicator, option, value in rows},
    )


def update(before: Contribution | None, after: Contribution | None) -> None:
    """Take `before` out of the summaries and put `after` in, as one set of increments."""
    delta: dict[tuple, list] = defaultdict(lambda: [Decimal(0), 0])
    for sign, part in ((-1, before), (1, after)):
        if part is None:
            continue
        for (indicator, option), value in part.values.items():
            cell = delta[(part.request_id, part.unit_path, part.status, indicator, option)]
            cell[0] += sign * value
            cell[1] += sign
    rows = [
        (request, ancestor, status, indicator, option, total, number)
        for (request, path, status, indicator, option), (total, number) in delta.items()
        if total or number
        for ancestor in ancestors(path)
    ]
    # One order for every writer, so two transactions lock shared rows (the root's) in the
    # same sequence and cannot deadlock.
    rows.sort(key=lambda row: row[:5])
    for start in range(0, len(rows), CHUNK):
        _upsert(rows[start : start + CHUNK])


def _upsert(rows: list[tuple]) -> None:
    q = connection.ops.quote_name
    columns = ", ".join(q(c) for c in COLUMNS)
    key = ", ".join(q(c) for c in COLUMNS[:5])
    placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(rows))
    sql = (
        f"INSERT INTO {q(TABLE)} ({columns}) VALUES {placeholders} "
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{q('total')} = {q(TABLE)}.{q('total')} + excluded.{q('total')}, "
        f"{q('number')} = {q(TABLE)}.{q('number')} + excluded.{q('number')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])


def totals(request_ids: list[int], root_path: str, statuses) -> list[dict]:
    """[{indicator_id, option_id, total, number}] for the subtree at `root_path`."""
    rows = (
        ValueSummary.objects.filter(
            request_id__in=request_ids, unit_path=root_path, status__in=statuses, number__gt=0
        )
        .values("indicator_id", "option_key")
        .annotate(sum=Sum("total"), count=Sum("number"))
    )
    return [
        {
            "indicator_id": row["indicator_id"],
            "option_id": row["option_key"] or None,
            "total": row["sum"],
            "number": row["count"],
        }
        for row in rows
    ]


def indicator_ids(request_ids: list[int], root_path: str, statuses) -> set[int]:
    return set(
        ValueSummary.objects.filter(
            request_id__in=request_ids, unit_path=root_path, status__in=statuses, number__gt=0
        ).values_list("indicator_id", flat=True)
    )


def rebuild(conn=None) -> None:
    """Empty the summaries and fill them from the counted submissions' values: for every
    stored path, each of its ancestors gets its values (a temporary table maps the paths).
    Plain SQL on the tables, so that the migration that creates the table can call it."""
    with (conn or connection).cursor() as cursor:
        cursor.execute("SELECT DISTINCT unit_path FROM reporting_datavalue")
        paths = [path for (path,) in cursor.fetchall()]
        pairs = sorted({(path, ancestor) for path in paths for ancestor in ancestors(path)})
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute("CREATE TEMPORARY TABLE danvan_summary_paths (path text, ancestor text)")
        try:
            for start in range(0, len(pairs), 400):
                chunk = pairs[start : start + 400]
                cursor.execute(
                    "INSERT INTO danvan_summary_paths (path, ancestor) VALUES "
                    + ", ".join(["(%s, %s)"] * len(chunk)),
                    [value for pair in chunk for value in pair],
                )
            cursor.execute(
                f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) "
                "SELECT a.request_id, p.ancestor, s.status, v.indicator_id, "
                "COALESCE(v.option_id, 0), SUM(v.value), COUNT(*) "
                "FROM reporting_datavalue v "
                "JOIN danvan_summary_paths p ON p.path = v.unit_path "
                "JOIN reporting_submission s ON s.id = v.submission_id "
                "JOIN reporting_assignment a ON a.id = s.assignment_id "
                "WHERE s.status IN (%s, %s) "
                "GROUP BY a.request_id, p.ancestor, s.status, v.indicator_id, v.option_id",
                list(COUNTED),
            )
        finally:
            cursor.execute("DROP TABLE danvan_summary_paths")


def differences(statuses=COUNTED) -> list[tuple]:
    """Every (request, subtree, status, indicator, option) whose summary is not the live sum
    and count of the values: [(key, summary (total, count), live (total, count))]."""
    live: dict[tuple, tuple] = {}
    rows = (
        DataValue.objects.filter(submission__status__in=statuses)
        .values(
            "submission__assignment__request_id",
            "unit_path",
            "submission__status",
            "indicator_id",
            "option_id",
        )
        .annotate(sum=Sum("value"), count=Count("id"))
    )
    for row in rows:
        for ancestor in ancestors(row["unit_path"]):
            key = (
                row["submission__assignment__request_id"],
                ancestor,
                row["submission__status"],
                row["indicator_id"],
                row["option_id"] or 0,
            )
            total, count = live.get(key, (Decimal(0), 0))
            live[key] = (total + row["sum"], count + row["count"])
    stored = {
        (s.request_id, s.unit_path, s.status, s.indicator_id, s.option_key): (s.total, s.number)
        for s in ValueSummary.objects.filter(status__in=statuses, number__gt=0)
    }
    cents = Decimal("0.01")
    return [
        (key, stored.get(key), live.get(key))
        for key in sorted(set(live) | set(stored))
        if key not in live
        or key not in stored
        or stored[key][1] != live[key][1]
        or stored[key][0].quantize(cents) != Decimal(live[key][0]).quantize(cents)
    ]
