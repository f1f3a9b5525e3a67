"""The header block: Party or State form, issuer, số ký hiệu, place and date, type name,
title (trích yếu; "V/v …" for a công văn) and "Kính gửi"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...vn.dates import DATE_AFTER_NGAY, make_date
from ...vn.symbols import BLANK_SYMBOL, PARTY_BLANK, SYMBOL, from_match, parse_symbol
from ...vn.text import fold, squeeze
from ..layout import Line
from ..model import Header
from .entries import addressees
from .labels import find_label

# Tên loại văn bản as printed, with their codes.
TYPE_NAMES: dict[str, str] = {
    "BÁO CÁO": "BC", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "NGHỊ QUYẾT": "NQ", "KẾT LUẬN": "KL",
    "KẾ HOẠCH": "KH", "CHƯƠNG TRÌNH": "CTr", "HƯỚNG DẪN": "HD", "THÔNG BÁO": "TB",
    "TỜ TRÌNH": "TTr", "QUY ĐỊNH": "QyĐ", "QUY CHẾ": "QC", "CÔNG VĂN": "CV", "BIÊN BẢN": "BB",
    "ĐỀ ÁN": "ĐA", "PHƯƠNG ÁN": "PA", "GIẤY MỜI": "GM", "CÔNG ĐIỆN": "CĐ", "NGHỊ ĐỊNH": "NĐ",
    "THÔNG TƯ": "TT", "LUẬT": "L", "PHÁP LỆNH": "PL", "HỢP ĐỒNG": "HĐ", "DỰ ÁN": "DA",
    "GIẤY ỦY QUYỀN": "GUQ", "GIẤY GIỚI THIỆU": "GGT", "PHIẾU GỬI": "PG", "PHIẾU CHUYỂN": "PC",
    "NGHỊ QUYẾT LIÊN TỊCH": "NQLT", "THÔNG TƯ LIÊN TỊCH": "TTLT",
}  # fmt: skip
_TYPE_FOLDED = sorted(((fold(k), k) for k in TYPE_NAMES), key=lambda kv: -len(kv[0]))

_DECORATION = re.compile(r"^(?:[\s\-_*=~·•]+|\s*\.{3,}\s*)$")
_SO = re.compile(r"^\s*Số\s*[:.]?\s*", re.IGNORECASE)
_BLANK_DAY = re.compile(
    r"ngày[\s.…_]*tháng\s*(?:\d{1,2}|[\s.…_]*)\s*năm\s*(?:\d{4}|[\s.…_]*)", re.IGNORECASE
)
_VV = re.compile(r"^\s*V/v\s*[:.]?\s*", re.IGNORECASE)
_NUMBER_GAP = re.compile(r"(?<=\d)\s+(?=/)")
_CODE = re.compile(r"^\s*[A-Z]{1,4}\d+\s*$")  # a stray code ("XV80") beside the header
_KINH_GUI = re.compile(r"^\s*Kính\s+gửi\s*[:.]?\s*", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^\s*(?P<place>[^\d,]{2,40}?)\s*,\s*(?=ngày)", re.IGNORECASE)
_LEVEL_WORDS = (
    "TỈNH ",
    "THÀNH PHỐ ",
    "HUYỆN ",
    "QUẬN ",
    "XÃ ",
    "PHƯỜNG ",
    "THỊ XÃ ",
    "THỊ TRẤN ",
    "ĐẶC KHU ",
)
# Lines that begin the body text rather than a title.
_BODY_START = re.compile(
    r"^\s*(?:Thực hiện|Căn cứ|Theo|Trên cơ sở|Nhằm|Để|Qua|Ngày|Sau|Triển khai|Kính gửi|Thi hành|Năm|Trong)\b"
)


@dataclass
class HeaderResult:
    form: str | None = None
    header: Header = field(default_factory=Header)
    consumed: int = 0  # body lines that belonged to the header
    warnings: list[str] = field(default_factory=list)


def is_decoration(text: str) -> bool:
    return bool(_DECORATION.match(text))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def type_name_of(text: str) -> str | None:
    """The type name a line prints, alone or as "QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN …"."""
    folded = fold(squeeze(text))
    for key, name in _TYPE_FOLDED:
        if folded == key or (folded.startswith(f"{key} cua ") and _is_caps(text)):
            return name
    return None


class _Builder:
    def __init__(self) -> None:
        self.result = HeaderResult()
        self.issuer_lines: list[str] = []
        self.title_lines: list[str] = []
        self.seen_so = False

    @property
    def header(self) -> Header:
        return self.result.header

    def motto(self, text: str) -> bool:
        folded = fold(text)
        if "dang cong san viet nam" in folded:
            self.result.form = "party"
            return True
        if "cong hoa xa hoi chu nghia viet nam" in folded or (
            "doc lap" in folded and "hanh phuc" in folded
        ):
            self.result.form = "state"
            return True
        return False

    def so(self, text: str) -> bool:
        match = _SO.match(text)
        if not match or not re.search(r"[/\-]", text):
            return False
        rest = _NUMBER_GAP.sub("", text[match.end() :])  # "256 /2004/QĐ-UB"
        sym = SYMBOL.search(rest)
        blank = BLANK_SYMBOL.search(rest)
        if sym and (not blank or sym.start() <= blank.start()):
            parsed = from_match(sym)
            tail = rest[sym.end() :]
        elif blank:
            parsed = parse_symbol(blank.group(0))
            tail = rest[blank.end() :]
        elif party_blank := PARTY_BLANK.search(rest):
            parsed = parse_symbol(party_blank.group(0))
            tail = rest[party_blank.end() :]
        else:
            return False
        if parsed:
            self.header.symbol = parsed.text
            self.header.number = parsed.number
            self.header.type_code = self.header.type_code or parsed.type_code
        self.seen_so = True
        if tail.strip():
            self.place_date(tail)  # two columns merged on one printed line
        return True

    def place_date(self, text: str) -> bool:
        match = DATE_AFTER_NGAY.search(text)
        if not match:
            return self._undated(text)
        place = _PLACE_DATE.match(text[: match.start()] + "ngày")
        if not place and "tháng" not in match.group(0):
            return False  # a bare "ngày 02/12/2021" is body text, not the header date
        if place:
            self.header.place = squeeze(place.group("place"))
        groups = match.groupdict()
        day, month, year = (
            (groups["d"], groups["m"], groups["y"])
            if groups.get("d")
            else (groups.get("d2"), groups.get("m2"), groups.get("y2"))
        )
        value, warning = make_date(day, month, year, match.group(0))
        self.header.date = value.isoformat() if value else None
        if warning:
            self.result.warnings.append(f"header: {warning}")
        return True

    def _undated(self, text: str) -> bool:
        """A draft's "Hà Nội, ngày      tháng 11 năm 2025": the place, and no date."""
        blank = _BLANK_DAY.search(text)
        place = _PLACE_DATE.match(text[: blank.start()] + "ngày") if blank else None
        if not place:
            return False
        self.header.place = squeeze(place.group("place"))
        self.header.date = None
        return True


