"""Where the rule sets differ: HD 36 punctuation and line spacing, công văn, tờ trình, căn cứ,
Quy định's code, drafts with blanks — each expected value from document-layout.md."""

import pytest
from docx_probe import Probe, text_of, w
from sample_documents import danang_report, lam_dong_report

from danvan.publish import render_docx


def _render(doc, tmp_path, layout=None, name="out.docx"):
    path = tmp_path / name
    used = render_docx(doc, path, layout)
    return used, Probe(path)


def _cong_van(form: str) -> dict:
    doc = danang_report(date="2026-07-01") if form == "party" else lam_dong_report()
    header = doc["header"]
    header.update(
        type_name=None,
        type_code="CV",
        addressees=["Ban Thường vụ Thành ủy", "Ban Dân vận Trung ương"],
    )
    if form == "party":
        header.update(
            number="138", symbol="138-CV/BTGDVTU", title="báo cáo kết quả công tác dân vận 6 tháng"
        )
    else:
        header.update(
            number="507", symbol="507/UBND-KGVX", title="triển khai công tác cải cách hành chính"
        )
    return doc


def test_2022_party_report_gets_hd36_with_commas_and_at_least_18pt(tmp_path):
    used, probe = _render(danang_report(), tmp_path)
    assert used.name == "party-2018"
    entries = [t for t in probe.body_texts() if t.startswith("- ")]
    assert entries == [
        "- Ban Dân vận Trung ương (b/c),",
        "- Thường trực Thành ủy (b/c),",
        "- Ban Dân vận các quận, huyện ủy,",
        "- Lưu VT, P.DVNN-DT-TG.",
    ]
    spacing = probe.spacing(probe.paragraph("Thực hiện các Chương trình phối hợp"))
    assert spacing["lineRule"] == "atLeast" and int(spacing["line"]) >= 18 * 20
    assert probe.paragraph("Số ").xpath("string()") == "Số 138-BC/BDVTU"
    assert text_of(probe.paragraph("Đà Nẵng")) == "Đà Nẵng, ngày 05 tháng 7 năm 2022"


def test_a_2019_input_with_commas_written_under_hd05_gets_semicolons(tmp_path):
    used, probe = _render(danang_report(), tmp_path, layout="party")
    assert used.name == "party"
    entries = [t for t in probe.body_texts() if t.startswith("- ")]
    assert entries[-2:] == ["- Ban Dân vận các quận, huyện ủy;", "- Lưu VT, P.DVNN-DT-TG."]


def test_undated_party_document_gets_hd05(tmp_path):
    used, probe = _render(danang_report(date=None), tmp_path)
    assert used.name == "party"
    assert text_of(probe.paragraph("Đà Nẵng, ngày")).startswith("Đà Nẵng, ngày ")


def test_party_cong_van_ve_viec_12_italic_under_so_and_kinh_gui(tmp_path):
    used, probe = _render(_cong_van("party"), tmp_path)
    assert used.name == "party"
    number = probe.paragraph("Số ")
    assert text_of(number) == "Số 138-CV/BTGDVTU"
    subject = number.getnext()
    assert text_of(subject) == "về việc báo cáo kết quả công tác dân vận 6 tháng"
    (run,) = probe.runs(subject)
    assert run.size == 12 and run.italic and not run.bold
    (label,) = probe.runs(probe.paragraph("Kính gửi:"))
    assert label.size == 14 and label.italic
    names = [t for t in probe.body_texts() if t.startswith("- Ban")]
    assert names[:2] == ["- Ban Thường vụ Thành ủy;", "- Ban Dân vận Trung ương;"]
    assert all(r.size in (14, 15) for r in probe.runs(probe.paragraph("- Ban Thường vụ Thành ủy")))
    assert "BÁO CÁO" not in probe.body_texts()


def test_state_cong_van_vv_not_bold_under_so(tmp_path):
    used, probe = _render(_cong_van("state"), tmp_path)
    assert used.name == "state"
    number = probe.paragraph("Số")
    assert text_of(number) == "Số: 507/UBND-KGVX"
    subject = number.getnext()
    assert text_of(subject) == "V/v triển khai công tác cải cách hành chính"
    (run,) = probe.runs(subject)
    assert 12 <= run.size <= 13 and not run.bold


