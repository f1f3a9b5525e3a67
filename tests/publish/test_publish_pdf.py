"""PDF through LibreOffice: converted once for the module (a conversion takes seconds)."""

import pypdfium2 as pdfium
import pytest
from docx_probe import Probe
from sample_documents import danang_report, lam_dong_report

from danvan.publish import convert_to_pdf, render_docx, render_pdf_bytes
from danvan.publish.pdf import find_soffice

pytestmark = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    docx_path = folder / "báo cáo.docx"
    render_docx(danang_report(date="2026-06-03"), docx_path)
    pdf_path = convert_to_pdf(docx_path, folder / "out" / "báo cáo.pdf")
    return docx_path, pdf_path


def _squash(text: str) -> str:
    return "".join(text.split())


def test_pdf_written_where_asked(converted):
    _, pdf_path = converted
    assert pdf_path.name == "báo cáo.pdf"
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_page_count_is_plausible(converted):
    _, pdf_path = converted
    pdf = pdfium.PdfDocument(pdf_path)
    # Header, three short body paragraphs, three footnotes and the closing: one or two pages.
    assert 1 <= len(pdf) <= 2
    width, height = pdf[0].get_size()
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)


def test_pdf_text_contains_every_paragraph_and_footnote(converted):
    docx_path, pdf_path = converted
    pdf = pdfium.PdfDocument(pdf_path)
    text = _squash("".join(page.get_textpage().get_text_range() for page in pdf))
    probe = Probe(docx_path)
    paragraphs = [t for t in probe.body_texts() if t.strip()]
    assert len(paragraphs) > 15
    for paragraph in paragraphs + list(probe.footnote_texts().values()):
        assert _squash(paragraph) in text, paragraph


def test_pdf_bytes_for_a_download(tmp_path):
    doc = lam_dong_report()
    data = render_pdf_bytes(doc)
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    text = _squash("".join(page.get_textpage().get_text_range() for page in pdf))
    assert _squash("Số: 329/BC-UBND") in text
    assert _squash("Lâm Đồng, ngày 19 tháng 12 năm 2025") in text
    # The same document as DOCX: every paragraph, cell and footnote of it is in the PDF.
    docx_path = tmp_path / "329.docx"
    render_docx(doc, docx_path)
    probe = Probe(docx_path)
    for paragraph in [t for t in probe.body_texts() if t.strip()] + list(
        probe.footnote_texts().values()
    ):
        assert _squash(paragraph) in text, paragraph
