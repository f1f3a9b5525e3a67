"""Indicator values as forms and the API carry them: {"code" or "code:option": "1.868"}."""

from __future__ import annotations

from decimal import Decimal

from danvan.indicators.models import Indicator
from danvan.indicators.validation import Key
from danvan.vn.numbers import parse_decimal

from .errors import ReportingError

LIMIT = Decimal(10) ** 16
PLACES = Decimal("0.0001")


def key_text(key: Key) -> str:
    code, option = key
    return f"{code}:{option}" if option else code


def parse_values(raw: dict, indicators: list[Indicator]) -> dict[Key, Decimal]:
    """Blank entries are dropped; anything else must be a number on the template's form."""
    allowed: dict[str, set[str | None]] = {}
    for indicator in indicators:
        options = (
            {o.code for o in indicator.category.options.all()} if indicator.category_id else set()
        )
        allowed[indicator.code] = {None} | options
    values: dict[Key, Decimal] = {}
    errors: list[str] = []
    for text_key, raw_value in (raw or {}).items():
        text = "" if raw_value is None else str(raw_value).strip()
        if not text:
            continue
        code, _, option = str(text_key).partition(":")
        key = (code, option or None)
        if code not in allowed or key[1] not in allowed[code]:
            errors.append(f"Chỉ tiêu '{text_key}' không có trong biểu mẫu của báo cáo này.")
            continue
        if isinstance(raw_value, bool):
            number = None
        elif isinstance(raw_value, (Decimal, int, float)):
            # A JSON number is a number, not Vietnamese text: 1.821 is not 1821.
            number = Decimal(str(raw_value))
        else:
            # "-5" is a negative number (refused as negative by the rules), not a non-number.
            negative = text.startswith("-")
            number = parse_decimal(text[1:] if negative else text)
            if number is not None and negative:
                number = -number
        if number is not None and not number.is_finite():
            number = None
        if number is None:
            errors.append(
                f"Giá trị '{text}' của chỉ tiêu '{text_key}' không phải là số (ví dụ: 1.868 hoặc 1,5)."
            )
            continue
        # What DataValue can hold (20 digits, 4 after the comma); the revision keeps the same.
        if abs(number) >= LIMIT:
            errors.append(
                f"Giá trị '{text}' của chỉ tiêu '{text_key}' quá lớn (tối đa 16 chữ số phần nguyên)."
            )
            continue
        if number != number.quantize(PLACES):
            errors.append(
                f"Giá trị '{text}' của chỉ tiêu '{text_key}' có quá 4 chữ số sau dấu phẩy."
            )
            continue
        values[key] = number
    if errors:
        raise ReportingError(*errors)
    return values


def values_to_json(values: dict[Key, Decimal]) -> dict[str, str]:
    return {
        key_text(key): format(value.normalize(), "f")
        for key, value in sorted(values.items(), key=lambda kv: key_text(kv[0]))
    }
