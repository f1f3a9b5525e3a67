"""Expectations read by hand from the Word files in samples/corpus/."""

import shutil

import pytest

from danvan.ingest import parse_file

from .conftest import CORPUS

needs_doc_tool = pytest.mark.skipif(
    not (shutil.which("antiword") or shutil.which("soffice")),
    reason="antiword/LibreOffice not installed",
)


@pytest.fixture(scope="module")
def cchc_docx():
    return parse_file(CORPUS / "ubnd-lam-dong-bc-cchc-quy-i-2026-draft.docx")


@pytest.fixture(scope="module")
def de_an_06():
    return parse_file(CORPUS / "bcd-de-an-06-lam-dong-bc-10-2025-draft.doc")


@pytest.fixture(scope="module")
def hd36():
    return parse_file(CORPUS / "vptw-hd-36-the-thuc-van-ban-dang-2018.doc")


def test_docx_header_of_a_blank_number_draft(cchc_docx):
    h = cchc_docx.header
    assert cchc_docx.form == "state"
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert h.parent_issuer is None
    assert (h.number, h.symbol, h.type_code) == (None, "/BC-UBND", "BC")
    assert (h.place, h.date) == ("Lâm Đồng", None)
    assert h.type_name == "BÁO CÁO"
    assert (
        h.title
        == "Công tác cải cách hành chính quý I năm 2026 và phương hướng, nhiệm vụ quý II năm 2026 tỉnh Lâm Đồng"
    )
    assert cchc_docx.source.format == "docx"


def test_docx_word_footnotes(cchc_docx):
    notes = {f.id: f.text for f in cchc_docx.footnotes}
    assert sorted(notes) == [1, 2, 3, 4, 5, 6]
    assert notes[2] == "Quyết định số 01/2026/QĐ-UBND đến Quyết định số 13/2026/QĐ-UBND."
    assert notes[1].startswith("Kế hoạch số 28-KH/TU ngày 16/01/2026 của Tỉnh ủy")
    holder = [p for p in cchc_docx.paragraphs() if 1 in p.footnotes]
    assert len(holder) == 1
    assert holder[0].text.startswith(
        "Tỉnh ủy, Ủy ban nhân dân tỉnh đã ban hành nhiều văn bản chỉ đạo"
    )
    assert cchc_docx.warnings == []


def test_docx_outline_and_references(cchc_docx):
    assert [s.label for s in cchc_docx.outline][:2] == ["I", "II"]
    first = cchc_docx.outline[0].children[0]
    assert first.title.startswith("Đánh giá về các hoạt động chỉ đạo, điều hành nổi bật")
    refs = {r.symbol: r for r in cchc_docx.references}
    assert refs["4625/BNV-CCHC"].date == "2025-07-02"
    assert refs["4625/BNV-CCHC"].issued_by == "Bộ Nội vụ"
    assert refs["4625/BNV-CCHC"].type_code is None
    assert refs["519/QĐ-UBND"].date == "2026-02-06"
    assert any(r.symbol == "28-KH/TU" and r.where == "footnote" for r in cchc_docx.references)
    assert refs["01/2026/QĐ-UBND"].year == 2026


def test_docx_figures(cchc_docx):
    by_text = {f.text: f for f in cchc_docx.figures}
    assert (by_text["11/15 đơn vị"].value, by_text["11/15 đơn vị"].total) == (11, 15)
    assert by_text["125.712 hồ sơ"].value == 125712
    assert by_text["8.063 tỷ đồng"].value == 8063000000000
    assert by_text["22,45%"].value == 22.45


def test_docx_closing_table_and_appendix_tables(cchc_docx):
    assert cchc_docx.closing.recipients == [
        "Bộ Nội vụ",
        "Thường trực Tỉnh ủy",
        "Thường trực HĐND tỉnh",
        "Chủ tịch, PCT UBND tỉnh (Đ/c Phúc)",
        "Các sở, ban, ngành tỉnh",
        "UBND các xã, phường, đặc khu",
        "Lưu: VT, NC",
    ]
    sig = cchc_docx.closing.signature
    assert (sig.authority, sig.title, sig.name) == (
        ["KT. CHỦ TỊCH"],
        "PHÓ CHỦ TỊCH",
        "Nguyễn Ngọc Phúc",
    )
    assert cchc_docx.tables[0].rows[0][0] == "STT"
    assert cchc_docx.tables[0].rows[2][1].startswith("Số văn bản chỉ đạo CCHC đã ban hành")


