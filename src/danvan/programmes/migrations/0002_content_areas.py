"""Seed the catalogue of content areas named in issue 13 (the administrator extends it)."""

from django.db import migrations

CONTENT_AREAS = [
    ("tuyen-truyen", "Tuyên truyền, vận động Nhân dân"),
    ("he-thong-chinh-tri", "Xây dựng hệ thống chính trị cơ sở"),
    ("dvcq-qcdc", "Dân vận chính quyền và thực hiện dân chủ ở cơ sở"),
    ("dan-van-kheo", "Thi đua “Dân vận khéo”"),
    ("an-ninh-trat-tu", "An ninh trật tự, phong trào toàn dân bảo vệ an ninh Tổ quốc"),
    ("bien-gioi-bien-dao", "Biên giới, biển đảo"),
    ("dan-toc-ton-giao", "Dân tộc, tôn giáo, người có uy tín"),
    ("nam-tinh-hinh", "Nắm tình hình và trao đổi thông tin"),
    ("khieu-nai-diem-nong", "Giải quyết khiếu nại, tố cáo và điểm nóng"),
    ("an-sinh-xa-hoi", "An sinh xã hội"),
]


def seed(apps, schema_editor):
    ContentArea = apps.get_model("programmes", "ContentArea")
    for order, (code, name) in enumerate(CONTENT_AREAS, start=1):
        ContentArea.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
