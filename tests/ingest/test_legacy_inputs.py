"""Text typed in the legacy 8-bit encodings reads as proper Unicode: in a .txt file and in
DOCX runs set in .VnTime / VNI-Times fonts. The inputs are encoded here from Unicode."""

from danvan.ingest import parse_bytes
from danvan.vn.legacy import unicode_to_tcvn3, unicode_to_vni

from .builders import document_xml, docx_bytes

REPORT = [
    "BÁO CÁO",
    "công tác dân vận của các cơ quan nhà nước",
    "Thực hiện Kế hoạch số 20-KH/TU ngày 09/7/2021 của Ban Thường vụ Thành ủy, các cơ quan đã triển khai kết quả công tác dân vận năm 2022.",
]


def test_tcvn3_text_file():
    # TCVN3 has no capitals with tone marks; "BÁO CÁO" typed in .VnTime reads "BáO CáO".
    data = "\n".join(unicode_to_tcvn3(line) for line in REPORT).encode("latin-1")
    doc = parse_bytes(data, "tcvn3.txt")
    assert doc.header.type_name == "BÁO CÁO"
    assert doc.preamble[0].text == REPORT[2]


def test_vni_text_file():
    data = "\n".join(unicode_to_vni(line) for line in REPORT).encode("latin-1")
    doc = parse_bytes(data, "vni.txt")
    assert doc.header.title == "công tác dân vận của các cơ quan nhà nước"
    assert doc.preamble[0].text == REPORT[2]
    assert doc.references[0].symbol == "20-KH/TU"
    assert "text converted from the legacy VNI encoding" in doc.warnings


def test_docx_runs_in_legacy_fonts():
    tcvn3 = document_xml(unicode_to_tcvn3("báo cáo"), font=".VnTimeH")
    vni_body = document_xml(unicode_to_vni(REPORT[2]), font="VNI-Times")
    body = tcvn3.replace(
        "</w:body>", vni_body.split("<w:body>")[1].split("</w:body>")[0] + "</w:body>"
    )
    doc = parse_bytes(docx_bytes(body), "cu.docx")
    assert doc.header.type_name == "BÁO CÁO"
    assert doc.preamble[0].text == REPORT[2]


def test_docx_in_tcvn3_without_font_names_is_detected():
    lines = [unicode_to_tcvn3(REPORT[1]), unicode_to_tcvn3(REPORT[2])]
    doc = parse_bytes(docx_bytes(document_xml(*lines)), "khong-font.docx")
    assert doc.preamble[0].text == REPORT[1]
    assert doc.preamble[1].text == REPORT[2]
    assert "text converted from the legacy TCVN3 encoding" in doc.warnings
