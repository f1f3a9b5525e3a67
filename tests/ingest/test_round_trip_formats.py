"""One report written here as a Word package (real footnotes, header and closing tables),
read as DOCX, then printed to PDF by LibreOffice and read again as PDF: both readings must
give the same header, footnotes, marks and closing."""

import shutil
import subprocess

import pytest

from danvan.ingest import parse_bytes

from .builders import full_docx

HEADER = [
    ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("TỈNH LÂM ĐỒNG", "Độc lập - Tự do - Hạnh phúc"),
    ("SỞ NỘI VỤ", ""),
    ("Số: 181/BC-SNV", "Lâm Đồng, ngày 05 tháng 11 năm 2025"),
]
BODY = [
    "BÁO CÁO",
    "Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025",
    "Thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh[1], Sở Nội vụ báo cáo như sau:",
    "I. CÔNG TÁC TRIỂN KHAI",
    "Sở đã tổ chức 12 hội nghị với hơn 1.500 lượt người tham dự; có 97/97 tổ chức cơ sở triển khai mô hình[2].",
    "II. PHƯƠNG HƯỚNG",
    "Tiếp tục thực hiện Kế hoạch số 45-KH/TU ngày 28/01/2022 của Thành ủy.",
]
NOTES = {
    1: "Quyết định số 787/QĐ-UBND ngày 21/8/2025 về việc thí điểm các mô hình, sáng kiến.",
    2: "Trong đó có 1,821 tỷ đồng từ nguồn xã hội hóa.",
}
CLOSING = (
    ["Nơi nhận:", "- Chủ tịch Ủy ban nhân dân tỉnh;", "- Lưu: VT, CCHC."],
    [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Ký bởi: Sở Nội vụ tỉnh Lâm Đồng",
        "Thời gian ký: 05.11.2025 09:15:00 +07:00",
        "Mai Thị Thu",
    ],
)


def _check(doc):
    h = doc.header
    assert doc.form == "state"
    assert (h.parent_issuer, h.issuer) == ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ")
    assert (h.number, h.symbol, h.type_code, h.place, h.date) == (
        "181",
        "181/BC-SNV",
        "BC",
        "Lâm Đồng",
        "2025-11-05",
    )
    assert (h.type_name, h.title) == (
        "BÁO CÁO",
        "Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025",
    )
    assert [(f.id, f.text) for f in doc.footnotes] == list(NOTES.items())
    assert doc.preamble[0].footnotes == [1]
    assert doc.preamble[0].text.startswith("Thực hiện Quyết định số 787/QĐ-UBND")
    assert "Ủy ban nhân dân tỉnh, Sở Nội vụ" in doc.preamble[0].text
    assert [s.label for s in doc.outline] == ["I", "II"]
    assert doc.outline[0].paragraphs[0].footnotes == [2]
    assert doc.outline[0].paragraphs[0].text.endswith("triển khai mô hình.")
    assert [r.where for r in doc.references if r.symbol == "787/QĐ-UBND"] == [
        "header",
        "body",
        "footnote",
    ]
    figures = {f.text: f for f in doc.figures}
    assert figures["97/97 tổ chức"].total == 97
    assert (
        figures["1,821 tỷ đồng"].value == 1821000000
        and figures["1,821 tỷ đồng"].where == "footnote"
    )
    assert doc.closing.recipients == ["Chủ tịch Ủy ban nhân dân tỉnh", "Lưu: VT, CCHC"]
    sig = doc.closing.signature
    assert (sig.authority, sig.title, sig.name) == (["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC", "Mai Thị Thu")
    assert "Ký bởi" not in str(doc.to_dict())


def test_docx_reading():
    doc = parse_bytes(full_docx(HEADER, BODY, NOTES, CLOSING), "bao-cao.docx")
    _check(doc)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_same_report_printed_to_pdf(tmp_path):
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(full_docx(HEADER, BODY, NOTES, CLOSING))
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    doc = parse_bytes((tmp_path / "bao-cao.pdf").read_bytes(), "bao-cao.pdf")
    assert doc.source.pages == 1
    _check(doc)


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("antiword")),
    reason="LibreOffice/antiword not installed",
)
def test_same_report_saved_as_word_97_by_both_doc_paths(tmp_path):
    from pathlib import Path

    from danvan.ingest.layout import finish
    from danvan.ingest.model import Source
    from danvan.ingest.readers.doc import _via_libreoffice
    from danvan.ingest.structure.assemble import build

    source = tmp_path / "bao-cao.docx"
    source.write_bytes(full_docx(HEADER, BODY, NOTES, CLOSING))
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    data = (tmp_path / "bao-cao.doc").read_bytes()
    _check(parse_bytes(data, "bao-cao.doc"))  # antiword
    work = Path(tmp_path / "fallback")
    work.mkdir()
    (work / "input.doc").write_bytes(data)
    layout = _via_libreoffice(shutil.which("soffice"), work / "input.doc", "bao-cao.doc")
    finish(layout)
    _check(build(layout, Source("bao-cao.doc", "doc", None, "")))
