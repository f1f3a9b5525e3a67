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
