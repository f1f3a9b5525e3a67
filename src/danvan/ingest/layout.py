"""What a reader hands to the structure pass: lines of text in reading order plus what the
reader already knows for sure (footnotes with explicit marks, the two-column header and
closing blocks, tables). Readers differ in what they can see; the structure pass fills
the gaps with text heuristics."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Table

# A footnote mark the reader saw explicitly (a Word footnote reference, a superscript in a
# PDF, "[3]" from antiword) is kept in the text as MARK_OPEN + id + MARK_CLOSE; private-use
# characters cannot occur in real text after repair.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
MARK = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


def mark(footnote_id: int) -> str:
    return f"{MARK_OPEN}{footnote_id}{MARK_CLOSE}"


@dataclass
class Line:
    """One printed line (txt, pdf) or one whole paragraph (docx, doc: `whole=True`)."""

    text: str
    page: int | None = None
    whole: bool = False
    # Reader-known hints: a visible paragraph start (first-line indent, blank line before),
    # and a centred line (titles).
    starts_paragraph: bool = False
    centered: bool | None = None
    # True when the reader saw the layout (PDF indents): paragraphs then break only at a
    # visible paragraph start or a section label, not by the text heuristics.
    layout_known: bool = False
    # The line stops well short of the right margin (the last line of a paragraph).
    ends_short: bool = False


@dataclass
class Layout:
    format: str
    pages: int | None = None
    body: list[Line] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)
    marks_explicit: bool = False
    header_left: list[str] = field(default_factory=list)
    header_right: list[str] = field(default_factory=list)
    closing_left: list[str] = field(default_factory=list)
    closing_right: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def note_repairs(layout: Layout, faults: int) -> None:
    """Record glyph repairs as one warning."""
    if faults:
        # The faulty glyphs are named by code point so that the output never contains them.
        layout.warnings.append(
            f"repaired {faults} look-alike glyphs (U+01A3/U+01A2 as ư/Ư, U+00D0 as Đ)"
        )


def finish(layout: Layout) -> None:
    """Bring every string of a reader's layout to clean Unicode, in this order:
    1. a whole layout typed in TCVN3 or VNI (detected on its body text) is converted —
       readers that know each run's font have already converted run by run; this catches
       PDFs set in .VnTime fonts and text mis-decoded as Latin-1 upstream;
    2. `repair` (ƣ→ư, Ð→Đ, NFC…). Repair must come second: in TCVN3, byte 0xD0 is "é" and
       0xAD is "ư", which repair would otherwise turn into "Đ" and drop as a soft hyphen.
    """
    from ..vn import legacy
    from ..vn.text import glyph_faults, repair

    sample = "\n".join(line.text for line in layout.body[:300])
    encoding = legacy.detect(sample)
    if encoding != "unicode":
        layout.warnings.append(f"text converted from the legacy {encoding.upper()} encoding")

        def clean(text: str) -> str:
            return repair(legacy.to_unicode(text, encoding))

    else:
        clean = repair
    faults = sum(glyph_faults(line.text) for line in layout.body) + sum(
        glyph_faults(t) for t in layout.footnotes.values()
    )
    for line in layout.body:
        line.text = clean(line.text)
    layout.footnotes = {k: clean(v) for k, v in layout.footnotes.items()}
    for name in ("header_left", "header_right", "closing_left", "closing_right"):
        setattr(layout, name, [clean(t) for t in getattr(layout, name)])
    for table in layout.tables:
        table.rows = [[clean(cell) for cell in row] for row in table.rows]
        if table.after_paragraph:
            table.after_paragraph = clean(table.after_paragraph)
    if encoding == "unicode":
        note_repairs(layout, faults)
