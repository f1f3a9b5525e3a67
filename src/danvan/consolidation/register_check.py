"""Beside each reported total, what the registers compute for the same root unit and data
window (danvan.registers only; no register app is imported), and whether the two differ.

One compute call per consolidation (each register asked once for the whole subtree), made only
when some register computes one of the consolidation's indicators."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal, InvalidOperation

from danvan import registers
from danvan.reporting import periods
from danvan.reporting.models import ReportRequest

DIFFERS = "Chênh lệch so với sổ theo dõi"


def wanted_keys(indicators) -> set[str]:
    """Every value key of the indicators (totals and options) that some register computes."""
    keys = set()
    for indicator in indicators:
        keys.add(indicator.code)
        if indicator.category_id:
            keys.update(f"{indicator.code}:{o.code}" for o in indicator.category.options.all())
    return keys & set(registers.computable_keys())


def data_window(
    period_code: str, request: ReportRequest | None, counted: list[int]
) -> tuple[dt.date, dt.date]:
    """The request's window when one is consolidated; else that of the first request counted
    (its regime decided it); else the period under the Party's calendar regime."""
    if request is not None and request.period.code == period_code:
        return request.data_from, request.data_to
    window = (
        ReportRequest.objects.filter(pk__in=counted)
        .order_by("pk")
        .values_list("data_from", "data_to")
        .first()
    )
    return tuple(window) if window else periods.data_window(period_code, "party")


def figures(
    root, period_code: str, request: ReportRequest | None, indicators, counted
) -> dict[str, registers.ComputedFigure]:
    """`counted`: a callable giving the ids of the requests counted (asked only when needed)."""
    wanted = wanted_keys(indicators)
    if not wanted:
        return {}
    date_from, date_to = data_window(period_code, request, counted())
    found = registers.compute(unit=root, date_from=date_from, date_to=date_to, wanted=wanted)
    return {key: f for key, f in found.items() if as_number(f.value) is not None}


def as_number(value) -> Decimal | None:
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def compared(lines: list, found: dict[str, registers.ComputedFigure]) -> list:
    """The lines with `computed` set; an option a register computes that no unit reported gets
    a line of its own after its indicator's lines."""
    if not found:
        return list(lines)
    result = []
    by_indicator: dict[str, list] = {}
    for line in lines:
        by_indicator.setdefault(line.indicator.code, []).append(line)
    for code, group in by_indicator.items():
        shown = set()
        for line in group:
            key = f"{code}:{line.option_code}" if line.option_code else code
            shown.add(key)
            result.append(dataclasses.replace(line, computed=found.get(key)))
        total = group[0]
        if total.indicator.category_id:
            for option in total.indicator.category.options.all():
                key = f"{code}:{option.code}"
                if key in found and key not in shown:
                    result.append(
                        dataclasses.replace(
                            total,
                            option_name=option.name,
                            option_code=option.code,
                            value=None,
                            previous=None,
                            computed=found[key],
                        )
                    )
    return result
