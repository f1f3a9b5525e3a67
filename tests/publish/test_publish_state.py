"""A State report (UBND tỉnh Lâm Đồng, 329/BC-UBND, 19/12/2025) laid out by NĐ 30/2020/NĐ-CP:
values from document-layout.md's `state` column."""

import pytest
from docx_probe import Probe, text_of, w
from sample_documents import lam_dong_report

from danvan.publish import render_docx


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    path = tmp_path_factory.mktemp("state") / "state.docx"
    layout = render_docx(lam_dong_report(), path)
    assert layout.name == "state"
    return Probe(path)


def test_margins_inside_the_decree_ranges(probe):
    margins = probe.margins_mm()
    assert 20 <= round(margins["top"], 1) <= 25
    assert 20 <= round(margins["bottom"], 1) <= 25
    assert 30 <= round(margins["left"], 1) <= 35
    assert 15 <= round(margins["right"], 1) <= 20
    width, height = probe.page_mm()
    assert (round(width), round(height)) == (210, 297)


def test_quoc_hieu_12_to_13_bold_and_tieu_ngu_13_to_14_bold_with_rule(probe):
    (name,) = probe.runs(probe.paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert 12 <= name.size <= 13 and name.bold
    motto_p = probe.paragraph("Độc lập - Tự do - Hạnh phúc")
    (motto,) = probe.runs(motto_p)
    assert 13 <= motto.size <= 14 and motto.bold and probe.alignment(motto_p) == "center"
    rule = motto_p.getnext()
    assert rule.find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}") is not None


def test_issuer_12_to_13_bold_centred_with_a_short_rule(probe):
    first = probe.paragraph("ỦY BAN NHÂN DÂN")
    issuer_p = first.getnext()
    assert [text_of(first), text_of(issuer_p)] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    for p in (first, issuer_p):
        (issuer,) = probe.runs(p)
        assert 12 <= issuer.size <= 13 and issuer.bold and probe.alignment(p) == "center"
    rule = issuer_p.getnext()
    assert rule.find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}") is not None
    # ⅓–½ of the line: indented on both sides, not spanning the column.
    ind = rule.find(f"{w('pPr')}/{w('ind')}")
    assert int(ind.get(w("left"))) > 0 and int(ind.get(w("right"))) > 0


def test_number_with_colon_13(probe):
    p = probe.paragraph("Số")
    assert text_of(p) == "Số: 329/BC-UBND"
    (run,) = probe.runs(p)
    assert run.size == 13 and not run.bold


def test_place_and_date(probe):
    p = probe.paragraph("Lâm Đồng, ngày")
    assert text_of(p) == "Lâm Đồng, ngày 19 tháng 12 năm 2025"
    (run,) = probe.runs(p)
    assert 13 <= run.size <= 14 and run.italic


def test_type_name_13_to_14_bold_subject_13_to_14_bold_rule_under(probe):
    (type_run,) = probe.runs(probe.paragraph("BÁO CÁO"))
    assert 13 <= type_run.size <= 14 and type_run.bold
    subject_p = probe.paragraph("Kết quả thực hiện công tác cải cách hành chính năm 2025")
    (subject,) = probe.runs(subject_p)
    assert 13 <= subject.size <= 14 and subject.bold
    assert subject_p.getnext().find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}") is not None
    assert "-----" not in probe.body_texts()


def test_body_13_to_14_indent_1_or_1_27_cm_single_to_one_and_a_half_lines(probe):
    p = probe.paragraph("Ủy ban nhân dân tỉnh ban hành Kế hoạch")
    (run,) = probe.runs(p)
    assert 13 <= run.size <= 14
    assert probe.alignment(p) == "both"
    assert round(probe.first_line_mm(p), 1) in (10.0, 12.7)
    spacing = probe.spacing(p)
    assert int(spacing["after"]) >= 6 * 20
    assert spacing.get("lineRule", "auto") == "auto"
    assert 240 <= int(spacing["line"]) <= 360


def test_table_follows_its_paragraph(probe):
    p = probe.paragraph("Ủy ban nhân dân tỉnh ban hành Kế hoạch")
    table = p.getnext()
    assert table.tag == w("tbl")
    assert [text_of(c) for c in table.iter(w("tc"))] == [
        "Chỉ tiêu",
        "Kết quả",
        "Hồ sơ trực tuyến toàn trình",
        "99%",
    ]


def test_recipients_12_bold_italic_entries_11(probe):
    (label,) = probe.runs(probe.paragraph("Nơi nhận:"))
    assert label.size == 12 and label.bold and label.italic
    entries = [t for t in probe.body_texts() if t.startswith("- ")]
    assert entries == ["- Văn phòng Chính phủ;", "- Bộ Nội vụ;", "- Lưu: VT, NC."]
    (entry,) = probe.runs(probe.paragraph("- Bộ Nội vụ"))
    assert entry.size == 11


def test_signature_all_bold_13_to_14(probe):
    for text in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"):
        p = probe.paragraph(text)
        (run,) = probe.runs(p)
        assert 13 <= run.size <= 14 and run.bold, text
        assert probe.alignment(p) == "center"


def test_footnotes_and_page_numbers(probe):
    assert probe.footnote_texts() == {
        1: "Kế hoạch số 05/KH-UBND ngày 06/01/2025 của UBND tỉnh.",
        2: "Quyết định số 787/QĐ-UBND ngày 21/8/2025.",
    }
    assert probe.footnote_reference_ids() == [1, 2]
    assert probe.sect_pr().find(w("titlePg")) is not None
    header = probe.header_part("default")
    assert "".join(t.text for t in header.iter(w("instrText"))).strip() == "PAGE"
    # Within the top margin.
    assert probe.margins_mm()["header"] < probe.margins_mm()["top"]
