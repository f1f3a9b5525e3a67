"""The registers as the portal reads them: through danvan.registers, one provider at a time,
so that a register failing (a bug, its database table missing) costs its own tiles, items or
hits, logged, and never the whole home page or search (decisions.md, "A failing register")."""

from __future__ import annotations

import datetime as dt

from danvan import registers


def tiles(user, today: dt.date) -> tuple[list[registers.Tile], list[str]]:
    return registers.answers("tiles", user, today)


def inbox_items(user, today: dt.date) -> tuple[list[registers.InboxItem], list[str]]:
    items, failed = registers.answers("inbox_items", user, today)
    return registers.by_urgency(items), failed


def search(user, query: str, limit: int) -> tuple[list[registers.SearchHit], list[str]]:
    return registers.answers("search", user, query, limit)


def label_keys() -> dict[str, str]:
    return {p.label: p.key for p in registers.providers()}
