"""DOCX reader: body paragraphs and tables in order, text boxes, Word footnotes with their
reference marks, legacy-font runs (.VnTime → TCVN3, VNI-Times → VNI) converted.

It walks the WordprocessingML with lxml through `safety` (bounded unzip, no DTDs) rather
than python-docx, because it needs what python-docx does not expose: text boxes, footnote
references inside runs, and the order of paragraphs and tables together.
"""

from __future__ import annotations

import re

from ...vn import legacy
from ..errors import DocumentError
from ..layout import Layout, Line, mark
from ..model import Table
from ..safety import SafeZip, parse_xml
from .closing_tables import closing_columns, closing_kind
from .docx_numbering import Numbering
from .docx_styles import Styles
from .docx_tables import table_rows

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


P, R, T, TAB, BR, CR, TBL, TR, TC = (
    _q(W, t) for t in ("p", "r", "t", "tab", "br", "cr", "tbl", "tr", "tc")
)
SDT, SDT_CONTENT, FOOTNOTE_REF, RPR, RFONTS, DEL = (
    _q(W, t) for t in ("sdt", "sdtContent", "footnoteReference", "rPr", "rFonts", "del")
)
TXBX_CONTENT = _q(W, "txbxContent")
SOFT_HYPHEN = _q(W, "softHyphen")
FALLBACK = _q(MC, "Fallback")
INS, HYPERLINK, SMART_TAG, FLD_SIMPLE = (
    _q(W, t) for t in ("ins", "hyperlink", "smartTag", "fldSimple")
)


# Letters only Unicode Vietnamese has: a run holding them is not 8-bit legacy text, whatever
# its font says (a name typed in Unicode inside a VNI document).
_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)


class _Reader:
    def __init__(self, styles: Styles | None = None) -> None:
        self.footnote_numbers: dict[str, int] = {}
        self.textbox_lines: list[str] = []
        self.legacy_runs = 0
        # Fonts inherited from styles count only in a document whose text is legacy.
        self.styles = styles
        self.paragraph = None

    def run_text(self, run) -> str:
        parts: list[str] = []
        for child in run:
            if child.tag == T:
                parts.append(child.text or "")
            elif child.tag == TAB:
                parts.append("\t")
            elif child.tag in (BR, CR):
                parts.append("\n")
            elif child.tag == SOFT_HYPHEN:
                parts.append("\u00ad")  # "ư" in TCVN3; dropped by repair otherwise
            elif child.tag == FOOTNOTE_REF:
                word_id = child.get(_q(W, "id"))
                if word_id is not None and child.get(_q(W, "customMarkFollows")) not in (
                    "1",
                    "true",
                ):
                    number = self.footnote_numbers.setdefault(
                        word_id, len(self.footnote_numbers) + 1
                    )
                    parts.append(mark(number))
        text = "".join(parts)
        font = _run_font(run)
        if font is None and self.styles is not None:
            font = self.styles.run_font(run, self.paragraph)
        encoding = legacy.font_encoding(font)
        if encoding and text and not _UNICODE_ONLY.search(text):
            self.legacy_runs += 1
            converted = legacy.to_unicode(text, encoding)
            text = converted.upper() if legacy.is_capitals_font(font) else converted
        return text

    def paragraph_text(self, paragraph) -> str:
        parts: list[str] = []
        outer, self.paragraph = self.paragraph, paragraph
        try:
            self._paragraph_parts(paragraph, parts)
        finally:
            self.paragraph = outer
        return "".join(parts)

    def _paragraph_parts(self, paragraph, parts: list[str]) -> None:
        for node in paragraph.iter():
            if node.tag == R and not _inside(node, paragraph, (FALLBACK, DEL, TXBX_CONTENT)):
                parts.append(self.run_text(node))
            elif node.tag == TXBX_CONTENT and not _inside(node, paragraph, (FALLBACK,)):
                for inner in node.iter(P):
                    text = self.paragraph_text(inner)
                    if text.strip():
                        self.textbox_lines.append(text)


def _centered(paragraph) -> bool | None:
    """Explicit paragraph alignment: centred titles versus justified body text (None when
    the paragraph leaves it to its style, which is not read)."""
    props = paragraph.find(_q(W, "pPr"))
    jc = props.find(_q(W, "jc")) if props is not None else None
    if jc is None:
        return None
    return jc.get(_q(W, "val")) == "center"


def _inside(node, stop, tags) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _run_font(run) -> str | None:
    props = run.find(RPR)
    if props is None:
        return None
    fonts = props.find(RFONTS)
    if fonts is None:
        return None
    return fonts.get(_q(W, "ascii")) or fonts.get(_q(W, "hAnsi"))


def _cells(row) -> list:
    return [cell for cell in row if cell.tag == TC]


