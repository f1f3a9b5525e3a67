"""The per-unit breakdown of a roll-up: every unit's own values (what the XLSX export writes)
or one page of units at a time (what the page and the API show: a country's root has thousands
of units, and a page of them reads only their own values)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import F

from danvan.indicators.models import CategoryOption, Indicator

from .totals import plain

# A unit holds up to ~300 figures (200 indicators and their options): 20 units are already
# ~6,000 figures on one page, and a province (~100 units) is five pages.
PAGE_SIZE = 20


@dataclass
class UnitsPage:
    units: list[tuple[str, dict[str, Decimal]]]  # [(unit name, {value key: value})]
    sources: dict[str, dict[str, dict]]  # {unit name: {value key: where it was read}}
    page: Page  # of (unit path, unit name): number, paginator.count, has_next, …

    @property
    def first(self) -> int:
        return self.page.start_index()

    @property
    def last(self) -> int:
        return self.page.end_index()


def per_unit(values, indicators: dict[int, Indicator]) -> list[tuple[str, dict[str, Decimal]]]:
    """[(unit name, {"code" or "code:option": value})], in path order."""
    return list(_cells(values, indicators).values())


def _cells(
    values, indicators: dict[int, Indicator], stream: bool = True
) -> dict[tuple, tuple[str, dict]]:
    # One row per stored value, no GROUP BY and no join for option codes: a unit's values are
    # unique per submission, and the rare unit with two submissions in the period (two
    # requests) is added up here. Grouping 390,000 rows in SQL cost more than it saved.
    option_codes = dict(CategoryOption.objects.values_list("id", "code"))
    rows = values.values_list(
        "unit_path", "submission__assignment__unit_name", "indicator_id", "option_id", "value"
    ).order_by(
        "unit_path",
        "submission__assignment__unit_name",
        "indicator_id",
        F("option_id").asc(nulls_first=True),
    )
    units: dict[tuple, tuple[str, dict[str, Decimal]]] = {}
    # A whole subtree is streamed; a page's few thousand rows are fetched at once (a
    # PostgreSQL cursor held across the transaction would first copy them all).
    for path, name, indicator_id, option_id, value in (
        rows.iterator(chunk_size=10000) if stream else rows
    ):
        indicator = indicators.get(indicator_id)
        if indicator is None:
            continue
        entry = units.get((path, name))
        if entry is None:
            entry = units[(path, name)] = (name, {})
        key = f"{indicator.code}:{option_codes[option_id]}" if option_id else indicator.code
        cells = entry[1]
        cells[key] = plain(cells[key] + value) if key in cells else plain(value)
    return units


def sources(values, indicators: dict[int, Indicator]) -> dict[str, dict[str, dict]]:
    result: dict[str, dict[str, dict]] = {}
    rows = values.filter(source__isnull=False).values_list(
        "submission__assignment__unit_name", "indicator_id", "option__code", "source"
    )
    for name, indicator_id, option_code, source in rows:
        indicator = indicators.get(indicator_id)
        if indicator is not None:
            key = f"{indicator.code}:{option_code}" if option_code else indicator.code
            result.setdefault(name, {})[key] = source
    return result


def page(
    submissions, values_at, indicators: dict[int, Indicator], number, size: int = PAGE_SIZE
) -> UnitsPage:
    """Page `number` (clamped) of the units with a counted submission, each with its values
    (none when its report is text alone). `values_at(paths)`: the counted values stored at
    exactly those unit paths (an indexed lookup per unit, not a scan of the subtree)."""
    units = (
        submissions.order_by("assignment__unit_path", "assignment__unit_name")
        .values_list("assignment__unit_path", "assignment__unit_name")
        .distinct()
    )
    found = Paginator(units, size).get_page(number)
    rows = list(found.object_list)
    mine = values_at({path for path, _ in rows})
    cells = _cells(mine, indicators, stream=False)
    return UnitsPage(
        units=[(name, cells.get((path, name), (name, {}))[1]) for path, name in rows],
        sources=sources(mine, indicators),
        page=found,
    )
