"""Seed data: the legal time limits (versioned by effective date, each citing its article),
the working-day exceptions known for 2022 and 2026, and the catalogue indicators this
register computes (codes "tcd_…")."""

import datetime as dt

from django.db import migrations

D = dt.date
OLD_TO = D(2026, 6, 30)
NEW_FROM = D(2026, 7, 1)
KN_2011 = D(2012, 7, 1)  # Luật Khiếu nại 2011 in force
TC_2018 = D(2019, 1, 1)  # Luật Tố cáo 2018 in force
UNCONFIRMED = "Nguồn chưa xác minh trong ghi chú nghiệp vụ; quản trị viên đối chiếu và xác nhận."

# step, name, days, working, complex, remote, remote_complex, ext_days, max_ext, resume,
# basis, confirmed, valid_from, valid_to, note
RULES = [
    (
        "kn1_thu_ly",
        "Thụ lý khiếu nại lần đầu",
        10,
        False,
        None,
        None,
        None,
        None,
        0,
        "continue",
        "Luật Khiếu nại 2011, Điều 27",
        True,
        KN_2011,
        OLD_TO,
        "",
    ),
    (
        "kn1_giai_quyet",
        "Giải quyết khiếu nại lần đầu",
        30,
        False,
        45,
        45,
        60,
        None,
        0,
        "continue",
        "Luật Khiếu nại 2011, Điều 28",
        True,
        KN_2011,
        OLD_TO,
        "Trước 01/7/2026, thời gian tạm đình chỉ không tính vào thời hạn (cách tính chưa xác minh).",
    ),
    (
        "kn2_thu_ly",
        "Thụ lý khiếu nại lần hai",
        10,
        False,
        None,
        None,
        None,
        None,
        0,
        "continue",
        "Luật Khiếu nại 2011, Điều 36",
        True,
        KN_2011,
        OLD_TO,
        "",
    ),
    (
        "kn2_giai_quyet",
        "Giải quyết khiếu nại lần hai",
        45,
        False,
        60,
        60,
        70,
        None,
        0,
        "continue",
        "Luật Khiếu nại 2011, Điều 37",
        True,
        KN_2011,
        OLD_TO,
        "",
    ),
    (
        "knkl_thu_ly",
        "Thụ lý khiếu nại quyết định kỷ luật",
        10,
        False,
        None,
        None,
        None,
        None,
        0,
        "continue",
        "Luật Khiếu nại 2011, Điều 48",
        True,
        KN_2011,
        OLD_TO,
        "",
    ),
    (
        "knkl_giai_quyet",
        "Giải quyết khiếu nại quyết định kỷ luật",
        30,
        False,
        45,
        None,
        None,
        None,
        0,
        "continue",
        "Luật Khiếu nại 2011, Điều 50",
        True,
        KN_2011,
        OLD_TO,
        "",
    ),
    (
        "tc_xu_ly",
        "Xử lý ban đầu thông tin tố cáo",
        7,
        True,
        10,
        None,
        None,
        None,
        0,
        "continue",
        "Luật Tố cáo 2018, Điều 24 khoản 1",
        False,
        TC_2018,
        OLD_TO,
        UNCONFIRMED,
    ),
    (
        "tc_giai_quyet",
        "Giải quyết tố cáo",
        30,
        False,
        None,
        None,
        None,
        30,
        2,
        "continue",
        "Luật Tố cáo 2018, Điều 30",
        True,
        TC_2018,
        OLD_TO,
        "Phức tạp: gia hạn một lần 30 ngày; đặc biệt phức tạp: hai lần, mỗi lần 30 ngày.",
    ),
    (
        "knpa_xu_ly",
        "Xử lý, chuyển đơn kiến nghị, phản ánh",
        5,
        True,
        None,
        None,
        None,
        None,
        0,
        "continue",
        "Nghị định 20/2008/NĐ-CP và quy định của bộ, ngành",
        False,
        KN_2011,
        None,
        UNCONFIRMED,
    ),
    # From 01/7/2026 (Luật 136/2025/QH15; Nghị định 154, 155, 156/2026/NĐ-CP).
    (
        "kn1_thu_ly",
        "Thụ lý khiếu nại lần đầu",
        7,
        True,
        None,
        None,
        None,
        None,
        0,
        "restart",
        "Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1 (sửa đổi bởi Nghị định 155/2026/NĐ-CP, Điều 10)",
        False,
        NEW_FROM,
        None,
        UNCONFIRMED + " Luật có còn ghi 10 ngày hay không: chưa xác minh.",
    ),
    (
        "kn1_giai_quyet",
        "Giải quyết khiếu nại lần đầu",
        30,
        False,
        45,
        45,
        60,
        None,
        0,
        "restart",
        "Luật Khiếu nại 2011 (sửa đổi bởi Luật 136/2025/QH15), Điều 28; Điều 11a; Nghị định 155/2026/NĐ-CP, Điều 12",
        True,
        NEW_FROM,
        None,
        "Sau quyết định tiếp tục, thời hạn tính lại từ ngày ra quyết định.",
    ),
    (
        "kn2_thu_ly",
        "Thụ lý khiếu nại lần hai",
        7,
        True,
        None,
        None,
        None,
        None,
        0,
        "restart",
        "Nghị định 124/2020/NĐ-CP, Điều 16 khoản 1 (sửa đổi bởi Nghị định 155/2026/NĐ-CP, Điều 10)",
        False,
        NEW_FROM,
        None,
        UNCONFIRMED,
    ),
    (
        "kn2_giai_quyet",
        "Giải quyết khiếu nại lần hai",
        45,
        False,
        60,
        60,
        70,
        None,
        0,
        "restart",
        "Luật Khiếu nại 2011 (sửa đổi bởi Luật 136/2025/QH15), Điều 37; Nghị định 155/2026/NĐ-CP, Điều 12",
        True,
        NEW_FROM,
        None,
        "",
    ),
    (
        "knkl_thu_ly",
        "Thụ lý khiếu nại quyết định kỷ luật",
        10,
        False,
        None,
        None,
        None,
        None,
        0,
        "restart",
        "Luật Khiếu nại 2011, Điều 48",
        True,
        NEW_FROM,
        None,
        "",
    ),
    (
        "knkl_giai_quyet",
        "Giải quyết khiếu nại quyết định kỷ luật",
        30,
        False,
        45,
        None,
        None,
        None,
        0,
        "restart",
        "Luật Khiếu nại 2011, Điều 50",
        True,
        NEW_FROM,
        None,
        "",
    ),
    (
        "tc_xu_ly",
        "Xử lý ban đầu thông tin tố cáo",
        7,
        True,
        10,
        None,
        None,
        None,
        0,
        "restart",
        "Luật Tố cáo 2018, Điều 24 khoản 1; Nghị định 156/2026/NĐ-CP",
        False,
        NEW_FROM,
        None,
        UNCONFIRMED,
    ),
    (
        "tc_giai_quyet",
        "Giải quyết tố cáo",
        30,
        False,
        None,
        None,
        None,
        30,
        2,
        "restart",
        "Luật Tố cáo 2018, Điều 30; Nghị định 156/2026/NĐ-CP",
        True,
        NEW_FROM,
        None,
        "Phức tạp: gia hạn một lần 30 ngày; đặc biệt phức tạp: hai lần, mỗi lần 30 ngày.",
    ),
]

