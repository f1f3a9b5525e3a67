"""The end of the document: "Nơi nhận" bottom left and the signature bottom right, side by side
in a borderless table."""

from __future__ import annotations

from danvan.publish.header_block import punctuate
from danvan.publish.layouts import Layout, Style
from danvan.publish.model import Document
from danvan.publish.ooxml import (
    add_run,
    borderless_table,
    format_paragraph,
    mark_style,
    new_paragraph,
)

# Empty lines left between the signer's position and name for the signature and seal.
_SIGNING_LINES = 4


def _recipients(cell, doc: Document, layout: Layout) -> None:
    paragraph = new_paragraph(cell)
    format_paragraph(paragraph, "left")
    add_run(paragraph, "Nơi nhận:", layout.recipients_label)
    punct = layout.recipients_punct
    entries = doc.recipients
    for i, entry in enumerate(entries):
        text = entry.strip()
        if text.startswith("-"):
            text = text[1:].strip()
        mark = punct.last if i == len(entries) - 1 else punct.each
        paragraph = new_paragraph(cell)
        format_paragraph(paragraph, "left")
        add_run(paragraph, "- " + punctuate(text, mark), layout.recipients_entry)


def _line(cell, text: str, style: Style) -> None:
    paragraph = new_paragraph(cell)
    format_paragraph(paragraph, "center")
    add_run(paragraph, text, style)


def _signature(cell, doc: Document, layout: Layout) -> None:
    signature = doc.signature
    for authority in signature.authority:
        _line(cell, authority.upper(), layout.signature_authority)
    if signature.title:
        _line(cell, signature.title.upper(), layout.signature_title)
    for _ in range(_SIGNING_LINES):
        blank = new_paragraph(cell)
        format_paragraph(blank, "center")
        mark_style(blank, layout.signature_name)
    if signature.name:
        _line(cell, signature.name, layout.signature_name)


def write_closing(document, doc: Document, layout: Layout, text_width_mm: float) -> None:
    signature = doc.signature
    if not doc.recipients and not (signature.authority or signature.title or signature.name):
        return
    spacer = new_paragraph(document)
    format_paragraph(spacer, "left")
    mark_style(spacer, layout.body)
    half = round(text_width_mm / 2, 1)
    table = borderless_table(document, (half, round(text_width_mm - half, 1)))
    left, right = table.rows[0].cells
    if doc.recipients:
        _recipients(left, doc, layout)
    _signature(right, doc, layout)
