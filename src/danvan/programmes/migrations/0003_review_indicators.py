"""The joint activities every programme review asks the parties for (hội nghị, đợt tuyên
truyền, lớp tập huấn, lượt người), catalogue indicators the review register sums."""

from django.db import migrations

JOINT_ACTIVITIES = [
    ("ctp_hd_hoi_nghi", "Hội nghị phối hợp (sơ kết, tổng kết, quán triệt)", "hội nghị", "integer"),
    ("ctp_hd_tuyen_truyen", "Đợt tuyên truyền, vận động phối hợp", "đợt", "integer"),
    ("ctp_hd_tap_huan", "Lớp tập huấn phối hợp", "lớp", "integer"),
    ("ctp_hd_luot_nguoi", "Lượt người tham gia hoạt động phối hợp", "lượt người", "integer"),
]
GROUP = "Chương trình phối hợp: hoạt động phối hợp"


def seed(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    for order, (code, name, unit, value_type) in enumerate(JOINT_ACTIVITIES, start=900):
        Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_of_measure": unit,
                "value_type": value_type,
                "aggregation": "sum",
                "group": GROUP,
                "description": "Các bên báo cáo trong kỳ sơ kết, tổng kết chương trình phối hợp.",
                "order": order,
            },
        )


def unseed(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    Indicator.objects.filter(code__in=[row[0] for row in JOINT_ACTIVITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("programmes", "0002_content_areas"), ("indicators", "0002_value_type")]

    operations = [migrations.RunPython(seed, unseed)]
