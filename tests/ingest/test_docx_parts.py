"""DOCX details a real Word file carries: text boxes (with their compatibility fallback
copy), tracked insertions and deletions, hyperlinks, field codes."""

from danvan.ingest import parse_bytes

from .builders import W_NS, docx_bytes

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _textbox(lines: list[str]) -> str:
    inner = "".join(f"<w:p>{_run(line)}</w:p>" for line in lines)
    # Word writes the box twice: the modern shape and a VML fallback for old readers.
    return (
        "<w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_text_boxes_tracked_changes_hyperlinks_and_fields():
    body = (
        f"<w:p>{_textbox(['ỦY BAN NHÂN DÂN', 'TỈNH LÂM ĐỒNG', 'Số: 12/BC-UBND'])}</w:p>"
        f"<w:p>{_textbox(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lâm Đồng, ngày 05 tháng 11 năm 2025'])}</w:p>"
        f"<w:p>{_run('BÁO CÁO')}</w:p>"
        f"<w:p>{_run('Kết quả công tác quý III')}</w:p>"
        "<w:p>"
        + _run("Thực hiện ")
        + f'<w:ins w:id="1" w:author="a">{_run("Kế hoạch số 20-KH/TU ")}</w:ins>'
        + '<w:del w:id="2" w:author="a"><w:r><w:delText>Công văn số 99/UBND-VP </w:delText></w:r></w:del>'
        + '<w:hyperlink w:anchor="x">'
        + _run("của Tỉnh ủy")
        + "</w:hyperlink>"
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _run(", Ủy ban nhân dân tỉnh báo cáo như sau:")
        + "</w:p>"
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="{V}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    doc = parse_bytes(docx_bytes(xml), "hop-van-ban.docx")
    h = doc.header
    assert doc.form == "state"
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert (h.symbol, h.place, h.date) == ("12/BC-UBND", "Lâm Đồng", "2025-11-05")
    assert (h.type_name, h.title) == ("BÁO CÁO", "Kết quả công tác quý III")
    # Inserted text kept, deleted text and the PAGE field code gone, no fallback duplicate.
    assert [p.text for p in doc.preamble] == [
        "Thực hiện Kế hoạch số 20-KH/TU của Tỉnh ủy, Ủy ban nhân dân tỉnh báo cáo như sau:"
    ]
    assert [r.symbol for r in doc.references] == ["20-KH/TU"]


def test_header_typed_with_tabs_in_word_paragraphs():
    lines = [
        "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH LÂM ĐỒNG\t\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 15/BC-UBND\t\tLâm Đồng, ngày 05 tháng 11 năm 2025",
        "BÁO CÁO",
        "Kết quả công tác quý III",
        "Thực hiện chỉ đạo của Tỉnh ủy,\tỦy ban nhân dân tỉnh báo cáo như sau:",
    ]
    body = "".join(
        "<w:p>"
        + "".join(
            f"<w:r><w:t>{piece}</w:t></w:r><w:r><w:tab/></w:r>"
            for piece in line.split("\t")
            if piece
        )[: -len("<w:r><w:tab/></w:r>")]
        + "</w:p>"
        if "\t" in line
        else f"<w:p>{_run(line)}</w:p>"
        for line in lines
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    doc = parse_bytes(docx_bytes(xml), "tab.docx")
    h = doc.header
    assert doc.form == "state"
    assert (h.issuer, h.symbol, h.place, h.date) == (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        "15/BC-UBND",
        "Lâm Đồng",
        "2025-11-05",
    )
    assert (h.type_name, h.title) == ("BÁO CÁO", "Kết quả công tác quý III")
    assert doc.preamble[0].text.startswith("Thực hiện chỉ đạo của Tỉnh ủy,")


def test_footnote_marks_in_a_table_and_on_the_title_leave_no_sentinel():
    notes = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:id="5"><w:p><w:r><w:t>Chú thích tiêu đề.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="6"><w:p><w:r><w:t>Chú thích trong bảng.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    ref = '<w:r><w:footnoteReference w:id="{}"/></w:r>'
    body = (
        f"<w:p>{_run('BÁO CÁO')}</w:p>"
        f"<w:p>{_run('Kết quả quý III')}{ref.format(5)}</w:p>"
        f"<w:p>{_run('Thực hiện kế hoạch, Sở báo cáo như sau:')}</w:p>"
        f"<w:tbl><w:tr><w:tc><w:p>{_run('STT')}</w:p></w:tc><w:tc><w:p>{_run('Chỉ tiêu')}{ref.format(6)}</w:p></w:tc></w:tr></w:tbl>"
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    doc = parse_bytes(docx_bytes(xml, {"word/footnotes.xml": notes}), "bang.docx")
    assert doc.header.title == "Kết quả quý III"
    assert doc.tables[0].rows == [["STT", "Chỉ tiêu"]]
    assert [(f.id, f.text) for f in doc.footnotes] == [
        (1, "Chú thích tiêu đề."),
        (2, "Chú thích trong bảng."),
    ]
    assert "footnote 1: mark not found in the body" in doc.warnings
    assert "\ue000" not in str(doc.to_dict())


def test_title_ends_where_centred_paragraphs_end():
    def para(text: str, align: str) -> str:
        return f'<w:p><w:pPr><w:jc w:val="{align}"/></w:pPr>{_run(text)}</w:p>'

    body = (
        para("BÁO CÁO", "center")
        + para("Kết quả công tác dân vận", "center")
        + para("quý III năm 2025", "center")
        + para("Ủy ban nhân dân tỉnh báo cáo kết quả như sau:", "both")
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    doc = parse_bytes(docx_bytes(xml), "can-giua.docx")
    assert doc.header.title == "Kết quả công tác dân vận quý III năm 2025"
    assert doc.preamble[0].text == "Ủy ban nhân dân tỉnh báo cáo kết quả như sau:"


def test_kinh_gui_set_as_a_table():
    cells = (
        f"<w:tc><w:p>{_run('Kính gửi:')}</w:p></w:tc>"
        f"<w:tc><w:p>{_run('- Bộ Nội vụ;')}</w:p><w:p>{_run('- Ủy ban nhân dân tỉnh.')}</w:p></w:tc>"
    )
    body = f"<w:p>{_run('V/v báo cáo kết quả')}</w:p><w:tbl><w:tr>{cells}</w:tr></w:tbl><w:p>{_run('Thực hiện chỉ đạo, Sở báo cáo như sau:')}</w:p>"
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    doc = parse_bytes(docx_bytes(xml), "kinh-gui.docx")
    assert doc.header.addressees == ["Bộ Nội vụ", "Ủy ban nhân dân tỉnh"]
    assert doc.header.title == "báo cáo kết quả"
    assert doc.tables == []
    assert doc.preamble[0].text == "Thực hiện chỉ đạo, Sở báo cáo như sau:"
