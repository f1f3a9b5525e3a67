"""Which register a document number is drawn from.

- State bodies (Nghị định 30/2020/NĐ-CP, Điều 15): numbers run from 01 for each type through
  the calendar year, so the series is the year: "2026".
- Party bodies (Hướng dẫn 36-HD/VPTW and 05-HD/VPTW): numbers run from 01 for each type
  through the cấp ủy's term (nhiệm kỳ), so the series is the term: "2020-2025".

Terms are taken as five-year congress terms starting on `DANVAN_PARTY_TERM_START` (a date in
one term's first year, default 1 October 2020: the provincial congresses of autumn 2020 and
autumn 2025). A document dated 30/9/2025 is in "2020-2025", one dated 01/10/2025 in
"2025-2030". An installation whose congress met on another day sets the setting; the boundary
is the same for every issuer of the installation.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings

TERM_YEARS = 5
DEFAULT_TERM_START = dt.date(2020, 10, 1)


def term_start_anchor() -> dt.date:
    value = getattr(settings, "DANVAN_PARTY_TERM_START", None)
    if value is None:
        return DEFAULT_TERM_START
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def party_term(day: dt.date) -> tuple[int, int]:
    """(first year, last year) of the term `day` falls in."""
    anchor = term_start_anchor()
    offset = (day.year - anchor.year) // TERM_YEARS * TERM_YEARS
    start_year = anchor.year + offset
    if day < anchor.replace(year=start_year):
        start_year -= TERM_YEARS
    return start_year, start_year + TERM_YEARS


def series_key(system: str, day: dt.date) -> str:
    if system == "party":
        first, last = party_term(day)
        return f"{first}-{last}"
    if system == "state":
        return str(day.year)
    raise ValueError(f"unknown system {system!r}")


def series_bounds(system: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the series `day` falls in."""
    if system == "party":
        first, last = party_term(day)
        anchor = term_start_anchor()
        return anchor.replace(year=first), anchor.replace(year=last) - dt.timedelta(days=1)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def series_label(system: str, key: str) -> str:
    """How the page names the series: "nhiệm kỳ 2020-2025" or "năm 2026"."""
    return f"nhiệm kỳ {key}" if system == "party" else f"năm {key}"
