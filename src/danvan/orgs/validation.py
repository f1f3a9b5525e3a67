"""The rules an imported set of units and successions must satisfy, checked on plain rows
against the units already stored. Every message names the row it is about."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .interchange import SuccessionRow, UnitRow
from .models import SuccessionKind, UnitKind

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_.-]*$")
# A merger may fold units into one that carries on (Quảng Nam into Đà Nẵng), so only these
# kinds require the successor to start after the predecessor ends.
NEW_UNIT_SUCCESSIONS = {SuccessionKind.RENAME, SuccessionKind.SPLIT, SuccessionKind.TRANSFER}


@dataclass(frozen=True)
class UnitFacts:
    """What the rules need to know of a unit, stored or imported."""

    code: str
    parent_code: str
    valid_from: dt.date
    valid_to: dt.date | None
    label: str = ""


def fmt(day: dt.date | None) -> str:
    return "nay" if day is None else day.strftime("%d/%m/%Y")


def parse_day(value: str) -> dt.date | None:
    """ISO dates as exported; dd/mm/yyyy as people type them in spreadsheets."""
    value = value.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _unit_row_facts(row: UnitRow, errors: list[str]) -> UnitFacts | None:
    prefix = f"Đơn vị, {row.label} (mã {row.code or '—'})"
    problems = []
    if not CODE_PATTERN.match(row.code):
        problems.append(
            "mã đơn vị trống hoặc có ký tự không hợp lệ (chỉ chữ in hoa không dấu, số, - _ .)"
        )
    if not row.name:
        problems.append("thiếu tên đơn vị")
    if row.kind not in UnitKind.values:
        problems.append(
            f"loại đơn vị '{row.kind}' không hợp lệ (hợp lệ: {', '.join(UnitKind.values)})"
        )
    valid_from = parse_day(row.valid_from)
    if valid_from is None:
        problems.append(f"ngày hiệu lực từ '{row.valid_from}' không hợp lệ")
    valid_to = parse_day(row.valid_to) if row.valid_to else None
    if row.valid_to and valid_to is None:
        problems.append(f"ngày hiệu lực đến '{row.valid_to}' không hợp lệ")
    if valid_from and valid_to and valid_to < valid_from:
        problems.append(f"ngày hết hiệu lực {fmt(valid_to)} trước ngày bắt đầu {fmt(valid_from)}")
    if problems:
        errors.append(f"{prefix}: {'; '.join(problems)}.")
        return None
    return UnitFacts(row.code, row.parent_code, valid_from, valid_to, row.label)


def check_units(
    rows: list[UnitRow], stored: dict[str, UnitFacts]
) -> tuple[dict[str, UnitFacts], list[str]]:
    """Check imported unit rows; return the combined picture (stored overlaid by imported)."""
    errors: list[str] = []
    imported: dict[str, UnitFacts] = {}
    for row in rows:
        if row.code and row.code in imported:
            errors.append(
                f"Đơn vị, {row.label} (mã {row.code}): mã bị trùng với {imported[row.code].label}."
            )
            continue
        facts = _unit_row_facts(row, errors)
        if facts:
            imported[facts.code] = facts
    combined = {**stored, **imported}
    for facts in imported.values():
        prefix = f"Đơn vị, {facts.label} (mã {facts.code})"
        if not facts.parent_code:
            continue
        parent = combined.get(facts.parent_code)
        if parent is None:
            errors.append(f"{prefix}: đơn vị cấp trên '{facts.parent_code}' không tồn tại.")
            continue
        if _has_cycle(facts.code, combined):
            errors.append(
                f"{prefix}: quan hệ cấp trên tạo thành vòng lặp (một đơn vị là cấp trên của chính nó)."
            )
            continue
        if facts.valid_from < parent.valid_from or (
            parent.valid_to is not None
            and (facts.valid_to is None or facts.valid_to > parent.valid_to)
        ):
            errors.append(
                f"{prefix}: hiệu lực {fmt(facts.valid_from)}–{fmt(facts.valid_to)} chồng ra ngoài hiệu lực "
                f"của đơn vị cấp trên {parent.code} ({fmt(parent.valid_from)}–{fmt(parent.valid_to)})."
            )
    return combined, errors


def _has_cycle(code: str, units: dict[str, UnitFacts]) -> bool:
    seen = {code}
    current = units[code].parent_code
    while current:
        if current in seen:
            return True
        seen.add(current)
        parent = units.get(current)
        current = parent.parent_code if parent else ""
    return False


def check_successions(rows: list[SuccessionRow], units: dict[str, UnitFacts]) -> list[str]:
    errors: list[str] = []
    pairs: dict[tuple[str, str], str] = {}
    for row in rows:
        prefix = f"Quan hệ kế thừa, {row.label} ({row.predecessor_code or '—'} → {row.successor_code or '—'})"
        problems = []
        predecessor = units.get(row.predecessor_code)
        successor = units.get(row.successor_code)
        if predecessor is None:
            problems.append(f"đơn vị tiền thân '{row.predecessor_code}' không tồn tại")
        if successor is None:
            problems.append(f"đơn vị kế thừa '{row.successor_code}' không tồn tại")
        if row.predecessor_code and row.predecessor_code == row.successor_code:
            problems.append("một đơn vị không thể kế thừa chính nó")
        if row.kind not in SuccessionKind.values:
            problems.append(
                f"hình thức '{row.kind}' không hợp lệ (hợp lệ: {', '.join(SuccessionKind.values)})"
            )
        day = parse_day(row.date)
        if day is None:
            problems.append(f"ngày kế thừa '{row.date}' không hợp lệ")
        pair = (row.predecessor_code, row.successor_code)
        if pair in pairs:
            problems.append(f"trùng với {pairs[pair]}")
        pairs[pair] = row.label
        if not problems and predecessor and successor and day:
            problems.extend(_timeline_problems(predecessor, successor, day, row.kind))
        if problems:
            errors.append(f"{prefix}: {'; '.join(problems)}.")
    return errors


def _timeline_problems(
    predecessor: UnitFacts, successor: UnitFacts, day: dt.date, kind: str
) -> list[str]:
    problems = []
    if predecessor.valid_to is None or predecessor.valid_to >= day:
        problems.append(
            f"đơn vị kế thừa nhận từ ngày {fmt(day)} trước khi đơn vị tiền thân {predecessor.code} "
            f"kết thúc (hiệu lực đến {fmt(predecessor.valid_to)})"
        )
    if not (
        successor.valid_from <= day and (successor.valid_to is None or day <= successor.valid_to)
    ):
        problems.append(
            f"đơn vị kế thừa {successor.code} không có hiệu lực vào ngày {fmt(day)} "
            f"({fmt(successor.valid_from)}–{fmt(successor.valid_to)})"
        )
    if (
        kind in NEW_UNIT_SUCCESSIONS
        and predecessor.valid_to
        and successor.valid_from <= predecessor.valid_to
    ):
        problems.append(
            f"hiệu lực chồng lấn: {successor.code} bắt đầu {fmt(successor.valid_from)} khi "
            f"{predecessor.code} còn hiệu lực đến {fmt(predecessor.valid_to)}"
        )
    return problems
