"""The register's catalogue indicators and the general criteria set."""

import datetime as dt

from django.db import migrations


def forwards(apps, schema_editor):
    from danvan.exemplars.catalogue import (
        CATEGORIES,
        GENERAL_CRITERIA,
        GENERAL_SOURCE,
        GROUP,
        INDICATORS,
    )

    Category = apps.get_model("indicators", "Category")
    CategoryOption = apps.get_model("indicators", "CategoryOption")
    Indicator = apps.get_model("indicators", "Indicator")
    CriteriaSet = apps.get_model("exemplars", "CriteriaSet")
    categories = {}
    for code, (name, options) in CATEGORIES.items():
        category, _ = Category.objects.update_or_create(code=code, defaults={"name": name})
        categories[code] = category
        for order, (option_code, option_name) in enumerate(options):
            CategoryOption.objects.update_or_create(
                category=category, code=option_code, defaults={"name": option_name, "order": order}
            )
    for order, (code, name, unit, value_type, aggregation, category) in enumerate(INDICATORS):
        Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_of_measure": unit,
                "value_type": value_type,
                "aggregation": aggregation,
                "category": categories.get(category),
                "group": GROUP,
                "order": 900 + order,
                "description": "Tính từ sổ “Dân vận khéo”.",
            },
        )
    CriteriaSet.objects.update_or_create(
        code="chung-151-hd-bdvtw",
        defaults={
            "name": "Tiêu chí chung đánh giá mô hình, điển hình “Dân vận khéo”",
            "source": GENERAL_SOURCE,
            "valid_from": dt.date(2009, 4, 27),
            "criteria": GENERAL_CRITERIA,
            "yearly_reassessment": False,
        },
    )


def backwards(apps, schema_editor):
    from danvan.exemplars.catalogue import CATEGORIES, INDICATORS

    apps.get_model("indicators", "Indicator").objects.filter(
        code__in=[row[0] for row in INDICATORS]
    ).delete()
    apps.get_model("indicators", "Category").objects.filter(code__in=list(CATEGORIES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("exemplars", "0001_initial"),
        ("indicators", "0002_value_type"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
