"""Reads for the home page, which is the role's dashboard.

Leaders, coordinators and viewers: the reporting rate and timeliness of the open requests and
their trend over the last periods, the subtree's key indicators against the same period last
year, the registers' tiles and the units that are silent. Reporters: what is due, overdue and
returned, with the register items waiting for their update. Every figure is counted in the
database (grouped queries over the requests' assignments), never row by row in Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from danvan import registers
from danvan.accounts import permissions
from danvan.consolidation import selectors as consolidation_selectors
from danvan.orgs.models import OrgUnit
from danvan.reporting import selectors as reporting_selectors
from danvan.reporting.deadlines import effective_deadline
from danvan.reporting.models import Assignment, Period, ReportRequest, SubmissionStatus
from danvan.reporting.periods import parse_period

from . import registers_view
from .charts import Chart, Series

OPEN_REQUESTS = 6  # the requests shown on the rate chart
TREND_PERIODS = 8  # the periods of the trend chart
KEY_INDICATORS = 8  # the totals compared with last year
SILENT_SHOWN = 20
COUNTED = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)


@dataclass
class SilentUnit:
    unit_name: str
    request: ReportRequest
    days_late: int
    assignment_id: int


@dataclass
class StaffDashboard:
    root: OrgUnit | None
    charts: list[Chart] = field(default_factory=list)
    tiles: list[registers.Tile] = field(default_factory=list)
    silent: list[SilentUnit] = field(default_factory=list)
    silent_total: int = 0
    failed: list[str] = field(default_factory=list)  # registers that could not answer
    period_name: str = ""
    previous_name: str = ""


@dataclass
class ReporterDashboard:
    inbox: reporting_selectors.Inbox
    items: list[registers.InboxItem]
    charts: list[Chart] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _percent(part: int, whole: int) -> Decimal | None:
    return (Decimal(100 * part) / whole).quantize(Decimal("0.1")) if whole else None


def _limit(request: ReportRequest) -> dt.datetime:
    """The first moment a first submission is late (deadline and days of grace passed)."""
    return timezone.make_aware(
        dt.datetime.combine(effective_deadline(request) + dt.timedelta(days=1), dt.time.min)
    )


def _counts(requests: list[ReportRequest]) -> dict[int, dict[str, int]]:
    """{request id: expected, submitted, on_time} in one grouped query."""
    if not requests:
        return {}
    on_time = Q(pk__in=[])
    for r in requests:
        on_time |= Q(request_id=r.pk, submission__first_submitted_at__lt=_limit(r))
    rows = (
        Assignment.objects.filter(request__in=[r.pk for r in requests])
        .values("request_id")
        .annotate(
            expected=Count("id"),
            submitted=Count("id", filter=Q(submission__first_submitted_at__isnull=False)),
            on_time=Count("id", filter=on_time),
        )
    )
    return {row["request_id"]: row for row in rows}


def _short(text: str, size: int = 48) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def open_requests(user, today: dt.date) -> tuple[list[ReportRequest], bool]:
    """The requests still being answered (lock date not passed, or due within the last 30
    days), newest deadline first, and True; the latest ones and False when none is open."""
    issued = reporting_selectors.requests_for(user).filter(
        issued_at__lt=timezone.make_aware(
            dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min)
        )
    )
    recent = issued.filter(
        Q(lock_date__gte=today) | Q(deadline__gte=today - dt.timedelta(days=30))
    ).order_by("-deadline", "-id")[:OPEN_REQUESTS]
    recent = list(recent)
    if recent:
        return recent, True
    return list(issued.order_by("-deadline", "-id")[:OPEN_REQUESTS]), False


def rate_chart(requests: list[ReportRequest], counts, still_open: bool = True) -> Chart:
    categories, submitted, timely = [], [], []
    for r in reversed(requests):
        row = counts.get(r.pk, {"expected": 0, "submitted": 0, "on_time": 0})
        categories.append(f"{_short(r.title)} ({r.period.name})")
        submitted.append(_percent(row["submitted"], row["expected"]))
        timely.append(_percent(row["on_time"], row["expected"]))
    return Chart(
        key="ty-le-nop",
        title="Tỷ lệ nộp báo cáo và nộp đúng hạn của các yêu cầu "
        + ("đang mở" if still_open else "gần nhất"),
        kind="bar",
        category_label="Yêu cầu báo cáo",
        categories=categories,
        series=[Series("Đã nộp", submitted), Series("Đúng hạn", timely)],
        unit="%",
        horizontal=True,
    )


def trend_chart(user) -> Chart:
    """Rates per period over the last periods, all the user's boards' requests together."""
    requests = list(reporting_selectors.requests_for(user).order_by("-period__start"))
    periods: dict[str, list[ReportRequest]] = {}
    for r in requests:
        if r.period.code in periods or len(periods) < TREND_PERIODS:
            periods.setdefault(r.period.code, []).append(r)
    counts = _counts([r for rs in periods.values() for r in rs])
    ordered = sorted(periods.items(), key=lambda item: (item[1][0].period.start, item[0]))
    categories, submitted, timely = [], [], []
    for _code, rs in ordered:
        expected = sum(counts.get(r.pk, {}).get("expected", 0) for r in rs)
        categories.append(rs[0].period.name)
        submitted.append(
            _percent(sum(counts.get(r.pk, {}).get("submitted", 0) for r in rs), expected)
        )
        timely.append(_percent(sum(counts.get(r.pk, {}).get("on_time", 0) for r in rs), expected))
    return Chart(
        key="xu-huong",
        title="Xu hướng tỷ lệ nộp và nộp đúng hạn qua các kỳ",
        kind="line",
        category_label="Kỳ báo cáo",
        categories=categories,
        series=[Series("Đã nộp", submitted), Series("Đúng hạn", timely)],
        unit="%",
    )


def latest_period(root: OrgUnit) -> str | None:
    """The latest period with a report counted in the subtree (read from the requests'
    assignments, a table far smaller than the figures)."""
    return (
        Period.objects.filter(
            requests__assignments__unit_path__startswith=root.path,
            requests__assignments__submission__status__in=COUNTED,
        )
        .order_by("-start", "code")
        .values_list("code", flat=True)
        .first()
    )


def indicator_chart(user, root: OrgUnit, dashboard: StaffDashboard) -> Chart:
    chart = Chart(
        key="chi-tieu",
        title="Chỉ tiêu chủ yếu so với cùng kỳ năm trước",
        kind="bar",
        category_label="Chỉ tiêu",
        categories=[],
        series=[Series("Kỳ này", []), Series("Cùng kỳ năm trước", [])],
    )
    code = latest_period(root)
    if code is None or not permissions.has_permission(user, "consolidation.view", root):
        return chart
    result = consolidation_selectors.consolidate(user, root, code)
    dashboard.period_name = parse_period(result.period_code).name
    dashboard.previous_name = parse_period(result.previous_code).name
    chart.title = f"Chỉ tiêu chủ yếu {dashboard.period_name[0].lower()}{dashboard.period_name[1:]} so với cùng kỳ năm trước"
    chart.series[0].name = dashboard.period_name
    chart.series[1].name = dashboard.previous_name
    chart.note = f"{root.name}: {result.coverage.text}."
    lines = [line for line in result.lines if line.option_code is None and line.value is not None]
    for line in lines[:KEY_INDICATORS]:
        unit = line.indicator.unit_of_measure.strip()
        name = line.indicator.name
        chart.categories.append(
            f"{name} ({unit})" if unit and not name.endswith(f"({unit})") else name
        )
        chart.series[0].values.append(line.value)
        chart.series[1].values.append(line.previous)
    return chart


def silent_units(requests: list[ReportRequest], today: dt.date) -> tuple[list[SilentUnit], int]:
    """Units asked by an open request whose deadline (and grace) has passed, that have
    submitted nothing: the longest silence first."""
    late = {r.pk: r for r in requests if effective_deadline(r) < today}
    if not late:
        return [], 0
    rows = Assignment.objects.filter(
        request__in=list(late), submission__first_submitted_at__isnull=True
    ).order_by("request__deadline", "unit_path")
    total = rows.count()
    silent = [
        SilentUnit(
            unit_name=unit_name,
            request=late[request_id],
            days_late=(today - effective_deadline(late[request_id])).days,
            assignment_id=pk,
        )
        for pk, unit_name, request_id in rows.values_list("pk", "unit_name", "request_id")[
            :SILENT_SHOWN
        ]
    ]
    return silent, total


def tiles_chart(tiles: list[registers.Tile]) -> Chart:
    return Chart(
        key="so-theo-doi",
        title="Các sổ theo dõi: điểm nóng, đơn thư, cam kết, Dân vận khéo",
        kind="bar",
        category_label="Sổ — số đếm",
        categories=[f"{t.register}: {t.label}" for t in tiles],
        series=[Series("Số lượng", [Decimal(t.value) for t in tiles])],
        horizontal=True,
    )


def dashboard_root(user, membership) -> OrgUnit | None:
    if membership is not None:
        return membership.unit
    units = permissions.units_in_scope(user, "consolidation.view")
    return units.order_by("depth", "path").first()


def staff_dashboard(user, membership, today: dt.date) -> StaffDashboard:
    root = dashboard_root(user, membership)
    dashboard = StaffDashboard(root=root)
    requests, still_open = open_requests(user, today)
    dashboard.charts.append(rate_chart(requests, _counts(requests), still_open))
    dashboard.charts.append(trend_chart(user))
    if root is not None:
        dashboard.charts.append(indicator_chart(user, root, dashboard))
    dashboard.tiles, dashboard.failed = registers_view.tiles(user, today)
    dashboard.charts.append(tiles_chart(dashboard.tiles))
    if still_open:
        dashboard.silent, dashboard.silent_total = silent_units(requests, today)
    return dashboard


def reporter_dashboard(user, today: dt.date) -> ReporterDashboard:
    box = reporting_selectors.inbox(user, today)
    items, failed = registers_view.inbox_items(user, today)
    chart = Chart(
        key="bao-cao-cua-don-vi",
        title="Báo cáo của đơn vị theo tình trạng",
        kind="bar",
        category_label="Tình trạng",
        categories=["Đến hạn", "Quá hạn", "Bị trả lại", "Đã nộp", "Việc cần cập nhật ở các sổ"],
        series=[
            Series(
                "Số lượng",
                [
                    Decimal(len(box.due)),
                    Decimal(len(box.overdue)),
                    Decimal(len(box.returned)),
                    Decimal(len(box.done)),
                    Decimal(len(items)),
                ],
            )
        ],
    )
    return ReporterDashboard(inbox=box, items=items, charts=[chart], failed=failed)


def charts_for(user, membership, today: dt.date) -> list[Chart]:
    """The charts of the user's dashboard (for the XLSX download of one of them)."""
    role = membership.role if membership else None
    if role == "reporter":
        return reporter_dashboard(user, today).charts
    if role in ("coordinator", "leader", "viewer") or user.is_superuser:
        return staff_dashboard(user, membership, today).charts
    return []
