"""The consolidation as an XLSX workbook: totals, per-unit breakdown, narrative. Figures are
number cells, shares percentage cells (see reporting.exports for the formats); the breakdown's
columns are headed by the indicator's name and unit, with its code in a second header row."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from danvan.reporting.exports import bold_row, put_number, put_percent
from danvan.reporting.periods import parse_period

from .register_check import DIFFERS
from .selectors import Consolidation, Line

PERCENT_UNITS = {"%"}
# Beside the totals when a register computes some of them (see register_check).
REGISTER_COLUMNS = ("Sổ theo dõi tính được", "Báo cáo trừ sổ theo dõi", "Đối chiếu sổ theo dõi")


def _period_name(code: str) -> str:
    return parse_period(code).name


def is_percent(line: Line) -> bool:
    return line.indicator.unit_of_measure.strip() in PERCENT_UNITS


def put_figure(cell, line: Line, value) -> None:
    """A value of `line`'s indicator: a percentage when the indicator is measured in %."""
    (put_percent if is_percent(line) else put_number)(cell, value)


def column_title(line: Line) -> str:
    """ "Đơn thư tiếp nhận — Khiếu nại (đơn)": the name, the option, the unit once."""
    name = line.indicator.name
    if line.option_name:
        name = f"{name} — {line.option_name}"
    unit = line.indicator.unit_of_measure.strip()
    if unit and not line.indicator.name.endswith(f"({unit})"):
        name = f"{name} ({unit})"
    return name


def line_key(line: Line) -> str:
    return line.indicator.code + (f":{line.option_code}" if line.option_code else "")


def _totals(workbook, result: Consolidation) -> None:
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    sheet.append([f"Tổng hợp {result.root.name}, {_period_name(result.period_code)}"])
    sheet.cell(1, 1).font = Font(bold=True)
    sheet.append([result.coverage.text[:1].upper() + result.coverage.text[1:]])
    sheet.append(
        [
            "Mã chỉ tiêu",
            "Chỉ tiêu",
            "Phân tổ",
            "Đơn vị tính",
            _period_name(result.period_code),
            f"Cùng kỳ ({_period_name(result.previous_code)})",
            "Tăng/giảm",
            "Tăng/giảm (%)",
            *(REGISTER_COLUMNS if result.figures else ()),
        ]
    )
    bold_row(sheet, 3)
    for line in result.compared:
        sheet.append(
            [
                line.indicator.code,
                line.indicator.name,
                line.option_name or "",
                line.indicator.unit_of_measure,
            ]
        )
        row = sheet.max_row
        put_figure(sheet.cell(row, 5), line, line.value)
        put_figure(sheet.cell(row, 6), line, line.previous)
        put_figure(sheet.cell(row, 7), line, line.change)
        put_percent(sheet.cell(row, 8), line.change_percent)
        if line.computed is not None:
            put_figure(sheet.cell(row, 9), line, line.computed_value)
            put_figure(sheet.cell(row, 10), line, (line.value or 0) - line.computed_value)
            sheet.cell(row, 11, (DIFFERS + "; " if line.differs else "") + line.computed.provenance)
    sheet.column_dimensions["B"].width = 60
    for column in "EFGH":
        sheet.column_dimensions[column].width = 16
    sheet.freeze_panes = "C4"


def _per_unit(workbook, result: Consolidation) -> None:
    sheet = workbook.create_sheet("Theo đơn vị")
    sheet.append(["Đơn vị", *[column_title(line) for line in result.lines]])
    sheet.append(["Mã chỉ tiêu", *[line_key(line) for line in result.lines]])
    bold_row(sheet, 1)
    for cell in sheet[1]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    keys = [line_key(line) for line in result.lines]
    for name, values in result.units:
        sheet.append([name])
        row = sheet.max_row
        for column, (line, key) in enumerate(zip(result.lines, keys, strict=True), start=2):
            put_figure(sheet.cell(row, column), line, values.get(key))
    sheet.column_dimensions["A"].width = 50
    sheet.freeze_panes = "B3"


def _narrative(workbook, result: Consolidation) -> None:
    sheet = workbook.create_sheet("Nội dung")
    sheet.append(["Đề mục", "Đơn vị", "Nội dung"])
    bold_row(sheet, 1)
    for section in result.sections:
        for passage in section.passages:
            sheet.append(
                [f"{section.label}. {section.title}".strip(". "), passage.unit_name, passage.text]
            )
    sheet.column_dimensions["C"].width = 120
    for row in sheet.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")


def consolidation_xlsx(result: Consolidation) -> bytes:
    workbook = Workbook()
    _totals(workbook, result)
    _per_unit(workbook, result)
    _narrative(workbook, result)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
