"""The register's Provider for danvan.registers: figures, inbox items, tiles, search, demo."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from danvan.accounts import permissions
from danvan.registers import InboxItem, SearchHit, Tile

from . import clocks, figures, selectors
from .permissions import VIEW

LABEL = "Tiếp dân, đơn thư"


class PetitionsProvider:
    key = "petitions"
    label = LABEL

    def indicators(self) -> list[tuple[str, str | None]]:
        return figures.indicator_pairs()

    def figures(self, *, unit, date_from: dt.date, date_to: dt.date, wanted=None):
        return figures.compute_figures(unit, date_from, date_to, wanted)

    def inbox_items(self, user, today: dt.date) -> list[InboxItem]:
        items = []
        for petition in selectors.due_petitions(user, today):
            clock = petition.clock
            items.append(
                InboxItem(
                    register=LABEL,
                    title=f"{petition} – {clock.name}",
                    url=reverse("petitions:petition", args=[petition.pk]),
                    due=clock.due,
                    overdue=clock.state == clocks.OVERDUE,
                    note=f"{clock.state_label}; {petition.unit.short_name or petition.unit.name}",
                )
            )
        for task in selectors.open_tasks(user, today)[:50]:
            items.append(
                InboxItem(
                    register=LABEL,
                    title=f"Nhiệm vụ sau tiếp dân: {task.title}",
                    url=reverse("petitions:session", args=[task.session_id]),
                    due=task.due,
                    overdue=task.due < today,
                )
            )
        return items

    def tiles(self, user, today: dt.date) -> list[Tile]:
        if not permissions.acts_anywhere(user, VIEW):
            return []
        due = selectors.due_petitions(user, today, action=VIEW)
        overdue = sum(1 for p in due if p.clock.state == clocks.OVERDUE)
        url = reverse("petitions:petitions")
        return [
            Tile(LABEL, "Đơn quá hạn", overdue, f"{url}?trang-thai={clocks.OVERDUE}"),
            Tile(LABEL, "Đơn sắp đến hạn", len(due) - overdue, f"{url}?trang-thai={clocks.SOON}"),
        ]

    def search(self, user, query: str, limit: int = 20) -> list[SearchHit]:
        hits = []
        for what, row in selectors.search(user, query, limit):
            if what == "petition":
                url = reverse("petitions:petition", args=[row.pk])
                hits.append(SearchHit(LABEL, str(row), url, row.summary[:200], row.received_on))
            else:
                url = reverse("petitions:session", args=[row.session_id])
                title = f"Sổ tiếp công dân ngày {row.session.date:%d/%m/%Y}"
                hits.append(SearchHit(LABEL, title, url, row.summary[:200], row.session.date))
        return hits

    def load_demo(self):
        from .demo import load_demo

        return load_demo()