def _split_issuer(lines: list[str]) -> tuple[str | None, str | None]:
    lines = [squeeze(line) for line in lines if line.strip() and not is_decoration(line)]
    if not lines:
        return None, None
    # Lines continued by a trailing comma or a lower-case start belong together.
    groups: list[str] = []
    for line in lines:
        if groups and (groups[-1].endswith((",", "-", "–")) or line[:1].islower()):
            groups[-1] = f"{groups[-1]} {line}"
        else:
            groups.append(line)
    if (
        len(groups) >= 2
        and groups[1].upper().startswith(_LEVEL_WORDS)
        and not groups[0].upper().startswith(_LEVEL_WORDS)
    ):
        # "ỦY BAN NHÂN DÂN" + "TỈNH QUẢNG NGÃI" is one body, printed on two lines.
        groups = [f"{groups[0]} {groups[1]}", *groups[2:]]
    if len(groups) == 1 or _JOINT.search(groups[0]):
        # Joint issuers named in one cell ("ỦY BAN THƯỜNG VỤ QUỐC HỘI - CHÍNH PHỦ - ĐOÀN
        # CHỦ TỊCH" / "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM") are one issuer.
        return None, " ".join(groups)
    return groups[0], " ".join(groups[1:])


_JOINT = re.compile(r"\S\s+[-–]\s+\S")


def parse_header(body: list[Line], left: list[str], right: list[str]) -> HeaderResult:
    """Read the header from the reader's columns (if any) and the first body lines."""
    b = _Builder()
    for text in left:
        if is_decoration(text) or b.motto(text):
            continue
        if b.so(text):
            continue
        vv = _VV.match(text)
        if vv or (b.title_lines and b.seen_so):
            b.title_lines.append(text[vv.end() :] if vv else text)
            continue
        if not b.seen_so and _is_caps(text):
            b.issuer_lines.append(text)
    # A narrow right column wraps the Quốc hiệu and the date line: read it joined too.
    b.motto(" ".join(right))
    for index, text in enumerate(right):
        if is_decoration(text) or b.motto(text):
            continue
        if b.place_date(text):
            continue
        if "ngày" in text and index + 1 < len(right) and b.place_date(f"{text} {right[index + 1]}"):
            continue
        if _SO.match(text):
            b.so(text)
    consumed = _scan_body(b, body, columns=bool(left or right))
    header = b.header
    if _is_annex_alone(left, right, body) and not (b.seen_so or header.date):
        # An annex sent as its own file ("Phụ lục I" over its title) has no issuer: the
        # capital lines are its title.
        b.title_lines = b.title_lines or b.issuer_lines
        b.issuer_lines = []
    header.parent_issuer, header.issuer = _split_issuer(b.issuer_lines)
    if b.title_lines:
        header.title = squeeze(" ".join(t.strip() for t in b.title_lines)) or None
    if header.type_name and not header.type_code:
        header.type_code = TYPE_NAMES.get(header.type_name)
    if (
        not header.type_code
        and header.title
        and any(_VV.match(t) for t in left + [line.text for line in body[:consumed]])
    ):
        header.type_code = "CV"
    b.result.consumed = consumed
    return b.result


