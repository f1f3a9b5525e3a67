"""Files that must fail cleanly: one DocumentError with a Vietnamese message, no traceback,
no hang, nothing expanded or fetched."""

import zipfile

import pytest

from danvan.ingest import DocumentError, parse_bytes, parse_file

from .builders import blank_pdf, document_xml, docx_bytes, encrypted_pdf, text_pdf


def _reason(data: bytes, name: str, **limits) -> str:
    with pytest.raises(DocumentError) as caught:
        parse_bytes(data, name, **limits)
    message = str(caught.value)
    assert "\n" not in message and name in message
    return caught.value.reason


def test_empty_and_blank_files():
    assert _reason(b"", "rong.txt") == "empty"
    assert _reason(b" \n\n \t", "trang.txt") == "empty"


def test_unsupported_binary_is_told_from_bytes_not_name():
    assert _reason(b"GIF89a" + bytes(range(256)) * 4, "anh.pdf") == "unsupported"
    # A PNG is a page image (read by OCR); one whose bytes are not a picture is corrupt.
    assert _reason(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "anh.pdf") == "corrupt"
    assert _reason(b"{\\rtf1\\ansi hello}", "thu.doc") == "unsupported"


def test_corrupt_pdf():
    assert _reason(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "hong.pdf") == "corrupt"


def test_encrypted_pdf():
    assert _reason(encrypted_pdf(), "mat-khau.pdf") == "encrypted"


def test_scanned_pdf_without_text():
    assert _reason(blank_pdf(2), "ban-quet.pdf") == "no_text"


def test_page_and_size_limits():
    assert _reason(blank_pdf(3), "dai.pdf", max_pages=2) == "too_many_pages"
    assert _reason("Báo cáo ".encode() * 400, "lon.txt", max_bytes=1000) == "too_large"


def test_size_limit_is_checked_before_reading(tmp_path):
    big = tmp_path / "lon.txt"
    big.write_bytes(b"a" * 5000)
    with pytest.raises(DocumentError) as caught:
        parse_file(big, max_bytes=4000)
    assert caught.value.reason == "too_large"


def test_corrupt_docx_and_docx_without_document():
    assert _reason(b"PK\x03\x04" + b"\x00garbage" * 50, "hong.docx") == "corrupt"
    only_types = docx_bytes("<x/>")
    assert (
        _reason(only_types.replace(b"word/document.xml", b"word/documenX.xml"), "thieu.docx")
        == "corrupt"
    )


def test_zip_bomb_is_refused_before_inflating():
    bomb = docx_bytes(document_xml("a") + " " * (30 * 1024 * 1024))
    assert len(bomb) < 200_000
    assert _reason(bomb, "bom.docx") == "zip_bomb"


def test_xxe_is_refused():
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    assert _reason(docx_bytes(xml), "xxe.docx") == "unsafe_xml"


def test_billion_laughs_is_refused():
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    assert _reason(docx_bytes(xml), "cuoi.docx") == "unsafe_xml"


def test_entities_in_the_footnotes_part_are_refused_too():
    body = document_xml("Báo cáo").replace(
        "Báo cáo</w:t></w:r>", 'Báo cáo</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
    )
    notes = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://example.invalid/">]><w:footnotes/>'
    assert (
        _reason(docx_bytes(body, {"word/footnotes.xml": notes}), "chu-thich.docx") == "unsafe_xml"
    )


def test_encrypted_office_file():
    ole = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 2000
    )
    assert _reason(ole, "mat-khau.docx") == "encrypted"


def test_ole_file_without_a_word_stream():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"garbage" * 300
    assert _reason(ole, "hong.doc") == "corrupt"


def test_stored_zip_without_compression_is_fine():
    data = docx_bytes(
        document_xml("Kính gửi: Sở Nội vụ", "Nội dung báo cáo."), compress=zipfile.ZIP_STORED
    )
    doc = parse_bytes(data, "nho.docx")
    assert doc.header.addressees == ["Sở Nội vụ"]


def test_pdf_with_a_text_layer_built_by_hand():
    doc = parse_bytes(text_pdf(["Noi dung bao cao thu nghiem.", "Dong thu hai."]), "tay.pdf")
    assert doc.source.pages == 1
    assert "Noi dung bao cao thu nghiem." in doc.paragraphs()[0].text


def test_word_file_without_text():
    assert _reason(docx_bytes(document_xml()), "trong.docx") == "no_text"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentError) as missing:
        parse_file(tmp_path / "khong-co.pdf")
    assert (missing.value.reason, str(missing.value)) == (
        "unreadable",
        "Không tìm thấy tệp khong-co.pdf.",
    )
    with pytest.raises(DocumentError) as folder:
        parse_file(tmp_path)
    assert folder.value.reason == "unreadable"
