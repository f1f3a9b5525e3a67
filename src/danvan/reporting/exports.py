"""The status board as CSV and XLSX files, and the cell helpers every XLSX export uses.

Spreadsheet cells hold numbers as numbers, shares as fractions with a percent format, moments
as date-times: a board's staff add them up and chart them. The number formats are Excel's
locale-neutral codes ("#,##0", "0.0%"): Excel draws "," as the thousands separator and "." as
the decimal mark of the reader's locale, so with Vietnamese regional settings 1868 shows as
"1.868" and 0.955 as "95,5%" (a format with literal "." and "," would break other locales and
turn the cell into text for formulas)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from .selectors import Board, on_time

INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0#"
PERCENT_FORMAT = "0.0%"
MOMENT_FORMAT = "dd/mm/yyyy hh:mm"

HEADER = [
    "Mã đơn vị",
    "Đơn vị",
    "Trạng thái",
    "Nộp lần đầu",
    "Nộp lần cuối",
    "Đúng hạn",
    "Tiếp nhận",
    "Trả lại",
]


def put_number(cell, value) -> None:
    """A figure as a number cell: integers grouped by thousands, decimals with up to two places."""
    if value is None:
        cell.value = None
        return
    number = Decimal(str(value))
    whole = number == number.to_integral_value()
    cell.value = int(number) if whole else float(number)
    cell.number_format = INTEGER_FORMAT if whole else DECIMAL_FORMAT


def put_percent(cell, percent) -> None:
    """A share given in percent (95.5) as the fraction Excel calls a percentage (0.955)."""
    if percent is None:
        cell.value = None
        return
    cell.value = float(Decimal(str(percent)) / 100)
    cell.number_format = PERCENT_FORMAT


def put_moment(cell, moment) -> None:
    """A moment as a date-time cell in the server's time zone (Excel has no time zones)."""
    cell.value = timezone.localtime(moment).replace(tzinfo=None) if moment else None
    cell.number_format = MOMENT_FORMAT


def bold_row(sheet, row: int) -> None:
    for cell in sheet[row]:
        cell.font = Font(bold=True)


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def _timeliness(assignment) -> str:
    timely = on_time(assignment)
    return "" if timely is None else ("Đúng hạn" if timely else "Trễ hạn")


def board_rows(board: Board) -> list[list[str]]:
    rows = []
    for assignment in board.rows:
        submission = assignment.submission
        rows.append(
            [
                assignment.unit.code,
                assignment.unit_name,
                submission.get_status_display(),
                _when(submission.first_submitted_at),
                _when(submission.submitted_at),
                _timeliness(assignment),
                _when(submission.accepted_at),
                _when(submission.returned_at),
            ]
        )
    return rows


def board_csv(board: Board) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(board_rows(board))
    return "\ufeff" + buffer.getvalue()  # BOM so Excel opens the Vietnamese text as UTF-8


def _summary(sheet, board: Board) -> None:
    request = board.request
    sheet.append(["Yêu cầu", request.title])
    sheet.append(["Kỳ báo cáo", request.period.name])
    sheet.append(["Hạn nộp", request.deadline])
    sheet.cell(sheet.max_row, 2).number_format = "dd/mm/yyyy"
    sheet.append([])
    sheet.append(["", "Số đơn vị", "Tỷ lệ"])
    bold_row(sheet, sheet.max_row)
    counts = [
        ("Số đơn vị phải nộp", board.expected, False),
        ("Đã nộp", board.submitted, True),
        ("Đúng hạn", board.on_time, True),
        ("Trễ hạn", board.late, True),
        ("Chưa nộp", board.missing, True),
        ("Bị trả lại", board.returned, False),
        ("Đã tiếp nhận", board.accepted, False),
    ]
    for label, count, with_rate in counts:
        sheet.append([label])
        row = sheet.max_row
        put_number(sheet.cell(row, 2), count)
        if with_rate:
            put_percent(sheet.cell(row, 3), board.rate(count))
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 60


def board_xlsx(board: Board) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Tổng quan"
    _summary(summary, board)
    sheet = workbook.create_sheet("Đơn vị")
    sheet.append(HEADER)
    bold_row(sheet, 1)
    for assignment in board.rows:
        submission = assignment.submission
        sheet.append(
            [
                assignment.unit.code,
                assignment.unit_name,
                submission.get_status_display(),
                None,
                None,
                _timeliness(assignment),
            ]
        )
        row = sheet.max_row
        for column, moment in (
            (4, submission.first_submitted_at),
            (5, submission.submitted_at),
            (7, submission.accepted_at),
            (8, submission.returned_at),
        ):
            put_moment(sheet.cell(row, column), moment)
    sheet.column_dimensions["B"].width = 55
    for column in "DEGH":
        sheet.column_dimensions[column].width = 17
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