@needs_doc_tool
def test_doc_de_an_06(de_an_06):
    h = de_an_06.header
    assert de_an_06.source.format == "doc"
    assert de_an_06.form == "state"
    assert h.parent_issuer == "UBND TỈNH LÂM ĐỒNG"
    assert (
        h.issuer
        == "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06"
    )
    assert (h.number, h.symbol, h.place, h.date) == (None, "/BC-BCĐ", "Lâm Đồng", None)
    assert h.title == "Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng tháng 10/2025"
    notes = {f.id: f.text for f in de_an_06.footnotes}
    assert sorted(notes) == [1, 2, 3, 4, 5, 6]
    assert notes[3].startswith("Kế hoạch số 130/KH-CAT-PC06 ngày 10/9/2025")
    assert notes[5].split("\n")[0] == "19 nhiệm vụ trọng tâm:"
    assert de_an_06.warnings == []
    refs = {r.symbol: r for r in de_an_06.references}
    assert (refs["06/QĐ-TTg"].date, refs["06/QĐ-TTg"].issued_by) == (
        "2022-01-06",
        "Thủ tướng Chính phủ",
    )
    assert refs["9574/KH-BCĐ06"].date == "2023-11-01"
    by_text = {f.text: f for f in de_an_06.figures}
    assert by_text["2.028 dịch vụ"].value == 2028
    assert (by_text["385/385 cơ sở"].value, by_text["385/385 cơ sở"].total) == (385, 385)
    assert by_text["82,04%"].value == 82.04
    assert de_an_06.closing.recipients[0] == "Văn phòng Chính phủ"
    assert de_an_06.closing.recipients[-1] == "Lưu: VT, NC"
    assert len(de_an_06.closing.recipients) == 8
    sig = de_an_06.closing.signature
    assert (sig.authority, sig.title, sig.name) == (
        ["TM. BAN CHỈ ĐẠO"],
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Ngọc Phúc",
    )


@needs_doc_tool
def test_doc_party_guidance_hd36(hd36):
    h = hd36.header
    assert hd36.form == "party"
    assert (h.parent_issuer, h.issuer) == ("BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG")
    assert (h.number, h.symbol, h.type_code) == ("36", "36-HD/VPTW", "HD")
    assert (h.place, h.date) == ("Hà Nội", "2018-04-03")
    assert (h.type_name, h.title) == (
        "HƯỚNG DẪN",
        "THỂ THỨC VÀ KỸ THUẬT TRÌNH BÀY VĂN BẢN CỦA ĐẢNG",
    )
    assert hd36.footnotes == []
    assert [s.label for s in hd36.outline] == ["I", "II", "III"]
    assert hd36.outline[0].children[0].title == "Phạm vi điều chỉnh"
    deep = hd36.outline[1].children[0].children[0]
    assert (deep.label, deep.title, deep.level) == ("1.1", 'Tiêu đề "Đảng Cộng sản Việt Nam"', 3)
    refs = {r.symbol: r for r in hd36.references}
    assert (refs["66-QĐ/TW"].date, refs["66-QĐ/TW"].kind) == ("2017-02-06", "Quy định")
    assert refs["11-HD/VPTW"].date == "2004-05-28"
    assert len(hd36.closing.recipients) == 5
    assert hd36.closing.recipients[1] == (
        "Các ban đảng, ban cán sự đảng, đảng đoàn, đảng uỷ, ban chỉ đạo, tiểu ban, hội đồng trực thuộc Trung ương"
    )
    sig = hd36.closing.signature
    assert (sig.authority, sig.title, sig.name) == (
        ["K/T CHÁNH VĂN PHÒNG"],
        "PHÓ CHÁNH VĂN PHÒNG",
        "Bùi Văn Thạch",
    )


@needs_doc_tool
def test_doc_run_in_headings_complete_the_outline(de_an_06):
    # "1. Về hoàn thiện thể chế: Nghiên cứu, …" is heading 1 of section II run into its text.
    second = de_an_06.outline[1]
    assert [c.label for c in second.children] == [str(n) for n in range(1, 11)]
    first = second.children[0]
    assert first.title == "Về hoàn thiện thể chế:"
    assert first.paragraphs[0].text.startswith("Nghiên cứu, tham gia góp ý 04 dự thảo")
    assert first.paragraphs[0].footnotes == [4]


@needs_doc_tool
def test_doc_image_placeholders_are_not_text(hd36):
    import json

    assert "[pic]" not in json.dumps(hd36.to_dict(), ensure_ascii=False)
