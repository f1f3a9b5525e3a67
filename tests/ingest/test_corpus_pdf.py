"""Expectations read by hand from the PDFs in samples/corpus/ (their text layers)."""

import json

import pytest

from danvan.ingest import parse_file

from .conftest import CORPUS


@pytest.fixture(scope="module")
def cchc_329():
    return parse_file(CORPUS / "ubnd-lam-dong-bc-329-cchc-2025.pdf")


@pytest.fixture(scope="module")
def cv_507():
    return parse_file(CORPUS / "ubnd-quang-ngai-cv-507-2025.pdf")


def test_report_header_from_the_two_column_block(cchc_329):
    h = cchc_329.header
    assert cchc_329.source.pages == 35 and cchc_329.source.format == "pdf"
    assert cchc_329.form == "state"
    assert (h.parent_issuer, h.issuer) == (None, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
    # The number and day are stamped by the signing system into signature widgets over the
    # blanks of "Số:      /BC-UBND" and "ngày      tháng" (read from the widgets, by position).
    assert (h.symbol, h.number, h.type_code, h.place, h.date) == (
        "329/BC-UBND",
        "329",
        "BC",
        "Lâm Đồng",
        "2025-12-19",
    )
    assert h.type_name == "BÁO CÁO"
    assert (
        h.title
        == "Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 của tỉnh Lâm Đồng"
    )


def test_report_footnotes_by_font_size(cchc_329):
    notes = {f.id: f.text for f in cchc_329.footnotes}
    assert sorted(notes) == list(range(1, 18))
    assert notes[1].startswith(
        "Thường trực Tỉnh ủy và Ủy ban nhân dân tỉnh đã thành lập các đoàn công tác"
    )
    assert notes[7] == (
        "Công văn số 150/STP-QLTDPL ngày 25/7/2025 triển khai Danh mục văn bản quy phạm pháp luật "
        "trong lĩnh vực trọng tâm, liên ngành năm 2025."
    )
    assert notes[2].split("\n")[0] == "Trước sáp nhập tỉnh:"
    # Footnote 2 runs on to the foot of page 3; the join is reported.
    assert "footnote 2 continues on page 3" in cchc_329.warnings


def test_report_marks_are_superscripts_not_numbers(cchc_329):
    holder = [p for p in cchc_329.paragraphs() if 2 in p.footnotes]
    assert len(holder) == 1
    assert holder[0].text == (
        "Tỉnh ủy, Ủy ban nhân dân tỉnh đã ban hành nhiều văn bản chỉ đạo điều hành "
        "triển khai các nhiệm vụ CCHC trên địa bàn tỉnh."
    )
    # "năm 2025" followed by raised mark 7: the year stays 2025.
    seven = [p for p in cchc_329.paragraphs() if 7 in p.footnotes]
    assert len(seven) == 1 and "trọng tâm, liên ngành năm 2025;" in seven[0].text


def test_report_page_numbers_and_footnotes_stay_out_of_the_body(cchc_329):
    body = "\n".join(p.text for p in cchc_329.paragraphs())
    assert "Thường trực Tỉnh ủy và Ủy ban nhân dân tỉnh đã thành lập các đoàn công tác" not in body
    assert "\n2\n" not in body
    first = cchc_329.outline[0].children[0]
    assert first.title == (
        "Đánh giá về các hoạt động chỉ đạo, điều hành nổi bật của lãnh đạo Tỉnh ủy, "
        "Ủy ban nhân dân tỉnh đối với công tác CCHC"
    )


def test_report_references_and_figures(cchc_329):
    refs = {r.symbol: r for r in cchc_329.references}
    assert (refs["4625/BNV-CCHC"].date, refs["4625/BNV-CCHC"].issued_by) == (
        "2025-07-02",
        "Bộ Nội vụ",
    )
    # Printed "117/QĐ" + a line-end hyphen pdfium reports as U+FFFE + "UBND".
    assert refs["117/QĐ-UBND"].date == "2025-01-17"
    assert refs["57/NQ/TW"].issued_by == "Bộ Chính trị"
    by_text = {f.text: f for f in cchc_329.figures}
    assert (by_text["45/45 nhiệm vụ"].value, by_text["45/45 nhiệm vụ"].total) == (45, 45)
    assert by_text["342 doanh nghiệp"].value == 342
    assert by_text["gần 300 công chức"].approx == "gần"


def test_report_closing(cchc_329):
    assert cchc_329.closing.recipients[:2] == ["Bộ Nội vụ", "Thường trực Tỉnh ủy"]
    assert len(cchc_329.closing.recipients) == 8
    sig = cchc_329.closing.signature
    assert (sig.authority, sig.title, sig.name) == (
        ["KT. CHỦ TỊCH"],
        "PHÓ CHỦ TỊCH",
        "Nguyễn Ngọc Phúc",
    )


def test_letter_header(cv_507):
    h = cv_507.header
    assert cv_507.form == "state"
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    assert (h.symbol, h.number, h.type_code, h.type_name) == ("507/UBND-KGVX", "507", "CV", None)
    assert (h.place, h.date) == ("Quảng Ngãi", "2025-01-24")
    assert h.title == (
        "góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số 2269/QĐ-TTg "
        "về Chương trình cung cấp dịch vụ viễn thông công ích"
    )
    assert h.addressees == ["Sở Thông tin và Truyền thông"]


def test_letter_body_references_and_closing(cv_507):
    assert cv_507.footnotes == []
    assert len(cv_507.preamble) == 1
    assert cv_507.preamble[0].text.endswith("(trước ngày 10/02/2025)./.")
    header_ref = [r for r in cv_507.references if r.where == "header"]
    assert [r.symbol for r in header_ref] == ["2269/QĐ-TTg"]
    body = {r.symbol: r for r in cv_507.references if r.where == "body"}
    assert (body["202/BTTTT-KHTC"].date, body["202/BTTTT-KHTC"].type_code) == ("2025-01-21", None)
    assert body["2269/QĐ-TTg"].issued_by == "Thủ tướng Chính phủ"
    assert cv_507.closing.recipients == [
        "Như trên",
        "Bộ Thông tin và Truyền thông (b/cáo)",
        "CT, PCT UBND tỉnh (b/cáo)",
        "VPUB: CVP, PCVP, KTTH",
        "Cổng TTĐT tỉnh",
        "Lưu: VT, KGVX(bnt)",
    ]
    sig = cv_507.closing.signature
    assert sig.authority == ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"]
    assert (sig.title, sig.name) == ("PHÓ CHÁNH VĂN PHÒNG", "Phùng Tô Long")


def test_no_signature_stamp_text(cv_507, cchc_329):
    for doc in (cv_507, cchc_329):
        dumped = json.dumps(doc.to_dict(), ensure_ascii=False)
        assert "Ký bởi" not in dumped and "\ue000" not in dumped and "\ufffe" not in dumped


def test_report_run_in_heading(cchc_329):
    five = cchc_329.outline[0].children[4]
    assert (five.label, five.title) == (
        "5",
        "Về tổng hợp, cập nhật tiến độ, kết quả thực hiện các nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao:",
    )
    assert (
        five.paragraphs[0].text
        == "Tổng số nhiệm vụ được giao là 123, đã hoàn thành đúng hạn 123/123 nhiệm vụ (đạt 100%)."
    )
