"""A Party report laid out by HD 05-HD/VPTW (2026): every value below is read from
document-layout.md's `party` column, not from the writer."""

import pytest
from docx_probe import Probe, text_of, w
from sample_documents import danang_report

from danvan.publish import render_docx


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    doc = danang_report(date="2026-06-03")
    doc["header"]["issuer"] = "BAN TUYÊN GIÁO VÀ DÂN VẬN"
    doc["header"]["number"] = "7"
    doc["header"]["symbol"] = "7-BC/BTGDVTU"
    path = tmp_path_factory.mktemp("party") / "party.docx"
    layout = render_docx(doc, path)
    assert layout.name == "party"  # dated after 27/5/2026: HD 05
    return Probe(path)


def test_a4_portrait_and_margins_20_20_30_15(probe):
    width, height = probe.page_mm()
    assert width == pytest.approx(210, abs=0.1) and height == pytest.approx(297, abs=0.1)
    margins = probe.margins_mm()
    assert margins["top"] == pytest.approx(20, abs=0.1)
    assert margins["bottom"] == pytest.approx(20, abs=0.1)
    assert margins["left"] == pytest.approx(30, abs=0.1)
    assert margins["right"] == pytest.approx(15, abs=0.1)


def test_every_run_is_times_new_roman_in_black(probe):
    runs = list(probe.all_runs())
    assert len(runs) > 30
    for r in runs:
        rpr = r.find(w("rPr"))
        assert rpr is not None, text_of(r)
        fonts = rpr.find(w("rFonts"))
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(w(slot)) == "Times New Roman", (slot, text_of(r))
        assert rpr.find(w("color")).get(w("val")) == "000000"


def test_header_line_caps_15_bold(probe):
    p = probe.paragraph("ĐẢNG CỘNG SẢN VIỆT NAM")
    (run,) = probe.runs(p)
    assert run.size == 15 and run.bold and not run.italic
    assert probe.alignment(p) == "center"


def test_rule_under_the_header_line(probe):
    p = probe.paragraph("ĐẢNG CỘNG SẢN VIỆT NAM")
    rule = p.getnext()
    assert rule.find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}").get(w("val")) == "single"


def test_parent_issuer_14_not_bold_and_issuer_14_bold_with_star(probe):
    (parent,) = probe.runs(probe.paragraph("THÀNH ỦY ĐÀ NẴNG"))
    assert parent.size == 14 and not parent.bold
    # Too long for its column at 14 pt: two lines of about equal length, as offices print it.
    first = probe.paragraph("BAN TUYÊN GIÁO")
    assert text_of(first) == "BAN TUYÊN GIÁO"
    second = first.getnext()
    assert text_of(second) == "VÀ DÂN VẬN"
    for p in (first, second):
        (issuer,) = probe.runs(p)
        assert issuer.size == 14 and issuer.bold
    assert text_of(second.getnext()) == "*"


def test_number_without_colon_zero_padded_14_centred(probe):
    p = probe.paragraph("Số ")
    assert text_of(p) == "Số 07-BC/BTGDVTU"
    (run,) = probe.runs(p)
    assert run.size == 14 and not run.bold and not run.italic
    assert probe.alignment(p) == "center"


def test_place_and_date_14_italic_centred_with_padding(probe):
    p = probe.paragraph("Đà Nẵng, ngày")
    assert text_of(p) == "Đà Nẵng, ngày 03 tháng 6 năm 2026"
    (run,) = probe.runs(p)
    assert run.size == 14 and run.italic and not run.bold
    assert probe.alignment(p) == "center"


def test_header_block_is_a_borderless_table_side_by_side(probe):
    table = probe.document.find(f"{w('body')}/{w('tbl')}")
    cells = table.findall(f"{w('tr')}/{w('tc')}")
    assert len(cells) == 2
    assert "BAN TUYÊN GIÁO" in text_of(cells[0])
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text_of(cells[1])
    borders = table.find(f"{w('tblPr')}/{w('tblBorders')}")
    assert {b.get(w("val")) for b in borders} == {"nil"}


def test_type_name_caps_15_to_16_bold_then_subject_14_to_15_bold_then_five_hyphens(probe):
    type_p = probe.paragraph("BÁO CÁO")
    (run,) = probe.runs(type_p)
    assert 15 <= run.size <= 16 and run.bold and probe.alignment(type_p) == "center"
    subject_p = probe.paragraph("kết quả triển khai")
    (subject,) = probe.runs(subject_p)
    assert 14 <= subject.size <= 15 and subject.bold and probe.alignment(subject_p) == "center"
    assert text_of(subject_p.getnext()) == "-----"


