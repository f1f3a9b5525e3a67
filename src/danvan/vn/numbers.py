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
