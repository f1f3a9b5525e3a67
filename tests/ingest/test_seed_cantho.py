"""Expectations read by hand from cantho-dukhoi-dan-van-6t-2019.txt."""

import json


def test_no_horn_glyph_fault_left_anywhere(cantho):
    dumped = json.dumps(cantho.to_dict(), ensure_ascii=False)
    assert "ƣ" not in dumped and "Ƣ" not in dumped
    assert cantho.preamble[0].text.startswith("Thực hiện Công văn số 644-CV/BDVTU, ngày 07/5/2019")
    assert any(w.startswith("repaired ") and "look-alike glyphs" in w for w in cantho.warnings)


def test_header(cantho):
    assert cantho.header.type_name == "BÁO CÁO"
    assert cantho.header.title == "công tác dân vận 6 tháng đầu năm 2019"


def test_reference_to_the_request(cantho):
    ref = next(r for r in cantho.references if r.symbol == "644-CV/BDVTU")
    assert (ref.date, ref.kind, ref.system, ref.type_code, ref.where) == (
        "2019-05-07",
        "Công văn",
        "party",
        "CV",
        "body",
    )
    assert ref.issued_by == "Ban Dân vận Thành ủy"


def test_one_footnote_attached_after_thanh_uy(cantho):
    assert [f.id for f in cantho.footnotes] == [1]
    holder = [p for p in cantho.paragraphs() if 1 in p.footnotes]
    assert len(holder) == 1
    assert "Ban Dân vận Thành ủy và các văn bản của Ban Thường vụ" in holder[0].text
    note = cantho.footnotes[0].text
    assert note.startswith("Chỉ thị số 18/2000/CT-TTg ngày 21/9/2000 của Thủ tướng Chính phủ")
    assert note.endswith(
        "rèn luyện đạo đức, lối sống của người đứng đầu, cán bộ chủ chốt và cán bộ, đảng viên."
    )


def test_footnote_references(cantho):
    in_note = {r.symbol: r for r in cantho.references if r.where == "footnote"}
    for symbol in (
        "18/2000/CT-TTg",
        "290-QĐ/TW",
        "25-NQ/TW",
        "114-KL/TW",
        "03-KL/TW",
        "16/CT-TTg",
        "217-QĐ/TW",
        "07-HD/BDVTU",
        "124-QĐ/TW",
    ):
        assert symbol in in_note, symbol
    assert in_note["18/2000/CT-TTg"].year == 2000
    assert in_note["25-NQ/TW"].date == "2013-06-03"  # written "25–NQ/TW, ngày 03/6/2013"
    assert in_note["03-KL/TW"].date is None  # "ngày 13/5/216"
    assert any("13/5/216" in w for w in cantho.warnings)


def test_figure_97_of_97(cantho):
    figure = next(f for f in cantho.figures if f.text == "97/97 tổ chức")
    assert (figure.value, figure.total, figure.unit) == (97, 97, "tổ chức")


def test_outline_nests_three_levels(cantho):
    assert [s.label for s in cantho.outline] == ["I", "II", "III", "IV"]
    two = cantho.outline[1].children[1]
    assert (
        two.title == "Công tác dân vận tham gia xây dựng thực hiện trên một số lĩnh vực quan trọng"
    )
    assert [c.label for c in two.children] == ["2.1", "2.2", "2.3"]
    assert two.children[1].title == "Kết quả phong trào thi đua “Dân vận khéo”"
    assert cantho.outline[3].title == "NHIỆM VỤ CÔNG TÁC DÂN VẬN 6 THÁNG CUỐI NĂM 2019"
    # Section IV's "1." … "5." are numbered paragraphs (full sentences), not headings.
    assert cantho.outline[3].children == []
    assert cantho.outline[3].paragraphs[0].text.startswith("1. Tập trung thực hiện phong trào")


def test_closing(cantho):
    assert cantho.closing.recipients == [
        "Ban Dân vận Thành uỷ (báo cáo)",
        "Ban Chấp hành Đảng bộ Khối",
        "Cấp ủy các tổ chức cơ sở đảng",
        "Lưu Văn phòng Đảng ủy Khối",
    ]
    sig = cantho.closing.signature
    assert (sig.authority, sig.title, sig.name) == (["T/M BAN THƯỜNG VỤ"], "PHÓ BÍ THƯ", None)


def test_output_is_deterministic(cantho):
    from danvan.ingest import parse_file

    from .conftest import SEEDS

    again = parse_file(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt")
    assert json.dumps(again.to_dict(), ensure_ascii=False) == json.dumps(
        cantho.to_dict(), ensure_ascii=False
    )
