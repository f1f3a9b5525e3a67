"""Checking a set of indicator values against the catalogue. Values are keyed by
(indicator code, option code or None for the total).

Two kinds of problem: a value wrong on its own (negative, a fraction of a count, a rate above
100%) belongs beside its field and is never saved; a rule between values (options adding up to
the total, "lãnh đạo tiếp ≤ tổng số tiếp") may be broken in a draft and blocks submitting."""

from __future__ import annotations

import operator as op
from decimal import Decimal

from danvan.vn.formatting import format_number

from .models import Indicator, ValidationRule, ValueType

Key = tuple[str, str | None]
COMPARE = {"<=": op.le, "<": op.lt, "==": op.eq, ">=": op.ge}


def field_label(indicator: Indicator, option=None) -> str:
    return f"{indicator.name} — {option.name}" if option is not None else indicator.name


def field_problems(values: dict[Key, Decimal], indicators: list[Indicator]) -> dict[Key, str]:
    """A Vietnamese message for each value that is wrong on its own."""
    problems: dict[Key, str] = {}
    for indicator in indicators:
        options = list(indicator.category.options.all()) if indicator.category_id else []
        for option in [None, *options]:
            key = (indicator.code, option.code if option else None)
            value = values.get(key)
            if value is None:
                continue
            label = field_label(indicator, option)
            if value < 0:
                problems[key] = f"{label}: giá trị không được âm."
            elif indicator.value_type == ValueType.INTEGER and value != value.to_integral_value():
                problems[key] = (
                    f"{label}: phải là số nguyên vì đơn vị tính là “{indicator.unit_of_measure}” "
                    f"(đã nhập {format_number(value)})."
                )
            elif option is None and indicator.unit_of_measure == "%" and value > 100:
                problems[key] = (
                    f"{label}: tỷ lệ không được vượt quá 100% ({format_number(value)}%)."
                )
    return problems


def rule_problems(values: dict[Key, Decimal], indicators: list[Indicator]) -> list[str]:
    """Vietnamese messages for every broken rule between values (they block submitting)."""
    errors: list[str] = []
    for indicator in indicators:
        total = values.get((indicator.code, None))
        if indicator.category_id is None or total is None:
            continue
        options = [values.get((indicator.code, o.code)) for o in indicator.category.options.all()]
        given = [v for v in options if v is not None]
        if given and len(given) == len(options) and sum(given) != total:
            errors.append(
                f"{indicator.name}: tổng các phân tổ ({format_number(sum(given))}) khác tổng số "
                f"({format_number(total)})."
            )
        elif given and sum(given) > total:
            errors.append(
                f"{indicator.name}: tổng các phân tổ đã nhập ({format_number(sum(given))}) lớn hơn tổng số "
                f"({format_number(total)})."
            )
    codes = {indicator.code for indicator in indicators}
    rules = ValidationRule.objects.filter(
        left__code__in=codes, right__code__in=codes
    ).select_related("left", "right", "left_option", "right_option")
    for rule in rules:
        left = values.get((rule.left.code, rule.left_option.code if rule.left_option else None))
        right = values.get((rule.right.code, rule.right_option.code if rule.right_option else None))
        if left is not None and right is not None and not COMPARE[rule.operator](left, right):
            errors.append(f"{rule.message} ({format_number(left)} so với {format_number(right)}).")
    return errors
