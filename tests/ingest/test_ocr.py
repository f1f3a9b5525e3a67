"""Scanned letters read through OCR (Tesseract, Vietnamese model). Expectations are read by
hand from the page images of the shared scans; where OCR may slip on a diacritic the test
compares without diacritics (`fold`) and says so. Each OCR page costs seconds, so the files
are parsed once per module and the synthetic pages are small."""

from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PIL import Image, ImageDraw, ImageFont

from danvan.ingest import parse_bytes, parse_file
from danvan.ingest.ocr import engine
from danvan.ingest.sniff import sniff
from danvan.vn.syllables import is_syllable, text_quality
from danvan.vn.text import fold

from .conftest import CORPUS, SAMPLES

INCOMING = SAMPLES / "incoming"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

pytestmark = pytest.mark.skipif(engine() is None, reason="Tesseract with 'vie' not installed")


@pytest.fixture(scope="module")
def party_letter():
    calls: list[tuple[int, int]] = []
    doc = parse_file(
        INCOMING / "btgdv-tu-lam-dong-cv-20-cu-can-bo-2025-scan.pdf",
        progress=lambda done, total: calls.append((done, total)),
    )
    return doc, calls


@pytest.fixture(scope="module")
def front_letter():
    return parse_file(INCOMING / "mttq-lam-dong-cv-477-hoi-quan-chung-2025-scan.pdf")


def test_a_scan_without_text_is_read_by_ocr_page_by_page(party_letter):
    doc, calls = party_letter
    ocr = doc.source.ocr
    assert ocr["engine"].startswith("tesseract ") and ocr["engine"].endswith(" vie")
    assert ocr["pages"] == [1]
    assert 0.6 < ocr["mean_confidence"] <= 1.0
    assert calls == [(0, 1), (1, 1)]
    assert doc.to_dict()["source"]["ocr"] == ocr


def test_scanned_party_letter_goes_through_the_structure_pass(party_letter):
    doc, _ = party_letter
    # Printed: TỈNH ỦY LÂM ĐỒNG / BAN TUYÊN GIÁO VÀ DÂN VẬN | ĐẢNG CỘNG SẢN VIỆT NAM.
    assert doc.form == "party"
    # OCR reads "ĐÔNG" and "DẪN" for "ĐỒNG" and "DÂN": compared without diacritics.
    assert fold(doc.header.parent_issuer) == fold("TỈNH ỦY LÂM ĐỒNG")
    assert fold(doc.header.issuer) == fold("BAN TUYÊN GIÁO VÀ DÂN VẬN")
    texts = [p.text for p in doc.paragraphs()]
    assert "Kính gửi: Sở Nội vụ." in texts
    assert any(
        t.endswith("Ban Tuyên giáo và Dân vận Tỉnh ủy có ý kiến để Sở Nội vụ tổng hợp.")
        for t in texts
    )
    assert doc.closing.signature.name == "Châu Ngọc Lương"
    assert [fold(r) for r in doc.closing.recipients[:2]] == ["nhu kinh gui", "lanh dao ban, (b/c)"]
    cited = doc.references[0]
    assert (cited.kind, cited.number, cited.issuer_code[:3]) == ("Công văn", "1189", "SNV")


def test_a_scan_whose_only_text_is_the_signer_box_is_read_by_ocr(front_letter):
    """477's one signature widget shows "Ký bởi: ỦY BAN MẶT TRẬN…" — not the letter."""
    doc = front_letter
    assert doc.source.ocr["pages"] == [1, 2]
    h = doc.header
    assert h.addressees == ["Ủy ban nhân dân tỉnh Lâm Đồng"]
    assert h.title.startswith("đề nghị thống nhất cho phép các hội")
    assert h.title.endswith("để làm thủ tục khắc dấu và hoạt động cho đến Đại hội Hội")
    decision = next(r for r in doc.references if r.symbol == "706/QĐ-UBND")
    assert decision.date == "2025-08-11"
    assert decision.issued_by == "Ủy ban nhân dân tỉnh Lâm Đồng"
    first = doc.figures[0]
    assert (first.value, first.total, first.unit) == (8, 16, "hội")
    assert [fold(a) for a in doc.closing.signature.authority] == ["tm. ban thuong truc"]
    assert any(
        p.text.startswith("Trân trọng đề nghị Lãnh đạo Ủy ban nhân dân tỉnh quan tâm xem xét")
        for p in doc.paragraphs()
    )


LETTER = [
    "Kính gửi: Ban Dân vận Tỉnh ủy.",
    "",
    "    Năm 2025, Ủy ban nhân dân xã đã tiếp 1.868 lượt công dân",
    "và giải quyết 97/97 đơn thư đúng thời hạn.",
]