@pytest.mark.parametrize(
    ("layout", "label"), [("party", "Kính trình:"), ("party-2018", "Kính gửi:")]
)
def test_to_trinh_says_kinh_trinh_only_under_hd05(tmp_path, layout, label):
    doc = danang_report(date="2026-08-01")
    doc["header"].update(type_name="TỜ TRÌNH", type_code="TTr", symbol="12-TTr/BDVTU", number="12")
    doc["header"]["addressees"] = ["Ban Thường vụ Thành ủy"]
    _, probe = _render(doc, tmp_path, layout)
    sep = ";" if layout == "party" else ","
    assert text_of(probe.paragraph(label)) == f"{label} Ban Thường vụ Thành ủy{sep}"


@pytest.mark.parametrize(("layout", "last"), [("party", "."), ("party-2018", ",")])
def test_can_cu_lines_each_on_its_own_line(tmp_path, layout, last):
    doc = danang_report(date="2026-08-01")
    doc["header"].update(type_name="QUYẾT ĐỊNH", type_code="QĐ", symbol="15-QĐ/BDVTU", number="15")
    doc["preamble"] = [
        {"text": "Căn cứ Điều lệ Đảng,", "footnotes": []},
        {"text": "- Căn cứ Quy định số 399-QĐ/TW ngày 09/01/2026 của Ban Bí thư;", "footnotes": []},
        {"text": "Xét đề nghị của Văn phòng,", "footnotes": []},
    ]
    _, probe = _render(doc, tmp_path, layout)
    texts = probe.body_texts()
    assert "- Căn cứ Điều lệ Đảng;" in texts
    assert f"- Căn cứ Quy định số 399-QĐ/TW ngày 09/01/2026 của Ban Bí thư{last}" in texts
    assert "Xét đề nghị của Văn phòng," in texts


@pytest.mark.parametrize(
    ("layout", "symbol"), [("party", "Số 03-QĐ/TU"), ("party-2018", "Số 03-QĐi/TU")]
)
def test_quy_dinh_code(tmp_path, layout, symbol):
    doc = danang_report(date="2026-08-01")
    doc["header"].update(type_name="QUY ĐỊNH", type_code="QĐi", symbol="3-QĐi/TU", number="3")
    _, probe = _render(doc, tmp_path, layout)
    assert text_of(probe.paragraph("Số ")) == symbol


def test_state_draft_with_blank_number_and_date(tmp_path):
    doc = lam_dong_report()
    doc["header"].update(number=None, symbol="/BC-UBND", date=None)
    _, probe = _render(doc, tmp_path)
    number = text_of(probe.paragraph("Số:"))
    assert number.startswith("Số: ") and number.endswith("/BC-UBND")
    assert number.replace("\u00a0", " ").split() == ["Số:", "/BC-UBND"]
    date = text_of(probe.paragraph("Lâm Đồng, ngày"))
    assert date.split() == ["Lâm", "Đồng,", "ngày", "tháng", "năm", "20"]


def test_forced_layout_wins_over_the_form(tmp_path):
    used, probe = _render(lam_dong_report(), tmp_path, "party")
    assert used.name == "party"
    assert text_of(probe.paragraph("Số ")) == "Số 329/BC-UBND"
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in probe.body_texts()


def test_footnote_without_a_mark_is_kept(tmp_path):
    doc = danang_report()
    doc["footnotes"].append({"id": 4, "text": "Số liệu của Văn phòng Thành ủy."})
    _, probe = _render(doc, tmp_path)
    assert probe.footnote_texts()[4] == "Số liệu của Văn phòng Thành ủy."
    assert probe.footnote_reference_ids() == [1, 2, 3, 4]


def test_note_without_a_mark_is_marked_after_the_note_before_it(tmp_path):
    # Word numbers notes by where their marks stand: marking note 2 after note 1 keeps the
    # printed numbers in id order.
    doc = danang_report()
    doc["outline"][0]["paragraphs"][0]["footnotes"] = [1]
    _, probe = _render(doc, tmp_path)
    assert probe.footnote_reference_ids() == [1, 2, 3]
    paragraph = probe.paragraph("Trên cơ sở các Chương trình phối hợp")
    assert [int(r.get(w("id"))) for r in paragraph.iter(w("footnoteReference"))] == [1, 2]


def test_a_note_is_marked_once_and_unknown_ids_are_skipped(tmp_path):
    doc = danang_report()
    doc["preamble"][0]["footnotes"] = [1, 9]
    _, probe = _render(doc, tmp_path)
    assert probe.footnote_reference_ids() == [1, 2, 3]
    assert set(probe.footnote_texts()) == {1, 2, 3}
