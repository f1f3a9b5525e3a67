"""The end of the document: "Nơi nhận" bottom left and the signature bottom right, side by side
in a borderless table, kept on one page with the end of the last paragraph (keepNext and
keepLines on the paragraphs before it, cantSplit on its row) so that it never stands alone."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

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
from danvan.publish.signing import convert_authorities

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
    authorities, _ = convert_authorities(signature.authority, layout.system)
    for authority in authorities:
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
    _keep_end_of_body(document)
    spacer = new_paragraph(document)
    format_paragraph(spacer, "left", keep_with_next=True)
    mark_style(spacer, layout.body)
    half = round(text_width_mm / 2, 1)
    table = borderless_table(document, (half, round(text_width_mm - half, 1)))
    row = table.rows[0]
    _cant_split(row._tr)
    left, right = row.cells
    if doc.recipients:
        _recipients(left, doc, layout)
    _signature(right, doc, layout)
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_together = True


def _cant_split(tr) -> None:
    tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _keep(p) -> None:
    fmt = Paragraph(p, None).paragraph_format
    fmt.keep_with_next = True
    fmt.keep_together = True


def _keep_end_of_body(document) -> None:
    """The last paragraph with text (past the empty spacer after a table), or the last row of a
    table that ends the body, goes to the next page with the closing rather than leave it."""
    blocks = [child for child in document.element.body if child.tag != qn("w:sectPr")]
    for block in reversed(blocks):
        if block.tag == qn("w:tbl"):
            last_row = block.findall(qn("w:tr"))[-1]
            _cant_split(last_row)
            for p in last_row.iter(qn("w:p")):
                _keep(p)
            return
        if block.tag == qn("w:p"):
            _keep(block)
            if "".join(t.text or "" for t in block.iter(qn("w:t"))).strip():
                return