HOLIDAYS = [
    (D(2022, 1, 3), "Nghỉ bù Tết Dương lịch 2022"),
    *[(D(2022, 1, 31) + dt.timedelta(days=i), "Tết Nguyên đán Nhâm Dần") for i in range(5)],
    (D(2022, 4, 11), "Nghỉ bù Giỗ Tổ Hùng Vương"),
    (D(2022, 5, 2), "Nghỉ bù Ngày Chiến thắng"),
    (D(2022, 5, 3), "Nghỉ bù Ngày Quốc tế Lao động"),
    (D(2022, 9, 1), "Quốc khánh"),
    (D(2022, 9, 2), "Quốc khánh"),
    (D(2026, 1, 1), "Tết Dương lịch"),
    *[
        (D(2026, 2, 16) + dt.timedelta(days=i), "Tết Nguyên đán Bính Ngọ (chưa xác minh)")
        for i in range(5)
    ],
    (D(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương (chưa xác minh)"),
    (D(2026, 4, 30), "Ngày Chiến thắng"),
    (D(2026, 5, 1), "Ngày Quốc tế Lao động"),
    (D(2026, 9, 1), "Quốc khánh (chưa xác minh)"),
    (D(2026, 9, 2), "Quốc khánh"),
]

G = "Tiếp công dân, đơn thư (tính từ sổ tiếp dân, hồ sơ đơn và biểu Thanh tra)"
CATEGORIES = {
    "tcd_loai_don": (
        "Loại đơn (tiếp dân)",
        [
            ("khieu_nai", "Khiếu nại"),
            ("to_cao", "Tố cáo"),
            ("kien_nghi", "Kiến nghị, phản ánh"),
        ],
    ),
    "tcd_kq_khieu_nai": (
        "Kết quả giải quyết khiếu nại (tiếp dân)",
        [
            ("dung", "Khiếu nại đúng"),
            ("sai", "Khiếu nại sai"),
            ("dung_mot_phan", "Khiếu nại đúng một phần"),
            ("rut_don", "Rút đơn qua giải thích, thuyết phục"),
        ],
    ),
    "tcd_kq_to_cao": (
        "Kết quả giải quyết tố cáo (tiếp dân)",
        [
            ("dung", "Tố cáo đúng"),
            ("sai", "Tố cáo sai"),
            ("co_dung_co_sai", "Có đúng, có sai"),
            ("rut_don", "Rút tố cáo"),
        ],
    ),
}
# code, name, unit, category
INDICATORS = [
    ("tcd_luot", "Tiếp công dân: số lượt", "lượt", None),
    ("tcd_nguoi", "Tiếp công dân: số người", "người", None),
    ("tcd_vu_viec", "Tiếp công dân: số vụ việc", "vụ việc", None),
    ("tcd_doan_dong_nguoi", "Tiếp công dân: số đoàn đông người", "đoàn", None),
    ("tcd_lanh_dao_luot", "Lãnh đạo tiếp dân định kỳ và đột xuất: số lượt", "lượt", None),
    ("tcd_lanh_dao_nguoi", "Lãnh đạo tiếp dân định kỳ và đột xuất: số người", "người", None),
    ("tcd_ky_tiep_bi_thu", "Số kỳ tiếp dân của bí thư cấp ủy (Kết luận 215-KL/TW)", "kỳ", None),
    ("tcd_don_tiep_nhan", "Số đơn tiếp nhận", "đơn", "tcd_loai_don"),
    (
        "tcd_don_thuoc_tham_quyen",
        "Đơn khiếu nại, tố cáo thuộc thẩm quyền phải giải quyết",
        "đơn",
        "tcd_loai_don",
    ),
    ("tcd_kn_da_giai_quyet", "Vụ khiếu nại đã giải quyết", "vụ", "tcd_kq_khieu_nai"),
    ("tcd_tc_da_giai_quyet", "Vụ tố cáo đã giải quyết", "vụ", "tcd_kq_to_cao"),
    ("tcd_giai_quyet_dung_han", "Vụ khiếu nại, tố cáo giải quyết đúng hạn", "vụ", None),
    (
        "tcd_vu_viec_phuc_tap",
        "Vụ việc đông người, phức tạp đang theo dõi (cuối kỳ)",
        "vụ việc",
        None,
    ),
]


def seed(apps, schema_editor):
    Rule = apps.get_model("petitions", "TimeLimitRule")
    Day = apps.get_model("petitions", "CalendarDay")
    Category = apps.get_model("indicators", "Category")
    Option = apps.get_model("indicators", "CategoryOption")
    Indicator = apps.get_model("indicators", "Indicator")
    for row in RULES:
        (
            step,
            name,
            days,
            working,
            cx,
            remote,
            remote_cx,
            ext,
            max_ext,
            resume,
            basis,
            confirmed,
            valid_from,
            valid_to,
            note,
        ) = row
        Rule.objects.update_or_create(
            step=step,
            valid_from=valid_from,
            defaults=dict(
                name=name,
                days=days,
                working=working,
                complex_days=cx,
                remote_days=remote,
                remote_complex_days=remote_cx,
                extension_days=ext,
                max_extensions=max_ext,
                resume_mode=resume,
                basis=basis,
                confirmed=confirmed,
                valid_to=valid_to,
                note=note,
            ),
        )
    for day, note in HOLIDAYS:
        Day.objects.update_or_create(date=day, defaults={"working": False, "note": note})
    categories = {}
    for code, (name, options) in CATEGORIES.items():
        category, _ = Category.objects.update_or_create(code=code, defaults={"name": name})
        categories[code] = category
        for order, (option, label) in enumerate(options):
            Option.objects.update_or_create(
                category=category, code=option, defaults={"name": label, "order": order}
            )
    for order, (code, name, unit, category) in enumerate(INDICATORS):
        Indicator.objects.update_or_create(
            code=code,
            defaults=dict(
                name=name,
                unit_of_measure=unit,
                value_type="integer",
                aggregation="sum",
                category=categories.get(category),
                group=G,
                order=900 + order,
                description="Danvan tính từ sổ tiếp công dân, hồ sơ đơn và biểu thống kê của Thanh tra.",
            ),
        )


def unseed(apps, schema_editor):
    apps.get_model("indicators", "Indicator").objects.filter(code__startswith="tcd_").delete()
    apps.get_model("indicators", "Category").objects.filter(code__startswith="tcd_").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0001_initial"),
        ("indicators", "0002_value_type"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
