"""The programme reviews' part of the register interface (key "programme_reviews"): the joint
activities summed from the accepted review answers, the partners' commitments in their inbox,
the link from a review report's page to its progress page, and the demo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Sum
from django.urls import reverse

from danvan.accounts import permissions
from danvan.registers import ComputedFigure, InboxItem, Tile
from danvan.reporting.models import DataValue, SubmissionStatus

from . import followup
from .models import Review
from .review_template import JOINT_ACTIVITY_CODES

LABEL = "Sơ kết chương trình phối hợp"
# A review's period counts in a data window it overlaps by all but these days at either end
# (a state regime's window runs 15/12 → 14/6 for a first half-year ending 30/6).
SLACK = dt.timedelta(days=31)


class ReviewProvider:
    key = "programme_reviews"
    label = LABEL

    def indicators(self) -> list[tuple[str, str | None]]:
        return [(code, None) for code in JOINT_ACTIVITY_CODES]

    def figures(self, *, unit, date_from, date_to, wanted=None) -> list[ComputedFigure]:
        codes = [c for c in JOINT_ACTIVITY_CODES if wanted is None or c in wanted]
        if not codes:
            return []
        rows = (
            DataValue.objects.filter(
                indicator__code__in=codes,
                option__isnull=True,
                submission__status=SubmissionStatus.ACCEPTED,
                # A subquery, not a join: a request several reviews share counts once.
                submission__assignment__request__in=Review.objects.filter(
                    report_request__issuer__path__startswith=unit.path
                ).values("report_request"),
                period__start__gte=date_from - SLACK,
                period__end__lte=date_to + SLACK,
            )
            .values("indicator__code")
            .annotate(total=Sum("value"), reports=Count("submission", distinct=True))
        )
        figures = []
        for row in rows:
            figures.append(
                ComputedFigure(
                    row["indicator__code"],
                    None,
                    Decimal(row["total"]).normalize() + 0,
                    f"tính từ {row['reports']} báo cáo sơ kết chương trình phối hợp đã tiếp "
                    f"nhận của các bên ({date_from:%d/%m/%Y} – {date_to:%d/%m/%Y})",
                    reverse("programmes:reviews"),
                )
            )
        return figures

    def inbox_items(self, user, today: dt.date) -> list[InboxItem]:
        return [
            InboxItem(LABEL, item.title, item.url, item.due, item.overdue, item.note)
            for item in followup.inbox_commitments(user, today)
        ]

    def tiles(self, user, today: dt.date) -> list[Tile]:
        overdue = followup.overdue_count(user, today)
        if overdue is None:
            return []
        return [
            Tile(
                LABEL,
                "Nhiệm vụ phối hợp quá hạn",
                overdue,
                reverse("programmes:reviews"),
                "chưa hoàn thành khi đã quá hạn",
            )
        ]

    def assignment_links(self, user, assignment) -> list[tuple[str, str]]:
        if not Review.objects.filter(report_request_id=assignment.request_id).exists():
            return []
        if not permissions.has_permission(user, "reporting.view", assignment.unit):
            return []
        return [
            (
                "Tiến độ các nhiệm vụ phối hợp",
                reverse("programmes:review_progress", args=[assignment.pk]),
            )
        ]

    def load_demo(self) -> dict[str, int]:
        from .demo import load_demo

        return load_demo()
