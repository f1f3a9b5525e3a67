"""A roll-up's totals per indicator and option, read from the value summaries that the
reporting cycle keeps in the same transaction as each submission (reporting/summary.py): one
row per figure for any subtree, instead of a scan of every value under it. MIN and MAX
indicators, which a sum cannot give, are aggregated live from the values. The setting
DANVAN_LIVE_TOTALS = True aggregates everything live (to compare, or should a summary be
suspected)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db.models import Avg, Max, Min, Sum

from danvan.indicators.models import Aggregation, Indicator
from danvan.reporting import summary

LIVE_PICK = {
    Aggregation.SUM: "total",
    Aggregation.LAST: "total",
    Aggregation.AVERAGE: "average",
    Aggregation.MIN: "smallest",
    Aggregation.MAX: "largest",
}
EXTREMES = (Aggregation.MIN, Aggregation.MAX)


def live() -> bool:
    return getattr(settings, "DANVAN_LIVE_TOTALS", False)


def plain(value) -> Decimal | None:
    """A Decimal without exponent or trailing zeros: 20, not 2E+1; 99.5, not 99.50."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _rounded(value) -> Decimal | None:
    return plain(Decimal(value).quantize(Decimal("0.01"))) if value is not None else None


def _live_rows(values) -> list[dict]:
    return list(
        values.values("indicator_id", "option_id").annotate(
            total=Sum("value"), average=Avg("value"), smallest=Min("value"), largest=Max("value")
        )
    )


def totals(
    values, request_ids: list[int], root_path: str, statuses, indicators: dict[int, Indicator]
) -> dict[tuple[int, int | None], Decimal | None]:
    """{(indicator id, option id or None): value} over `values` (the live queryset of the
    subtree's counted values), of the indicators given."""
    result = {}
    if live():
        for row in _live_rows(values):
            indicator = indicators.get(row["indicator_id"])
            if indicator is not None:
                value = row[LIVE_PICK[indicator.aggregation]]
                result[(row["indicator_id"], row["option_id"])] = _rounded(value)
        return result
    for row in summary.totals(request_ids, root_path, statuses):
        indicator = indicators.get(row["indicator_id"])
        if indicator is None or indicator.aggregation in EXTREMES:
            continue
        value = row["total"]
        if indicator.aggregation == Aggregation.AVERAGE:
            value = Decimal(value) / row["number"]
        result[(row["indicator_id"], row["option_id"])] = _rounded(value)
    extremes = [i.id for i in indicators.values() if i.aggregation in EXTREMES]
    if extremes:
        for row in _live_rows(values.filter(indicator_id__in=extremes)):
            value = row[LIVE_PICK[indicators[row["indicator_id"]].aggregation]]
            result[(row["indicator_id"], row["option_id"])] = _rounded(value)
    return result


def indicator_ids(values, request_ids: list[int], root_path: str, statuses) -> set[int]:
    """The indicators with a counted value in the subtree."""
    if live():
        return set(values.values_list("indicator_id", flat=True).distinct())
    return summary.indicator_ids(request_ids, root_path, statuses)
