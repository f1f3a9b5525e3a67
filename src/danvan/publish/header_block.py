"""The top of the first page: issuer and number on the left, the header line(s) and the date on
the right (side by side in a borderless table), then the type name and subject, or for a công
văn the "về việc"/"V/v" line under the number; then "Kính gửi"."""

from __future__ import annotations

import re

from docx.shared import Pt

from danvan.publish.layouts import Layout, Punctuation, Style
from danvan.publish.model import Document, Header
from danvan.publish.ooxml import (
    add_rule_paragraph,
    add_run,
    borderless_table,
    estimate_width_pt,
    format_paragraph,
    new_paragraph,
)
from danvan.vn.formatting import format_place_date, pad_document_number

_PT_PER_MM = 72 / 25.4
# Word's default cell margins (0.19 cm each side) narrow the room for text in a cell.
_CELL_PADDING_PT = 2 * 5.4

_QUY_DINH_CODE = re.compile(r"(?<=[-/])(QĐi|QyĐ|QĐ)(?=[-/])")


def is_cong_van(header: Header) -> bool:
    """A công văn has no type name; its subject is printed under the number instead."""
    return header.type_name is None and (header.type_code in (None, "CV"))


def number_line(header: Header, layout: Layout) -> str:
    """ "Số 05-HD/VPTW" / "Số: 329/BC-UBND"; a draft with a blank number keeps room to write it."""
    symbol = header.symbol or ""
    match = re.match(r"(\d+)(.*)", symbol)
    if match:
        symbol = pad_document_number(match.group(1)) + match.group(2)
    elif header.number:
        symbol = pad_document_number(header.number) + symbol
    else:
        symbol = "\u00a0" * 6 + symbol
    if header.type_name and header.type_name.upper() == "QUY ĐỊNH":
        symbol = _QUY_DINH_CODE.sub(layout.quy_dinh_code, symbol, count=1)
    return layout.number_prefix + symbol


def punctuate(text: str, mark: str) -> str:
    """The entry without whatever list punctuation it came with, then the rule's mark."""
    return text.rstrip(" ;,.") + mark


def centred(container, text: str, style: Style, *, before: float = 0, after: float = 0):
    paragraph = new_paragraph(container)
    format_paragraph(paragraph, "center", before_pt=before, after_pt=after)
    add_run(paragraph, text, style)
    return paragraph


def balanced_lines(text: str, style: Style, room_pt: float) -> list[str]:
    """An issuer too long for its column, broken into two lines of about equal length at a
    word boundary, as offices print it ("BAN TUYÊN GIÁO" / "VÀ DÂN VẬN") rather than leaving
    one word alone on the second line."""
    words = text.split()
    if len(words) < 2 or estimate_width_pt(text, style) <= room_pt:
        return [text]

    def longer_half(i: int) -> float:
        return max(
            estimate_width_pt(" ".join(words[:i]), style),
            estimate_width_pt(" ".join(words[i:]), style),
        )

    cut = min(range(1, len(words)), key=longer_half)
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def _left_column(cell, doc: Document, layout: Layout, width_mm: float) -> None:
    header = doc.header
    room = width_mm * _PT_PER_MM - _CELL_PADDING_PT
    if header.parent_issuer:
        for line in balanced_lines(header.parent_issuer.upper(), layout.parent_issuer, room):
            centred(cell, line, layout.parent_issuer)
    if header.issuer:
        lines = balanced_lines(header.issuer.upper(), layout.issuer, room)
        for line in lines:
            centred(cell, line, layout.issuer)
        if layout.issuer_rule:
            width = max(estimate_width_pt(line, layout.issuer) for line in lines)
            add_rule_paragraph(cell, min(width, room) * layout.issuer_rule, 0, room)
    if layout.issuer_star:
        centred(cell, "*", layout.number)
    centred(cell, number_line(header, layout), layout.number, before=4)
    if is_cong_van(header) and header.title:
        centred(cell, layout.cv_subject_prefix + header.title, layout.cv_subject, before=4)


def _right_column(cell, doc: Document, layout: Layout, width_mm: float) -> None:
    room = width_mm * _PT_PER_MM - _CELL_PADDING_PT
    for text, style in layout.national_lines:
        centred(cell, text, style)
    last_text, last_style = layout.national_lines[-1]
    # The rule under the last header line is as long as that line.
    add_rule_paragraph(cell, min(estimate_width_pt(last_text, last_style), room), 0, room)
    place_date = format_place_date(doc.header.place, doc.header.date)
    centred(cell, place_date, layout.place_date, before=8)


def header_widths(layout: Layout, text_width_mm: float) -> tuple[float, float]:
    # The State Quốc hiệu is the longest header line: give its column more room.
    left = 0.35 if layout.system == "state" else 0.47
    return (round(text_width_mm * left, 1), round(text_width_mm * (1 - left), 1))


def write_header_block(document, doc: Document, layout: Layout, text_width_mm: float) -> None:
    widths = header_widths(layout, text_width_mm)
    table = borderless_table(document, widths)
    left, right = table.rows[0].cells
    _left_column(left, doc, layout, widths[0])
    _right_column(right, doc, layout, widths[1])


def write_title(document, doc: Document, layout: Layout, text_width_mm: float) -> None:
    header = doc.header
    if is_cong_van(header):
        return
    if header.type_name:
        centred(document, header.type_name.upper(), layout.type_name, before=18)
    if header.title:
        centred(document, header.title, layout.subject)
    if layout.subject_marker:
        centred(document, layout.subject_marker, Style(layout.body.size))
    elif layout.subject_rule and header.title:
        room = text_width_mm * _PT_PER_MM
        width = min(estimate_width_pt(header.title, layout.subject), room) * layout.subject_rule
        add_rule_paragraph(document, width, 6, room, before_pt=2)


def _is_to_trinh(header: Header) -> bool:
    return header.type_code == "TTr" or (header.type_name or "").upper() == "TỜ TRÌNH"


def write_addressees(document, doc: Document, layout: Layout) -> None:
    names = doc.header.addressees
    if not names:
        return
    label = (layout.to_trinh_label if _is_to_trinh(doc.header) else "Kính gửi") + ":"
    punct: Punctuation = layout.address_punct
    if len(names) == 1:
        paragraph = new_paragraph(document)
        format_paragraph(paragraph, "center", before_pt=6, after_pt=6)
        add_run(paragraph, label + " ", layout.address_label)
        add_run(paragraph, punctuate(names[0], punct.last), layout.address_name)
        return
    centred(document, label, layout.address_label, before=6)
    for i, name in enumerate(names):
        mark = punct.last if i == len(names) - 1 else punct.each
        paragraph = new_paragraph(document)
        format_paragraph(paragraph, "left", left_mm=40, after_pt=0)
        add_run(paragraph, "- " + punctuate(name, mark), layout.address_name)
    paragraph.paragraph_format.space_after = Pt(6)
