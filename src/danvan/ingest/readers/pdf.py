"""PDF reader (text layer) through pypdfium2.

pdfium gives the page text with line breaks; for each printed line this reader looks at a
few characters' boxes and font sizes (not every character, to stay within a small factor of
bare extraction) to tell:
- body lines from footnotes (a run of smaller type at the foot of the page),
- paragraph starts (first-line indent) and centred title lines,
- superscript footnote marks (digits in small type glued to a word),
- page numbers, running headers and e-signature stamps (dropped),
- the two-column blocks: issuer | Quốc hiệu at the top of page 1, Nơi nhận | signature at
  the end (split where a wide horizontal gap separates the columns).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from ...vn.text import fold
from ..errors import DocumentError
from ..layout import MARK_OPEN, Layout, Line, mark
from ..structure.header import is_decoration, type_name_of
from ..structure.labels import find_label
from ..structure.paragraphs import is_caps_line, join_lines
from .pdf_edges import running_headers, strip_edges
from .pdf_marks import place_mark, raised_in_line, raised_number
from .pdf_spacing import glue_fixes, unglue
from .pdf_tables import PageTables
from .pdf_widgets import assign, header_first, header_page, stamps_for, with_stamps

_STAMP = re.compile(
    r"ký bởi|người ký|thời gian ký|email\s*:|@[\w-]+\.|^\s*cơ quan\s*:|\d{1,2}[./]\d{1,2}[./]\d{4}\s+\d{1,2}:\d{2}",
    re.IGNORECASE,
)
_FOOTNOTE_START = re.compile(r"^\s*(\d{1,3})\s*(\S.*)$")
_NOI_NHAN = re.compile(r"^\s*N[oơ]i\s+nh[aậâ]n", re.IGNORECASE)
_KINH_GUI = re.compile(r"^\s*Kính\s+gửi", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d+")
_VV = re.compile(r"^\s*V/v\b", re.IGNORECASE)
_SO = re.compile(r"^\s*Số\s*[:.]", re.IGNORECASE)
_DATE_LINE = re.compile(r",\s*ngày\b.*\bnăm\b", re.IGNORECASE)
COLUMN_GAP = 18.0  # points of empty space that separate two columns on one baseline


@dataclass
class _PLine:
    text: str
    start: int  # index of the first character in the page text
    page: int
    size: float
    x0: float
    x1: float
    y: float


def read_pdf(data: bytes, name: str, *, max_pages: int) -> Layout:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(
                "encrypted", f"Tệp {name} được mã hóa (có mật khẩu); không đọc được."
            ) from None
        raise DocumentError("corrupt", f"Tệp {name} bị hỏng, không mở được như PDF.") from None
    try:
        return _read(pdf, name, max_pages)
    finally:
        pdf.close()


def _read(pdf: pdfium.PdfDocument, name: str, max_pages: int) -> Layout:
    count = len(pdf)
    if count > max_pages:
        raise DocumentError(
            "too_many_pages", f"Tệp {name} có {count} trang, vượt giới hạn {max_pages} trang."
        )
    layout = Layout(format="pdf", pages=count)
    pages: list[tuple[list[_PLine], float, object]] = []
    tables = PageTables()  # ruled tables: their lines leave the running text
    for index in range(count):
        page = pdf[index]
        width = page.get_width()
        textpage = page.get_textpage()
        pages.append((tables.cut(page, textpage, index, _lines(textpage, index)), width, textpage))
    tables.join()
    sizes = Counter()
    for lines, _, _ in pages:
        for line in lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    if not sizes:
        return layout
    body_size = sizes.most_common(1)[0][0]
    running = running_headers(pages)
    margins = _margins(pages, body_size)
    closing_at = _closing_position(pages)
    notes = _Notes(layout)
    glued: dict[str, str] = {}  # words pdfium ran together, with their spaces back
    first = header_page([lines for lines, _, _ in pages])  # 1 after a cover page
    if first:
        layout.warnings.append("a cover page before the header was left out")
    for page_index, (lines, width, textpage) in enumerate(pages):
        if closing_at and page_index > closing_at[0]:
            break  # appendices after the signature are not part of the letter
        if page_index < first:
            continue
        lines = strip_edges([line for line in lines if not _STAMP.search(line.text)], running)
        glued.update(glue_fixes(textpage, lines))
        foot = _footnote_zone(lines, body_size)
        body, zone = lines[: len(lines) - foot], lines[len(lines) - foot :]
        notes.add_page(zone, page_index)
        if page_index == first:
            body = _take_header(
                body,
                textpage,
                width,
                layout,
                [] if first else stamps_for(pdf, [line.text for line in body[:16]]),
            )
        if closing_at and page_index == closing_at[0]:
            body = _take_closing(body, closing_at[1], textpage, width, layout)
        margin, right = margins.get(page_index, (0.0, width))
        centre = (margin + right) / 2  # the middle of the text block, for centred titles
        pending: tuple[float, int] | None = None  # a raised mark printed before its line
        for position, line in enumerate(body):
            raised = raised_number(
                line,
                body[position - 1] if position else None,
                body[position + 1] if position + 1 < len(body) else None,
                notes.lines,
                textpage,
            )
            if raised and raised[0] == "previous" and layout.body:
                last = layout.body[-1]
                last.text = place_mark(last.text, body[position - 1], textpage, line.x0, raised[1])
                layout.marks_explicit = True
                continue
            if raised:
                pending = (line.x0, raised[1])
                continue
            after_table = tables.place(layout, page_index + 1, line.y)
            text = _superscripts(line, textpage, layout, body_size, notes.lines)
            if pending:
                text = place_mark(text, line, textpage, *pending)
                pending, layout.marks_explicit = None, True
            mark_first = text.startswith(MARK_OPEN)
            layout.body.append(
                Line(
                    text=text,
                    page=page_index + 1,
                    starts_paragraph=line.x0 > margin + 15 and not mark_first or after_table,
                    # Centred: both ends clear of the margins (an indented first line of a
                    # justified paragraph reaches the right margin) and the middle in the middle.
                    centered=abs((line.x0 + line.x1) / 2 - centre) < 25
                    and line.x0 > margin + 20
                    and line.x1 < right - 15
                    if page_index == first
                    else None,
                    layout_known=True,
                    ends_short=line.x1 < right - 40,
                )
            )
        tables.place(layout, page_index + 1, None)
    tables.place(layout, count + 1, None)  # annexes after the signature keep their tables
    layout.footnotes = notes.finish()
    unglue(layout, glued)
    return layout


def _lines(textpage, page: int) -> list[_PLine]:
    text = textpage.get_text_range()
    out: list[_PLine] = []
    index = 0
    for raw in text.split("\r\n"):
        stripped = raw.strip()
        if stripped:
            first = index + (len(raw) - len(raw.lstrip()))
            last = index + len(raw.rstrip()) - 1
            middle = (first + last) // 2
            size = max(
                pdfium_raw.FPDFText_GetFontSize(textpage, first),
                pdfium_raw.FPDFText_GetFontSize(textpage, middle),
            )
            left = _box(textpage, first)
            right = _box(textpage, last)
            out.append(_PLine(stripped, first, page, float(size), left[0], right[2], left[1]))
        index += len(raw) + 2
    return header_first(out) if page == 0 else out


def _box(textpage, index: int) -> tuple[float, float, float, float]:
    """Character box; generated characters (inserted spaces, hyphens) may have none."""
    try:
        return textpage.get_charbox(index)
    except pdfium.PdfiumError:
        return (0.0, 0.0, 0.0, 0.0)


def _margins(pages, body_size: float) -> dict[int, tuple[float, float]]:
    """Left and right text edges per page: the leftmost start shared by two or more body-size
    lines in the document (continuation lines start at the margin, first lines are indented;
    a single stray line does not count), and the
    furthest end on the page, falling back to the document's when a page has little text."""
    starts = Counter(
        round(line.x0) for lines, _, _ in pages for line in lines if line.size >= body_size * 0.9
    )
    repeated = [x for x, n in starts.items() if n >= 2]
    left = float(min(repeated or starts or [0]))
    ends = [line.x1 for lines, _, _ in pages for line in lines if line.size >= body_size * 0.9]
    right_all = max(ends, default=0.0)
    out = {}
    for index, (lines, width, _) in enumerate(pages):
        page_ends = [line.x1 for line in lines if line.size >= body_size * 0.9]
        right = max(page_ends) if len(page_ends) >= 8 else (right_all or width)
        out[index] = (left, right)
    return out


