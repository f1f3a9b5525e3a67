"""The registers as the portal reads them: through danvan.registers, one provider at a time,
so that a register failing (a bug, its database table missing) costs its own tiles, items or
hits, logged, and never the whole home page or search (decisions.md, "A failing register")."""

from __future__ import annotations

import datetime as dt
import logging

from danvan import registers

logger = logging.getLogger("danvan.registers")


def _each(method: str, *args) -> tuple[list, list[str]]:
    """Every provider's answer to `method(*args)`, and the labels of those that failed."""
    found, failed = [], []
    for provider in registers.providers():
        call = getattr(provider, method, None)
        if call is None:
            continue
        try:
            found.extend(call(*args))
        except Exception:  # noqa: BLE001 - one register must not take the page down
            logger.exception("register %s failed in %s", provider.key, method)
            failed.append(provider.label)
    return found, failed


def tiles(user, today: dt.date) -> tuple[list[registers.Tile], list[str]]:
    return _each("tiles", user, today)


def inbox_items(user, today: dt.date) -> tuple[list[registers.InboxItem], list[str]]:
    items, failed = _each("inbox_items", user, today)
    items.sort(key=lambda i: (not i.overdue, i.due or dt.date.max, i.title))
    return items, failed


def search(user, query: str, limit: int) -> tuple[list[registers.SearchHit], list[str]]:
    return _each("search", user, query, limit)


def label_keys() -> dict[str, str]:
    return {p.label: p.key for p in registers.providers()}
