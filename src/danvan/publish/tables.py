"""Ruled tables: the first row holds the column titles (bold, centred, repeated on each page),
figures are right-aligned so that their digits line up, text is left-aligned."""

from __future__ import annotations

import re

from docx.oxml import OxmlElement

from danvan.publish.layouts import Layout, Style
from danvan.publish.model import Table
from danvan.publish.ooxml import add_run, format_paragraph, mark_style, new_paragraph

# A figure as Vietnamese documents print it: "1.868", "95,5", "-3", "+12", "95,5%", and a
# change with its rate, "+120 (6,9%)".
_NUMBER = r"[+\-−]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s?%?"
_FIGURE = re.compile(rf"^{_NUMBER}(?:\s*\(\s*{_NUMBER}\s*\))?$")


def is_figure(text: str) -> bool:
    return bool(_FIGURE.match(text.strip()))


def _repeat_as_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _placed(table: Table) -> list[tuple[int, int, int, int, str]]:
    """Each cell's (row, grid column, rowspan, colspan, text): a merged cell covers the grid
    positions to its right and below, which the following cells skip."""
    spans = {(r, i): (rs, cs) for r, i, rs, cs in table.spans}
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(table.rows):
        c = 0
        for i, text in enumerate(row):
            while (r, c) in taken:
                c += 1
            rowspan, colspan = spans.get((r, i), (1, 1))
            rowspan = min(rowspan, len(table.rows) - r)
            taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            out.append((r, c, rowspan, colspan, text))
            c += colspan
    return out


def write_table(document, table: Table, layout: Layout) -> None:
    if not table.rows:
        return
    placed = _placed(table)
    columns = max(c + colspan for _, c, _, colspan, _ in placed)
    grid = document.add_table(rows=len(table.rows), cols=columns)
    grid.style = "Table Grid"
    style = layout.table
    for r, c, rowspan, colspan, _ in placed:
        if rowspan > 1 or colspan > 1:
            grid.cell(r, c).merge(grid.cell(r + rowspan - 1, c + colspan - 1))
    texts = {(r, c): text for r, c, _, _, text in placed}
    for r in range(len(table.rows)):
        # The first row holds the column titles: bold and centred.
        head = r == 0 and len(table.rows) > 1
        if head:
            _repeat_as_header(grid.rows[0])
        for c in range(columns):
            if (r, c) not in texts:
                continue  # covered by a merged cell, or past the end of a short row
            text = texts[(r, c)]
            cell_paragraph = grid.cell(r, c).paragraphs[0]
            align = "center" if head else ("right" if is_figure(text) else "left")
            format_paragraph(cell_paragraph, align)
            cell_style = Style(style.size, bold=head)
            mark_style(cell_paragraph, cell_style)
            add_run(cell_paragraph, text, cell_style)
    # A little room between the table and the text that follows.
    spacer = new_paragraph(document)
    format_paragraph(spacer, "left", after_pt=0)
    mark_style(spacer, Style(6))