def _footnote_zone(lines: list[_PLine], body_size: float) -> int:
    """How many lines at the foot of the page are in footnote-sized type."""
    count = 0
    for line in reversed(lines):
        if (
            line.size < body_size * 0.85
            and not _NOI_NHAN.match(line.text)
            and not line.text.startswith("- ")
        ):
            count += 1
        elif line.size < body_size * 0.85 and count:
            count += 1
        else:
            break
    # The zone must open with a footnote number or continue one; otherwise it is small
    # body text (a table, a closing list) and stays in the body.
    while (
        count and not _FOOTNOTE_START.match(lines[len(lines) - count].text) and count < len(lines)
    ):
        if lines[len(lines) - count].x0 > lines[-1].x0 + 40:
            count -= 1
            continue
        break
    return count


class _Notes:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.lines: dict[int, list[str]] = {}
        self.current: int | None = None

    def add_page(self, zone: list[_PLine], page: int) -> None:
        for position, line in enumerate(zone):
            text = line.text
            start = _FOOTNOTE_START.match(text)
            if start and int(start.group(1)) == len(self.lines) + 1:
                self.current = int(start.group(1))
                self.lines[self.current] = [start.group(2)]
            elif self.current is not None:
                if position == 0:
                    self.layout.warnings.append(
                        f"footnote {self.current} continues on page {page + 1}"
                    )
                self.lines[self.current].append(text)

    def finish(self) -> dict[int, str]:
        return {k: "\n".join(join_lines([Line(text=t) for t in v])) for k, v in self.lines.items()}


def _closing_position(pages) -> tuple[int, int] | None:
    for page_index in range(len(pages) - 1, -1, -1):
        lines = pages[page_index][0]
        for position in range(len(lines) - 1, -1, -1):
            if _NOI_NHAN.match(lines[position].text):
                return page_index, position
    return None


