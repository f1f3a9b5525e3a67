"""Parsed sections placed under the demo templates' sections by title."""

from __future__ import annotations

from danvan.demo.cycles import CAN_THO_SECTIONS, DA_NANG_SECTIONS
from danvan.imports.sections import (
    OTHER_KEY,
    THRESHOLD,
    match_sections,
    section_texts,
    title_score,
)


def _keys(matches):
    return [(m.source_label, m.template_key) for m in matches]


def test_can_tho_sections_find_the_template(cantho):
    matches = match_sections(cantho["outline"], CAN_THO_SECTIONS)
    assert _keys(matches) == [
        ("I", "dac-diem"),
        ("II", "ket-qua"),  # "KẾT QUẢ CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2019"
        ("1", "lanh-dao"),
        ("2", "linh-vuc"),
        ("2.1", "tham-muu"),
        ("2.2", "dan-van-kheo"),
        ("2.3", "dan-van-chinh-quyen"),
        ("3", "doan-the"),
        ("4", "he-thong-dan-van"),
        ("III", "danh-gia"),
        ("IV", "nhiem-vu"),  # "NHIỆM VỤ CÔNG TÁC DÂN VẬN 6 THÁNG CUỐI NĂM 2019"
    ]
    assert all(m.matched_by == "title" and m.score >= THRESHOLD for m in matches)


def test_da_nang_sections_find_the_template_or_wait_for_a_person(danang):
    matches = match_sections(danang["outline"], DA_NANG_SECTIONS)
    assert _keys(matches) == [
        ("I", OTHER_KEY),  # "CÔNG TÁC PHỐI HỢP TRIỂN KHAI": no such section in the template
        ("II", "ket-qua"),
        ("1", "ket-qua"),
        ("2", "ket-qua"),
        ("III", "danh-gia"),
        ("IV", "nhiem-vu"),  # "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022"
    ]
    other = matches[0]
    assert other.matched_by == "none" and other.template_title == "Nội dung khác"


def test_footnotes_stay_with_their_section(danang):
    matches = {m.source_label: m for m in match_sections(danang["outline"], DA_NANG_SECTIONS)}
    assert matches["I"].footnotes == [1, 2]
    assert matches["1"].footnotes == [3, 4, 5, 6, 7, 8, 9]
    assert matches["2"].footnotes == [10, 11, 12, 13, 14, 15]
    assert matches["III"].footnotes == []
    one = matches["1"]
    assert one.text.startswith("Ủy ban nhân dân thành phố ban hành Chỉ thị số 02/CT-UBND")
    assert "Tiếp nhận 2.403 đơn, đã thụ lý giải quyết 43 đơn" in one.text
    assert one.text.count("\n\n") == one.paragraphs - 1 == 4


def test_texts_per_template_section_join_in_order(danang):
    texts = section_texts(match_sections(danang["outline"], DA_NANG_SECTIONS))
    assert set(texts) == {OTHER_KEY, "ket-qua", "danh-gia", "nhiem-vu"}
    assert texts["ket-qua"].index("Ủy ban nhân dân thành phố ban hành") < texts["ket-qua"].index(
        "Trong 6 tháng đầu năm 2022, các đơn vị khối lực lượng vũ trang"
    )


def test_titles_compare_without_diacritics_case_numbering_or_noise():
    assert title_score("KẾT QUẢ CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2019", "Kết quả") == 1.0
    assert title_score("ket qua cong tac dan van", "Kết quả") == 1.0
    assert (
        title_score("NHIỆM VỤ CÔNG TÁC DÂN VẬN 6 THÁNG CUỐI NĂM", "Nhiệm vụ 6 tháng cuối năm")
        == 1.0
    )
    assert title_score("b) Nhận xét, đánh giá", "Nhận xét, đánh giá") == 1.0
    assert (
        title_score("2.2. Phong trào thi đua Dân vận khéo", "Phong trào thi đua “Dân vận khéo”")
        == 1.0
    )
    assert title_score("ĐẶC ĐIỂM TÌNH HÌNH", "Nhiệm vụ 6 tháng cuối năm") == 0.0


def test_a_child_without_a_matching_title_follows_its_parent():
    outline = [
        {
            "label": "I",
            "title": "Kết quả công tác dân vận",
            "level": 1,
            "paragraphs": [{"text": "Mở đầu.", "footnotes": []}],
            "children": [
                {
                    "label": "1",
                    "title": "Một việc riêng của đơn vị",
                    "level": 2,
                    "paragraphs": [{"text": "Nội dung.", "footnotes": [3]}],
                    "children": [],
                }
            ],
        },
        {"label": "II", "title": "Phụ lục số liệu", "level": 1, "paragraphs": [], "children": []},
    ]
    matches = match_sections(outline, CAN_THO_SECTIONS)
    assert [(m.template_key, m.matched_by) for m in matches] == [
        ("ket-qua", "title"),
        ("ket-qua", "parent"),
        (OTHER_KEY, "none"),
    ]
    assert matches[1].footnotes == [3] and matches[1].score < matches[0].score


def test_an_empty_template_sends_everything_to_other(cantho):
    matches = match_sections(cantho["outline"], [])
    assert {m.template_key for m in matches} == {OTHER_KEY}
