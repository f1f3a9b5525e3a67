"""The registers' one interface to the rest of Danvan (no Django models here).

A register (coordination programmes, "Dân vận khéo", the people's situation, reception and
petitions) declares a `Provider` and hands it to `register()` from its AppConfig.ready().
The reporting cycle, the consolidation and the portal look providers up here; none of them
imports a register app. See docs/decisions.md ("Registers feed the cycle").

A provider has three parts (and two optional ones):
- `indicators()` / `figures()`: which catalogue indicators (and options) it computes, and
  their values for a unit subtree and a data window (from the request's regime, not the
  period alone), each with its provenance in Vietnamese;
- `inbox_items()`: due and overdue things a person must update, with dates;
- `tiles()`: counts for dashboards;
- optionally `search()` for the one search box, `load_demo()` for the demo loader and
  `assignment_links(user, assignment)` -> [(label, url)]: pages of the register where the unit
  answering that report assignment enters the register's own records (shown on the submission page).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class ComputedFigure:
    """One value a register computes: `indicator` is a catalogue code, `option` a category
    option code (None for the indicator's total); `provenance` says what it was computed
    from ("tính từ 12 nhiệm vụ của Kế hoạch 15-KH/BDVTU"), `url` where to see those records."""

    indicator: str
    option: str | None
    value: Decimal
    provenance: str
    url: str = ""

    @property
    def key(self) -> str:
        """The key the reporting cycle uses for a value ("code" or "code:option")."""
        return f"{self.indicator}:{self.option}" if self.option else self.indicator


@dataclass(frozen=True)
class InboxItem:
    """Something a person must update in a register, shown beside report deadlines."""

    register: str  # the provider's label, e.g. "Chương trình phối hợp"
    title: str
    url: str
    due: dt.date | None = None
    overdue: bool = False
    note: str = ""


@dataclass(frozen=True)
class Tile:
    """A count for a dashboard."""

    register: str
    label: str
    value: Decimal | int
    url: str = ""
    hint: str = ""


@dataclass(frozen=True)
class SearchHit:
    register: str
    title: str
    url: str
    excerpt: str = ""
    date: dt.date | None = None


@runtime_checkable
class Provider(Protocol):
    key: str  # short English key ("programmes")
    label: str  # Vietnamese name shown to people

    def indicators(self) -> list[tuple[str, str | None]]:
        """(indicator code, option code or None) pairs this register can compute."""

    def figures(
        self, *, unit, date_from: dt.date, date_to: dt.date, wanted: set[str] | None = None
    ) -> list[ComputedFigure]:
        """Values for `unit`'s subtree (an orgs.OrgUnit) within [date_from, date_to];
        `wanted`: the value keys ("code" / "code:option") the caller needs, None for all."""

    def inbox_items(self, user, today: dt.date) -> list[InboxItem]: ...

    def tiles(self, user, today: dt.date) -> list[Tile]: ...


_PROVIDERS: dict[str, Provider] = {}
logger = logging.getLogger("danvan.registers")


def register(provider: Provider) -> None:
    """Called once per register from its AppConfig.ready(); a second call replaces the first."""
    _PROVIDERS[provider.key] = provider


def unregister(key: str) -> None:
    """Take a provider out again (tests that register a provider of their own); no-op if absent."""
    _PROVIDERS.pop(key, None)


def providers() -> list[Provider]:
    return list(_PROVIDERS.values())


def computable_keys() -> dict[str, Provider]:
    """Every value key some register computes, with the provider that computes it."""
    return {
        (f"{code}:{option}" if option else code): p
        for p in _PROVIDERS.values()
        for code, option in p.indicators()
    }


def compute(
    *, unit, date_from: dt.date, date_to: dt.date, wanted: set[str] | None = None
) -> dict[str, ComputedFigure]:
    """Every register's figures for a unit subtree and data window, by value key."""
    keys = computable_keys()
    result: dict[str, ComputedFigure] = {}
    for provider in _PROVIDERS.values():
        mine = {k for k, p in keys.items() if p is provider}
        if wanted is not None:
            mine &= wanted
        if not mine:
            continue
        for figure in provider.figures(
            unit=unit, date_from=date_from, date_to=date_to, wanted=mine
        ):
            if figure.key in mine:
                result[figure.key] = figure
    return result


def answers(method: str, *args) -> tuple[list, list[str]]:
    """Every provider's answer to `method(*args)` (inbox_items, tiles, search,
    assignment_links), and the labels of the providers that failed: a register that fails (a
    bug, its table missing) costs its own items, logged, never the page that shows them."""
    found, failed = [], []
    for provider in _PROVIDERS.values():
        call = getattr(provider, method, None)
        if call is None:
            continue
        try:
            found.extend(call(*args))
        except Exception:  # noqa: BLE001 - one register must not take the page down
            logger.exception("register %s failed in %s", provider.key, method)
            failed.append(provider.label)
    return found, failed


def by_urgency(items: list[InboxItem]) -> list[InboxItem]:
    """Overdue first, then by due date, then by title."""
    return sorted(items, key=lambda i: (not i.overdue, i.due or dt.date.max, i.title))


def inbox_items(user, today: dt.date) -> list[InboxItem]:
    return by_urgency(answers("inbox_items", user, today)[0])


def tiles(user, today: dt.date) -> list[Tile]:
    return answers("tiles", user, today)[0]


def search(user, query: str, limit: int = 20) -> list[SearchHit]:
    return answers("search", user, query, limit)[0]


def assignment_links(user, assignment) -> list[tuple[str, str]]:
    return answers("assignment_links", user, assignment)[0]


def load_demos() -> dict[str, object]:
    """Each register's demo loader, in registration order (settings.INSTALLED_APPS)."""
    return {p.key: p.load_demo() for p in _PROVIDERS.values() if hasattr(p, "load_demo")}
