"""A Word table's rows with its merged cells kept: `w:gridSpan` (a cell over several grid
columns) and `w:vMerge` (a cell continued into the rows below: "restart" opens it, an empty
`w:vMerge` continues it). Rows come out HTML-style, each merged cell once with its
(rowspan, colspan), as `model.Table` holds them."""

from __future__ import annotations

from collections.abc import Callable

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TR, TC, TC_PR, TR_PR = (f"{{{W}}}{t}" for t in ("tr", "tc", "tcPr", "trPr"))
GRID_SPAN, V_MERGE, GRID_BEFORE = (f"{{{W}}}{t}" for t in ("gridSpan", "vMerge", "gridBefore"))
VAL = f"{{{W}}}val"


def _int(element, default: int = 1) -> int:
    try:
        return max(1, int(element.get(VAL))) if element is not None else default
    except (TypeError, ValueError):
        return default


def table_rows(
    table, cell_text: Callable
) -> tuple[list[list[str]], dict[tuple[int, int], tuple[int, int]]]:
    rows: list[list[str]] = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    owner: dict[int, tuple[int, int]] = {}  # grid column → the cell that covers it
    for row in (child for child in table if child.tag == TR):
        r = len(rows)
        texts: list[str] = []
        props = row.find(TR_PR)
        column = _int(props.find(GRID_BEFORE), 0) if props is not None else 0
        for cell in (child for child in row if child.tag == TC):
            cell_props = cell.find(TC_PR)
            width = _int(cell_props.find(GRID_SPAN)) if cell_props is not None else 1
            merge = cell_props.find(V_MERGE) if cell_props is not None else None
            above = owner.get(column)
            if merge is not None and merge.get(VAL) in (None, "continue") and above:
                rowspan, colspan = spans.get(above, (1, width))
                spans[above] = (r - above[0] + 1, colspan)
                column += width
                continue
            position = (r, len(texts))
            texts.append(cell_text(cell))
            if width > 1:
                spans[position] = (1, width)
            for c in range(column, column + width):
                owner[c] = position
            column += width
        rows.append(texts)
    return rows, spans
