"""What bench/scale.py times, on the generated country (see scale_data.py)."""

from __future__ import annotations

import datetime as dt
import os

PAGE = 50


def shape() -> dict:
    from danvan.orgs.models import OrgUnit
    from danvan.reporting.models import DataValue, ReportRequest

    return {
        "units": OrgUnit.objects.count(),
        "values": DataValue.objects.count(),
        "periods": ReportRequest.objects.count(),
    }


def database_size() -> int:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    name = settings.DATABASES["default"]["NAME"]
    return sum(
        os.path.getsize(f"{name}{suffix}")
        for suffix in ("", "-wal")
        if os.path.exists(f"{name}{suffix}")
    )


def operations() -> dict:
    from django.contrib.auth import get_user_model

    from danvan.accounts.models import Membership
    from danvan.analysis import selectors as analysis
    from danvan.consolidation.selectors import consolidate
    from danvan.indicators.models import Indicator
    from danvan.orgs.models import OrgUnit
    from danvan.portal import dashboards
    from danvan.reporting.models import ReportRequest
    from danvan.reporting.selectors import status_board
    from danvan.search import selectors as search

    users = get_user_model().objects
    coordinator = users.get(username="scale.dieuphoi")
    reporter = users.get(username="scale.baocao")
    membership = Membership.objects.select_related("unit").get(user=coordinator)
    request = ReportRequest.objects.select_related("period", "issuer").latest("period__start")
    period = request.period.code
    root = OrgUnit.objects.get(code="VN")
    province = OrgUnit.objects.get(code="P01")
    commune = OrgUnit.objects.filter(code__startswith="P01-X").order_by("code").first()
    indicator = Indicator.objects.filter(category__isnull=False).order_by("code").first()
    today = request.deadline + dt.timedelta(days=20)

    def board():
        b = status_board(coordinator, request)
        return [a.unit.name for a in b.rows[:PAGE]], b.rows.count()

    def consolidation(unit, breakdown: bool):
        def run():
            result = consolidate(coordinator, unit, period)
            lines = [(line.value, line.change) for line in result.lines]
            sections = [len(s.passages) for s in result.sections]
            # What the page and the API show: the first page (20 units) of the per-unit breakdown.
            units = result.units_page(1).units if breakdown else []
            return lines, sections, len(units)

        return run

    return {
        "board": board,
        "consolidation root": consolidation(root, True),
        "consolidation root, no breakdown": consolidation(root, False),
        "consolidation province": consolidation(province, True),
        "consolidation province, no breakdown": consolidation(province, False),
        "consolidation commune": consolidation(commune, True),
        "consolidation commune, no breakdown": consolidation(commune, False),
        "series province (ten years)": lambda: analysis.series(
            coordinator, province, indicator, None, "half"
        ),
        "series root (ten years)": lambda: analysis.series(
            coordinator, root, indicator, None, "half"
        ),
        "search 'quy che dan chu Hoa Xuan'": lambda: list(
            search.search(coordinator, "quy che dan chu Hoa Xuan").page
        ),
        "dashboard coordinator (root)": lambda: dashboards.staff_dashboard(
            coordinator, membership, today
        ),
        "dashboard reporter": lambda: dashboards.reporter_dashboard(reporter, today),
    }
