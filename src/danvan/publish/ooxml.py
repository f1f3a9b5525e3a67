"""Low-level WordprocessingML helpers the writer needs and python-docx does not offer.

Every run is given its font, size, weight and slope explicitly: the rules say "Times New Roman
in every run", and explicit values keep a document right even when opened with other defaults.
"""

from __future__ import annotations

import copy
import functools

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from danvan.publish.layouts import LineSpacing, Style

FONT = "Times New Roman"
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def set_font_slots(r_fonts) -> None:
    """Name Times New Roman for all four scripts and drop theme fonts, which would win."""
    for slot in _THEME_SLOTS:
        r_fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        r_fonts.set(qn(slot), FONT)


def add_run(paragraph: Paragraph, text: str, style: Style, *, superscript: bool = False) -> Run:
    run = paragraph.add_run(text)
    apply_style(run, style, superscript=superscript)
    return run


def apply_style(run: Run, style: Style, *, superscript: bool = False) -> None:
    """Replace the run's properties with the element's: font, size, weight, slope, colour."""
    r = run._r
    existing = r.find(qn("w:rPr"))
    if existing is not None:
        r.remove(existing)
    r.insert(0, copy.deepcopy(_run_properties(style, superscript)))


@functools.lru_cache(maxsize=64)
def _run_properties(style: Style, superscript: bool):
    # Built once per style and copied into each run: setting properties one by one through
    # python-docx dominated the time taken to write a document.
    run = Run(OxmlElement("w:r"), None)
    rpr = run._r.get_or_add_rPr()
    set_font_slots(rpr.get_or_add_rFonts())
    font = run.font
    font.size = Pt(style.size)
    # Explicit False writes w:val="0": "not bold" must hold whatever the paragraph style says.
    font.bold = style.bold
    font.italic = style.italic
    font.underline = style.underline
    font.color.rgb = RGBColor(0, 0, 0)
    if superscript:
        font.superscript = True
    _set_val(rpr, "w:szCs", str(round(style.size * 2)))
    if style.bold:
        _set_val(rpr, "w:bCs", None)
    _sort_rpr(rpr)
    return rpr


def _set_val(parent, tag: str, value: str | None) -> None:
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    if value is not None:
        el.set(qn("w:val"), value)


# CT_RPr is a sequence: Word refuses a run whose properties are out of schema order.
_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
_RPR_RANK = {qn(f"w:{name}"): i for i, name in enumerate(_RPR_ORDER)}


def _sort_rpr(rpr) -> None:
    children = sorted(rpr, key=lambda el: _RPR_RANK.get(el.tag, len(_RPR_RANK)))
    for child in children:
        rpr.append(child)


def format_paragraph(
    paragraph: Paragraph,
    align: str,
    *,
    first_line_mm: float = 0,
    left_mm: float = 0,
    right_mm: float = 0,
    before_pt: float = 0,
    after_pt: float = 0,
    spacing: LineSpacing | None = None,
    keep_with_next: bool = False,
) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGN[align]
    fmt.first_line_indent = Mm(first_line_mm) if first_line_mm else None
    fmt.left_indent = Mm(left_mm) if left_mm else None
    fmt.right_indent = Mm(right_mm) if right_mm else None
    fmt.space_before = Pt(before_pt)
    fmt.space_after = Pt(after_pt)
    if keep_with_next:
        fmt.keep_with_next = True
    if spacing is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    elif spacing.rule == "exact":
        fmt.line_spacing = Pt(spacing.value)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    elif spacing.rule == "atLeast":
        fmt.line_spacing = Pt(spacing.value)
        fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    else:
        fmt.line_spacing = spacing.value


def mark_style(paragraph: Paragraph, style: Style) -> None:
    """Give the paragraph mark the element's font and size, so that an empty line or the
    height of a line with only a field follows the rules too."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    r_fonts = rpr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        rpr.append(r_fonts)
    set_font_slots(r_fonts)
    for tag in ("w:sz", "w:szCs"):
        _set_val(rpr, tag, str(round(style.size * 2)))
    _sort_rpr(rpr)


def add_bottom_rule(paragraph: Paragraph) -> None:
    """A thin solid line under the paragraph, spanning its width between its indents."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")  # eighths of a point: a 0.75 pt line
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    # pBdr sits after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers.
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is None:
        ppr.append(borders)
    else:
        anchor.addprevious(borders)


# Rough advance widths of Times New Roman in ems, by kind of character. Used only to size the
# rules drawn under header lines; a few percent off is invisible at that scale.
def estimate_width_pt(text: str, style: Style) -> float:
    ems = 0.0
    for ch in text:
        if ch == " ":
            ems += 0.25
        elif ch.isupper():
            ems += 0.72 if style.bold else 0.68
        elif ch.isdigit():
            ems += 0.5
        elif ch.isalpha():
            ems += 0.47 if style.bold else 0.45
        else:
            ems += 0.33
    return ems * style.size


def add_rule_paragraph(
    cell_or_doc, width_pt: float, space_pt: float, available_pt: float, before_pt: float = 0
) -> Paragraph:
    """An empty, nearly zero-height paragraph carrying a centred rule `width_pt` long."""
    paragraph = new_paragraph(cell_or_doc)
    side_mm = max(0.0, (available_pt - width_pt) / 2) * 25.4 / 72
    format_paragraph(
        paragraph,
        "center",
        left_mm=side_mm,
        right_mm=side_mm,
        before_pt=before_pt,
        after_pt=space_pt,
        spacing=LineSpacing("exact", 2),
    )
    mark_style(paragraph, Style(1))
    add_bottom_rule(paragraph)
    return paragraph


def borderless_table(container, widths_mm: tuple[float, ...]) -> Table:
    """A one-row table without visible borders: how the rules place two blocks side by side."""
    table = container.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    _sort_tbl_pr(tbl_pr)
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)
    return table


_TBLPR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
]
_TBLPR_RANK = {qn(f"w:{name}"): i for i, name in enumerate(_TBLPR_ORDER)}


def _sort_tbl_pr(tbl_pr) -> None:
    for child in sorted(tbl_pr, key=lambda el: _TBLPR_RANK.get(el.tag, len(_TBLPR_RANK))):
        tbl_pr.append(child)


def new_paragraph(container) -> Paragraph:
    """A paragraph at the end of a cell or document. A fresh table cell already holds one
    untouched empty paragraph; use it rather than leave a stray blank line on top."""
    paragraphs = container.paragraphs
    if isinstance(container, _Cell) and len(paragraphs) == 1 and len(paragraphs[0]._p) == 0:
        return paragraphs[0]
    return container.add_paragraph()


def add_page_field(paragraph: Paragraph, style: Style) -> None:
    """A PAGE field (begin / instruction / separate / result / end), each run styled."""
    parts = [
        ("fldChar", "begin"),
        ("instrText", " PAGE "),
        ("fldChar", "separate"),
        ("text", "2"),
        ("fldChar", "end"),
    ]
    for kind, value in parts:
        run = paragraph.add_run("" if kind != "text" else value)
        apply_style(run, style)
        if kind == "fldChar":
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), value)
            run._r.append(el)
        elif kind == "instrText":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = value
            run._r.append(el)
