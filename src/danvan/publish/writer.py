"""Write a parsed document as a Word file laid out by one rule set."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import IO, Any

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from danvan.publish.annex import write_annexes
from danvan.publish.body import write_body
from danvan.publish.closing import write_closing
from danvan.publish.footnotes import Footnotes
from danvan.publish.header_block import (
    is_cong_van,
    write_addressees,
    write_header_block,
    write_title,
)
from danvan.publish.layouts import Layout, choose_layout, get_layout
from danvan.publish.model import Document, document_from_dict
from danvan.publish.ooxml import add_page_field, format_paragraph, mark_style, set_font_slots
from danvan.publish.signing import convert_authorities

A4_MM = (210, 297)
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _set_up_styles(document, layout: Layout) -> None:
    """Times New Roman and the body size as the defaults, and no theme fonts anywhere in the
    styles: a theme font attribute overrides the named font, and Word's theme is Calibri."""
    styles = document.styles.element
    for r_fonts in styles.iter(qn("w:rFonts")):
        set_font_slots(r_fonts)
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(round(layout.body.size * 2)))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(layout.body.size)
    set_font_slots(normal.element.get_or_add_rPr().get_or_add_rFonts())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _set_up_page(document, layout: Layout) -> float:
    """A4 portrait, the layout's margins, page numbers from page 2; returns the text width."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    top, bottom, left, right = layout.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(layout.header_distance_mm)
    section.footer_distance = Mm(layout.header_distance_mm)
    # No number on page 1: a different first-page header that stays empty.
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    mark_style(first.paragraphs[0], layout.page_number)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    format_paragraph(paragraph, "center")
    mark_style(paragraph, layout.page_number)
    add_page_field(paragraph, layout.page_number)
    return A4_MM[0] - left - right


def file_title(doc: Document) -> str:
    """ "Báo cáo 01-BC/BDVTU: Kết quả …" (a draft's blank number is left out)."""
    header = doc.header
    kind = "Công văn" if is_cong_van(header) else (header.type_name or "").capitalize()
    symbol = header.symbol if header.symbol and header.symbol[:1].isdigit() else ""
    head = " ".join(filter(None, [kind, symbol]))
    return ": ".join(filter(None, [head, header.title]))[:250]


def _set_properties(document, doc: Document, layout: Layout) -> None:
    """Title, author, dates and application from the document, none left from python-docx's
    template (author "python-docx", created 2013, a thumbnail of an empty page)."""
    props = document.core_properties
    header = doc.header
    given = doc.properties
    author = given.get("author") or header.issuer or ""
    props.title = given.get("title") or file_title(doc)
    props.subject = given.get("subject") or header.title or ""
    props.author = props.last_modified_by = author[:250]
    props.keywords = header.symbol if header.symbol and header.symbol[:1].isdigit() else ""
    props.category = header.type_name.capitalize() if header.type_name else ""
    props.comments = f"Thể thức: {layout.label}"
    props.language = "vi-VN"
    props.revision = 1
    # The document's own date rather than the moment of writing: the same input gives the
    # same file content. An undated draft is stamped with the moment it was written.
    if header.date is not None:
        stamp = dt.datetime.combine(header.date, dt.time())
    else:
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = stamp
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _app_properties(author)


def _app_properties(company: str) -> bytes:
    """docProps/app.xml naming Danvan as the application and the issuing body as the company."""
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED})
    for tag, text in (("Application", "Danvan"), ("DocSecurity", "0"), ("Company", company)):
        etree.SubElement(root, f"{{{_EXTENDED}}}{tag}").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build_document(doc: Document, layout: Layout):
    """The python-docx Document for `doc` laid out by `layout`."""
    document = docx.Document()
    _set_up_styles(document, layout)
    text_width_mm = _set_up_page(document, layout)
    _set_properties(document, doc, layout)
    footnotes = Footnotes(document, layout.footnote)
    write_header_block(document, doc, layout, text_width_mm)
    write_title(document, doc, layout, text_width_mm)
    write_addressees(document, doc, layout)
    write_body(document, doc, layout, footnotes)
    write_closing(document, doc, layout, text_width_mm)
    write_annexes(document, doc, layout)
    return document


def resolve_layout(doc: Document, layout: str | Layout | None) -> Layout:
    if isinstance(layout, Layout):
        return layout
    if layout:
        return get_layout(layout)
    return choose_layout(doc.form, doc.header.date, doc.header.symbol)


def document_warnings(parsed: dict[str, Any], layout: str | Layout | None = None) -> list[str]:
    """What the writer keeps as written although the rules would not (Vietnamese, for the
    user): a "TUQ." signing authority in a Party document."""
    doc = document_from_dict(parsed)
    chosen = resolve_layout(doc, layout)
    return convert_authorities(doc.signature.authority, chosen.system)[1]


def render_docx(
    parsed: dict[str, Any], out: str | Path | IO[bytes], layout: str | Layout | None = None
) -> Layout:
    """Write `parsed` (a danvan.parsed-document/1 dict) as DOCX to a path or binary file.

    `layout` forces "party", "party-2018" or "state"; by default the document's form and date
    choose. Returns the layout used. Raises PublishError with a Vietnamese message on bad input.
    """
    doc = document_from_dict(parsed)
    chosen = resolve_layout(doc, layout)
    document = build_document(doc, chosen)
    document.save(str(out) if isinstance(out, Path) else out)
    return chosen


def render_docx_bytes(parsed: dict[str, Any], layout: str | Layout | None = None) -> bytes:
    """The DOCX as bytes, for a download response."""
    buffer = io.BytesIO()
    render_docx(parsed, buffer, layout)
    return buffer.getvalue()
