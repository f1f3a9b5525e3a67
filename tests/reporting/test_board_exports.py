"""The status board's workbook read back with openpyxl: counts are numbers, rates percentages,
submission moments date-times; the CSV's headers are Vietnamese."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from danvan.reporting.models import ReportRequest
from reporting.cycle import DA_NANG_TITLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(login_client):
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    response = login_client("dn.lanhdao").get(f"/bao-cao/yeu-cau/{request.pk}/xuat.xlsx")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_counts_are_numbers_and_rates_percentages(workbook):
    sheet = workbook["Tổng quan"]
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    deadline = rows["Hạn nộp"][1]
    assert (deadline.value, deadline.number_format) == (dt.datetime(2022, 6, 15), "dd/mm/yyyy")
    # Four partners asked; all submitted, the border guard after the 15/6 deadline.
    expected = {
        "Số đơn vị phải nộp": (4, None),
        "Đã nộp": (4, 1.0),
        "Đúng hạn": (3, 0.75),
        "Trễ hạn": (1, 0.25),
        "Chưa nộp": (0, 0.0),
        "Đã tiếp nhận": (2, None),
    }
    for label, (count, rate) in expected.items():
        number, share = rows[label][1], rows[label][2] if len(rows[label]) > 2 else None
        assert (number.value, number.data_type, number.number_format) == (count, "n", "#,##0")
        if rate is not None:
            assert (share.value, share.data_type, share.number_format) == (rate, "n", "0.0%")


def test_submission_moments_are_date_times(workbook):
    sheet = workbook["Đơn vị"]
    assert [c.value for c in sheet[1]] == [
        "Mã đơn vị",
        "Đơn vị",
        "Trạng thái",
        "Nộp lần đầu",
        "Nộp lần cuối",
        "Đúng hạn",
        "Tiếp nhận",
        "Trả lại",
    ]
    border = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "DN-BDBP")
    first = border[3]
    assert first.value == dt.datetime(2022, 6, 20, 10, 0)
    assert (first.data_type, first.number_format) == ("d", "dd/mm/yyyy hh:mm")
    assert border[5].value == "Trễ hạn"
    assert border[6].value is None  # not accepted
