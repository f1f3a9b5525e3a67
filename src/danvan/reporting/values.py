"""Indicator values as forms and the API carry them: {"code" or "code:option": "1.868"}.

The one reader of typed figures: Vietnamese grouping ("1.868", "1 868"), a decimal comma
("95,5"), JSON numbers from the API; each refusal is a Vietnamese message keyed by its field."""

from __future__ import annotations

from decimal import Decimal

from danvan.indicators.models import Indicator
from danvan.indicators.validation import Key, field_label
from danvan.vn.numbers import looks_english_decimal, parse_figure

from .errors import InvalidValues

LIMIT = Decimal(10) ** 16
PLACES = Decimal("0.0001")


def key_text(key: Key) -> str:
    code, option = key
    return f"{code}:{option}" if option else code


def _form_labels(indicators: list[Indicator]) -> dict[str, str]:
    """Every key the template's form has, with the name people see."""
    labels = {}
    for indicator in indicators:
        labels[indicator.code] = field_label(indicator)
        if indicator.category_id:
            for option in indicator.category.options.all():
                labels[f"{indicator.code}:{option.code}"] = field_label(indicator, option)
    return labels


def _number(raw_value, text: str) -> Decimal | None:
    if isinstance(raw_value, bool):
        return None
    if isinstance(raw_value, (Decimal, int, float)):
        # A JSON number is a number, not Vietnamese text: 1.821 is not 1821.
        number = Decimal(str(raw_value))
        return number if number.is_finite() else None
    return parse_figure(text)


def _problem(raw_value, text: str, label: str) -> tuple[Decimal | None, str]:
    """The value of one entry, or the message explaining why it is refused."""
    if len(text) > 60:
        shown = text[:40] + "…"
        return None, f"{label}: “{shown}” không phải là số hợp lệ (quá dài)."
    number = _number(raw_value, text)
    if number is None:
        if looks_english_decimal(text):
            return None, (
                f"{label}: “{text}” — phần thập phân viết sau dấu phẩy (ví dụ: 95,5); "
                "dấu chấm dùng để tách hàng nghìn (1.868)."
            )
        return None, f"{label}: “{text}” không phải là số (ví dụ: 1.868 hoặc 95,5)."
    # What DataValue can hold (20 digits, 4 after the comma); the revision keeps the same.
    if abs(number) >= LIMIT:
        return None, f"{label}: “{text}” quá lớn (tối đa 16 chữ số phần nguyên)."
    if number != number.quantize(PLACES):
        return None, f"{label}: “{text}” có quá 4 chữ số sau dấu phẩy."
    return number, ""


def read_values(
    raw: dict, indicators: list[Indicator]
) -> tuple[dict[Key, Decimal], dict[str, str]]:
    """(values, refusals): blank entries are dropped; anything else must be a number on the
    template's form. Refusals map each key as sent to its Vietnamese message."""
    labels = _form_labels(indicators)
    values: dict[Key, Decimal] = {}
    refused: dict[str, str] = {}
    for text_key, raw_value in (raw or {}).items():
        text = "" if raw_value is None else str(raw_value).strip()
        if not text:
            continue
        key_sent = str(text_key)
        code, _, option = key_sent.partition(":")
        if key_sent not in labels:
            refused[key_sent] = f"Chỉ tiêu '{key_sent}' không có trong biểu mẫu của báo cáo này."
            continue
        number, message = _problem(raw_value, text, labels[key_sent])
        if message:
            refused[key_sent] = message
        else:
            values[(code, option or None)] = number
    return values, refused


def parse_values(raw: dict, indicators: list[Indicator]) -> dict[Key, Decimal]:
    values, refused = read_values(raw, indicators)
    if refused:
        raise InvalidValues(refused)
    return values


def values_to_json(values: dict[Key, Decimal]) -> dict[str, str]:
    return {
        key_text(key): format(value.normalize(), "f")
        for key, value in sorted(values.items(), key=lambda kv: key_text(kv[0]))
    }
