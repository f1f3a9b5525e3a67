"""Party successors (a person confirms the change of party after the 2025 reform) and the
catalogue indicators the programmes register computes (codes "ctpp_"): instruments in force by
partner kind, plans signed in the period, commitments by status and content area."""

import django.db.models.deletion
from django.db import migrations, models

PARTNER_KINDS = (
    "ctpp-loai-doi-tac",
    "Loại đối tác của văn bản phối hợp",
    [
        ("ubnd", "Chính quyền (Ủy ban nhân dân)"),
        ("cong-an", "Công an"),
        ("quan-su", "Quân sự"),
        ("bien-phong", "Bộ đội Biên phòng"),
        ("mttq-doan-the", "Mặt trận Tổ quốc và các đoàn thể"),
        ("nhieu-ben", "Nhiều loại đối tác"),
        ("khac", "Đối tác khác"),
    ],
)
AREAS = ("ctpp-linh-vuc", "Lĩnh vực phối hợp")
GROUP = "Chương trình phối hợp"
COMPUTED = "Tính tự động từ sổ theo dõi chương trình phối hợp; không nhập tay."
# code, name, unit of measure, category, description
INDICATORS = [
    (
        "ctpp_van_ban_hieu_luc",
        "Chương trình, quy chế, kế hoạch phối hợp đang có hiệu lực",
        "văn bản",
        "ctpp-loai-doi-tac",
        "Văn bản đã ký có hiệu lực trong kỳ, do đơn vị (hoặc cấp dưới) làm thường trực; phân theo "
        "loại đối tác (văn bản có đối tác thuộc nhiều loại tính vào “Nhiều loại đối tác”).",
    ),
    (
        "ctpp_ke_hoach_ky_moi",
        "Kế hoạch phối hợp ký trong kỳ",
        "kế hoạch",
        None,
        "Kế hoạch năm, 6 tháng, chuyên đề có ngày ký trong kỳ.",
    ),
    (
        "ctpp_nv_hoan_thanh",
        "Nhiệm vụ phối hợp hoàn thành",
        "nhiệm vụ",
        "ctpp-linh-vuc",
        "Nhiệm vụ đến hạn trong kỳ mà báo cáo được tiếp nhận gần nhất ghi “Hoàn thành”.",
    ),
    (
        "ctpp_nv_dung_han",
        "Nhiệm vụ phối hợp hoàn thành đúng hạn",
        "nhiệm vụ",
        "ctpp-linh-vuc",
        "Nhiệm vụ hoàn thành, được báo cáo hoàn thành không muộn hơn hạn của nhiệm vụ.",
    ),
    (
        "ctpp_nv_cham",
        "Nhiệm vụ phối hợp chậm tiến độ",
        "nhiệm vụ",
        "ctpp-linh-vuc",
        "Nhiệm vụ đến hạn trong kỳ được báo cáo “Chậm”, hoàn thành sau hạn, hoặc chưa hoàn "
        "thành khi hết kỳ.",
    ),
    (
        "ctpp_nv_chua_trien_khai",
        "Nhiệm vụ phối hợp chưa triển khai",
        "nhiệm vụ",
        "ctpp-linh-vuc",
        "Nhiệm vụ đến hạn trong kỳ được báo cáo “Chưa triển khai” hoặc chưa có báo cáo nào "
        "được tiếp nhận.",
    ),
]


def seed(apps, schema_editor):
    Category = apps.get_model("indicators", "Category")
    CategoryOption = apps.get_model("indicators", "CategoryOption")
    Indicator = apps.get_model("indicators", "Indicator")
    ContentArea = apps.get_model("programmes", "ContentArea")
    code, name, options = PARTNER_KINDS
    kinds, _ = Category.objects.update_or_create(code=code, defaults={"name": name})
    for order, (option, label) in enumerate(options, start=1):
        CategoryOption.objects.update_or_create(
            category=kinds, code=option, defaults={"name": label, "order": order}
        )
    areas, _ = Category.objects.update_or_create(code=AREAS[0], defaults={"name": AREAS[1]})
    for area in ContentArea.objects.order_by("order", "code"):
        CategoryOption.objects.update_or_create(
            category=areas, code=area.code, defaults={"name": area.name, "order": area.order}
        )
    categories = {kinds.code: kinds, areas.code: areas}
    for order, (code, name, unit, category, description) in enumerate(INDICATORS, start=800):
        Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_of_measure": unit,
                "value_type": "integer",
                "aggregation": "sum",
                "category": categories.get(category),
                "group": GROUP,
                "description": f"{description} {COMPUTED}",
                "order": order,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("indicators", "Indicator").objects.filter(
        code__in=[row[0] for row in INDICATORS]
    ).delete()
    apps.get_model("indicators", "Category").objects.filter(
        code__in=[PARTNER_KINDS[0], AREAS[0]]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0003_review_indicators"),
        ("indicators", "0002_value_type"),
    ]

    operations = [
        migrations.AddField(
            model_name="party",
            name="ended_on",
            field=models.DateField(blank=True, null=True, verbose_name="thôi tham gia từ ngày"),
        ),
        migrations.AddField(
            model_name="party",
            name="replaced_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="replaces",
                to="programmes.party",
                verbose_name="bên kế thừa",
            ),
        ),
        migrations.RunPython(seed, unseed),
    ]
