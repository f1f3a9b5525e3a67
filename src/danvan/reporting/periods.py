"""Period identifiers and data cut-off windows (plain functions, no database).

Codes: "202206" month, "2022Q1" quarter, "2022S1"/"2022S2" half-year, "2022N9" the first nine
months, "2022" year. Cut-off windows: Party bodies report calendar periods; state agencies cut
off on the 14th of the period's last month, starting on the 15th of the month before the
period (Nghị định 09/2019/NĐ-CP, Điều 12: 15/12 → 14/6 for the first half, 15/6 → 14/12 for
the second, 15/12 → 14/12 for the year).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:(?P<month>0[1-9]|1[0-2])|Q(?P<quarter>[1-4])|S(?P<half>[12])|(?P<nine>N9))?$",
    re.ASCII,
)


class InvalidPeriod(ValueError):
    pass


@dataclass(frozen=True)
class PeriodSpec:
    code: str
    type: str
    start: dt.date
    end: dt.date
    name: str


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(code: str) -> PeriodSpec:
    # Full-width digits and letters (typed with an East Asian input method) read as ASCII; other
    # scripts' digits are refused, so a period has one code.
    match = PATTERN.match(unicodedata.normalize("NFKC", code or "").strip().upper())
    if not match:
        raise InvalidPeriod(
            f"Mã kỳ '{code}' không hợp lệ. Dùng 202206 (tháng), 2022Q1 (quý), 2022S1 (6 tháng), "
            "2022N9 (9 tháng) hoặc 2022 (năm)."
        )
    year = int(match["year"])
    if not 1945 <= year <= 2100:
        raise InvalidPeriod(f"Năm {year} của kỳ '{code}' nằm ngoài khoảng cho phép.")
    canonical = match.group(0)
    if match["month"]:
        month = int(match["month"])
        return PeriodSpec(
            canonical,
            "month",
            dt.date(year, month, 1),
            _month_end(year, month),
            f"Tháng {month:02d}/{year}",
        )
    if match["quarter"]:
        quarter = int(match["quarter"])
        first = 3 * quarter - 2
        roman = ["I", "II", "III", "IV"][quarter - 1]
        return PeriodSpec(
            canonical,
            "quarter",
            dt.date(year, first, 1),
            _month_end(year, first + 2),
            f"Quý {roman}/{year}",
        )
    if match["half"]:
        half = int(match["half"])
        first = 1 if half == 1 else 7
        name = f"6 tháng đầu năm {year}" if half == 1 else f"6 tháng cuối năm {year}"
        return PeriodSpec(
            canonical, "half", dt.date(year, first, 1), _month_end(year, first + 5), name
        )
    if match["nine"]:
        return PeriodSpec(
            canonical,
            "nine_months",
            dt.date(year, 1, 1),
            dt.date(year, 9, 30),
            f"9 tháng đầu năm {year}",
        )
    return PeriodSpec(canonical, "year", dt.date(year, 1, 1), dt.date(year, 12, 31), f"Năm {year}")


def same_period_previous_year(code: str) -> str:
    spec = parse_period(code)
    return f"{spec.start.year - 1}{spec.code[4:]}"


def data_window(code: str, regime: str) -> tuple[dt.date, dt.date]:
    """The dates the figures of a report for `code` cover under a regime ("party"/"state")."""
    spec = parse_period(code)
    if regime == "party":
        return spec.start, spec.end
    if regime != "state":
        raise InvalidPeriod(f"Chế độ chốt số liệu '{regime}' không hợp lệ.")
    previous_month_end = spec.start - dt.timedelta(days=1)
    return previous_month_end.replace(day=15), spec.end.replace(day=14)


_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PERIOD_PHRASE = re.compile(
    r"(?P<half>6|sáu) tháng (?P<which>đầu|cuối) năm"
    r"|(?P<nine>9|chín) tháng(?: đầu năm)?"
    r"|quý (?P<quarter>iv|iii|ii|i|[1-4])\b"
    r"|tháng (?P<month>1[0-2]|0?[1-9])\b"
    r"|năm (?=\d{4})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def period_from_text(text: str) -> str | None:
    """The period a report title speaks of: the first period phrase, with the first year at or
    after it ("6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022" is 2022S1)."""
    for match in _PERIOD_PHRASE.finditer(text or ""):
        year_match = _YEAR.search(text, match.start())
        if not year_match:
            continue
        year = year_match.group(0)
        if match["half"]:
            return f"{year}S{1 if match['which'].lower() == 'đầu' else 2}"
        if match["nine"]:
            return f"{year}N9"
        if match["quarter"]:
            quarter = match["quarter"].lower()
            return f"{year}Q{_ROMAN_QUARTERS.get(quarter, quarter)}"
        if match["month"]:
            return f"{year}{int(match['month']):02d}"
        return year
    return None


# Picking a period: a kind ("6 tháng", "quý", "năm", "tháng", "9 tháng") and a year, the code
# built from them. Each part is the code's suffix after the year ("Y" stands for the year).
PARTS: list[tuple[str, list[tuple[str, str]]]] = [
    ("6 tháng", [("S1", "6 tháng đầu năm"), ("S2", "6 tháng cuối năm")]),
    ("Quý", [(f"Q{n}", f"Quý {roman}") for n, roman in enumerate(["I", "II", "III", "IV"], 1)]),
    ("Năm", [("Y", "Cả năm")]),
    ("Tháng", [(f"{m:02d}", f"Tháng {m}") for m in range(1, 13)]),
    ("9 tháng", [("N9", "9 tháng đầu năm")]),
]


def code_of(year: int | str, part: str) -> str:
    """The period code for a year and a part ("S1", "Q2", "Y", "06", "N9"), checked."""
    return parse_period(f"{year}{'' if part == 'Y' else part}").code


def split_code(code: str) -> tuple[int, str]:
    """(year, part) of a period code: the picker's two choices."""
    spec = parse_period(code)
    return spec.start.year, spec.code[4:] or "Y"


def period_options(years) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every period of `years`, grouped by year, as (code, "6 tháng đầu năm 2026") choices."""
    return [
        (
            f"Năm {year}",
            [
                (code_of(year, part), parse_period(code_of(year, part)).name)
                for _kind, parts in PARTS
                for part, _label in parts
            ],
        )
        for year in years
    ]
