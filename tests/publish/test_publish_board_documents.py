"""What a board's own document needs beyond the layout tables: the figures in a "Phụ lục" of
their own, right-aligned; empty headings left out; the signing authority spelled for the chosen
rules (T/M, K/T ↔ TM., KT.; TUQ. kept with a warning in a Party document); "Nơi nhận" and the
signature kept with the last paragraph; the file's properties taken from the document."""

from __future__ import annotations

import datetime as dt
import zipfile

import docx
import pytest
from docx_probe import Probe, text_of, w
from sample_documents import danang_report, lam_dong_report

from danvan.publish import document_warnings, render_docx
from danvan.publish.signing import convert_authority

FIGURES = [
    ["Chỉ tiêu", "Đơn vị tính", "6 tháng đầu năm 2022", "Tăng/giảm"],
    ["Tiếp công dân", "lượt", "1.868", "+120 (6,9%)"],
    ["Tỷ lệ hài lòng", "%", "95,5", ""],
]


def _with_annex() -> dict:
    doc = danang_report()
    doc["tables"] = [{"rows": FIGURES, "after_paragraph": None, "annex": "Số liệu tổng hợp"}]
    doc["properties"] = {"author": "Ban Dân vận Thành ủy Đà Nẵng"}
    # "2. Hạn chế" has nothing written under it; "III" has only an empty child.
    doc["outline"][1]["children"].append(
        {"label": "2", "title": "Hạn chế", "level": 2, "paragraphs": [], "children": []}
    )
    doc["outline"].append(
        {
            "label": "III",
            "title": "NHIỆM VỤ TRỌNG TÂM",
            "level": 1,
            "paragraphs": [{"text": "", "footnotes": []}],
            "children": [
                {"label": "1", "title": "Nhiệm vụ chung", "level": 2, "paragraphs": []},
            ],
        }
    )
    return doc


@pytest.fixture(scope="module")
def annexed(tmp_path_factory):
    path = tmp_path_factory.mktemp("annex") / "annex.docx"
    render_docx(_with_annex(), path)
    return path


def _has(p, tag: str) -> bool:
    return p.find(f"{w('pPr')}/{w(tag)}") is not None


def test_the_figures_are_in_a_phu_luc_after_the_signature(annexed):
    probe = Probe(annexed)
    texts = [text for text in probe.body_texts() if text.strip()]
    name = texts.index("Mai Thị Thu")
    assert texts[name + 1 : name + 4] == [
        "PHỤ LỤC",
        "SỐ LIỆU TỔNG HỢP",
        "(Kèm theo Báo cáo số 138-BC/BDVTU ngày 05/7/2022)",
    ]
    assert texts[name + 4 : name + 8] == FIGURES[0]
    # Nothing of the table before the closing: the body ends with its last paragraph.
    assert "1.868" not in texts[:name]
    heading = probe.paragraph("PHỤ LỤC")
    assert _has(heading, "pageBreakBefore")
    (run,) = probe.runs(heading)
    assert run.bold and run.size == 14
    (attached,) = probe.runs(probe.paragraph("(Kèm theo"))
    assert attached.italic and not attached.bold


def test_figures_are_right_aligned_text_left_titles_centred(annexed):
    probe = Probe(annexed)
    tables = probe.document.findall(f"{w('body')}/{w('tbl')}")
    figures = tables[-1]
    rows = figures.findall(w("tr"))
    alignment = [[Probe.alignment(tc.find(w("p"))) for tc in tr.findall(w("tc"))] for tr in rows]
    assert alignment == [
        ["center", "center", "center", "center"],
        ["left", "left", "right", "right"],
        ["left", "left", "right", "left"],
    ]
    # The column titles are repeated on every page of a long annex.
    assert rows[0].find(f"{w('trPr')}/{w('tblHeader')}") is not None


def test_headings_with_nothing_under_them_are_left_out(annexed):
    texts = Probe(annexed).body_texts()
    assert "II. KẾT QUẢ TRIỂN KHAI THỰC HIỆN" in texts
    assert not any("Hạn chế" in text for text in texts)
    assert not any("NHIỆM VỤ TRỌNG TÂM" in text for text in texts)
    assert not any("Nhiệm vụ chung" in text for text in texts)


def test_the_last_paragraph_the_recipients_and_the_signature_stay_together(annexed):
    probe = Probe(annexed)
    body = probe.document.find(w("body"))
    blocks = [child for child in body if child.tag != w("sectPr")]
    closing = next(
        block
        for block in blocks
        if block.tag == w("tbl") and "Nơi nhận:" in "".join(t.text for t in block.iter(w("t")))
    )
    index = blocks.index(closing)
    spacer, last = blocks[index - 1], blocks[index - 2]
    assert text_of(last).startswith("Trong 6 tháng đầu năm 2022")
    assert _has(last, "keepNext") and _has(last, "keepLines")
    assert _has(spacer, "keepNext")
    (row,) = closing.findall(w("tr"))
    assert row.find(f"{w('trPr')}/{w('cantSplit')}") is not None
    cell_paragraphs = list(row.iter(w("p")))
    assert {text_of(p) for p in cell_paragraphs} >= {"Nơi nhận:", "K/T TRƯỞNG BAN", "Mai Thị Thu"}
    assert all(_has(p, "keepLines") for p in cell_paragraphs)


