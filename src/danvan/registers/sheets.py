"""Checked spreadsheet import and export for the registers (no Django here).

A register describes its sheet as a tuple of `Column`s. `read()` checks every row of an
uploaded .xlsx and returns the rows as dicts only when all of them are right; otherwise it
raises `SheetRejected` with one Vietnamese message per fault ("Dòng 5, cột “Ngày ký”: …"),
so the caller writes nothing. The caller then writes all rows in one transaction, passing
its own database checks (unknown unit code, duplicate symbol…) through `check_row`, which
runs before anything is returned. `write()` exports rows with the same columns (so an export
reads back), and `template()` is the empty sheet to download, with a "Hướng dẫn" sheet.

    COLUMNS = (Column("symbol", "Số, ký hiệu", text(60)), Column("signed_on", "Ngày ký", date_cell),
               Column("kind", "Loại", choice({"chuong_trinh": "Chương trình", ...})))
    rows = sheets.read(upload.read(), COLUMNS, check_row=lambda n, row: [...])
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from danvan.vn.dates import make_date
from danvan.vn.numbers import parse_figure
from danvan.vn.text import fold, has_surrogates, squeeze

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
MAX_MESSAGES = 200


class CellError(ValueError):
    """Raised by a column parser with a Vietnamese message (without the row and column)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SheetRejected(Exception):
    """The whole sheet is refused; `errors` are the Vietnamese messages, in sheet order."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


Parser = Callable[[object], object]


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Vietnamese, row 1 of the sheet
    parse: Parser
    required: bool = True
    help: str = ""  # shown on the template's "Hướng dẫn" sheet
    example: str = ""
    width: int = 22
    number_format: str | None = None  # for write(): "#,##0", "DD/MM/YYYY"…


def _as_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return squeeze(str(raw))


def text(max_length: int = 500) -> Parser:
    def parse(raw: object) -> str:
        value = _as_text(raw)
        if has_surrogates(value):
            raise CellError("chứa ký tự không hợp lệ.")
        if len(value) > max_length:
            raise CellError(f"dài {len(value)} ký tự; tối đa {max_length}.")
        return value

    return parse


def number(*, whole: bool = False, minimum: Decimal | None = Decimal(0)) -> Parser:
    def parse(raw: object) -> Decimal | None:
        if raw is None or _as_text(raw) == "":
            return None
        if isinstance(raw, bool):
            raise CellError("phải là một số.")
        if isinstance(raw, float) and not math.isfinite(raw):
            raise CellError("phải là một số.")
        if isinstance(raw, int | float):
            value = Decimal(str(raw))
        else:
            value = parse_figure(_as_text(raw))
            if value is None:
                raise CellError(f"“{_as_text(raw)[:40]}” không phải là số (viết 1.868 hoặc 95,5).")
        if whole and value != value.to_integral_value():
            raise CellError("phải là số nguyên.")
        if minimum is not None and value < minimum:
            raise CellError(f"không được nhỏ hơn {minimum}.")
        if abs(value) >= Decimal(10) ** 15:
            raise CellError("lớn quá mức cho phép.")
        return value

    return parse


def date_cell(raw: object) -> dt.date | None:
    """A date cell, or text dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy)."""
    if raw is None or _as_text(raw) == "":
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    value = _as_text(raw)
    parts = value.replace("-", "/").replace(".", "/").split("/")
    if len(parts) == 3 and all(p.isascii() and p.isdigit() for p in parts) and len(parts[2]) == 4:
        parsed, _ = make_date(parts[0], parts[1], parts[2], value)
        if parsed is not None:
            return parsed
        raise CellError(f"ngày “{value}” không có thật (sai ngày, tháng hoặc năm).")
    raise CellError(f"“{value[:40]}” không phải là ngày (viết dd/mm/yyyy).")


def choice(options: Mapping[str, str]) -> Parser:
    """One of `options` (code → Vietnamese label); the cell may hold the label or the code,
    with or without diacritics; returns the code."""
    folded = {fold(label): code for code, label in options.items()}
    folded.update({fold(code): code for code in options})

    def parse(raw: object) -> str | None:
        value = _as_text(raw)
        if not value:
            return None
        code = folded.get(fold(value))
        if code is None:
            allowed = ", ".join(f"“{label}”" for label in options.values())
            raise CellError(f"“{value[:40]}” không có trong danh mục ({allowed}).")
        return code

    return parse


def _open(data: bytes):
    if len(data) > MAX_BYTES:
        raise SheetRejected([f"Tệp lớn quá {MAX_BYTES // (1024 * 1024)} MB."])
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise SheetRejected(
            ["Tệp không phải bảng tính Excel (.xlsx) đọc được; hãy lưu lại dưới dạng .xlsx."]
        ) from None


def _header_map(header: tuple, columns: tuple[Column, ...]) -> tuple[dict[str, int], list[str]]:
    by_name = {fold(_as_text(cell)): i for i, cell in enumerate(header) if _as_text(cell)}
    positions, errors = {}, []
    for column in columns:
        index = by_name.get(fold(column.header), by_name.get(fold(column.key)))
        if index is None:
            if column.required:
                errors.append(f"Thiếu cột “{column.header}” ở dòng tiêu đề (dòng 1).")
            continue
        positions[column.key] = index
    return positions, errors


def read(
    data: bytes,
    columns: tuple[Column, ...],
    *,
    check_row: Callable[[int, dict], list[str]] | None = None,
    max_rows: int = MAX_ROWS,
) -> list[dict]:
    """Every data row as {column key: parsed value} (with "_row": the sheet's row number),
    or SheetRejected listing every fault. Empty rows are skipped; the first sheet is read."""
    workbook = _open(data)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True) if workbook.worksheets else []
        rows = iter(rows)
        header = next(rows, None)
        if header is None:
            raise SheetRejected(["Bảng tính trống: cần dòng tiêu đề ở dòng 1."])
        positions, errors = _header_map(header, columns)
        if errors:
            raise SheetRejected(errors)
        result = []
        for number_, cells in enumerate(rows, start=2):
            if not any(_as_text(c) for c in cells):
                continue
            if len(result) >= max_rows:
                errors.append(f"Bảng tính có hơn {max_rows} dòng; hãy chia thành nhiều tệp.")
                break
            row, row_errors = _parse_row(number_, cells, columns, positions)
            if not row_errors and check_row is not None:
                row_errors = [f"Dòng {number_}: {m}" for m in check_row(number_, row)]
            errors.extend(row_errors)
            result.append(row)
            if len(errors) > MAX_MESSAGES:
                break
    finally:
        workbook.close()
    if errors:
        shown = errors[:MAX_MESSAGES]
        if len(errors) > MAX_MESSAGES:
            shown.append("… và còn lỗi khác; hãy sửa các lỗi trên rồi tải lại.")
        raise SheetRejected(shown)
    if not result:
        raise SheetRejected(["Bảng tính không có dòng dữ liệu nào (từ dòng 2)."])
    return result


def _parse_row(number_: int, cells: tuple, columns, positions) -> tuple[dict, list[str]]:
    row: dict = {"_row": number_}
    errors = []
    for column in columns:
        index = positions.get(column.key)
        raw = cells[index] if index is not None and index < len(cells) else None
        try:
            value = column.parse(raw)
        except CellError as error:
            errors.append(f"Dòng {number_}, cột “{column.header}”: {error.message}")
            continue
        if column.required and (value is None or value == ""):
            errors.append(f"Dòng {number_}, cột “{column.header}”: chưa nhập.")
        row[column.key] = value
    return row, errors


def _cell(value: object, options: Mapping[str, str] | None) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if options and isinstance(value, str):
        value = options.get(value, value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def write(
    columns: tuple[Column, ...],
    rows: Iterable[Mapping],
    *,
    title: str,
    labels: Mapping[str, Mapping[str, str]] | None = None,
) -> bytes:
    """The rows as an .xlsx that `read()` accepts back; `labels[key]` turns codes into the
    Vietnamese labels of a choice column."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = column.width
    for row in rows:
        sheet.append([_cell(row.get(c.key), (labels or {}).get(c.key)) for c in columns])
    for index, column in enumerate(columns, start=1):
        fmt = column.number_format or ("DD/MM/YYYY" if column.parse is date_cell else None)
        if fmt:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = fmt
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template(columns: tuple[Column, ...], *, title: str) -> bytes:
    """The empty sheet to fill (headers only) and a "Hướng dẫn" sheet describing each column."""
    data = write(columns, [], title=title)
    workbook = load_workbook(io.BytesIO(data))
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in columns:
        guide.append(
            [column.header, "có" if column.required else "không", column.help, column.example]
        )
    for letter, width in zip("ABCD", (28, 10, 60, 30), strict=True):
        guide.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
