"""Checking a set of indicator values against the catalogue's rules. Values are keyed by
(indicator code, option code or None for the total)."""

from __future__ import annotations

import operator as op
from decimal import Decimal

from danvan.vn.formatting import format_number

from .models import Indicator, ValidationRule

Key = tuple[str, str | None]
COMPARE = {"<=": op.le, "<": op.lt, "==": op.eq, ">=": op.ge}


def check_values(values: dict[Key, Decimal], indicators: list[Indicator]) -> list[str]:
    """Vietnamese messages for every broken rule among the indicators given."""
    errors: list[str] = []
    codes = {indicator.code for indicator in indicators}
    for indicator in indicators:
        total = values.get((indicator.code, None))
        if total is not None and total < 0:
            errors.append(f"{indicator.name}: giá trị không được âm.")
        if total is not None and indicator.unit_of_measure == "%" and total > 100:
            errors.append(
                f"{indicator.name}: tỷ lệ không được vượt quá 100% ({format_number(total)}%)."
            )
        if indicator.category_id is None:
            continue
        options = [values.get((indicator.code, o.code)) for o in indicator.category.options.all()]
        for option, value in zip(indicator.category.options.all(), options, strict=True):
            if value is not None and value < 0:
                errors.append(f"{indicator.name} — {option.name}: giá trị không được âm.")
        given = [v for v in options if v is not None]
        if total is not None and given and len(given) == len(options) and sum(given) != total:
            errors.append(
                f"{indicator.name}: tổng các phân tổ ({format_number(sum(given))}) khác tổng số "
                f"({format_number(total)})."
            )
        elif total is not None and given and sum(given) > total:
            errors.append(
                f"{indicator.name}: tổng các phân tổ đã nhập ({format_number(sum(given))}) lớn hơn tổng số "
                f"({format_number(total)})."
            )
    rules = ValidationRule.objects.filter(
        left__code__in=codes, right__code__in=codes
    ).select_related("left", "right", "left_option", "right_option")
    for rule in rules:
        left = values.get((rule.left.code, rule.left_option.code if rule.left_option else None))
        right = values.get((rule.right.code, rule.right_option.code if rule.right_option else None))
        if left is not None and right is not None and not COMPARE[rule.operator](left, right):
            errors.append(f"{rule.message} ({format_number(left)} so với {format_number(right)}).")
    return errors
