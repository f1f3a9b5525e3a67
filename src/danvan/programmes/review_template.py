"""The outline a programme review asks every party for, generated from the plans: I. the joint
work; II. results, one section per content area the commitments fall in; III. assessment
(strengths, shortcomings); IV. the next period. No database here: callers pass the areas.

The joint report (joint_report.py) reads any review template by these keys, and also the older
Đà Nẵng outline ("ket-qua", "uu-diem", "han-che", "nhiem-vu"), so a review may adopt a request
issued before programmes were recorded."""

from __future__ import annotations

import re

from danvan.vn.text import fold

JOINT_WORK = "phoi-hop-trien-khai"
RESULTS = "ket-qua"
ASSESSMENT = "danh-gia"
STRENGTHS = "uu-diem"
SHORTCOMINGS = "han-che"
DIRECTION = "phuong-huong"
# Section keys of the joint report's parts, in the answer templates a review may use.
PART_OF_KEY = {
    JOINT_WORK: "I",
    RESULTS: "II",
    ASSESSMENT: "III",
    STRENGTHS: "III",
    SHORTCOMINGS: "III",
    DIRECTION: "IV",
    "nhiem-vu": "IV",
    "kien-nghi": "IV",
}
AREA_PREFIX = "ket-qua-"

# The joint activities every review asks for (catalogue indicators of this app's migration).
JOINT_ACTIVITIES = [
    ("ctp_hd_hoi_nghi", "Hội nghị phối hợp (sơ kết, tổng kết, quán triệt)", "hội nghị"),
    ("ctp_hd_tuyen_truyen", "Đợt tuyên truyền, vận động phối hợp", "đợt"),
    ("ctp_hd_tap_huan", "Lớp tập huấn phối hợp", "lớp"),
    ("ctp_hd_luot_nguoi", "Lượt người tham gia hoạt động phối hợp", "lượt người"),
]
JOINT_ACTIVITY_CODES = [code for code, _, _ in JOINT_ACTIVITIES]


def area_key(area_code: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(area_code)).strip("-")[:40] or "linh-vuc"
    return f"{AREA_PREFIX}{slug}"


def part_of(key: str) -> str:
    """Which part of the joint report a section's text goes to (II for anything unknown)."""
    if key.startswith(AREA_PREFIX):
        return "II"
    return PART_OF_KEY.get(key, "II")


def period_words(period_code: str) -> tuple[str, str]:
    """("6 tháng đầu năm 2022", "6 tháng cuối năm 2022") for 2022S1; the year and the next
    year for a yearly review."""
    year, part = period_code[:4], period_code[4:]
    if part == "S1":
        return f"6 tháng đầu năm {year}", f"6 tháng cuối năm {year}"
    if part == "S2":
        return f"6 tháng cuối năm {year}", f"6 tháng đầu năm {int(year) + 1}"
    return f"năm {year}", f"năm {int(year) + 1}"


def review_sections(areas: list[tuple[str, str]], period_code: str) -> list[dict]:
    """`areas`: (code, name) of the content areas in the plans' order."""
    _, next_words = period_words(period_code)
    children = [
        {"key": area_key(code), "label": str(n), "title": name}
        for n, (code, name) in enumerate(areas, start=1)
    ]
    results = {"key": RESULTS, "label": "II", "title": "Kết quả thực hiện các nhiệm vụ phối hợp"}
    if children:
        results["children"] = children
    return [
        {"key": JOINT_WORK, "label": "I", "title": "Công tác phối hợp triển khai"},
        results,
        {
            "key": ASSESSMENT,
            "label": "III",
            "title": "Đánh giá chung",
            "children": [
                {"key": STRENGTHS, "label": "1", "title": "Ưu điểm"},
                {"key": SHORTCOMINGS, "label": "2", "title": "Hạn chế, khó khăn"},
            ],
        },
        {"key": DIRECTION, "label": "IV", "title": f"Phương hướng, nhiệm vụ {next_words}"},
    ]
