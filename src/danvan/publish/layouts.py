"""The rule sets a document is laid out by, as plain tables of values.

One `Layout` per rule set (HD 05 of 2026, HD 36 of 2018, NĐ 30 of 2020). The writer reads only
these values, so a future guide is a new table here, not a new writer. Where a rule gives a
range (body 14–15 pt, line spacing Exactly 18–22 pt) the table holds one value inside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from danvan.publish.errors import PublishError


@dataclass(frozen=True)
class Style:
    """How one element's text is set: size in points and its weight, slope and underline."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Punctuation:
    """The marks a list (recipients, addressees, căn cứ) takes after each entry and the last."""

    each: str
    last: str


@dataclass(frozen=True)
class LineSpacing:
    """`rule` is Word's w:lineRule: "exact" and "atLeast" take points, "auto" a multiple."""

    rule: str
    value: float


@dataclass(frozen=True)
class Layout:
    name: str
    system: str  # "party" or "state": which header and symbol form the rules are for
    label: str  # shown to users, Vietnamese
    margins_mm: tuple[float, float, float, float]  # top, bottom, left, right
    header_distance_mm: float
    # Header block, right column: each (text, style); the last line gets a rule under it.
    national_lines: tuple[tuple[str, Style], ...]
    parent_issuer: Style
    issuer: Style
    issuer_star: bool  # Party: a "*" under the issuer
    issuer_rule: float | None  # State: a rule under the issuer, as this share of its length
    number: Style
    number_prefix: str
    quy_dinh_code: str
    place_date: Style
    type_name: Style
    subject: Style
    subject_marker: str | None  # Party: "-----" under the subject
    subject_rule: float | None  # State: a rule under the subject, as this share of its length
    cv_subject: Style
    cv_subject_prefix: str
    address_label: Style
    address_name: Style
    address_punct: Punctuation
    to_trinh_label: str
    basis_punct: Punctuation | None  # None: căn cứ lines are left as written
    body: Style
    body_indent_mm: float
    body_space_after_pt: float
    line_spacing: LineSpacing
    headings: dict[int, Style] = field(default_factory=dict)
    footnote: Style = Style(12)
    table: Style = Style(13)
    recipients_label: Style = Style(14, underline=True)
    recipients_entry: Style = Style(12)
    recipients_punct: Punctuation = Punctuation(";", ".")
    signature_authority: Style = Style(14, bold=True)
    signature_title: Style = Style(14)
    signature_name: Style = Style(14, bold=True)
    page_number: Style = Style(14)


PARTY_HEADER_LINE = "ĐẢNG CỘNG SẢN VIỆT NAM"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"

# Headings of a Party report: I. bold caps, 1. bold, 1.1. bold italic, a) italic.
_PARTY_HEADINGS = {
    1: Style(14, bold=True),
    2: Style(14, bold=True),
    3: Style(14, bold=True, italic=True),
    4: Style(14, italic=True),
}

PARTY = Layout(
    name="party",
    system="party",
    label="Hướng dẫn 05-HD/VPTW ngày 27/5/2026",
    margins_mm=(20, 20, 30, 15),
    header_distance_mm=10,
    national_lines=((PARTY_HEADER_LINE, Style(15, bold=True)),),
    parent_issuer=Style(14),
    issuer=Style(14, bold=True),
    issuer_star=True,
    issuer_rule=None,
    number=Style(14),
    number_prefix="Số ",
    quy_dinh_code="QĐ",
    place_date=Style(14, italic=True),
    type_name=Style(16, bold=True),
    subject=Style(14, bold=True),
    subject_marker="-----",
    subject_rule=None,
    cv_subject=Style(12, italic=True),
    cv_subject_prefix="về việc ",
    address_label=Style(14, italic=True),
    address_name=Style(14),
    address_punct=Punctuation(";", ";"),
    to_trinh_label="Kính trình",
    basis_punct=Punctuation(";", "."),
    body=Style(14),
    body_indent_mm=10,
    body_space_after_pt=6,
    line_spacing=LineSpacing("exact", 20),
    headings=_PARTY_HEADINGS,
    footnote=Style(12),
    table=Style(13),
    recipients_label=Style(14, underline=True),
    recipients_entry=Style(12),
    recipients_punct=Punctuation(";", "."),
    signature_authority=Style(14, bold=True),
    signature_title=Style(14),
    signature_name=Style(14, bold=True),
    page_number=Style(14),
)

