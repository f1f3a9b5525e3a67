"""Ruled tables in a PDF page, from its line and rectangle objects and the text positions.

Word and the e-office converters draw a table as path objects: thin filled rectangles or
two-point lines for the borders, and a rectangle per shaded or filled cell. Their edges
make a grid; a border missing between two grid cells means a merged cell (row or column
span). Each cell's text is what pdfium finds inside it (`FPDFText_GetBoundedText`), its lines
joined by a space. The reader then leaves the table's lines out of the running text, so that
a table is one `Table` with rows and cells instead of a stream of short paragraphs.

Coordinates are PDF points with y upwards.
"""

from __future__ import annotations

import bisect
import ctypes
import re
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_raw

from ..model import Table
from ..structure.labels import find_label
from ..structure.tables import header_rows

_WORD = re.compile(r"\S+")
THIN = 2.5  # a path this thin is a rule
TOLERANCE = 2.0  # points within which edges meet or line up
MIN_CELL_WIDTH = 40.0  # points: narrower boxes are mostly highlighted words
MAX_EDGES = 4000  # a page drawn with more path edges than this is a picture, not a table


@dataclass
class PdfTable:
    page: int  # 1-based
    left: float
    bottom: float
    right: float
    top: float
    columns: int  # grid columns (for joining a table continued on the next page)
    table: Table
    last_page: int = 0  # the page it ends on, once continued
    xs: list[float] = field(default_factory=list)  # column lines, left to right
    ys: list[float] = field(default_factory=list)  # row lines, top to bottom, negated
    cell_at: list[list[tuple[int, int]]] = field(default_factory=list)

    def holds(self, x0: float, x1: float, y: float) -> bool:
        """Whether a printed line (its ends and baseline) lies inside the table."""
        return (
            self.left - TOLERANCE <= x0
            and x1 <= self.right + TOLERANCE
            and self.bottom - TOLERANCE <= y <= self.top + TOLERANCE
        )


def find_tables(page, page_number: int) -> list[PdfTable]:
    """The ruled tables of one page, top to bottom, without their text yet (`fill`)."""
    horizontal, vertical = _edges(page)
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    horizontal = _merge(horizontal)
    vertical = _merge(vertical)
    tables = []
    for h_group, v_group in _components(horizontal, vertical):
        table = _grid(h_group, v_group, page_number)
        if table is not None:
            tables.append(table)
    tables.sort(key=lambda t: -t.top)
    return tables


def fill(table: PdfTable, textpage, lines: list) -> None:
    """Put the characters of the printed `lines` inside the table into its cells (by each
    character's centre), and decide the header rows."""
    xs, ys, cell_at = table.xs, table.ys, table.cell_at
    texts: dict[tuple[int, int], list[str]] = {}
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    get_box = pdfium_raw.FPDFText_GetCharBox
    for line in lines:
        # pdfium prints a table row as one line with spaces between the cells: place each
        # word by its first character (a word never straddles a cell border).
        current = None
        for match in _WORD.finditer(line.text):
            if get_box(textpage, line.start + match.start(), *refs):
                c = bisect.bisect_right(xs, (left.value + right.value) / 2) - 1
                r = bisect.bisect_right(ys, -(bottom.value + top.value) / 2) - 1
                if 0 <= r < len(cell_at) and 0 <= c < len(cell_at[0]):
                    current = cell_at[r][c]
            if current is not None:
                texts.setdefault(current, []).append(match.group())
    rows = table.table.rows
    for (r, i), chars in texts.items():
        rows[r][i] = " ".join(chars)
    table.table.header_rows = header_rows(table.table)


