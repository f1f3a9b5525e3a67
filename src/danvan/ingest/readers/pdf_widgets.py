"""What the e-office signing systems stamp into the signature widgets of page 1.

In a signed PDF from the provincial e-office systems the document number and the day of the
date are not in the page's text: the signing system writes them into the appearance streams
of signature widgets laid over the blanks of "Số:      /SNV-TCBC" and "ngày      tháng".
This module reads those stamps and hands them to the PDF reader, which places each one into
the printed header line it covers, by position, as if it had been printed there.

How: page 1 is copied into a new document, every page object of the copy is removed, and the
copy's annotations are flattened (pdfium `FPDFPage_Flatten`); the text left on the copy is
exactly what the widgets show, with character boxes. The original document is not touched,
so the stamps never reach the body text, and the signer boxes ("Ký bởi…", e-mail, timestamp)
that are not on a header line are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

_STAMP_WORD = re.compile(r"^\d{1,6}[A-Za-z]?$")  # a number or a day, as the systems stamp them


@dataclass(frozen=True)
class Stamp:
    """One word the widgets show on page 1, with its box in page points (y grows upwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def read_stamps(pdf: pdfium.PdfDocument) -> list[Stamp]:
    """The number and day words stamped by the widgets of page 1 (empty when it has none)."""
    if not len(pdf):
        return []
    page = pdf[0]
    try:
        if not any(
            pdfium_raw.FPDFAnnot_GetSubtype(annot) == pdfium_raw.FPDF_ANNOT_WIDGET
            for annot in _annotations(page)
        ):
            return []
    finally:
        page.close()
    copy = pdfium.PdfDocument.new()
    try:
        copy.import_pages(pdf, [0])
        return _flattened_words(copy)
    finally:
        copy.close()


def _annotations(page):
    count = pdfium_raw.FPDFPage_GetAnnotCount(page)
    for index in range(count):
        annot = pdfium_raw.FPDFPage_GetAnnot(page, index)
        try:
            yield annot
        finally:
            pdfium_raw.FPDFPage_CloseAnnot(annot)


def _flattened_words(copy: pdfium.PdfDocument) -> list[Stamp]:
    page = copy[0]
    handle = page.raw  # raw calls: a page holds thousands of objects, wrappers cost 3×
    for index in range(pdfium_raw.FPDFPage_CountObjects(handle) - 1, -1, -1):
        obj = pdfium_raw.FPDFPage_GetObject(handle, index)
        if pdfium_raw.FPDFPage_RemoveObject(handle, obj):
            pdfium_raw.FPDFPageObj_Destroy(obj)
    page.gen_content()
    flat = pdfium_raw.FPDFPage_Flatten(page, pdfium_raw.FLAT_NORMALDISPLAY)
    page.close()
    if flat != pdfium_raw.FLATTEN_SUCCESS:
        return []
    page = copy[0]  # reloaded: the flattened appearances are now page content
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    words: list[Stamp] = []
    current: list[tuple[str, tuple[float, float, float, float]]] = []

    def close() -> None:
        if current:
            word = "".join(ch for ch, _ in current)
            if _STAMP_WORD.match(word):
                boxes = [box for _, box in current]
                words.append(
                    Stamp(
                        word,
                        min(b[0] for b in boxes),
                        min(b[1] for b in boxes),
                        max(b[2] for b in boxes),
                        max(b[3] for b in boxes),
                    )
                )
            current.clear()

    for index, ch in enumerate(text):
        if ch.isspace():
            close()
            continue
        box = textpage.get_charbox(index)
        if current and box[0] - current[-1][1][2] > (box[3] - box[1]):
            close()  # a wide gap inside one text run: two separate stamps
        current.append((ch, box))
    close()
    return words


_BLANK_NUMBER = re.compile(r"^\s*Số\s*[:.]?\s*(?:[/\-–]|$)", re.IGNORECASE)
_BLANK_DAY = re.compile(r"\bngày\s*(?:tháng\b|$)", re.IGNORECASE)


def has_blanks(texts) -> bool:
    """Whether page 1's header leaves the number or the day blank ("Số:     /BC-UBND",
    "ngày    tháng 02"): only then can the signing system's stamps fill anything."""
    return any(_BLANK_NUMBER.search(text) or _BLANK_DAY.search(text) for text in texts)


def stamps_for(pdf: pdfium.PdfDocument, header_texts: list[str]) -> list[Stamp]:
    """Page 1's stamps, read only when its header leaves a blank for them to fill."""
    return read_stamps(pdf) if has_blanks(header_texts) else []


def assign(lines, stamps: list[Stamp]) -> dict[int, list[Stamp]]:
    """Which header line each stamp belongs to: the nearest line vertically (within about a
    line's height) whose horizontal extent holds the stamp's middle. `lines` are the reader's
    `_PLine`s (text start index, x0, x1, y of the first character's bottom, size).
    Returns {line.start: [stamps]}; stamps on no line (a signer box) are left out."""
    out: dict[int, list[Stamp]] = {}
    for stamp in stamps:
        middle = (stamp.x0 + stamp.x1) / 2
        best = None
        for line in lines:
            if not line.x0 - 4 <= middle <= line.x1 + 4:
                continue
            distance = abs((stamp.y0 + stamp.y1) / 2 - (line.y + line.size * 0.35))
            if distance <= line.size * 1.2 and (best is None or distance < best[0]):
                best = (distance, line)
        if best is not None:
            out.setdefault(best[1].start, []).append(stamp)
    return out


def with_stamps(
    chars: list[tuple[str, float | None, float | None]], stamps: list[Stamp]
) -> list[tuple[str, float | None, float | None]]:
    """Insert the stamps' characters into a printed line's characters (ch, left, right) at
    their horizontal place; a space separates a stamp from its neighbours unless it touches
    them ("2926" right before "/SNV-TCBC" reads "2926/SNV-TCBC")."""
    out = list(chars)
    for stamp in sorted(stamps, key=lambda s: s.x0):
        at = next(
            (i for i, (ch, left, _) in enumerate(out) if left is not None and left >= stamp.x0),
            len(out),
        )
        gap = (stamp.y1 - stamp.y0) * 0.25
        before = next((c for c in reversed(out[:at]) if c[2] is not None), None)
        after = next((c for c in out[at:] if c[1] is not None), None)
        piece: list[tuple[str, float | None, float | None]] = []
        if before is not None and stamp.x0 - before[2] > gap:
            piece.append((" ", None, None))
        width = (stamp.x1 - stamp.x0) / len(stamp.text)
        piece.extend(
            (ch, stamp.x0 + i * width, stamp.x0 + (i + 1) * width)
            for i, ch in enumerate(stamp.text)
        )
        if after is not None and after[1] - stamp.x1 > gap:
            piece.append((" ", None, None))
        out[at:at] = piece
    return out


def header_first(lines: list) -> list:
    """Page 1 with its header block moved to the front when the producer wrote it last
    (the text order of some Word exports puts the two-column header after the footnotes):
    lines printed above the first line in text order come first, in their own order."""
    if not lines:
        return lines
    first = lines[0]
    above = [line for line in lines if line.y > first.y + first.size]
    if not above:
        return lines
    return above + [line for line in lines if line.y <= first.y + first.size]


def header_page(pages: list[list]) -> int:
    """1 when page 1 is a cover page: it has neither the Quốc hiệu, the Party's name nor a
    "Số:" line, and page 2 opens with the Quốc hiệu or the Party's name; else 0."""
    from ...vn.text import fold

    def opens(lines) -> bool:
        return any(
            "cong hoa xa hoi chu nghia" in folded or "dang cong san viet nam" in folded
            for folded in (fold(line.text) for line in lines[:12])
        )

    if len(pages) < 2 or opens(pages[0]):
        return 0
    if any(_SO_LINE.match(line.text) for line in pages[0]):
        return 0
    return 1 if opens(pages[1]) else 0


_SO_LINE = re.compile(r"^\s*Số\s*[:.]", re.IGNORECASE)
