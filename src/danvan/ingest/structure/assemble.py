"""The structure pass: Layout → ParsedDocument."""

from __future__ import annotations

import re
from dataclasses import replace

from ..layout import MARK, Layout
from ..model import Footnote, Paragraph, ParsedDocument, Section, Source
from .closing import find_closing
from .figures import find_figures
from .footnotes import link_explicit, link_glued
from .header import is_decoration, parse_header
from .labels import find_label
from .mentions import find_mentions
from .paragraphs import _looks_heading, join_lines
from .references import find_references
from .tables import header_rows, table_figures

_STYLE_ORDER = (
    "part",
    "step",
    "chapter",
    "upper",
    "roman",
    "article",
    "arabic",
    "deep2",
    "deep3",
    "deep4",
    "alpha",
)


def build(layout: Layout, source: Source) -> ParsedDocument:
    doc = ParsedDocument(source=source)
    warnings = list(layout.warnings)
    head = parse_header(layout.body, layout.header_left, layout.header_right)
    doc.form = head.form  # type: ignore[assignment]
    doc.header = head.header
    warnings.extend(head.warnings)
    body = layout.body[head.consumed :]
    closing = find_closing(body, layout.closing_left, layout.closing_right)
    doc.closing = closing.closing
    _unmark_blocks(doc)
    if closing.start is not None:
        body = body[: closing.start]
    body = [line for line in body if not is_decoration(line.text)]

    texts = join_lines(body)
    footnote_ids = sorted(layout.footnotes)
    if layout.marks_explicit:
        texts, marks = link_explicit(texts)
    else:
        texts, marks = link_glued(texts, footnote_ids, warnings)
    _check_marks(marks, footnote_ids, warnings, layout.marks_explicit)

    doc.preamble, doc.outline = _outline(texts, marks)
    # Marks inside table cells have no paragraph to attach to; the text keeps no sentinel.
    doc.tables = [
        replace(
            table,
            rows=[[MARK.sub("", cell) for cell in row] for row in table.rows],
            after_paragraph=MARK.sub("", table.after_paragraph) if table.after_paragraph else None,
        )
        for table in layout.tables
    ]
    for table in doc.tables:
        table.header_rows = header_rows(table)
    doc.footnotes = [Footnote(k, MARK.sub("", layout.footnotes[k])) for k in footnote_ids]

    if doc.header.title:
        refs, w = find_references(doc.header.title, "header")
        doc.references.extend(refs)
        warnings.extend(w)
    # References and figures in reading order: each body paragraph, with the footnotes
    # it carries following it, as a reader meets them.
    notes = {note.id: note for note in doc.footnotes}
    for paragraph in doc.paragraphs():
        _collect(doc, paragraph.text, "body", warnings)
        for k in paragraph.footnotes:
            if k in notes:
                _collect(doc, notes.pop(k).text, "footnote", warnings)
    for k in sorted(notes):
        _collect(doc, notes[k].text, "footnote", warnings)
    for index, table in enumerate(doc.tables):
        doc.figures.extend(table_figures(table, index))
    doc.mentions = find_mentions(_named_texts(doc))
    doc.warnings = _dedupe(warnings)
    return doc


def _named_texts(doc: ParsedDocument) -> list[str]:
    """Where a document names places and bodies: header, body, closing, in reading order."""
    h, sig = doc.header, doc.closing.signature
    return [
        *filter(None, [h.parent_issuer, h.issuer, h.place, h.title]),
        *h.addressees,
        *(p.text for p in doc.paragraphs()),
        *doc.closing.recipients,
        *sig.authority,
    ]


def _unmark_blocks(doc: ParsedDocument) -> None:
    """A mark in the header or closing (a footnote on the title) leaves no sentinel there."""
    h = doc.header
    for name in ("parent_issuer", "issuer", "place", "type_name", "title"):
        value = getattr(h, name)
        if value:
            setattr(h, name, MARK.sub("", value))
    h.addressees = [MARK.sub("", a) for a in h.addressees]
    doc.closing.recipients = [MARK.sub("", r) for r in doc.closing.recipients]
    sig = doc.closing.signature
    sig.authority = [MARK.sub("", a) for a in sig.authority]
    sig.title = MARK.sub("", sig.title) if sig.title else sig.title
    sig.name = MARK.sub("", sig.name) if sig.name else sig.name


def _collect(doc: ParsedDocument, text: str, where: str, warnings: list[str]) -> None:
    refs, found_warnings = find_references(text, where)
    doc.references.extend(refs)
    warnings.extend(found_warnings)
    doc.figures.extend(find_figures(text, where))


def _check_marks(
    marks: list[list[int]], ids: list[int], warnings: list[str], explicit: bool
) -> None:
    seen = [k for found in marks for k in found]
    for k in ids:
        if explicit and k not in seen:
            warnings.append(f"footnote {k}: mark not found in the body")
    for k in sorted(set(seen) - set(ids)):
        warnings.append(f"footnote mark {k} has no footnote text")


def _outline(texts: list[str], marks: list[list[int]]) -> tuple[list[Paragraph], list[Section]]:
    preamble: list[Paragraph] = []
    roots: list[Section] = []
    stack: list[tuple[str, Section]] = []
    heading_styles = {
        label.style
        for text, found in zip(texts, marks, strict=True)
        if (label := find_label(text)) and _looks_heading(text) and not found
    }

    def open_section(style: str, label: str, title: str) -> None:
        _close_to(stack, style)
        section = Section(label=label, title=title, level=len(stack) + 1)
        (stack[-1][1].children if stack else roots).append(section)
        stack.append((style, section))

    for text, found in zip(texts, marks, strict=True):
        label = find_label(text)
        if label and _looks_heading(text) and not found:
            open_section(label.style, label.label, label.rest)
            continue
        if label and label.style == "article" and not found:
            # "Điều 1. Phê duyệt Kế hoạch …": an article opens its section even when its
            # text is a sentence rather than a heading; the sentence is its paragraph.
            open_section(label.style, label.label, "")
            text = label.rest
            run_in = None
        else:
            run_in = _RUN_IN.match(label.rest) if label and label.style in heading_styles else None
        if label and run_in:
            # "5. Về tổng hợp …: Tổng số nhiệm vụ …" — a heading run into its paragraph,
            # among sibling headings of the same style.
            open_section(label.style, label.label, run_in.group(1))
            text = label.rest[run_in.end() :].strip()
        paragraph = Paragraph(text=text, footnotes=sorted(found))
        (stack[-1][1].paragraphs if stack else preamble).append(paragraph)
    return preamble, roots


# A run-in heading: up to 200 characters without sentence punctuation, then ":" and text.
_RUN_IN = re.compile(r"([^.;:!?]{3,200}:)\s+(?=\S)")


def _order(style: str) -> int:
    return _STYLE_ORDER.index(style) if style in _STYLE_ORDER else len(_STYLE_ORDER)


def _close_to(stack: list[tuple[str, Section]], style: str) -> None:
    """Close open sections until a `style` heading can open: a style already open closes
    it and everything under it; a new style closes deeper-ranked ones only."""
    for position, (open_style, _) in enumerate(stack):
        if open_style == style:
            del stack[position:]
            return
    while stack and _order(stack[-1][0]) > _order(style):
        stack.pop()


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
