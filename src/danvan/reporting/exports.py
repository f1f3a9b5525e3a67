"""The status board as CSV and XLSX files."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from .selectors import Board, on_time

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


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def board_rows(board: Board) -> list[list[str]]:
    rows = []
    for assignment in board.rows:
        submission = assignment.submission
        timely = on_time(assignment)
        rows.append(
            [
                assignment.unit.code,
                assignment.unit_name,
                submission.get_status_display(),
                _when(submission.first_submitted_at),
                _when(submission.submitted_at),
                "" if timely is None else ("Đúng hạn" if timely else "Trễ hạn"),
                _when(submission.accepted_at),
                _when(submission.returned_at),
            ]
        )
    return rows


def summary_rows(board: Board) -> list[list]:
    return [
        ["Yêu cầu", board.request.title],
        ["Kỳ báo cáo", board.request.period.name],
        ["Hạn nộp", board.request.deadline.strftime("%d/%m/%Y")],
        ["Số đơn vị phải nộp", board.expected],
        ["Đã nộp", board.submitted, f"{board.submitted_rate}%"],
        ["Đúng hạn", board.on_time, f"{board.on_time_rate}%"],
        ["Trễ hạn", board.late, f"{board.rate(board.late)}%"],
        ["Chưa nộp", board.missing, f"{board.rate(board.missing)}%"],
        ["Bị trả lại", board.returned],
        ["Đã tiếp nhận", board.accepted],
    ]


def board_csv(board: Board) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(board_rows(board))
    return "\ufeff" + buffer.getvalue()  # BOM so Excel opens the Vietnamese text as UTF-8


def board_xlsx(board: Board) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Tổng quan"
    for row in summary_rows(board):
        summary.append(row)
    sheet = workbook.create_sheet("Đơn vị")
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in board_rows(board):
        sheet.append(row)
    sheet.column_dimensions["B"].width = 55
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
