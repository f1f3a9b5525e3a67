"""The body: căn cứ lines, preamble, headings by level, paragraphs with their footnote marks,
and tables placed after the paragraph the reader saw them follow."""

from __future__ import annotations

import re

from danvan.publish.footnotes import Footnotes
from danvan.publish.layouts import Layout, Style
from danvan.publish.marks import place_marks
from danvan.publish.model import Document, Paragraph, Section, Table
from danvan.publish.ooxml import add_run, format_paragraph, mark_style, new_paragraph
from danvan.publish.tables import write_table

_BASIS = re.compile(r"^[-–•]?\s*(Căn cứ\b.*)$", re.DOTALL)


def _squash(text: str) -> str:
    return " ".join(text.split())


def heading_text(section: Section) -> str:
    """ "I. CÔNG TÁC …", "1. Kết quả …", "a) …": Roman and Arabic labels take a full stop,
    a letter takes a closing parenthesis, a label that has its mark already keeps it."""
    label = (section.label or "").strip()
    if not label:
        return section.title
    if label[-1] in ".)":
        return f"{label} {section.title}"
    if len(label) == 1 and label.isalpha() and label.islower():
        return f"{label}) {section.title}"
    return f"{label}. {section.title}"


def ended(text: str) -> str:
    """The last paragraph of the body ends with a full stop (all three rule sets)."""
    if not text or text.rstrip(')"”’» ').endswith((".", "!", "?", "…", ":")):
        return text
    return text + "."


class BodyWriter:
    def __init__(self, document, doc: Document, layout: Layout, footnotes: Footnotes):
        self._document = document
        self._doc = doc
        self._layout = layout
        self._footnotes = footnotes
        # Tables with an annex title go to the "Phụ lục" after the signature (annex.py).
        self._pending_tables: list[Table] = [t for t in doc.tables if not t.annex]
        self._last = None
        paragraphs = list(_all_paragraphs(doc))
        self._final = paragraphs[-1] if paragraphs else None
        self._marks, self._homeless = place_marks(
            [(id(p), p.footnotes) for p in paragraphs], list(doc.footnotes)
        )

    def write(self) -> None:
        basis = [p for p in self._doc.preamble if _BASIS.match(p.text)]
        for paragraph in self._doc.preamble:
            if paragraph in basis and self._layout.basis_punct is not None:
                self._basis_line(paragraph, last=paragraph is basis[-1])
            else:
                self._paragraph(paragraph)
        for section in self._doc.outline:
            self._section(section)
        for table in self._pending_tables:
            self._table(table)
        self._pending_tables = []
        self._attach_unreferenced_notes()

    def _basis_line(self, paragraph: Paragraph, *, last: bool) -> None:
        punct = self._layout.basis_punct
        text = _BASIS.match(paragraph.text).group(1).rstrip(" ;,.")
        mark = punct.last if last else punct.each
        self._paragraph(paragraph, text=f"- {text}{mark}")

    def _body_paragraph(self, style: Style, keep_with_next: bool = False):
        layout = self._layout
        paragraph = new_paragraph(self._document)
        format_paragraph(
            paragraph,
            "justify",
            first_line_mm=layout.body_indent_mm,
            after_pt=layout.body_space_after_pt,
            spacing=layout.line_spacing,
            keep_with_next=keep_with_next,
        )
        mark_style(paragraph, style)
        return paragraph

    def _paragraph(self, source: Paragraph, text: str | None = None) -> None:
        paragraph = self._body_paragraph(self._layout.body)
        if text is None:
            text = ended(source.text) if source is self._final else source.text
        add_run(paragraph, text, self._layout.body)
        for note_id in self._marks.get(id(source), ()):
            self._footnotes.reference(
                paragraph, note_id, self._doc.footnotes[note_id], self._layout.body
            )
        self._last = paragraph
        self._place_tables_after(source.text)

    def _section(self, section: Section) -> None:
        if not has_content(section):
            # A heading with nothing under it is left out: an empty "2. Hạn chế" reads as if
            # the text had been lost.
            return
        levels = self._layout.headings
        style = levels.get(section.level) or levels[max(levels)]
        if section.title or section.label:
            paragraph = self._body_paragraph(style, keep_with_next=True)
            text = heading_text(section)
            add_run(paragraph, text.upper() if section.level == 1 else text, style)
        for source in section.paragraphs:
            self._paragraph(source)
        for child in section.children:
            self._section(child)

    def _place_tables_after(self, text: str) -> None:
        key = _squash(text)
        for table in list(self._pending_tables):
            anchor = _squash(table.after_paragraph or "")
            if anchor and (key == anchor or key.endswith(anchor) or key.startswith(anchor)):
                self._pending_tables.remove(table)
                self._table(table)

    def _table(self, table: Table) -> None:
        write_table(self._document, table, self._layout)

    def _attach_unreferenced_notes(self) -> None:
        """Notes in a document whose paragraphs carry no mark at all: kept, marked at the end
        of the last paragraph rather than lost."""
        if not self._homeless:
            return
        if self._last is None:
            self._last = self._body_paragraph(self._layout.body)
        for note_id in self._homeless:
            self._footnotes.reference(
                self._last, note_id, self._doc.footnotes[note_id], self._layout.body
            )


def has_content(section: Section) -> bool:
    """Whether anything is printed under the heading: a paragraph of its own or of a child."""
    return any(p.text or p.footnotes for p in section.paragraphs) or any(
        has_content(child) for child in section.children
    )


def _all_paragraphs(doc: Document):
    yield from doc.preamble

    def walk(sections):
        for section in sections:
            yield from section.paragraphs
            yield from walk(section.children)

    yield from walk(doc.outline)


def write_body(document, doc: Document, layout: Layout, footnotes: Footnotes) -> None:
    BodyWriter(document, doc, layout, footnotes).write()