def _segments(line: _PLine, textpage, stamps=()) -> list[tuple[float, str]]:
    """Split a printed line where a wide gap separates two columns: [(x0, text), …].
    `stamps`: what signature widgets show on this line (pdf_widgets), put in place."""
    text = textpage.get_text_range(line.start, len(line.text))
    chars = [
        (ch, None, None) if ch.isspace() else (ch, *_box(textpage, line.start + offset)[::2])
        for offset, ch in enumerate(text)
    ]
    segments: list[tuple[float, str]] = []
    current: list[str] = []
    seg_x = None
    prev_right = None
    for ch, left, right in with_stamps(chars, stamps) if stamps else chars:
        if ch.isspace():
            current.append(ch)
            continue
        if prev_right is not None and left - prev_right > COLUMN_GAP:
            segments.append((seg_x, "".join(current).strip()))
            current = []
            seg_x = None
        if seg_x is None:
            seg_x = left
        current.append(ch)
        prev_right = right
    if current and seg_x is not None:
        segments.append((seg_x, "".join(current).strip()))
    return segments


_RIGHT_HEAD = re.compile(r"cong hoa xa hoi|dang cong san viet nam")


def _sides(segments: list[tuple[float, str]], mid: float) -> list[tuple[bool, str]]:
    """Group segments into the left and right column: [(is_left, text), …]. A gap inside
    one column ("Số:      /BC-UBND", a blank number) does not split it."""
    out: list[tuple[bool, str]] = []
    for index, (x, text) in enumerate(segments):
        # The national motto or the Party's name opens the right column even when it starts
        # left of the middle (a long Quốc hiệu under a short issuer: "BỘ NỘI VỤ   CỘNG HOÀ …").
        left = x < mid and not (index and _RIGHT_HEAD.match(fold(text)))
        if out and out[-1][0] == left:
            out[-1] = (left, f"{out[-1][1]} {text}")
        else:
            out.append((left, text))
    return out


def _take_header(
    body: list[_PLine], textpage, width: float, layout: Layout, stamps=()
) -> list[_PLine]:
    """Move the two-column top block of page 1 into header_left/right. Only lines that look
    like header material are taken: two columns on one baseline, capitals (issuer, Quốc
    hiệu), "Số:", a place-and-date line, "V/v" and its continuation in the left column."""
    mid = width * 0.45
    taken = 0
    in_vv = False
    placed = assign(body[:16], stamps)  # the stamped number and day, by position
    for line in body[:16]:
        text = line.text
        if type_name_of(text) or _KINH_GUI.match(text) or find_label(text):
            break
        sides = _sides(_segments(line, textpage, placed.get(line.start, ())), mid)
        if _VV.match(text):
            in_vv = True
        headerish = (
            len(sides) > 1
            or is_decoration(text)
            or "doc lap" in fold(text)
            or (is_caps_line(text) and len(text) < 80)
            or bool(_SO.match(text))
            or bool(_DATE_LINE.search(text))
            or (in_vv and line.x1 < width * 0.55)
            or line.x0 > mid  # the right column alone (a wrapped Quốc hiệu or date line)
        )
        if not headerish:
            break
        for left, part in sides:
            (layout.header_left if left else layout.header_right).append(part)
        taken += 1
    return body[taken:]


def _take_closing(
    body: list[_PLine], position: int, textpage, width: float, layout: Layout
) -> list[_PLine]:
    """Move "Nơi nhận" and the signature block into closing_left/right."""
    mid = width * 0.45
    start = next((i for i, line in enumerate(body) if _NOI_NHAN.match(line.text)), None)
    if start is None:
        return body
    while start > 0 and body[start - 1].x0 > mid:
        start -= 1  # signature lines printed above "Nơi nhận"
    for line in body[start:]:
        for left, text in _sides(_segments(line, textpage), mid):
            (layout.closing_left if left else layout.closing_right).append(text)
    return body[:start]


def _superscripts(line: _PLine, textpage, layout: Layout, body_size: float, known=()) -> str:
    """Replace digits set in small raised type with explicit footnote marks; the mark may
    follow a word, a bracket or another number ("năm 2025" + mark 7 reads "20257")."""
    text = line.text
    pieces: list[str] = []
    last = 0
    # Compared with the body type, so that a mark alone on its own line still counts.
    limit = max(line.size, body_size) * 0.75
    for match in _DIGIT_RUN.finditer(text):
        end = match.end()
        begin = end
        while begin > match.start() and end - begin < 3:
            size = pdfium_raw.FPDFText_GetFontSize(textpage, line.start + begin - 1)
            if not size or size >= limit:
                break
            begin -= 1
        if begin == end and raised_in_line(line, textpage, match.start(), end, known):
            begin = match.start()
        if begin == end:
            continue
        pieces.append(text[last:begin].rstrip())  # the extractor's space before a raised mark
        pieces.append(mark(int(text[begin:end])))
        last = end
        layout.marks_explicit = True
    pieces.append(text[last:])
    return "".join(pieces)