def test_a_body_ending_with_a_table_keeps_its_last_row_with_the_closing(tmp_path):
    doc = lam_dong_report()
    doc["tables"][0]["after_paragraph"] = None  # written at the end of the body
    path = tmp_path / "state.docx"
    render_docx(doc, path)
    body = Probe(path).document.find(w("body"))
    tables = body.findall(w("tbl"))
    figures = next(
        t for t in tables if "Hồ sơ trực tuyến" in "".join(x.text for x in t.iter(w("t")))
    )
    last_row = figures.findall(w("tr"))[-1]
    assert last_row.find(f"{w('trPr')}/{w('cantSplit')}") is not None
    assert all(_has(p, "keepNext") for p in last_row.iter(w("p")))


def test_core_properties_come_from_the_document(annexed):
    properties = docx.Document(str(annexed)).core_properties
    assert properties.title == (
        "Báo cáo 138-BC/BDVTU: kết quả triển khai, thực hiện Chương trình phối hợp công tác dân "
        "vận 6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm 2022"
    )
    assert properties.author == "Ban Dân vận Thành ủy Đà Nẵng"
    assert properties.last_modified_by == "Ban Dân vận Thành ủy Đà Nẵng"
    assert properties.created.date() == dt.date(2022, 7, 5)
    assert properties.keywords == "138-BC/BDVTU"
    assert properties.category == "Báo cáo"
    assert properties.language == "vi-VN"
    with zipfile.ZipFile(annexed) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
    # Nothing of python-docx's template: no thumbnail of an empty page, not "Microsoft Word".
    assert not any("thumbnail" in name for name in names)
    assert "<Application>Danvan</Application>" in app
    assert "<Company>Ban Dân vận Thành ủy Đà Nẵng</Company>" in app


def test_without_given_properties_the_author_is_the_issuer_as_printed(tmp_path):
    path = tmp_path / "state.docx"
    render_docx(lam_dong_report(), path)
    properties = docx.Document(str(path)).core_properties
    assert properties.author == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert properties.created.date() == dt.date(2025, 12, 19)
    assert properties.title.startswith("Báo cáo 329/BC-UBND: Kết quả thực hiện")


@pytest.mark.parametrize(
    ("line", "party", "state"),
    [
        ("T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ"),
        ("TM. ỦY BAN NHÂN DÂN", "T/M ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"),
        ("K/T TRƯỞNG BAN", "K/T TRƯỞNG BAN", "KT. TRƯỞNG BAN"),
        ("KT.CHỦ TỊCH", "K/T CHỦ TỊCH", "KT. CHỦ TỊCH"),
        ("TL. BỘ TRƯỞNG", "T/L BỘ TRƯỞNG", "TL. BỘ TRƯỞNG"),
        ("T/L BAN THƯỜNG VỤ", "T/L BAN THƯỜNG VỤ", "TL. BAN THƯỜNG VỤ"),
        ("Q. TRƯỞNG BAN", "Q. TRƯỞNG BAN", "Q. TRƯỞNG BAN"),
        ("TUQ. GIÁM ĐỐC", "TUQ. GIÁM ĐỐC", "TUQ. GIÁM ĐỐC"),
        ("QUYỀN TRƯỞNG BAN", "QUYỀN TRƯỞNG BAN", "QUYỀN TRƯỞNG BAN"),
    ],
)
def test_signing_prefixes_both_ways(line, party, state):
    assert convert_authority(line, "party")[0] == party
    assert convert_authority(line, "state") == (state, None)


def test_a_state_report_written_as_party_signs_t_m_and_k_t(tmp_path):
    path = tmp_path / "as-party.docx"
    render_docx(lam_dong_report(), path, "party")
    texts = Probe(path).body_texts()
    assert "T/M ỦY BAN NHÂN DÂN" in texts and "K/T CHỦ TỊCH" in texts
    assert "TM. ỦY BAN NHÂN DÂN" not in texts


def test_a_party_report_written_as_state_signs_kt(tmp_path):
    path = tmp_path / "as-state.docx"
    render_docx(danang_report(), path, "state")
    texts = Probe(path).body_texts()
    assert "KT. TRƯỞNG BAN" in texts and "K/T TRƯỞNG BAN" not in texts


def test_tuq_in_a_party_document_is_kept_and_warned(tmp_path):
    doc = danang_report()
    doc["closing"]["signature"]["authority"] = ["TUQ. TRƯỞNG BAN"]
    (warning,) = document_warnings(doc)
    assert "văn bản của Đảng không có hình thức ký thừa ủy quyền (TUQ.)" in warning
    assert document_warnings(doc, "state") == []
    path = tmp_path / "tuq.docx"
    render_docx(doc, path)
    assert "TUQ. TRƯỞNG BAN" in Probe(path).body_texts()