def read_docx(data: bytes, name: str, *, max_unpacked: int) -> Layout:
    archive = SafeZip(data, name, max_unpacked)
    document = archive.read("word/document.xml")
    if document is None:
        raise DocumentError("corrupt", f"Tệp {name} không có phần nội dung word/document.xml.")
    root = parse_xml(document, name)
    body = root.find(_q(W, "body"))
    layout = Layout(format="docx")
    if body is None:
        return layout
    reader = _Reader(_legacy_styles(archive, root, name))
    numbering_xml = archive.read("word/numbering.xml")
    numbering = Numbering.from_xml(parse_xml(numbering_xml, name)) if numbering_xml else Numbering()
    last_paragraph: str | None = None
    closed = False
    blocks = list(_blocks(body))
    for position, block in enumerate(blocks):
        if block.tag == P:
            text = _paragraph(reader, numbering, block, layout.body, closed)
            last_paragraph = text.strip() or last_paragraph
        elif block.tag == TBL:
            rows, spans = table_rows(
                block,
                lambda cell: "\n".join(
                    numbering.bullet(p) + reader.paragraph_text(p) for p in cell.iter(P)
                ).strip(),
            )
            kind = _table_kind(
                rows, seen_body=bool(layout.body), last=_little_after(blocks[position + 1 :])
            )
            if kind == "table" and len(rows) == 1 and len(rows[0]) == 1 and not closed:
                # A one-cell table is a frame around text (a title, a note): its paragraphs.
                for paragraph in block.iter(P):
                    text = _paragraph(reader, numbering, paragraph, layout.body, closed)
                    last_paragraph = text.strip() or last_paragraph
            elif kind == "header" and not layout.header_left:
                layout.header_left, layout.header_right = _columns(rows)
                if any(len(line.text) > 3 for line in layout.body):
                    # A cover page (the body's name, the title, "năm 2025") before the header.
                    layout.warnings.append("a cover page before the header was left out")
                layout.body.clear()
            elif kind == "closing" and not closed:
                layout.closing_left, layout.closing_right = closing_columns(rows)
                closed = True
            elif kind == "addressees":
                # "Kính gửi:" | list, set as a table: read as the lines it stands for.
                left, right = _columns(rows)
                lines = [f"{left[0]} {right[0]}" if right else left[0], *left[1:], *right[1:]]
                layout.body.extend(Line(text=line, whole=True) for line in lines)
            else:
                layout.tables.append(Table(rows=rows, after_paragraph=last_paragraph, spans=spans))
    layout.footnotes = _footnotes(archive, name, reader)
    layout.marks_explicit = True
    if reader.legacy_runs:
        layout.warnings.append(
            f"converted {reader.legacy_runs} runs typed in legacy fonts (.VnTime, VNI-Times)"
        )
    return layout


def _paragraph(reader: _Reader, numbering: Numbering, block, body: list[Line], closed: bool) -> str:
    """Append a paragraph's lines (and any text box it anchors) to `body`; return its text."""
    text = reader.paragraph_text(block)
    if text.strip():
        text = numbering.label(block) + text
    for box_line in reader.textbox_lines:
        body.append(Line(text=box_line, whole=True))
    reader.textbox_lines.clear()
    if text.strip() and not closed:
        for piece in text.split("\n"):
            if piece.strip():
                body.append(Line(text=piece.strip(), whole=True, centered=_centered(block)))
    return text


def _legacy_styles(archive: SafeZip, root, name: str) -> Styles | None:
    """The styles' fonts, when the document's text reads as TCVN3 or VNI (else None: a
    Unicode document may keep a ".VnTime" style from an old template)."""
    sample = "".join(node.text or "" for node, _ in zip(root.iter(T), range(5000), strict=False))
    if legacy.detect(sample[:20000]) == "unicode":
        return None
    data = archive.read("word/styles.xml")
    return Styles(parse_xml(data, name)) if data else Styles()


def _little_after(blocks) -> bool:
    """At most three short paragraphs and no table with text follow."""
    texts = ["".join(t.text or "" for t in block.iter(T)).strip() for block in blocks]
    filled = [(block, text) for block, text in zip(blocks, texts, strict=True) if text]
    return len(filled) <= 3 and all(block.tag == P and len(text) < 200 for block, text in filled)


def _blocks(container):
    """Paragraphs and tables in document order, looking through content controls."""
    for child in container:
        if child.tag in (P, TBL):
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (INS, SMART_TAG):
            yield from _blocks(child)


def _table_kind(rows: list[list[str]], *, seen_body: bool, last: bool = False) -> str:
    """`last`: nothing but a few lines follows the table (a signature table without
    "Nơi nhận" is the closing only there)."""
    text = "\n".join(cell for row in rows for cell in row)
    first_cells = [row[0] for row in rows if row]
    from ...vn.text import fold

    folded = fold(text)
    if not seen_body or "cong hoa xa hoi chu nghia" in folded or "dang cong san viet nam" in folded:
        if "so:" in folded.replace(" ", "") or "cong hoa" in folded or "dang cong san" in folded:
            return "header"
    if any(fold(cell).startswith(("noi nhan", "noi nhân")) for cell in first_cells):
        return "closing"
    kind = closing_kind(rows) if seen_body else None
    if kind == "recipients" or (kind == "signature" and last):
        return "closing"
    if first_cells and fold(first_cells[0]).startswith("kinh gui"):
        return "addressees"
    return "table"


def _columns(rows: list[list[str]]) -> tuple[list[str], list[str]]:
    left: list[str] = []
    right: list[str] = []
    for row in rows:
        if not row:
            continue
        left.extend(line for line in row[0].split("\n") if line.strip())
        for cell in row[1:]:
            right.extend(line for line in cell.split("\n") if line.strip())
    return [s.strip() for s in left], [s.strip() for s in right]


def _footnotes(archive: SafeZip, name: str, reader: _Reader) -> dict[int, str]:
    data = archive.read("word/footnotes.xml")
    if data is None or not reader.footnote_numbers:
        return {}
    root = parse_xml(data, name)
    notes: dict[int, str] = {}
    for note in root.iter(_q(W, "footnote")):
        number = reader.footnote_numbers.get(note.get(_q(W, "id")) or "")
        if number is None:
            continue  # separators, and footnotes nobody references
        texts = [reader.paragraph_text(p).strip() for p in note.iter(P)]
        text = "\n".join(t for t in texts if t)
        notes[number] = " ".join(text.split(" ")).strip()
    return notes
