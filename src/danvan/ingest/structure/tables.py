"""Tables in the structure pass: which leading rows are headers, and the figures in the
cells, each with its row and column headers as context ("Tiếp công dân | Số lượt | 1.868").

Rows are HTML-style (a merged cell once, at its top-left; `Table.spans`); `grid` lays them
out on the table's full grid so that a cell's column is known.
"""

from __future__ import annotations

import re

from ...vn.numbers import NUMBER_PATTERN, parse_decimal, to_plain
from ...vn.text import fold
from ..model import Figure, Table
from .figures import find_figures

_NUMERIC = re.compile(rf"^[+-]?(?:{NUMBER_PATTERN})\s*%?$")
_COLUMN_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?(?:\s*=.*)?$")
_UNIT_IN_HEADER = re.compile(r"\(([^()]{1,15})\)\s*$")
_ROW_NUMBER_HEADERS = {"stt", "tt", "so tt", "so thu tu"}
_UNIT_HEADERS = {"don vi tinh", "dvt"}
_ROW_LABEL = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]?$")


def grid(table: Table) -> list[list[tuple[int, int] | None]]:
    """For each grid position, the (row, index in row) of the cell that covers it."""
    out: list[list[tuple[int, int] | None]] = []
    pending: dict[tuple[int, int], tuple[int, int]] = {}  # grid position → covering cell
    for r, row in enumerate(table.rows):
        line: list[tuple[int, int] | None] = []
        column = 0
        for i in range(len(row)):
            while (r, column) in pending:
                line.append(pending.pop((r, column)))
                column += 1
            rowspan, colspan = table.spans.get((r, i), (1, 1))
            for dc in range(colspan):
                line.append((r, i))
                for dr in range(1, rowspan):
                    pending[(r + dr, column + dc)] = (r, i)
            column += colspan
        while (r, column) in pending:
            line.append(pending.pop((r, column)))
            column += 1
        out.append(line)
    return out


def _numeric(text: str) -> bool:
    return bool(_NUMERIC.match(text.strip()))


def _numbering_row(row: list[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    return len(cells) >= 2 and all(_COLUMN_NUMBER.match(c) for c in cells)


def header_rows(table: Table) -> int:
    """Leading rows with no figure in them (and a row numbering the columns "(1) (2)…");
    rows a header cell spans down into count too."""
    rows = table.rows
    count = 0
    for r, row in enumerate(rows):
        if _numbering_row(row) and r > 0:
            count = r + 1
            continue
        if any(_numeric(cell) for cell in row) or r >= 4:
            break
        count = r + 1
    if count == len(rows):
        return 1 if len(rows) > 1 else 0
    for (r, _), (rowspan, _) in table.spans.items():
        if r < count:
            count = max(count, r + rowspan)
    return min(count, len(rows))


def _text(table: Table, at: tuple[int, int] | None) -> str:
    return table.rows[at[0]][at[1]] if at else ""


def table_figures(table: Table, index: int) -> list[Figure]:
    """The numbers in the body rows' cells, with their row and column headers."""
    layout = grid(table)
    head = table.header_rows
    width = max((len(line) for line in layout), default=0)
    column_headers = []
    for c in range(width):
        parts: list[str] = []
        for line in layout[:head]:
            text = _text(table, line[c]) if c < len(line) else ""
            if text and not _COLUMN_NUMBER.match(text) and text not in parts:
                parts.append(text)
        column_headers.append(" ".join(parts))
    folded = [fold(h) for h in column_headers]
    figures: list[Figure] = []
    for r in range(head, len(layout)):
        line = layout[r]
        row_header = ""
        unit = None
        for c, at in enumerate(line):
            text = _text(table, at).strip()
            if c < len(folded) and _unit_column(folded[c]):
                unit = text or None
            elif not row_header and text and not _numeric(text) and not _ROW_LABEL.match(text):
                row_header = text
        for c, at in enumerate(line):
            if at is None or at[0] != r or (c and line[c - 1] == at):
                continue  # covered by a cell above, or the rest of a wide cell
            text = _text(table, at).strip()
            header = column_headers[c] if c < len(column_headers) else ""
            kind = folded[c] if c < len(folded) else ""
            if not text or text == row_header or kind in _ROW_NUMBER_HEADERS:
                continue
            if _unit_column(kind):
                continue
            figure = _figure(text, header)
            if figure is None:
                continue
            if figure.unit is None:
                figure.unit = unit
            figure.context = " | ".join(p for p in (row_header, header, text) if p)
            figure.table = {
                "index": index,
                "row": r,
                "column": c,
                "row_header": row_header or None,
                "column_header": header or None,
            }
            figures.append(figure)
    return figures


def _unit_column(folded_header: str) -> bool:
    """ "Đơn vị tính", also under a wider header ("Kết quả thống kê Đơn vị tính")."""
    return folded_header.endswith(tuple(_UNIT_HEADERS)) and len(folded_header) < 60


def _figure(text: str, header: str) -> Figure | None:
    if _numeric(text):
        value = parse_decimal(text.strip().rstrip("%").strip().lstrip("+"))
        if value is None:
            return None
        unit = "%" if text.strip().endswith("%") else None
        if unit is None and (found := _UNIT_IN_HEADER.search(header)):
            unit = found.group(1).strip()
        return Figure(text, to_plain(value), unit, None, None, "", "table")
    if not any(ch.isdigit() for ch in text):
        return None
    found_figures = find_figures(text, "table")
    if len(found_figures) == 1 and len(found_figures[0].text) >= len(text) - 2:
        return found_figures[0]
    return None
