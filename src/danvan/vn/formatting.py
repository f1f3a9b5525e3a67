"""Writing numbers, dates and document symbols the way Vietnamese official documents print them.

Pure functions, no Django: used by `danvan.publish` and by anything that shows figures to users.
Reading these forms back is the reader's job (other modules of `danvan.vn`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

# Vietnamese groups thousands with "." and writes the decimal part after ",".
_THOUSANDS = "."
_DECIMAL = ","

_BILLION = Decimal(1_000_000_000)
_MILLION = Decimal(1_000_000)


def format_number(value: int | float | Decimal, places: int | None = None) -> str:
    """1868 -> "1.868"; 1.821 -> "1,821"; 9.24 -> "9,24"; -1500 -> "-1.500".

    Without `places` trailing zeros of the fraction are dropped (2.50 -> "2,5");
    floats go through `str` so that 1.821 stays 1.821 and not its binary neighbour.
    """
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _, fraction = text.partition(".")
    if places is None:
        fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = _THOUSANDS.join(groups)
    if fraction:
        result += _DECIMAL + fraction
    return sign + result


def format_money(dong: int | Decimal) -> str:
    """An amount in đồng as reports write it: 1821000000 -> "1,821 tỷ đồng",
    9240000 -> "9,24 triệu đồng", 950000 -> "950.000 đồng"."""
    amount = Decimal(dong)
    if abs(amount) >= _BILLION:
        return f"{format_number(amount / _BILLION)} tỷ đồng"
    if abs(amount) >= _MILLION:
        return f"{format_number(amount / _MILLION)} triệu đồng"
    return f"{format_number(amount)} đồng"


def format_percent(value: int | float | Decimal) -> str:
    """99 -> "99%"; 99.5 -> "99,5%" (no space before the sign, as the documents print it)."""
    return format_number(value) + "%"


def _day(day: int) -> str:
    # Both HD 36/HD 05 and NĐ 30: days under 10 take a leading zero.
    return f"{day:02d}"


def _month(month: int) -> str:
    # Both systems: only January and February take a leading zero ("tháng dưới 3"),
    # so that "tháng 01" cannot be misread as 10-12 by a later hand; March stays "3".
    return f"{month:02d}" if month < 3 else str(month)


def format_date(date: dt.date | None) -> str:
    """The long date of a document header: "ngày 05 tháng 11 năm 2025", "ngày 03 tháng 02 năm 2026".

    A missing date gives the blank form a draft is printed with, to be filled in by hand.
    """
    if date is None:
        return "ngày     tháng     năm 20    "
    return f"ngày {_day(date.day)} tháng {_month(date.month)} năm {date.year}"


def format_place_date(place: str | None, date: dt.date | None) -> str:
    """ "Đà Nẵng, ngày 15 tháng 7 năm 2022" — place, a comma, then the long date."""
    if place:
        return f"{place}, {format_date(date)}"
    return format_date(date)[0].upper() + format_date(date)[1:]


def format_short_date(date: dt.date) -> str:
    """The date as cited in running text: "02/12/2021", "05/8/2021", "20/01/2022"."""
    return f"{_day(date.day)}/{_month(date.month)}/{date.year}"


def pad_document_number(number: str | int | None) -> str:
    """Document numbers under 10 take a leading zero in both systems: 5 -> "05"; "" stays ""."""
    if number is None:
        return ""
    text = str(number).strip()
    if text.isdigit() and int(text) < 10:
        return f"{int(text):02d}"
    return text


def format_symbol(
    number: str | int | None,
    type_code: str | None,
    issuer: str | Sequence[str],
    *,
    system: str,
    year: int | None = None,
) -> str:
    """The số ký hiệu without the word "Số".

    Party: number "-" type "/" issuer — "05-HD/VPTW", "138-CV/BTGDVTU", joint issuers joined by
    "-" ("03-CTr/BDVTW-BCSĐCP"). State: number "/" type "-" issuer — "329/BC-UBND",
    "09/2019/NĐ-CP" with a year, "507/UBND-KGVX" for a công văn (no type code).
    A blank number (a draft) leaves the separator: "/BC-UBND".
    """
    issuer_code = issuer if isinstance(issuer, str) else "-".join(issuer)
    num = pad_document_number(number)
    if system == "party":
        return f"{num}-{type_code}/{issuer_code}"
    if system != "state":
        raise ValueError(f"unknown system {system!r}")
    head = f"{num}/{year}" if year else num
    if type_code:
        return f"{head}/{type_code}-{issuer_code}"
    return f"{head}/{issuer_code}"


# Type codes differ between rule sets only in a few names; the rest are shared.
_COMMON_CODES = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Kết luận": "KL",
    "Quy chế": "QC",
    "Hướng dẫn": "HD",
    "Báo cáo": "BC",
    "Kế hoạch": "KH",
    "Chương trình": "CTr",
    "Thông báo": "TB",
    "Tờ trình": "TTr",
    "Công văn": "CV",
    "Biên bản": "BB",
    "Đề án": "ĐA",
}
# Quy định 399-QĐ/TW (2026) abbreviates Quy định as "QĐ" like Quyết định; HD 36 (2018) used
# "QĐi"; NĐ 30 uses "QyĐ".
_QUY_DINH = {"party": "QĐ", "party-2018": "QĐi", "state": "QyĐ"}


def type_code_for(kind: str, rules: str) -> str:
    """Abbreviation of a document type under a rule set ("party", "party-2018", "state")."""
    if rules not in _QUY_DINH:
        raise ValueError(f"unknown rule set {rules!r}")
    name = kind.strip().capitalize()
    if name == "Quy định":
        return _QUY_DINH[rules]
    if name == "Công văn" and rules == "state":
        # NĐ 30 gives a State công văn no type code: "507/UBND-KGVX".
        return ""
    try:
        return _COMMON_CODES[name]
    except KeyError:
        raise ValueError(f"no abbreviation known for {kind!r}") from None
