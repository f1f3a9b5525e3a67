"""The checks an entry passes before it is written, whoever sends it (page, API, spreadsheet).

A draft ("dự kiến") needs only what identifies it; registering needs the ten items of the
registration form (phường Thanh Khê 2026), each one filled in.
"""

from __future__ import annotations

import datetime as dt

from danvan.vn.text import has_surrogates

from .models import SUB_MOVEMENTS, TAGS, Channel, Field, Kind, Subject

# (field, Vietnamese label): the ten registration items, in the form's order ("lực lượng" is
# one item written in three boxes: chủ trì is required, phối hợp and tham gia when there are).
TEN_ITEMS = (
    ("name", "1. Tên mô hình, điển hình"),
    ("situation", "2. Thực trạng, lý do"),
    ("goals", "3. Mục tiêu, tiêu chí"),
    ("content", "4. Nội dung, cách thức"),
    ("area", "5. Địa bàn, đối tượng"),
    ("forces_lead", "6. Lực lượng chủ trì (nêu vai trò)"),
    ("resources", "7. Nguồn lực"),
    ("start_date", "8. Thời gian bắt đầu"),
    ("milestones", "8. Các mốc thực hiện"),
    ("evaluation_date", "8. Thời điểm đánh giá"),
    ("expected_outputs", "9. Sản phẩm đầu ra kiểm chứng được"),
    ("sustainability", "10. Khả năng duy trì, nhân rộng"),
)
TEXT_LIMITS = {"name": 300, "person_name": 120, "person_position": 200}
LONG_TEXT_LIMIT = 5000
TEXT_FIELDS = (
    "name",
    "situation",
    "goals",
    "content",
    "area",
    "forces_lead",
    "forces_coordinating",
    "forces_participating",
    "resources",
    "milestones",
    "expected_outputs",
    "sustainability",
    "person_name",
    "person_position",
)


def check_entry(data: dict, *, registering: bool) -> dict[str, str]:
    """{field: Vietnamese message} for every fault; empty when the entry may be written."""
    errors: dict[str, str] = {}
    for key, choices, what in (
        ("kind", Kind, "loại (mô hình hay điển hình)"),
        ("subject", Subject, "chủ thể (tập thể hay cá nhân)"),
        ("channel", Channel, "kênh đăng ký"),
        ("field", Field, "lĩnh vực"),
    ):
        if data.get(key) not in choices.values:
            errors[key] = f"Chọn {what}."
    if data.get("sub_movement", "") not in SUB_MOVEMENTS:
        errors["sub_movement"] = "Phong trào không có trong danh mục."
    unknown = [t for t in data.get("tags") or [] if t not in TAGS]
    if unknown:
        errors["tags"] = "Nhãn không có trong danh mục: " + ", ".join(unknown[:5])
    for key in TEXT_FIELDS:
        value = data.get(key) or ""
        if not isinstance(value, str):
            errors[key] = "Phải là văn bản."
        elif has_surrogates(value):
            errors[key] = "Có ký tự không hợp lệ."
        elif len(value) > TEXT_LIMITS.get(key, LONG_TEXT_LIMIT):
            errors[key] = f"Dài quá {TEXT_LIMITS.get(key, LONG_TEXT_LIMIT)} ký tự."
    if not (data.get("name") or "").strip():
        errors.setdefault("name", "Chưa nhập tên mô hình, điển hình.")
    if registering:
        for key, label in TEN_ITEMS:
            value = data.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                errors.setdefault(key, f"Chưa nhập mục “{label}” (bắt buộc khi đăng ký).")
    start, evaluation = data.get("start_date"), data.get("evaluation_date")
    if isinstance(start, dt.date) and isinstance(evaluation, dt.date) and evaluation < start:
        errors.setdefault("evaluation_date", "Thời điểm đánh giá phải sau ngày bắt đầu.")
    if data.get("subject") == Subject.INDIVIDUAL:
        if not (data.get("person_name") or "").strip():
            errors.setdefault("person_name", "Điển hình cá nhân cần họ và tên.")
    elif (data.get("person_name") or "").strip() or (data.get("person_position") or "").strip():
        errors.setdefault(
            "person_name", "Chỉ ghi họ tên, chức vụ khi chủ thể là cá nhân (tập thể thì để trống)."
        )
    return errors
