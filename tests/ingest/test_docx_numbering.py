"""Word's automatic list numbering: labels drawn by Word, not present in the text."""

from danvan.ingest import parse_bytes

from .builders import NUMBERING_XML, docx_bytes, numbered_document_xml


def test_automatic_numbering_becomes_the_outline():
    xml = numbered_document_xml(
        [
            (None, "Sở Nội vụ báo cáo như sau:"),
            (0, "KẾT QUẢ"),
            (1, "Công tác chỉ đạo"),
            (None, "Đã ban hành 05 văn bản."),
            (2, "Về cải cách thể chế:"),
            (3, "Ban hành 02 quyết định."),
            (2, "Về thủ tục hành chính:"),
            (1, "Công tác kiểm tra"),
            (0, "PHƯƠNG HƯỚNG"),
        ]
    )
    doc = parse_bytes(docx_bytes(xml, {"word/numbering.xml": NUMBERING_XML}), "danh-so.docx")
    assert [(s.label, s.title) for s in doc.outline] == [("I", "KẾT QUẢ"), ("II", "PHƯƠNG HƯỚNG")]
    first = doc.outline[0].children
    assert [(s.label, s.title) for s in first] == [
        ("1", "Công tác chỉ đạo"),
        ("2", "Công tác kiểm tra"),
    ]
    assert [(s.label, s.title) for s in first[0].children] == [
        ("a", "Về cải cách thể chế:"),
        ("b", "Về thủ tục hành chính:"),
    ]
    assert first[0].children[0].paragraphs[0].text == "- Ban hành 02 quyết định."
