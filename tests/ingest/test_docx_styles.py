"""Legacy fonts named on styles, not runs (LibreOffice's DOCX of an old .doc sets ".VnTime"
on Normal and ".VnTimeH" on the heading styles). Synthetic: the text is encoded here from
Unicode, as a TCVN3 Word file holds it."""

from html import escape
from xml.sax.saxutils import escape as xml_escape

from danvan.ingest import parse_bytes
from danvan.vn.legacy import unicode_to_tcvn3

from .builders import W_NS, docx_bytes

STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif"/></w:rPr>'
    "</w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr>'
    '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:rPr>'
    '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/></w:style>'
    '<w:style w:type="character" w:styleId="Caps"><w:rPr>'
    '<w:rFonts w:ascii=".VnArialH"/></w:rPr></w:style>'
    "</w:styles>"
)


def _paragraph(text: str, style: str | None = None, run_style: str | None = None) -> str:
    p_props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    r_props = f'<w:rPr><w:rStyle w:val="{run_style}"/></w:rPr>' if run_style else ""
    # The TCVN3 "ư" (0xAD) is a soft hyphen to Word: LibreOffice writes <w:softHyphen/>.
    runs = "<w:softHyphen/>".join(
        f'<w:t xml:space="preserve">{xml_escape(part)}</w:t>' for part in text.split("\u00ad")
    )
    return f"<w:p>{p_props}<w:r>{r_props}{runs}</w:r></w:p>"


def _docx(paragraphs: list[str]) -> bytes:
    body = "".join(paragraphs)
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    return docx_bytes(document, {"word/styles.xml": STYLES.encode()})


BODY = (
    "Thực hiện Kế hoạch số 20-KH/TU ngày 09/7/2021 của Ban Thường vụ Thành ủy, các cơ quan đã"
    " triển khai công tác dân vận năm 2022."
)


def test_capitals_from_a_heading_style_and_text_from_normal():
    data = _docx(
        [
            _paragraph(unicode_to_tcvn3("quyết định"), "Heading2"),  # .VnTimeH through basedOn
            _paragraph(unicode_to_tcvn3("Về việc ban hành Chương trình công tác"), "Normal"),
            _paragraph(unicode_to_tcvn3(BODY)),  # the default paragraph style
            _paragraph(unicode_to_tcvn3("i. kết quả"), None, "Caps"),  # a character style
        ]
    )
    doc = parse_bytes(data, "cu.docx")
    assert doc.header.type_name == "QUYẾT ĐỊNH"
    assert doc.header.title == "Về việc ban hành Chương trình công tác"
    assert doc.preamble[0].text == BODY
    assert doc.outline[0].label == "I" and doc.outline[0].title == "KẾT QUẢ"


def test_a_unicode_document_with_a_vntime_style_is_left_alone():
    """An old template's ".VnTime" Normal style under Unicode text: nothing is converted."""
    data = _docx([_paragraph("BÁO CÁO", "Heading1"), _paragraph(escape(BODY))])
    doc = parse_bytes(data, "moi.docx")
    assert doc.header.type_name == "BÁO CÁO"
    assert doc.preamble[0].text == BODY
    assert not any("legacy" in warning for warning in doc.warnings)