def _edges(page) -> tuple[list[list[float]], list[list[float]]]:
    """Horizontal edges [y, x0, x1] and vertical edges [x, y0, y1] of the page's rules; the
    sides of its rectangles only when the page has no rules (a table drawn as cell frames),
    since the rectangles of a ruled table are fills, often inset inside the cells."""
    horizontal: list[list[float]] = []
    vertical: list[list[float]] = []
    boxes: list[tuple[float, float, float, float]] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    path_type = pdfium_raw.FPDF_PAGEOBJ_PATH
    get_object, get_type = pdfium_raw.FPDFPage_GetObject, pdfium_raw.FPDFPageObj_GetType
    get_bounds = pdfium_raw.FPDFPageObj_GetBounds
    handle = page.raw
    for index in range(pdfium_raw.FPDFPage_CountObjects(handle)):
        obj = get_object(handle, index)
        if get_type(obj) != path_type or not get_bounds(obj, *refs):
            continue
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        width, height = x1 - x0, y1 - y0
        if width < THIN and height < THIN:
            continue
        if height < THIN:
            horizontal.append([(y0 + y1) / 2, x0, x1])
        elif width < THIN:
            vertical.append([(x0 + x1) / 2, y0, y1])
        else:
            boxes.append((x0, y0, x1, y1))
        if len(horizontal) + len(vertical) + len(boxes) > MAX_EDGES:
            return [], []
    wide = sum(1 for x0, _, x1, _ in boxes if x1 - x0 >= MIN_CELL_WIDTH)
    # Without rules, cells drawn as frames or fills; many narrow boxes are words highlighted
    # one by one (a signed letter's marked text), not cells.
    if (len(horizontal) < 2 or len(vertical) < 2) and wide * 2 >= len(boxes):
        for x0, y0, x1, y1 in boxes:
            horizontal += [[y0, x0, x1], [y1, x0, x1]]
            vertical += [[x0, y0, y1], [x1, y0, y1]]
    return horizontal, vertical


def _merge(edges: list[list[float]]) -> list[list[float]]:
    """Join edges on one line (within the tolerance) that touch or overlap."""
    edges.sort(key=lambda e: (round(e[0] / TOLERANCE), e[1]))
    out: list[list[float]] = []
    for position, start, end in edges:
        last = out[-1] if out else None
        if (
            last is not None
            and abs(last[0] - position) <= TOLERANCE
            and start <= last[2] + TOLERANCE
        ):
            last[2] = max(last[2], end)
        else:
            out.append([position, start, end])
    return out


