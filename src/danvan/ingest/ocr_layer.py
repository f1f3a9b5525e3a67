"""A text-only PDF from OCR words, so that scans go through the ordinary PDF reader.

Each OCR line becomes one or more text objects (a new one wherever a wide gap separates
columns, as between "Nơi nhận:" and the signature), placed where Tesseract saw the words and
stretched to their width, in a font size taken from the line's height (whole points, so that
the body size is one value). Noise is left out first: marks with no letter or digit (the
scanner's edge read as "| | |", a seal's ring read as "]—") except a bullet that opens a
line or a dash between words.
"""

from __future__ import annotations

import ctypes
import re
import statistics
import subprocess
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from ..vn.syllables import is_syllable
from .errors import DocumentError
from .ocr import MIN_CONFIDENCE, OcrPage, Word

COLUMN_GAP = 1.5  # a gap wider than this many word heights starts a new text object
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
)
_ALNUM = re.compile(r"[^\W_]")
_BULLETS = {"-", "+", "*", "•", "–"}


@lru_cache(maxsize=1)
def _font_bytes() -> bytes:
    """A TrueType font with Vietnamese letters (only its character map matters: the text is
    never shown)."""
    for candidate in _FONTS:
        if Path(candidate).is_file():
            return Path(candidate).read_bytes()
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "sans:lang=vi"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        found = ""
    if found.lower().endswith(".ttf") and Path(found).is_file():
        return Path(found).read_bytes()
    raise DocumentError("no_ocr", "Máy chưa có phông chữ TrueType để ghi kết quả nhận dạng chữ.")


def keep(word: Word, first: bool, last: bool) -> bool:
    """Whether an OCR word is text rather than a speck, a rule or a seal."""
    text = word.text
    if _ALNUM.search(text):
        if word.conf >= MIN_CONFIDENCE + 20 or any(c.isdigit() for c in text):
            return True
        letters = re.sub(r"[^\w]", "", text)
        return len(letters) > 3 or is_syllable(letters)
    if text in _BULLETS:
        return first or not last  # "- Như trên;" and "Độc lập - Tự do", not a trailing "-"
    return False


def _rows(page: OcrPage) -> list[list[Word]]:
    """OCR lines grouped into printed rows: the left and right columns of a header or a
    closing that stand side by side share one row (and one baseline), as in a PDF."""
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    for word in page.words:
        grouped.setdefault(word.line, []).append(word)
    lines = []
    for words in grouped.values():
        words.sort(key=lambda w: w.left)
        kept = [w for i, w in enumerate(words) if keep(w, i == 0, i == len(words) - 1)]
        if any(_ALNUM.search(w.text) for w in kept):
            lines.append(kept)
    lines.sort(key=_middle)
    rows: list[list[list[Word]]] = []
    for line in lines:
        if rows:
            anchor = rows[-1][0]
            reach = 0.5 * statistics.median(w.height for w in anchor)
            if abs(_middle(line) - _middle(anchor)) < reach and not _overlaps(rows[-1], line):
                rows[-1].append(line)
                continue
        rows.append([line])
    return [sorted((w for line in row for w in line), key=lambda w: w.left) for row in rows]


def _middle(words: list[Word]) -> float:
    return statistics.median(w.top + w.height / 2 for w in words)


def _overlaps(row: list[list[Word]], line: list[Word]) -> bool:
    left, right = line[0].left, line[-1].left + line[-1].width
    return any(
        not (right < other[0].left or left > other[-1].left + other[-1].width) for other in row
    )


def _segments(words: list[Word], height: float) -> list[list[Word]]:
    segments = [[words[0]]]
    for prev, word in zip(words, words[1:], strict=False):
        if word.left - (prev.left + prev.width) > COLUMN_GAP * height:
            segments.append([])
        segments[-1].append(word)
    return segments


def _speck(segment: list[Word]) -> bool:
    """A short word standing alone, read with little confidence: a seal's letters, a
    signature's stroke ("SẢN", "2Ö")."""
    return len(segment) == 1 and len(segment[0].text) <= 4 and segment[0].conf < 75


def text_pdf(pages: list[OcrPage]) -> bytes:
    pdf = pdfium.PdfDocument.new()
    font_data = _font_bytes()
    buffer = (ctypes.c_uint8 * len(font_data)).from_buffer_copy(font_data)
    font = pdfium_raw.FPDFText_LoadFont(
        pdf, buffer, len(font_data), pdfium_raw.FPDF_FONT_TRUETYPE, True
    )
    try:
        for ocr in pages:
            scale = 72.0 / ocr.dpi
            page = pdf.new_page(ocr.width * scale, ocr.height * scale)
            page_height = ocr.height * scale
            rows = _rows(ocr)
            middles = [_middle(row) for row in rows]
            heights = [statistics.median(w.height for w in row) for row in rows]
            usual = statistics.median(heights) if heights else 0
            for index, words in enumerate(rows):
                # Tesseract's word box is the ink (capitals and ascenders about 0.7 em): one
                # body size for the page, smaller only for clearly smaller type (footnotes),
                # and never taller than the distance to the next row, so rows never merge.
                height = heights[index] if heights[index] < usual * 0.75 else usual
                room = middles[index + 1] - middles[index] if index + 1 < len(rows) else 2 * height
                size = max(4, round(min(height / 0.7, room * 0.85) * scale))
                baseline = page_height - statistics.median(w.top + w.height for w in words) * scale
                for segment in _segments(words, heights[index]):
                    if not _speck(segment):
                        _place(pdf, page, font, segment, size, baseline, scale)
            pdfium_raw.FPDFPage_GenerateContent(page)
            page.close()
        out = BytesIO()
        pdf.save(out)
        return out.getvalue()
    finally:
        pdfium_raw.FPDFFont_Close(font)
        pdf.close()


def _place(pdf, page, font, words: list[Word], size: int, baseline: float, scale: float) -> None:
    text = " ".join(w.text for w in words)
    obj = pdfium_raw.FPDFPageObj_CreateTextObj(pdf, font, float(size))
    encoded = (text + "\0").encode("utf-16-le")
    pdfium_raw.FPDFText_SetText(
        obj, ctypes.cast(ctypes.c_char_p(encoded), pdfium_raw.FPDF_WIDESTRING)
    )
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    natural = right.value - left.value
    target = (words[-1].left + words[-1].width - words[0].left) * scale
    stretch = target / natural if natural > 0 else 1.0
    pdfium_raw.FPDFPageObj_Transform(obj, stretch, 0, 0, 1, words[0].left * scale, baseline)
    pdfium_raw.FPDFPage_InsertObject(page, obj)
