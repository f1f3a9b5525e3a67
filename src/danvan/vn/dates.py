"""Dates as written in Vietnamese documents.

Forms: "ngày 02/12/2021", "ngày15/12/2021" (glued), "ngày 05 tháng 11 năm 2025",
"ngày 25-02-2010", "ngày 02.12.2021". An impossible date ("13/5/216", "31/02/2020") parses to
None with a warning; a date left blank in a draft ("ngày   tháng 10 năm 2025") to None
without one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_NUMERIC = r"(?P<d>\d{1,2})\s*(?P<sep>[/.\-–])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{2,4})"
_WORDS = r"(?P<d2>\d{1,2})?\s*,?\s*tháng\s*(?P<m2>\d{1,2})?\s*,?\s*năm\s*(?P<y2>\d{4})?"

# "ngày" then either form; the numeric form may also stand alone after a symbol (", 07/5/2019").
DATE_AFTER_NGAY = re.compile(rf"ngày\s*(?:{_NUMERIC}|{_WORDS})(?!\d)", re.IGNORECASE)
NUMERIC_DATE = re.compile(rf"(?<![\d/.\-]){_NUMERIC}(?![\d/])")

MIN_YEAR = 1900
MAX_YEAR = 2100


@dataclass(frozen=True)
class ParsedDate:
    """A date found in text: `value` is None when blank or impossible; `warning` says why."""

    text: str
    start: int
    end: int
    value: dt.date | None
    warning: str | None


def make_date(
    day: str | None, month: str | None, year: str | None, raw: str
) -> tuple[dt.date | None, str | None]:
    if not day or not month or not year:
        return None, None  # a blank part: a draft, not an error
    if len(year) != 4:
        return None, f"impossible date {raw!r}: year {year}"
    y, m, d = int(year), int(month), int(day)
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None, f"impossible date {raw!r}: year {y}"
    try:
        return dt.date(y, m, d), None
    except ValueError:
        return None, f"impossible date {raw!r}"


def _from_match(match: re.Match[str]) -> ParsedDate:
    groups = match.groupdict()
    if groups.get("d") is not None:
        day, month, year = groups["d"], groups["m"], groups["y"]
    else:
        day, month, year = groups.get("d2"), groups.get("m2"), groups.get("y2")
    raw = match.group(0)
    value, warning = make_date(day, month, year, raw)
    return ParsedDate(raw, match.start(), match.end(), value, warning)


def parse_date(text: str) -> dt.date | None:
    """The first "ngày …" date in `text` (or a bare dd/mm/yyyy), None if absent or invalid."""
    found = find_date(text)
    return found.value if found else None


def find_date(text: str, pos: int = 0) -> ParsedDate | None:
    """First date at or after `pos`: "ngày …" forms, else a bare numeric date."""
    match = DATE_AFTER_NGAY.search(text, pos) or NUMERIC_DATE.search(text, pos)
    return _from_match(match) if match else None


def date_at(text: str, pos: int) -> ParsedDate | None:
    """A date that starts right at `pos` (spaces and one comma allowed before "ngày")."""
    lead = re.compile(r"[\s,]*")
    start = lead.match(text, pos).end()  # type: ignore[union-attr]
    match = DATE_AFTER_NGAY.match(text, start)
    if match is None and text[pos:start].strip() == ",":
        match = NUMERIC_DATE.match(text, start)
    return _from_match(match) if match else None


def find_dates(text: str) -> list[ParsedDate]:
    """Every "ngày …" date in `text`, in order."""
    return [_from_match(m) for m in DATE_AFTER_NGAY.finditer(text)]


def iso_date(text: str | None) -> dt.date | None:
    """A date as the parsed-document JSON carries it ("2019-05-07"); None when absent or not one."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