def _components(horizontal, vertical):
    """Groups of horizontal and vertical edges that cross or touch one another."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_x = sorted(range(len(vertical)), key=lambda j: vertical[j][0])
    xs = [vertical[j][0] for j in by_x]
    for i, (y, x0, x1) in enumerate(horizontal):
        lo = bisect.bisect_left(xs, x0 - TOLERANCE)
        hi = bisect.bisect_right(xs, x1 + TOLERANCE)
        for j in by_x[lo:hi]:
            _, y0, y1 = vertical[j]
            if y0 - TOLERANCE <= y <= y1 + TOLERANCE:
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, edge in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(edge)
    for j, edge in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(edge)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _lines_at(edges: list[list[float]]) -> list[float]:
    positions = sorted(e[0] for e in edges)
    out: list[float] = []
    for p in positions:
        if not out or p - out[-1] > TOLERANCE:
            out.append(p)
    return out


def _covered(edges: list[list[float]], position: float, middle: float) -> bool:
    return any(
        abs(e[0] - position) <= TOLERANCE and e[1] - TOLERANCE <= middle <= e[2] + TOLERANCE
        for e in edges
    )


def _grid(horizontal, vertical, page_number: int) -> PdfTable | None:
    ys = _lines_at(horizontal)[::-1]  # top first
    xs = _lines_at(vertical)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1 or n_rows * n_cols < 2:
        return None
    # Edges per line position, so that each border test looks at a few edges only.
    h_at = {i: [e for e in horizontal if abs(e[0] - y) <= TOLERANCE] for i, y in enumerate(ys)}
    v_at = {i: [e for e in vertical if abs(e[0] - x) <= TOLERANCE] for i, x in enumerate(xs)}
    owner = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]

    def root(cell: tuple[int, int]) -> tuple[int, int]:
        while owner[cell[0]][cell[1]] != cell:
            cell = owner[cell[0]][cell[1]]
        return cell

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        a, b = root(a), root(b)
        if a != b:
            first = min(a, b)
            owner[a[0]][a[1]] = owner[b[0]][b[1]] = first

    for r in range(n_rows):
        y_mid = (ys[r] + ys[r + 1]) / 2
        for c in range(n_cols):
            x_mid = (xs[c] + xs[c + 1]) / 2
            if c + 1 < n_cols and not _covered(v_at[c + 1], xs[c + 1], y_mid):
                join((r, c), (r, c + 1))
            if r + 1 < n_rows and not _covered(h_at[r + 1], ys[r + 1], x_mid):
                join((r, c), (r + 1, c))
    extent: dict[tuple[int, int], list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            box = extent.setdefault(root((r, c)), [r, c, r, c])
            box[2], box[3] = max(box[2], r), max(box[3], c)
    if len(extent) < 2:
        return None  # a frame around a paragraph, not a table
    rows: list[list[str]] = [[] for _ in range(n_rows)]
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    cell_at = [[(0, 0)] * n_cols for _ in range(n_rows)]
    for (r0, c0), (_, _, r1, c1) in sorted(extent.items()):
        index = len(rows[r0])
        if (r1 - r0, c1 - c0) != (0, 0):
            spans[(r0, index)] = (r1 - r0 + 1, c1 - c0 + 1)
        rows[r0].append("")
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                cell_at[r][c] = (r0, index)
    table = Table(rows=rows, page=page_number, spans=spans)
    found = PdfTable(page_number, xs[0], ys[-1], xs[-1], ys[0], n_cols, table)
    found.xs, found.ys, found.cell_at = xs, [-y for y in ys], cell_at
    return found


def join_continued(tables: list[PdfTable], first_line_y: dict[int, float]) -> list[PdfTable]:
    """A table that opens a page (no text above it) with the same grid columns as the table
    that closed the previous page continues it; its repeated header rows are dropped."""
    out: list[PdfTable] = []
    for table in tables:
        prev = out[-1] if out else None
        if (
            prev is not None
            and table.page == (prev.last_page or prev.page) + 1
            and table.columns == prev.columns
            and table.top >= first_line_y.get(table.page, -1.0) - TOLERANCE
        ):
            head = prev.table.header_rows
            rows = table.table.rows
            skip = head if head and rows[:head] == prev.table.rows[:head] else 0
            base = len(prev.table.rows)
            prev.table.rows.extend(rows[skip:])
            for (r, c), span in table.table.spans.items():
                if r >= skip:
                    prev.table.spans[(base + r - skip, c)] = span
            prev.last_page = table.page
            continue
        out.append(table)
    return out


class PageTables:
    """The PDF reader's side: tables found page by page, their lines taken out of the
    running text, and each table placed in the layout where the page's text reaches it."""

    def __init__(self) -> None:
        self.found: list[PdfTable] = []
        self.first_line: dict[int, float] = {}

    def cut(self, page, textpage, index: int, lines: list) -> list:
        """Find the page's tables; the printed lines outside them."""
        tables = find_tables(page, index + 1)
        if not tables:
            return lines
        kept = []
        inside: dict[int, list] = {}
        for line in lines:
            holder = next(
                (i for i, t in enumerate(tables) if t.holds(line.x0, line.x1, line.y)), None
            )
            if holder is None:
                kept.append(line)
            else:
                inside.setdefault(holder, []).append(line)
        for i, table in enumerate(tables):
            fill(table, textpage, inside.get(i, []))
            if _tabular(table.table.rows):
                self.found.append(table)
            else:  # shaded paragraphs or a framed note: their lines stay text
                kept.extend(inside.get(i, []))
        kept.sort(key=lambda line: line.start)
        words = [line.y for line in kept if len(line.text.split()) >= 3]
        self.first_line[index + 1] = max(words, default=-1.0)
        return kept

    def join(self) -> None:
        self.found = join_continued(self.found, self.first_line)

    def place(self, layout, page: int, y: float | None) -> bool:
        """Move the tables of `page` that stand above `y` (all, when None) into the layout,
        after the paragraph read so far; True when one was placed."""
        placed = False
        while self.found and (
            (self.found[0].last_page or self.found[0].page) < page
            or self.found[0].page == page
            and (y is None or self.found[0].bottom >= y - TOLERANCE)
        ):
            table = self.found.pop(0).table
            table.after_paragraph = _last_paragraph(layout.body)
            layout.tables.append(table)
            placed = True
        return placed


def _tabular(rows: list[list[str]]) -> bool:
    """At least two rows, and half of them, with text in two cells or more."""
    full = sum(1 for row in rows if sum(1 for cell in row if cell.strip()) >= 2)
    return full >= 2 and full * 2 >= len(rows)


def _last_paragraph(lines) -> str | None:
    parts: list[str] = []
    for line in reversed(lines):
        parts.append(line.text)
        if line.starts_paragraph or find_label(line.text) or len(parts) > 30:
            break
    return " ".join(reversed(parts)) or None
