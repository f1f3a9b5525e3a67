"""Reads for indicator analysis: one indicator (or option) over periods for a unit subtree,
across the children of a unit, year on year, with where each figure came from.

Only the counted requests' answers add up (the consolidation's rule: in each period, the
requests issued highest in the subtree, else those that reached it from outside), so a
board's report that already sums its partners is not counted twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from danvan.accounts import permissions
from danvan.consolidation.selectors import plain
from danvan.indicators.models import CategoryOption, Indicator
from danvan.orgs.models import OrgUnit
from danvan.reporting.models import DataValue, Period, ReportRequest, SubmissionStatus
from danvan.reporting.periods import same_period_previous_year

from .lineage import Lineage, lineage

COUNTED = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)
PERIOD_TYPES = {
    "half": "6 tháng",
    "year": "Năm",
    "quarter": "Quý",
    "nine_months": "9 tháng",
    "month": "Tháng",
}


@dataclass
class Sources:
    typed: int = 0  # entered on the report's form
    files: int = 0  # read from an imported file
    registers: int = 0  # computed from a register

    def add(self, other: Sources) -> None:
        self.typed += other.typed
        self.files += other.files
        self.registers += other.registers

    @property
    def text(self) -> str:
        parts = []
        if self.typed:
            parts.append(f"{self.typed} số liệu báo cáo nhập trực tiếp")
        if self.files:
            parts.append(f"{self.files} nhập từ tệp")
        if self.registers:
            parts.append(f"{self.registers} tính từ sổ theo dõi")
        return "Nguồn: " + ", ".join(parts) if parts else ""


@dataclass
class Point:
    period: Period
    value: Decimal | None
    previous: Decimal | None = None
    sources: Sources = field(default_factory=Sources)
    note: str = ""  # "không so sánh được", "gồm số liệu của …"

    @property
    def change(self) -> Decimal | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_percent(self) -> Decimal | None:
        if self.change is None or not self.previous:
            return None
        return (100 * self.change / self.previous).quantize(Decimal("0.1"))


@dataclass
class Analysis:
    root: OrgUnit
    indicator: Indicator
    option: CategoryOption | None
    period_type: str
    points: list[Point]
    lineage: Lineage


def counted_requests(path: str, period_type: str) -> dict[str, list[int]]:
    """{period code: the request ids counted for the subtree at `path`} in one query."""
    rows = (
        ReportRequest.objects.filter(
            period__type=period_type, assignments__unit_path__startswith=path
        )
        .values_list("pk", "period__code", "issuer__path", "issuer__depth")
        .distinct()
    )
    by_period: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
    for pk, code, issuer_path, depth in rows:
        by_period[code].append((pk, issuer_path, depth))
    counted = {}
    for code, requests in by_period.items():
        own = [r for r in requests if r[1].startswith(path)] or requests
        top = min(r[2] for r in own)
        counted[code] = sorted(r[0] for r in own if r[2] == top)
    return counted


def _values(indicator: Indicator, option: CategoryOption | None, path: str, request_ids):
    return DataValue.objects.filter(
        indicator=indicator,
        option=option,
        unit_path__startswith=path,
        submission__status__in=COUNTED,
        submission__assignment__request_id__in=request_ids,
    )


def _by_period(indicator, option, path: str, period_type: str):
    """{period code: (total, Sources)} for the subtree at `path`."""
    counted = counted_requests(path, period_type)
    ids = [pk for pks in counted.values() for pk in pks]
    if not ids:
        return {}
    rows = (
        _values(indicator, option, path, ids)
        .values("period__code")
        .annotate(
            total=Sum("value"),
            n=Count("id"),
            typed=Count("id", filter=Q(source__isnull=True)),
            registers=Count("id", filter=Q(source__kind="register")),
        )
    )
    result = {}
    for row in rows:
        sources = Sources(
            typed=row["typed"],
            registers=row["registers"],
            files=row["n"] - row["typed"] - row["registers"],
        )
        result[row["period__code"]] = (row["total"], sources)
    return result


def series(
    user, root: OrgUnit, indicator: Indicator, option=None, period_type: str = "half"
) -> Analysis:
    permissions.require(user, "consolidation.view", root)
    line = lineage(root)
    own = _by_period(indicator, option, root.path, period_type)
    parts = [
        (part, _by_period(indicator, option, part.unit.path, period_type)) for part in line.parts
    ]
    codes = set(own) | {code for _, found in parts for code in found}
    periods = {p.code: p for p in Period.objects.filter(code__in=codes)}
    totals: dict[str, Point] = {}
    for code, period in periods.items():
        point = Point(period=period, value=None)
        if code in own:
            point.value = own[code][0]
            point.sources.add(own[code][1])
        added = []
        for part, found in parts:
            if code in found and period.end < part.until:
                point.value = (point.value or 0) + found[code][0]
                point.sources.add(found[code][1])
                added.append(part.unit.name)
        if added:
            point.note = "gồm số liệu của " + ", ".join(added)
        if not line.comparable(period.end):
            point.value, point.note = None, "không so sánh được (đơn vị được chia tách sau kỳ này)"
        point.value = plain(point.value)
        totals[code] = point
    for code, point in totals.items():
        before = totals.get(same_period_previous_year(code))
        point.previous = before.value if before else None
    points = sorted(totals.values(), key=lambda p: (p.period.start, p.period.code))
    return Analysis(root, indicator, option, period_type, points, line)


@dataclass
class Rank:
    unit: OrgUnit
    value: Decimal | None
    previous: Decimal | None


def children(user, root: OrgUnit, indicator, option, period: Period) -> list[Rank]:
    """The root's children that existed during the period, ranked by their subtree's value
    (two grouped queries: the period and the same period a year earlier)."""
    permissions.require(user, "consolidation.view", root)
    kids = list(
        OrgUnit.objects.filter(parent=root, valid_from__lte=period.end)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=period.start))
        .order_by("path")
    )
    previous_code = same_period_previous_year(period.code)

    def per_child(code: str) -> dict[int, Decimal]:
        counted = counted_requests(root.path, period.type).get(code, [])
        rows = (
            _values(indicator, option, root.path, counted)
            .filter(period__code=code)
            .values("unit_path")
            .annotate(total=Sum("value"))
        )
        sums: dict[int, Decimal] = {}
        for row in rows:
            for kid in kids:
                if row["unit_path"].startswith(kid.path):
                    sums[kid.pk] = sums.get(kid.pk, Decimal(0)) + row["total"]
                    break
        return sums

    now, before = per_child(period.code), per_child(previous_code)
    ranks = [
        Rank(kid, plain(now.get(kid.pk)), plain(before.get(kid.pk)))
        for kid in kids
        if kid.pk in now or kid.pk in before
    ]
    return sorted(ranks, key=lambda r: (r.value is None, -(r.value or 0), r.unit.path))
