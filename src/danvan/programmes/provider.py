"""The programmes register's part of the register interface (key "programmes"): the ctpp_
indicators (figures.py), a dashboard tile and the search box. The partners' inbox items,
the joint activities and the demo are the review part's provider (review_provider.py)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse

from danvan.registers import ComputedFigure, InboxItem, SearchHit, Tile
from danvan.vn.text import fold

from . import figures
from . import permissions as access
from .models import SIGNED_STATES

LABEL = "Chương trình phối hợp"


class ProgrammesProvider:
    key = "programmes"
    label = LABEL

    def indicators(self) -> list[tuple[str, str | None]]:
        return figures.catalogue()

    def figures(self, *, unit, date_from, date_to, wanted=None) -> list[ComputedFigure]:
        return figures.compute(unit, date_from, date_to, wanted)

    def inbox_items(self, user, today: dt.date) -> list[InboxItem]:
        return []

    def tiles(self, user, today: dt.date) -> list[Tile]:
        rows = access.visible_instruments(user)
        if not rows.exists():
            return []
        in_force = rows.filter(state__in=SIGNED_STATES).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=today)
        )
        return [
            Tile(
                LABEL,
                "Văn bản phối hợp đang có hiệu lực",
                in_force.count(),
                reverse("programmes:index") + "?trang_thai=hieu_luc",
            )
        ]

    def search(self, user, query: str, limit: int = 20) -> list[SearchHit]:
        folded = fold(query or "").strip()
        if not folded:
            return []
        rows = access.visible_instruments(user).filter(search_text__contains=folded)
        return [
            SearchHit(
                LABEL,
                f"{i.get_kind_display()} {i.symbol}".strip(),
                reverse("programmes:detail", args=[i.pk]),
                i.title[:200],
                i.signed_on,
            )
            for i in rows.order_by("-signed_on", "-id")[:limit]
        ]
