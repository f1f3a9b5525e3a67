"""The consolidation as an XLSX workbook: totals, per-unit breakdown, narrative."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .selectors import Consolidation


def consolidation_xlsx(result: Consolidation) -> bytes:
    workbook = Workbook()
    totals = workbook.active
    totals.title = "Tổng hợp"
    totals.append([f"Tổng hợp {result.root.name} — kỳ {result.period_code}"])
    totals.append(
        [
            "Mã chỉ tiêu",
            "Chỉ tiêu",
            "Phân tổ",
            "Đơn vị tính",
            result.period_code,
            result.previous_code,
            "Tăng/giảm",
            "Tăng/giảm (%)",
        ]
    )
    for cell in totals[2]:
        cell.font = Font(bold=True)
    for line in result.lines:
        totals.append(
            [
                line.indicator.code,
                line.indicator.name,
                line.option_name or "",
                line.indicator.unit_of_measure,
                line.value,
                line.previous,
                line.change,
                line.change_percent,
            ]
        )
    totals.column_dimensions["B"].width = 60

    codes = [
        line.indicator.code + (f":{line.option_code}" if line.option_code else "")
        for line in result.lines
    ]
    units = workbook.create_sheet("Theo đơn vị")
    units.append(["Đơn vị", *codes])
    for name, values in result.units:
        units.append([name, *[values.get(code) for code in codes]])

    narrative = workbook.create_sheet("Nội dung")
    narrative.append(["Đề mục", "Đơn vị", "Nội dung"])
    for section in result.sections:
        for passage in section.passages:
            narrative.append(
                [f"{section.label}. {section.title}".strip(". "), passage.unit_name, passage.text]
            )
    narrative.column_dimensions["C"].width = 120
    for row in narrative.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
