"""Units and successions as CSV and JSON: the exchange formats, read into plain rows and
written back from them. Reading never touches the database; `services.import_units` checks
and writes. Export followed by import into an empty database, followed by export, gives the
same bytes."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, fields

JSON_SCHEMA = "danvan.org-units/1"
UNIT_FIELDS = [
    "code",
    "name",
    "short_name",
    "kind",
    "issuer_code",
    "parent_code",
    "valid_from",
    "valid_to",
    "note",
]
SUCCESSION_FIELDS = ["predecessor_code", "successor_code", "date", "kind", "note"]
# The CSV files' column headers, in Vietnamese; files headed with the field names are read too.
CSV_HEADERS = {
    "code": "Mã đơn vị",
    "name": "Tên đơn vị",
    "short_name": "Tên ngắn",
    "kind": "Loại",
    "issuer_code": "Mã cơ quan ban hành",
    "parent_code": "Mã đơn vị cấp trên",
    "valid_from": "Hiệu lực từ",
    "valid_to": "Hiệu lực đến",
    "note": "Ghi chú",
    "predecessor_code": "Mã đơn vị trước",
    "successor_code": "Mã đơn vị kế thừa",
    "date": "Ngày",
}
_FIELD_OF_HEADER = {header.casefold(): name for name, header in CSV_HEADERS.items()}


class InterchangeError(ValueError):
    """The file cannot be read at all (not CSV/JSON, wrong columns). Vietnamese message."""


@dataclass
class UnitRow:
    label: str  # where the row came from, for messages: "dòng 4", "phần tử 3"
    code: str
    name: str
    short_name: str = ""
    kind: str = ""
    issuer_code: str = ""
    parent_code: str = ""
    valid_from: str = ""
    valid_to: str = ""
    note: str = ""


@dataclass
class SuccessionRow:
    label: str
    predecessor_code: str
    successor_code: str
    date: str = ""
    kind: str = ""
    note: str = ""


def _clean(value) -> str:
    return "" if value is None else str(value).strip()


def _read_csv(text: str, expected: list[str], what: str) -> list[tuple[int, dict]]:
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    header = [
        _FIELD_OF_HEADER.get((name or "").strip().casefold(), (name or "").strip())
        for name in reader.fieldnames or []
    ]
    reader.fieldnames = header
    missing = [CSV_HEADERS[name] for name in expected if name not in header]
    if missing:
        raise InterchangeError(f"Tệp CSV {what} thiếu cột: {', '.join(missing)}.")
    # Line numbers as a spreadsheet shows them: the header is line 1.
    return [(reader.line_num, row) for row in reader]


def units_from_csv(text: str) -> list[UnitRow]:
    rows = _read_csv(text, ["code", "name", "kind", "parent_code", "valid_from"], "đơn vị")
    return [
        UnitRow(label=f"dòng {line}", **{name: _clean(row.get(name)) for name in UNIT_FIELDS})
        for line, row in rows
    ]


def successions_from_csv(text: str) -> list[SuccessionRow]:
    rows = _read_csv(
        text, ["predecessor_code", "successor_code", "date", "kind"], "quan hệ kế thừa"
    )
    return [
        SuccessionRow(
            label=f"dòng {line}", **{name: _clean(row.get(name)) for name in SUCCESSION_FIELDS}
        )
        for line, row in rows
    ]


def from_json(text: str) -> tuple[list[UnitRow], list[SuccessionRow]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            f"Tệp JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno})."
        ) from exc
    return from_data(data)


def from_data(data) -> tuple[list[UnitRow], list[SuccessionRow]]:
    if not isinstance(data, dict) or not isinstance(data.get("units", []), list):
        raise InterchangeError(
            'Dữ liệu JSON phải là một đối tượng có danh sách "units" và "successions".'
        )
    units, successions = [], []
    for index, item in enumerate(data.get("units", []), start=1):
        if not isinstance(item, dict):
            raise InterchangeError(f"Đơn vị thứ {index} không phải là một đối tượng JSON.")
        units.append(
            UnitRow(label=f"đơn vị thứ {index}", **{n: _clean(item.get(n)) for n in UNIT_FIELDS})
        )
    for index, item in enumerate(data.get("successions", []) or [], start=1):
        if not isinstance(item, dict):
            raise InterchangeError(f"Quan hệ kế thừa thứ {index} không phải là một đối tượng JSON.")
        successions.append(
            SuccessionRow(
                label=f"quan hệ kế thừa thứ {index}",
                **{n: _clean(item.get(n)) for n in SUCCESSION_FIELDS},
            )
        )
    return units, successions


def _public(row) -> dict:
    return {f.name: getattr(row, f.name) for f in fields(row) if f.name != "label"}


def to_data(units: list[UnitRow], successions: list[SuccessionRow]) -> dict:
    def unit_json(row: UnitRow) -> dict:
        data = _public(row)
        data["parent_code"] = data["parent_code"] or None
        data["valid_to"] = data["valid_to"] or None
        return data

    return {
        "schema": JSON_SCHEMA,
        "units": [unit_json(row) for row in units],
        "successions": [_public(row) for row in successions],
    }


def to_json(units: list[UnitRow], successions: list[SuccessionRow]) -> str:
    return json.dumps(to_data(units, successions), ensure_ascii=False, indent=2) + "\n"


def _to_csv(rows, names: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
    writer.writerow({name: CSV_HEADERS[name] for name in names})
    for row in rows:
        writer.writerow(_public(row))
    return buffer.getvalue()


def units_to_csv(units: list[UnitRow]) -> str:
    return _to_csv(units, UNIT_FIELDS)


def successions_to_csv(successions: list[SuccessionRow]) -> str:
    return _to_csv(successions, SUCCESSION_FIELDS)


__all__ = [
    "InterchangeError",
    "SuccessionRow",
    "UnitRow",
    "from_data",
    "from_json",
    "successions_from_csv",
    "successions_to_csv",
    "to_data",
    "to_json",
    "units_from_csv",
    "units_to_csv",
]
