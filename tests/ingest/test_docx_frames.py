"""Two DOCX layouts of real files, rebuilt by hand (no shared file shows them): the title
set inside a one-cell table (a frame), and a "Nơi nhận" list whose dashes are Word automatic
bullets (not in the text) inside the closing table."""

from xml.sax.saxutils import escape

from danvan.ingest import parse_bytes

from .builders import W_NS, docx_bytes

NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="-"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>"
)


def _p(text: str, *, num: int | None = None, center: bool = False) -> str:
    props = ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
    if center:
        props += '<w:jc w:val="center"/>'
    props = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _table(*cells: str) -> str:
    tcs = "".join(f"<w:tc>{cell or '<w:p/>'}</w:tc>" for cell in cells)
    return f"<w:tbl><w:tr>{tcs}</w:tr></w:tbl>"


def _document(*blocks: str) -> bytes:
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
        + "".join(blocks)
        + "</w:body></w:document>"
    )
    return docx_bytes(xml, {"word/numbering.xml": NUMBERING.encode()})


HEADER = _table(
    _p("ỦY BAN NHÂN DÂN") + _p("TỈNH LÂM ĐỒNG") + _p("Số: 15/BC-UBND"),
    _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    + _p("Độc lập - Tự do - Hạnh phúc")
    + _p("Lâm Đồng, ngày 05 tháng 11 năm 2025"),
)
BODY = _p("1. Kết quả") + _p(
    "Năm 2025, toàn tỉnh đã tiếp 1.868 lượt công dân đến kiến nghị, phản ánh."
)
CLOSING = _table(
    _p("Nơi nhận:")
    + _p("Bộ Nội vụ;", num=3)
    + _p("Thường trực Tỉnh ủy;", num=3)
    + _p("Lưu: VT, NC.", num=3),
    _p("KT. CHỦ TỊCH") + _p("PHÓ CHỦ TỊCH") + _p("Nguyễn Ngọc Phúc"),
)


def test_a_title_inside_a_one_cell_table():
    title = _table(
        _p("BÁO CÁO", center=True) + _p("Kết quả công tác tiếp công dân năm 2025", center=True)
    )
    doc = parse_bytes(_document(HEADER, title, BODY, CLOSING), "bao-cao.docx")
    assert doc.header.symbol == "15/BC-UBND"
    assert doc.header.type_name == "BÁO CÁO"
    assert doc.header.title == "Kết quả công tác tiếp công dân năm 2025"
    assert doc.tables == []  # the frame is not a data table
    assert doc.outline[0].label == "1"
    assert doc.outline[0].paragraphs[0].text.startswith("Năm 2025, toàn tỉnh đã tiếp")


def test_recipients_bulleted_by_word_inside_the_closing_table():
    doc = parse_bytes(
        _document(HEADER, _p("BÁO CÁO"), _p("Kết quả công tác năm 2025"), BODY, CLOSING),
        "bao-cao.docx",
    )
    assert doc.closing.recipients == ["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Lưu: VT, NC"]
    assert doc.closing.signature.to_dict() == {
        "authority": ["KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "name": "Nguyễn Ngọc Phúc",
    }


def test_a_numbered_list_in_a_data_table_keeps_its_text():
    """Only bullets become "- " in a cell: a numbered STT column is not renumbered here."""
    data = _table(_p("Tiếp công dân", num=4), _p("1.868"))
    doc = parse_bytes(
        _document(HEADER, _p("BÁO CÁO"), _p("Kết quả"), BODY, data + data, CLOSING), "b.docx"
    )
    assert [row[0] for table in doc.tables for row in table.rows] == ["Tiếp công dân"] * 2


def test_a_cover_page_before_the_header_table():
    cover = (
        _p("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", center=True)
        + _p("BÁO CÁO", center=True)
        + _p("KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN NĂM 2025", center=True)
        + _p("Lâm Đồng, tháng 12 năm 2025", center=True)
        + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    )
    title = _p("BÁO CÁO", center=True) + _p("Kết quả công tác tiếp công dân năm 2025", center=True)
    doc = parse_bytes(_document(cover, HEADER, title, BODY, CLOSING), "bao-cao.docx")
    assert (doc.header.parent_issuer, doc.header.issuer) == (None, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
    assert (doc.header.symbol, doc.header.date) == ("15/BC-UBND", "2025-11-05")
    assert doc.header.title == "Kết quả công tác tiếp công dân năm 2025"
    assert doc.preamble == []
    assert "a cover page before the header was left out" in doc.warnings
