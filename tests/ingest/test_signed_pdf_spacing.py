"""Words pdfium runs together in the real files ("TRỊCỦA"-style): the producer positioned
each word without a space character and pdfium missed the gap; the reader puts it back from
the characters' advance boxes. Expected sentences read from the rendered pages."""

import pytest

from danvan.ingest import parse_file

from .conftest import CORPUS, SAMPLES


def _text(doc) -> str:
    cells = [cell for table in doc.tables for row in table.rows for cell in row]
    return "\n".join([p.text for p in doc.paragraphs()] + [f.text for f in doc.footnotes] + cells)


@pytest.mark.parametrize(
    ("path", "glued", "spaced"),
    [
        (
            SAMPLES / "incoming" / "snv-lam-dong-cv-2926-dieu-le-hoi-quan-chung-2025.pdf",
            "hộisang",
            "Đại hội sang năm",
        ),
        (CORPUS / "ubnd-lam-dong-bc-329-cchc-2025.pdf", "vịsự", "đơn vị sự nghiệp"),
        (
            SAMPLES / "incoming" / "btctu-ha-noi-hd-nghiep-vu-to-chuc-dang-2025-draft.pdf",
            "Mộtsố",
            "Một số vấn đề",
        ),
    ],
)
def test_glued_words_are_spaced_again(path, glued, spaced):
    text = _text(parse_file(path))
    assert glued not in text
    assert spaced in text


def test_words_printed_together_stay_together():
    # "DVC", "KNĐV", "CNĐVCT" have wide ink gaps (the V's slant) but touching advance boxes.
    text = _text(parse_file(CORPUS / "ubnd-lam-dong-bc-329-cchc-2025.pdf"))
    assert "DVC" in text and "D VC" not in text and "ĐVSNCL" in text
