"""Numbers written the Vietnamese way: "." groups thousands, "," marks decimals.

"1.868" is 1868, "1,821" is 1.821, "780.500.000" is 780500000, and a scale word multiplies:
"1,821 tỷ" is 1 821 000 000, "9,24 triệu" is 9 240 000.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# A number token: grouped thousands ("1.868", "780.500.000") or plain digits, with an
# optional decimal part after a comma.
NUMBER_PATTERN = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER = re.compile(rf"^(?:{NUMBER_PATTERN})$")

SCALES: dict[str, int] = {
    "nghìn": 1_000,
    "ngàn": 1_000,
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000,
}


def parse_number(text: str) -> int | float | None:
    """Value of one Vietnamese-written number, or None if `text` is not one.

    Integral values come back as int so that "1.868" is exactly 1868.
    """
    value = parse_decimal(text)
    if value is None:
        return None
    return to_plain(value)


def parse_decimal(text: str) -> Decimal | None:
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


# Thousands grouped by spaces, as people type them ("1 868", "780 500 000"), the no-break and
# narrow no-break spaces included; the comma still marks decimals.
_SPACED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$")
# Digits a figure may carry before it is "too big" for any store (checked before Decimal).
MAX_DIGITS = 40


def parse_figure(text: str) -> Decimal | None:
    """A figure typed into a form: "1.868", "1 868", "95,5", "-5"; None if it is not one.

    Only ASCII digits; "1.5" or "95.50" (a point that cannot group thousands) is not a figure.
    """
    text = text.strip()
    negative = text.startswith("-")
    body = text[1:].strip() if negative else text
    if len(body) > 2 * MAX_DIGITS or not body.isascii() and not _SPACED.match(body):
        return None
    if _SPACED.match(body):
        body = re.sub(r"[ \u00a0\u202f]", "", body)
    value = parse_decimal(body)
    if value is None:
        return None
    return -value if negative else value


def looks_english_decimal(text: str) -> bool:
    """ "95.5" or "1,868.5": a decimal point where Vietnamese writes a comma."""
    return (
        re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+|\d+\.(?:\d{1,2}|\d{4,})", text.strip()) is not None
    )


# The largest id, version or count a request parameter may name (a signed 64-bit integer,
# what SQLite and PostgreSQL's bigint hold).
MAX_WHOLE = 2**63 - 1


def parse_whole(text: str | None, maximum: int = MAX_WHOLE) -> int | None:
    """A non-negative whole number in ASCII digits ("12"), at most `maximum`; else None."""
    text = (text or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(maximum)):
        return None
    value = int(text)
    return value if value <= maximum else None


def to_plain(value: Decimal) -> int | float:
    """int when integral, else float (JSON has no decimal type)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def apply_scale(value: Decimal, scale_word: str | None) -> Decimal:
    """Multiply by the scale word ("tỷ", "triệu", "nghìn"), if any."""
    if scale_word is None:
        return value
    return value * SCALES[scale_word.lower()]