def _page(lines: list[str], size: tuple[int, int]) -> Image.Image:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 50)  # 12 pt at 300 dpi
    for i, line in enumerate(lines):
        draw.text((250, 250 + i * 80), line, font=font, fill=0)
    return image


def test_a_two_page_tiff_is_read_with_progress():
    """Synthetic: a two-frame TIFF drawn here with DejaVu Serif at 300 dpi."""
    first = _page(LETTER, (2480, 900))
    second = _page(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], (2480, 600))
    buffer = BytesIO()
    first.save(buffer, format="TIFF", save_all=True, append_images=[second], dpi=(300, 300))
    calls: list[tuple[int, int]] = []
    doc = parse_bytes(buffer.getvalue(), "trang.tif", progress=lambda *a: calls.append(a))
    assert doc.source.format == "tiff" and doc.source.pages == 2
    assert doc.source.ocr["pages"] == [1, 2]
    assert calls[0] == (0, 2) and calls[-1] == (2, 2) and len(calls) == 3
    assert doc.header.addressees == ["Ban Dân vận Tỉnh ủy"]
    visits = next(f for f in doc.figures if f.unit == "lượt công dân" or f.unit == "lượt")
    assert visits.value == 1868
    letters = next(f for f in doc.figures if f.total is not None)
    assert (letters.value, letters.total) == (97, 97)
    assert doc.closing.recipients[0] == "Như trên" and len(doc.closing.recipients) == 2


def _garbled_pdf() -> bytes:
    """A page image of real Vietnamese text under an invisible text layer that lost its
    diacritics, as a poor OCR leaves it."""
    image = _page(LETTER, (2480, 900))
    buffer = BytesIO()
    image.save(buffer, format="PDF", resolution=300)
    pdf = pdfium.PdfDocument(buffer.getvalue())
    page = pdf[0]
    garbage = [
        "Ki'nh gu'i: Ban Dan va^n Ti?nh uy.",
        "Nam 2025, Uy ban nhan dan xa da tiep 1.868 lu'o't cong dan",
        "va giai quyet 97/97 do'n thu dung tho'i han.",
        "No'i nhan: Bang b tinh; Luu VT.",
    ] * 3
    for i, line in enumerate(garbage):
        obj = pdfium_raw.FPDFPageObj_NewTextObj(pdf, b"Helvetica", 10.0)
        text = (line + "\0").encode("utf-16-le")
        pdfium_raw.FPDFText_SetText(
            obj, pdfium_raw.cast(pdfium_raw.c_char_p(text), pdfium_raw.FPDF_WIDESTRING)
        )
        pdfium_raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 60, 200 - i * 12)
        pdfium_raw.FPDFPage_InsertObject(page, obj)
    pdfium_raw.FPDFPage_GenerateContent(page)
    out = BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_garbled_text_layer_is_replaced_by_ocr():
    """Synthetic: built in the test (`_garbled_pdf`)."""
    doc = parse_bytes(_garbled_pdf(), "hong-dau.pdf")
    assert doc.source.ocr is not None
    assert any("garbled" in w for w in doc.warnings)
    assert any("đã tiếp 1.868 lượt công dân" in p.text for p in doc.paragraphs())


@pytest.mark.parametrize(
    "path",
    [
        CORPUS / "ubnd-quang-ngai-cv-507-2025.pdf",
        INCOMING / "snv-lam-dong-cv-2926-dieu-le-hoi-quan-chung-2025.pdf",
        INCOMING / "bnv-cv-12094-huong-dan-chi-so-cchc-2025.pdf",
    ],
    ids=lambda p: p.name[:20],
)
def test_ocr_never_runs_on_a_good_text_layer(path):
    assert parse_file(path).source.ocr is None


def test_syllables_tell_vietnamese_from_a_garbled_layer():
    assert all(is_syllable(w) for w in ["nghiêng", "Nơi", "nhận", "khuỷu", "quyết", "gì"])
    assert not any(is_syllable(w) for w in ["No'i", "b", "UBND", "tinhh", "nhậnn"])
    good = text_quality("Ủy ban nhân dân tỉnh đã tiếp 1.868 lượt công dân trong năm " * 3)
    assert not good.garbled()
    lost = text_quality("Uy ban nhan dan tinh da tiep 1.868 luot cong dan trong nam " * 3)
    assert lost.garbled() and lost.not_syllables == 0
    broken = text_quality("No'i nhân Bang b tinh, ca'c co' quan đã tiếp công dân " * 3)
    assert broken.garbled() and broken.not_syllables > 0.25


def test_page_images_are_told_from_their_bytes():
    assert sniff(b"\x89PNG\r\n\x1a\n\x00\x00") == "png"
    assert sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF") == "jpeg"
    assert sniff(b"II*\x00\x08\x00\x00\x00") == "tiff"
    assert sniff(b"MM\x00*\x00\x00\x00\x08") == "tiff"
