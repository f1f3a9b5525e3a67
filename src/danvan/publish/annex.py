"""The "Phụ lục" after the signature: each table with an annex title on a page of its own,
headed "PHỤ LỤC" (numbered I, II… when there are several), its title and the document it goes
with, "(Kèm theo Báo cáo số 01-BC/BDVTU ngày 20/6/2022)"."""

from __future__ import annotations

from danvan.publish.header_block import centred, is_cong_van, number_line
from danvan.publish.layouts import Layout, Style
from danvan.publish.model import Document
from danvan.publish.tables import write_table
from danvan.vn.formatting import format_short_date

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def annex_heading(index: int, count: int) -> str:
    if count == 1:
        return "PHỤ LỤC"
    return f"PHỤ LỤC {_ROMAN[index] if index < len(_ROMAN) else index + 1}"


def attached_to(doc: Document, layout: Layout) -> str:
    """ "(Kèm theo Báo cáo số 01-BC/BDVTU ngày 20/6/2022)": the document the annex belongs to."""
    header = doc.header
    kind = "Công văn" if is_cong_van(header) else (header.type_name or "văn bản").capitalize()
    number = number_line(header, layout)
    number = "số " + number[len(layout.number_prefix) :]
    day = f" ngày {format_short_date(header.date)}" if header.date else ""
    return f"(Kèm theo {kind} {number}{day})"


def write_annexes(document, doc: Document, layout: Layout) -> None:
    annexes = [table for table in doc.tables if table.annex and table.rows]
    size = layout.body.size
    for index, table in enumerate(annexes):
        lines = (
            centred(document, annex_heading(index, len(annexes)), Style(size, bold=True)),
            centred(document, table.annex.upper(), Style(size, bold=True)),
            centred(document, attached_to(doc, layout), Style(size, italic=True), after=12),
        )
        lines[0].paragraph_format.page_break_before = True
        for line in lines:
            # The annex's heading stays with its table.
            line.paragraph_format.keep_with_next = True
        write_table(document, table, layout)
