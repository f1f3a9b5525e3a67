"""Numeric facts: "1.868 lượt", "97/97 tổ chức", "hơn 26 tỷ đồng", "99%".

Dates, document symbols, year ranges and "năm 2022" are masked first, so their digits never
become figures; a bare number with no unit, per cent or scale word is not a figure either
(section labels, article numbers, "mức độ 3").
"""

from __future__ import annotations

import re

from ...vn.dates import DATE_AFTER_NGAY, NUMERIC_DATE
from ...vn.numbers import NUMBER_PATTERN, apply_scale, parse_decimal, to_plain
from ...vn.symbols import SYMBOL
from ..model import Figure

_APPROX = (
    "trên dưới",
    "xấp xỉ",
    "ước tính",
    "khoảng",
    "gần như",
    "hơn",
    "gần",
    "trên",
    "ngót",
    "chừng",
    "ước",
)
_TWO = frozenset(
    (
        "nghị quyết",
        "quyết định",
        "cá nhân",
        "công chức",
        "viên chức",
        "kế hoạch",
        "chỉ thị",
        "công văn",
        "dự thảo",
        "thông báo",
        "hội đồng",
        "đối tượng",
        "thanh niên",
        "tổ chức",
        "thông tin",
        "hộ dân",
        "học sinh",
        "cán bộ",
        "đảng viên",
        "hồ sơ",
        "tài khoản",
        "dịch vụ",
        "cơ sở",
        "mô hình",
        "nhiệm vụ",
        "văn bản",
        "suất quà",
        "nhân khẩu",
        "thửa đất",
        "doanh nghiệp",
        "hội viên",
        "đoàn viên",
        "công dân",
        "gia đình",
        "lượt người",
        "tin bài",
        "phóng sự",
        "chuyên mục",
        "công trình",
        "cuộc họp",
        "hội nghị",
        "người dân",
        "sinh viên",
        "chiến sĩ",
        "hộ nghèo",
        "trẻ em",
        "xe đạp",
        "thủ tục",
        "lá cờ",
        "tổ tàu",
        "tập thể",
        "địa chỉ",
        "tin nhắn",
        "lĩnh vực",
        "khiếu nại",
        "tố cáo",
        "chuyên trang",
        "nội dung",
        "cơ quan",
        "đơn vị",
        "xã phường",
    )
)
_NOT_UNIT = frozenset(
    """và của các trong đến với là được đã có tại theo về cho thì trên hoặc nhưng này đó
    những từ khi sau trước nên để do bị mà như cùng tháng ngày giờ phút ở""".split()
)
# Units written in capitals (most units are lower-case words: "người", "hồ sơ", "kg").
_CAPITAL_UNITS = frozenset("USD VNĐ VND EUR MW KW KWH GB TB".split())
_SCALES = "nghìn|ngàn|triệu|tỷ|tỉ"
_FIGURE = re.compile(
    rf"(?P<approx>(?:{'|'.join(_APPROX)})\s+)?(?<![\w.,\-–])(?<!\d/)(?P<num>{NUMBER_PATTERN})(?![\w])"
    rf"(?:\s?/\s?(?P<total>{NUMBER_PATTERN})(?![\w/]))?"
    rf"(?P<pct>\s?%)?(?:\s+(?P<scale>{_SCALES})(?!\w))?"
    rf"(?:\s+(?P<w1>[^\W\d_]+)(?:\s+(?P<w2>[^\W\d_]+))?)?",
    re.IGNORECASE,
)
_MASKS = (
    DATE_AFTER_NGAY,
    NUMERIC_DATE,
    SYMBOL,
    re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b"),
    re.compile(
        r"(?:năm|giai đoạn|khóa|khoá|Điều|khoản|điểm|mức độ|lần thứ|(?<!tổng )số|Quý|quý|QK|Đề án|COVID-|Covid-)\s*[\d,.]*\d",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\d.,])\d{1,2}\s*(?=/\s*(?:19|20)\d\d\b)"),
)
_CLAUSE_END = re.compile(r"(?:[.;!?…](?=\s|$))")


def _mask(text: str) -> str:
    for pattern in _MASKS:
        text = pattern.sub(lambda m: "\x00" * len(m.group(0)), text)
    return text


CONTEXT_REACH = 400  # characters looked at on each side: a clause, not a whole page


def _context(text: str, start: int, end: int) -> str:
    left = max(0, start - CONTEXT_REACH)
    for m in _CLAUSE_END.finditer(text, left, start):
        left = m.end()
    right_match = _CLAUSE_END.search(text, end, min(len(text), end + CONTEXT_REACH))
    right = right_match.end() if right_match else min(len(text), end + CONTEXT_REACH)
    return " ".join(text[left:right].split())


def find_figures(text: str, where: str) -> list[Figure]:
    masked = _mask(text)
    figures: list[Figure] = []
    for m in _FIGURE.finditer(masked):
        if "\x00" in m.group(0):
            continue
        value = parse_decimal(m.group("num"))
        if value is None:
            continue
        unit = None
        w1, w2 = m.group("w1"), m.group("w2")
        end = m.end("num")
        if m.group("total"):
            end = m.end("total")
        if m.group("pct"):
            unit, end = "%", m.end("pct")
        scale = m.group("scale")
        if scale:
            value = apply_scale(value, scale)
            end = m.end("scale")
        if unit is None and w1 in _CAPITAL_UNITS:
            unit, end = w1, m.end("w1")
        if unit is None and w1 and w1[0].islower() and w1.lower() not in _NOT_UNIT:
            if w2 and f"{w1} {w2}".lower() in _TWO:
                unit, end = f"{w1} {w2}", m.end("w2")
            else:
                unit, end = w1, m.end("w1")
        if unit is None and not scale:
            continue
        total = parse_decimal(m.group("total")) if m.group("total") else None
        approx = m.group("approx")
        start = m.start("approx") if approx else m.start("num")
        figures.append(
            Figure(
                text=" ".join(text[start:end].split()),
                value=to_plain(value),
                unit=unit,
                total=to_plain(total) if total is not None else None,
                approx=approx.strip().lower() if approx else None,
                context=_context(text, start, end),
                where=where,  # type: ignore[arg-type]
            )
        )
    return figures