def test_body_paragraph_rules(probe):
    p = probe.paragraph("Thực hiện các Chương trình phối hợp")
    (run,) = probe.runs(p)
    assert 14 <= run.size <= 15 and not run.bold and not run.italic
    assert probe.alignment(p) == "both"
    assert probe.first_line_mm(p) == pytest.approx(10, abs=1)
    spacing = probe.spacing(p)
    assert int(spacing["after"]) >= 6 * 20  # twentieths of a point
    assert spacing["lineRule"] == "exact"
    assert 18 * 20 <= int(spacing["line"]) <= 22 * 20


def test_headings_by_level(probe):
    level1 = probe.paragraph("I. CÔNG TÁC PHỐI HỢP TRIỂN KHAI")
    (run,) = probe.runs(level1)
    assert run.bold and run.size == 14
    level2 = probe.paragraph("1. Kết quả thực hiện Chương trình phối hợp")
    (run,) = probe.runs(level2)
    assert run.bold and run.size == 14
    assert probe.paragraph("II. KẾT QUẢ TRIỂN KHAI THỰC HIỆN") is not None


def test_real_footnotes_with_references_where_the_text_had_them(probe):
    assert "word/footnotes.xml" in probe.names
    assert "wordprocessingml.footnotes+xml" in probe.content_types
    assert probe.footnote_texts() == {
        1: "Chương trình phối hợp số 03-CTr/BDVTW-BCSĐCP ngày 15/12/2021 giữa Ban Dân vận "
        "Trung ương và Ban cán sự Đảng Chính phủ.",
        2: "Kế hoạch số 59-KH/TU ngày 13/4/2022 của Thường trực Thành ủy.",
        3: "100% cơ quan chuyên môn thuộc UBND thành phố, 100% quận, huyện.",
    }
    assert probe.footnote_reference_ids() == [1, 2, 3]
    p = probe.paragraph("Trên cơ sở các Chương trình phối hợp")
    assert [int(r.get(w("id"))) for r in p.iter(w("footnoteReference"))] == [1, 2]
    # Word needs the separator and continuation separator notes.
    types = {n.get(w("type")) for n in probe.footnotes.iter(w("footnote"))}
    assert {"separator", "continuationSeparator"} <= types


def test_recipients_label_underlined_14_and_entries_12_with_semicolons_and_final_stop(probe):
    label = probe.paragraph("Nơi nhận:")
    (run,) = probe.runs(label)
    assert run.size == 14 and run.underline and not run.bold
    texts = [t for t in probe.body_texts() if t.startswith("- ")]
    assert texts == [
        "- Ban Dân vận Trung ương (b/c);",
        "- Thường trực Thành ủy (b/c);",
        "- Ban Dân vận các quận, huyện ủy;",
        "- Lưu VT, P.DVNN-DT-TG.",
    ]
    (entry,) = probe.runs(probe.paragraph("- Lưu VT"))
    assert entry.size == 12


def test_signature_authority_bold_position_not_bold_name_bold(probe):
    (authority,) = probe.runs(probe.paragraph("K/T TRƯỞNG BAN"))
    assert authority.size == 14 and authority.bold
    (position,) = probe.runs(probe.paragraph("PHÓ TRƯỞNG BAN"))
    assert position.size == 14 and not position.bold
    (name,) = probe.runs(probe.paragraph("Mai Thị Thu"))
    assert name.size == 14 and name.bold


def test_recipients_and_signature_side_by_side(probe):
    tables = probe.document.findall(f"{w('body')}/{w('tbl')}")
    closing = tables[-1]
    left, right = closing.findall(f"{w('tr')}/{w('tc')}")
    assert text_of(left).startswith("Nơi nhận:")
    assert "Mai Thị Thu" in text_of(right)


def test_page_number_field_in_header_not_on_first_page(probe):
    assert probe.sect_pr().find(w("titlePg")) is not None
    default = probe.header_part("default")
    instr = "".join(t.text for t in default.iter(w("instrText")))
    assert instr.strip() == "PAGE"
    p = default.find(w("p"))
    assert probe.alignment(p) == "center"
    sizes = {info.size for info in (Probe.runs(probe, p))}
    assert sizes == {14}
    first = probe.header_part("first")
    assert first is not None and "".join(first.itertext()).strip() == ""
    assert probe.margins_mm()["header"] == pytest.approx(10, abs=0.1)