_ANNEX = re.compile(r"^\s*Phụ\s+lục\b", re.IGNORECASE)


def _is_annex_alone(left: list[str], right: list[str], body: list[Line]) -> bool:
    first = [texts[0] for texts in (left, right) if texts] + [line.text for line in body[:1]]
    return any(_ANNEX.match(text) for text in first)


def _scan_body(b: _Builder, body: list[Line], *, columns: bool) -> int:
    """Consume header lines at the top of the body; return how many. With `columns` the
    reader already found the issuer block, so capital lines here are not issuer lines."""
    index = 0
    stage = "top"  # top → title → after_title → kinh_gui
    limit = min(len(body), 40)
    while index < limit:
        line = body[index]
        text = line.text.strip()
        if not text or is_decoration(text) or (stage == "top" and _CODE.match(text)):
            if stage == "title" and b.title_lines:
                stage = "after_title"
            index += 1
            continue
        kinh = _KINH_GUI.match(text)
        if kinh:
            index = addressees(b.header, body, index, kinh.end())
            stage = "done"
            break
        if stage == "top":
            parts = [p for p in re.split(r"\s{4,}|\t+", text) if p.strip()]
            if len(parts) > 1 and all(_headerish(p) for p in parts):
                # Two header columns on one line (a text file, or Word tabs).
                for part in parts:
                    if (
                        not (
                            b.motto(part) or b.so(part) or b.place_date(part) or is_decoration(part)
                        )
                        and _is_caps(part)
                        and not columns
                    ):
                        b.issuer_lines.append(part)
                index += 1
                continue
            if b.motto(text) or b.so(text) or b.place_date(text):
                index += 1
                continue
            vv = _VV.match(text)
            if vv:
                b.title_lines.append(text[vv.end() :])
                stage = "vv"
                index += 1
                continue
            name = type_name_of(text)
            if name:
                b.header.type_name = name
                stage = "title"
                index += 1
                continue
            if (
                _is_caps(text)
                and not b.seen_so
                and index < 8
                and not columns
                and not find_label(text)
            ):
                b.issuer_lines.append(text)
                index += 1
                continue
            break
        if stage == "vv":
            # The "V/v" subject sits under the number, short lines, until the addressee or
            # the body text.
            if (
                _BODY_START.match(text)
                or b.title_lines[-1].rstrip().endswith(".")
                or len(text) > 90
                or len(b.title_lines) >= 6
            ):
                break
            b.title_lines.append(text)
            index += 1
            continue
        if stage == "title":
            if _title_goes_on(b.title_lines, line):
                b.title_lines.append(text)
                index += 1
                continue
            stage = "after_title"
            continue
        break
    return index


def _headerish(part: str) -> bool:
    """Could this piece of a line belong to the header block?"""
    folded = fold(part)
    return (
        _is_caps(part)
        or is_decoration(part)
        or bool(_SO.match(part))
        or "doc lap" in folded
        or bool(
            DATE_AFTER_NGAY.search(part)
            and _PLACE_DATE.match(part[: DATE_AFTER_NGAY.search(part).start()] + "ngày")
        )
    )


def _title_goes_on(title: list[str], line: Line) -> bool:
    text = line.text.strip()
    if not title:
        return not _BODY_START.match(text) or line.centered is True
    if _is_caps(text) and not _is_caps(title[-1]):
        return False  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" after a decision's title
    if line.centered is not None:
        if line.centered or not line.layout_known:
            return line.centered and len(title) < 6
        # A title line as wide as the text block is not measured as centred: it goes on
        # while no paragraph starts (a PDF reader sees the indents).
        return (
            not line.starts_paragraph
            and not find_label(text)
            and not _BODY_START.match(text)
            and not title[-1].rstrip().endswith((".", ":", ";"))
            and len(title) < 6
        )
    if title[-1].rstrip().endswith((".", ";", ":")) or len(title) >= 4 or find_label(text):
        return False
    return not _BODY_START.match(text)
