"""Bad files each end in one Vietnamese message (or a reported signature problem), never a hang
or a crash: a broken signature, a truncated signed PDF, an encrypted PDF, a 2,000-page file, a
50-megapixel image and a TIFF bomb.

The signed files are real (samples/incoming) and damaged here; the encrypted PDF, the page
images and the bombs are synthetic, built in the test, since no shared file shows them."""

import struct
import zlib
from io import BytesIO

import pytest
from PIL import Image

from danvan.ingest import DocumentError, parse_bytes
from danvan.ingest.signatures import (
    PROBLEM_BROKEN,
    PROBLEM_TRUNCATED,
    PROBLEM_UNREADABLE,
    read_signatures,
)

from .builders import blank_pdf, text_pdf
from .conftest import SAMPLES

SNV = SAMPLES / "incoming" / "snv-lam-dong-cv-2926-dieu-le-hoi-quan-chung-2025.pdf"


def _error(data: bytes, name: str, **limits) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        parse_bytes(data, name, **limits)
    message = str(caught.value)
    assert "\n" not in message and name in message
    return caught.value


@pytest.fixture(scope="module")
def snv_bytes():
    return SNV.read_bytes()


def test_broken_signature_is_reported_and_the_letter_still_read(snv_bytes):
    # One byte of the original revision (the producer's name in the document information,
    # covered by every signature) changed after signing.
    at = snv_bytes.index(b"Aspose")
    broken = snv_bytes[:at] + b"B" + snv_bytes[at + 1 :]
    doc = parse_bytes(broken, "bi-sua.pdf")
    assert doc.header.symbol == "2926/SNV-TCBC"
    assert len(doc.signatures) == 4
    for signature in doc.signatures:
        assert signature.problems[0] == PROBLEM_BROKEN and not signature.intact
        assert signature.certificate_valid_at_signing is None


def test_truncated_signed_pdf(snv_bytes):
    # Cut inside the last revision: pdfium still reads the pages, the signatures cannot be.
    doc = parse_bytes(snv_bytes[: len(snv_bytes) * 99 // 100], "cat-cut.pdf")
    assert doc.header.symbol == "2926/SNV-TCBC"
    assert [s.problems[0] for s in doc.signatures] == [PROBLEM_UNREADABLE]
    # Cut after the second revision: its two signatures hold, the loss is said.
    early = read_signatures(snv_bytes[:233552])
    assert [s.signer for s in early] == ["Nguyễn Đức Vũ", "SỞ NỘI VỤ"]
    assert all(s.problems[0] == PROBLEM_TRUNCATED and not s.covers_whole_file for s in early)


def test_truncated_to_nothing_useful(snv_bytes):
    error = _error(snv_bytes[:2000], "dau-tep.pdf")
    assert error.reason in {"corrupt", "no_text"}


def test_encrypted_pdf_with_a_user_password():
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(BytesIO(text_pdf(["Mat khau"]))))
    writer.encrypt(b"chu-so-huu", b"nguoi-doc")
    out = BytesIO()
    writer.write(out)
    error = _error(out.getvalue(), "mat-khau.pdf")
    assert error.reason == "encrypted"
    assert str(error) == "Tệp mat-khau.pdf được mã hóa (có mật khẩu); không đọc được."


def test_two_thousand_pages_refused_by_the_page_budget():
    error = _error(blank_pdf(2000), "ban-quet-2000-trang.pdf", max_pages=500)
    assert error.reason == "too_many_pages"
    assert str(error) == "Tệp ban-quet-2000-trang.pdf có 2000 trang, vượt giới hạn 500 trang."


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares its size and carries no pixels (nothing is decoded to refuse it)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def test_fifty_megapixel_image():
    error = _error(_png_header(10_000, 5_000), "anh-50mp.png")
    assert error.reason == "too_large"
    assert "10000 × 5000 điểm ảnh, 50 megapixel; giới hạn 40 megapixel" in str(error)


def _tiff(width: int, height: int) -> bytes:
    """A one-strip greyscale TIFF whose header declares `width` × `height` over 1 byte."""
    entries = [
        (256, 4, width),  # ImageWidth, LONG
        (257, 4, height),  # ImageLength
        (258, 3, 8),  # BitsPerSample, SHORT
        (259, 3, 1),  # Compression: none
        (262, 3, 1),  # Photometric: black is zero
        (273, 4, 8),  # StripOffsets
        (277, 3, 1),  # SamplesPerPixel
        (278, 4, height),  # RowsPerStrip
        (279, 4, 1),  # StripByteCounts
    ]
    ifd = struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        ifd += struct.pack("<HHI", tag, kind, 1) + (
            struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
        )
    ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 10) + b"\x00\x00" + ifd


def test_tiff_bomb_declaring_billions_of_pixels():
    error = _error(_tiff(200_000, 200_000), "bom.tif")
    assert error.reason == "too_large"
    assert "nghi bom giải nén" in str(error)


def test_tiff_with_thousands_of_pages_stops_at_the_budget():
    frames = [Image.new("L", (8, 8), 255) for _ in range(600)]
    out = BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    error = _error(out.getvalue(), "nhieu-trang.tif", max_pages=500)
    assert error.reason == "too_many_pages"
    assert "vượt giới hạn 500 trang" in str(error)


def test_large_page_in_a_later_tiff_frame():
    """A small first page hides a 60-megapixel second page: refused when that page is reached."""
    small = Image.new("L", (8, 8), 255)
    out = BytesIO()
    small.save(out, format="TIFF", save_all=True, append_images=[Image.new("1", (10_000, 6_000))])
    error = _error(out.getvalue(), "trang-hai.tif")
    assert error.reason == "too_large" and "trang 2" in str(error)
