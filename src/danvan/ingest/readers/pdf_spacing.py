"""Words that pdfium glues together ("TRỊCỦA", "vịsự", "hộisang") restored from the gaps
between their characters.

Some producers position each word instead of writing a space; pdfium then infers the spaces
from the distances and sometimes misses one. A run of letters that is not one Vietnamese
syllable is a candidate; its characters' loose boxes (the advance widths) show where a word
space was printed: inside a word, neighbouring boxes touch (measured on the samples: at most
7% of the font size apart), between two words they stand about a quarter of an em apart.
Only candidates are measured, so the cost stays a few box look-ups per page.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from ...vn.syllables import _WORD, is_syllable

SPACE_GAP = 0.12  # of the font size: a gap wider than this between two letters is a space


def glue_fixes(textpage, lines) -> dict[str, str]:
    """{"vịsự": "vị sự", …} for the glued words on a page's lines (the reader's `_PLine`s:
    text stripped, `start` the page-text index of its first character)."""
    fixes: dict[str, str] = {}
    for line in lines:
        for match in _WORD.finditer(line.text):
            word = match.group(0)
            if len(word) < 4 or word in fixes or is_syllable(word):
                continue
            cuts = _cuts(textpage, line.start + match.start(), len(word))
            if cuts:
                pieces = [word[a:b] for a, b in zip((0, *cuts), (*cuts, len(word)), strict=True)]
                fixes[word] = " ".join(pieces)
    return fixes


def _cuts(textpage, start: int, length: int) -> list[int]:
    cuts = []
    try:
        previous = textpage.get_charbox(start, loose=True)
        for offset in range(1, length):
            box = textpage.get_charbox(start + offset, loose=True)
            size = pdfium_raw.FPDFText_GetFontSize(textpage, start + offset) or 0
            if size and box[0] - previous[2] > SPACE_GAP * size:
                cuts.append(offset)
            previous = box
    except pdfium.PdfiumError:
        return []
    return cuts


def unglue(layout, fixes: dict[str, str]) -> None:
    """Put the missing spaces back everywhere the reader wrote text."""
    if not fixes:
        return

    def fix(text: str) -> str:
        return _WORD.sub(lambda m: fixes.get(m.group(0), m.group(0)), text)

    for line in layout.body:
        line.text = fix(line.text)
    for name in ("header_left", "header_right", "closing_left", "closing_right"):
        setattr(layout, name, [fix(text) for text in getattr(layout, name)])
    layout.footnotes = {key: fix(text) for key, text in layout.footnotes.items()}
    for table in layout.tables:
        table.rows = [[fix(cell) for cell in row] for row in table.rows]