# HD 36 differs from HD 05 in punctuation, the tờ trình label, the Quy định code and the
# line spacing; its sizes are the same.
PARTY_2018 = replace(
    PARTY,
    name="party-2018",
    label="Hướng dẫn 36-HD/VPTW ngày 03/4/2018",
    quy_dinh_code="QĐi",
    address_punct=Punctuation(",", ","),
    to_trinh_label="Kính gửi",
    basis_punct=Punctuation(";", ","),
    line_spacing=LineSpacing("atLeast", 18),
    recipients_punct=Punctuation(",", "."),
)

STATE = Layout(
    name="state",
    system="state",
    label="Nghị định 30/2020/NĐ-CP, Phụ lục I",
    margins_mm=(20, 20, 30, 15),
    header_distance_mm=10,
    national_lines=(
        (NATIONAL_NAME, Style(13, bold=True)),
        (NATIONAL_MOTTO, Style(14, bold=True)),
    ),
    parent_issuer=Style(13),
    issuer=Style(13, bold=True),
    issuer_star=False,
    issuer_rule=0.4,
    number=Style(13),
    number_prefix="Số: ",
    quy_dinh_code="QyĐ",
    place_date=Style(14, italic=True),
    type_name=Style(14, bold=True),
    subject=Style(14, bold=True),
    subject_marker=None,
    subject_rule=0.4,
    cv_subject=Style(12),
    cv_subject_prefix="V/v ",
    address_label=Style(14),
    address_name=Style(14),
    address_punct=Punctuation(";", "."),
    to_trinh_label="Kính gửi",
    basis_punct=None,
    body=Style(14),
    body_indent_mm=12.7,
    body_space_after_pt=6,
    line_spacing=LineSpacing("auto", 1.15),
    headings={
        1: Style(14, bold=True),
        2: Style(14, bold=True),
        3: Style(14, bold=True, italic=True),
        4: Style(14, italic=True),
    },
    footnote=Style(11),
    table=Style(13),
    recipients_label=Style(12, bold=True, italic=True),
    recipients_entry=Style(11),
    recipients_punct=Punctuation(";", "."),
    signature_authority=Style(14, bold=True),
    signature_title=Style(14, bold=True),
    signature_name=Style(14, bold=True),
    page_number=Style(14),
)

LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (PARTY, PARTY_2018, STATE)}

# The day HD 05-HD/VPTW was signed: Party documents dated earlier keep HD 36's layout.
HD05_IN_FORCE = dt.date(2026, 5, 27)


def get_layout(name: str) -> Layout:
    try:
        return LAYOUTS[name]
    except KeyError:
        known = ", ".join(LAYOUTS)
        raise PublishError(f"Không có thể thức '{name}' (chọn một trong: {known}).") from None


def choose_layout(form: str | None, date: dt.date | None, symbol: str | None = None) -> Layout:
    """The rule set in force for a document of this form and date.

    When the reader could not tell the form, the symbol does: a Party symbol puts "-" after
    the number ("138-BC/BDVTU"), a State one "/" ("329/BC-UBND"). With neither, Party:
    Danvan's documents are mostly those of Party dân vận boards.
    """
    if form is None and symbol:
        head = symbol.lstrip("0123456789 ")
        form = "state" if head.startswith("/") else "party"
    if form == "state":
        return STATE
    if date is not None and date < HD05_IN_FORCE:
        return PARTY_2018
    return PARTY
