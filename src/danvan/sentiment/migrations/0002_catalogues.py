"""Seed the topic and social-group catalogues (issue 15) and the catalogue indicators the
register computes ("tt_…"), with their breakdowns by topic, direction and level."""

from django.db import migrations

from danvan.sentiment.catalogue import CATEGORIES, GROUP, GROUPS, INDICATORS, TOPICS


def seed(apps, schema_editor):
    Topic = apps.get_model("sentiment", "Topic")
    SocialGroup = apps.get_model("sentiment", "SocialGroup")
    Category = apps.get_model("indicators", "Category")
    CategoryOption = apps.get_model("indicators", "CategoryOption")
    Indicator = apps.get_model("indicators", "Indicator")
    for order, (code, name, section) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(
            code=code, defaults={"name": name, "section": section, "order": order}
        )
    for order, (code, name) in enumerate(GROUPS, start=1):
        SocialGroup.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    categories = {}
    for code, (name, options) in CATEGORIES.items():
        category, _ = Category.objects.update_or_create(code=code, defaults={"name": name})
        for order, (option_code, option_name) in enumerate(options, start=1):
            CategoryOption.objects.update_or_create(
                category=category, code=option_code, defaults={"name": option_name, "order": order}
            )
        categories[code] = category
    for order, (code, name, unit, category) in enumerate(INDICATORS, start=950):
        Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_of_measure": unit,
                "value_type": "integer",
                "aggregation": "sum",
                "category": categories.get(category),
                "group": GROUP,
                "description": "Tính từ sổ tình hình Nhân dân của đơn vị và các đơn vị trực thuộc.",
                "order": order,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("indicators", "Indicator").objects.filter(
        code__in=[row[0] for row in INDICATORS]
    ).delete()
    apps.get_model("indicators", "Category").objects.filter(code__in=list(CATEGORIES)).delete()


class Migration(migrations.Migration):
    dependencies = [("sentiment", "0001_initial"), ("indicators", "0002_value_type")]

    operations = [migrations.RunPython(seed, unseed)]
