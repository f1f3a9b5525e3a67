"""Writes to the indicator catalogue."""

from __future__ import annotations

from django.db import transaction

from .catalogue import CATEGORIES, DECIMAL_INDICATORS, INDICATORS, RULES
from .models import Category, CategoryOption, Indicator, ValidationRule, ValueType


def seed_catalogue() -> int:
    """Create or bring up to date the seed catalogue; returns how many indicators were new."""
    created_count = 0
    with transaction.atomic():
        categories = {}
        for code, (name, options) in CATEGORIES.items():
            category, _ = Category.objects.update_or_create(code=code, defaults={"name": name})
            categories[code] = category
            for order, (option_code, option_name) in enumerate(options):
                CategoryOption.objects.update_or_create(
                    category=category,
                    code=option_code,
                    defaults={"name": option_name, "order": order},
                )
        for order, (code, name, unit, aggregation, category, group, cues) in enumerate(INDICATORS):
            _, created = Indicator.objects.update_or_create(
                code=code,
                defaults={
                    "name": name,
                    "unit_of_measure": unit,
                    "value_type": ValueType.DECIMAL
                    if code in DECIMAL_INDICATORS
                    else ValueType.INTEGER,
                    "aggregation": aggregation,
                    "category": categories.get(category),
                    "group": group,
                    "cues": cues,
                    "order": order,
                },
            )
            created_count += created
        for code, left, operator, right, message in RULES:
            left_code, _, left_option = left.partition(":")
            right_code, _, right_option = right.partition(":")
            left_indicator = Indicator.objects.get(code=left_code)
            right_indicator = Indicator.objects.get(code=right_code)
            ValidationRule.objects.update_or_create(
                code=code,
                defaults={
                    "left": left_indicator,
                    "operator": operator,
                    "right": right_indicator,
                    "message": message,
                    "left_option": CategoryOption.objects.get(
                        category=left_indicator.category, code=left_option
                    )
                    if left_option
                    else None,
                    "right_option": CategoryOption.objects.get(
                        category=right_indicator.category, code=right_option
                    )
                    if right_option
                    else None,
                },
            )
    return created_count
