"""A chart as data: what the page draws with ECharts, shows as a table and offers as XLSX.

One object feeds the three views, so the picture, the table and the workbook cannot disagree.
Values are Decimals (None where there is nothing to show); the browser formats them with
Vietnamese separators, the table with `vn.formatting`, the workbook as number cells.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from danvan.reporting.exports import put_number
from danvan.vn.formatting import format_number


@dataclass
class Series:
    name: str
    values: list[Decimal | None]
    # A note per point shown on hover (the provenance of the figure), "" for none.
    notes: list[str] = field(default_factory=list)


@dataclass
class Chart:
    key: str  # a slug, unique on its page: the element's id and the download's name
    title: str
    kind: str  # "bar" or "line"
    category_label: str  # the table's first column ("Kỳ báo cáo", "Đơn vị")
    categories: list[str]
    series: list[Series]
    unit: str = ""  # "%" formats values as percentages
    note: str = ""  # a sentence under the chart (the rule followed, the data's cut-off)
    horizontal: bool = False

    @property
    def empty(self) -> bool:
        return not self.categories or all(v is None for s in self.series for v in s.values)

    def data(self) -> dict:
        """What the page hands the script (json_script): plain numbers, no Decimals."""
        return {
            "key": self.key,
            "title": self.title,
            "kind": self.kind,
            "unit": self.unit,
            "horizontal": self.horizontal,
            "categories": self.categories,
            "series": [
                {
                    "name": s.name,
                    "data": [None if v is None else float(v) for v in s.values],
                    "notes": s.notes or [""] * len(s.values),
                }
                for s in self.series
            ],
        }

    def shown(self, value: Decimal | None) -> str:
        if value is None:
            return "—"
        return format_number(value) + ("%" if self.unit == "%" else "")

    def rows(self) -> list[tuple[str, list[str]]]:
        """The table view: one row per category, one formatted cell per series."""
        return [
            (category, [self.shown(s.values[i]) for s in self.series])
            for i, category in enumerate(self.categories)
        ]


def chart_xlsx(chart: Chart) -> bytes:
    """The chart's data as a workbook: its title, a header row, then a row per category."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append([chart.title])
    sheet["A1"].font = Font(bold=True)
    headers = [chart.category_label] + [
        f"{s.name} (%)" if chart.unit == "%" else s.name for s in chart.series
    ]
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for i, category in enumerate(chart.categories):
        row = sheet.max_row + 1
        sheet.cell(row=row, column=1, value=category)
        for j, series in enumerate(chart.series, start=2):
            put_number(sheet.cell(row=row, column=j), series.values[i])
    if chart.note:
        sheet.cell(row=sheet.max_row + 2, column=1, value=chart.note)
    sheet.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
