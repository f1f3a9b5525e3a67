"""The consolidation workbook read back with openpyxl: figures are number cells, shares are
percentage cells, with the formats Excel shows as 1.868 and 95,5% in a Vietnamese locale; the
per-unit sheet is headed by indicator names with their unit, codes in a second row."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import ReportRequest
from reporting.cycle import DA_NANG_TITLE, at, issue, submission_of, user

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(client, query: str):
    response = client.get(f"/tong-hop/xuat.xlsx?{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content))


def _rows_by_key(sheet) -> dict:
    """{(code, option name or None): row cells} of the totals sheet, below its header row."""
    return {
        (row[0].value, row[2].value or None): row
        for row in sheet.iter_rows(min_row=4)
        if row[0].value
    }


@pytest.fixture
def fractions():
    """A 2024 cycle where the police report a satisfaction of 95,5% and 12,5 kg of rice."""
    request = issue(
        units=["DN-CATP", "DN-MTTQ"],
        period="2024S1",
        deadline=dt.date(2024, 6, 15),
        issued="2024-05-20",
    )
    with recorded_at(at("2024-06-10")):
        police = submission_of(request, "DN-CATP")
        services.submit(
            user("dn.baocao"),
            police.pk,
            police.version,
            {"ket-qua": "Kết quả."},
            {"chi-so-hai-long": "95,5", "hu-gao-tiet-kiem": "12,5", "tin-bai": "1.868"},
        )
    return request


def test_figures_are_numbers_and_shares_are_percentages(login_client, fractions):
    workbook = _workbook(login_client("dn.dieuphoi"), f"yeu-cau={fractions.pk}")
    sheet = workbook["Tổng hợp"]
    assert sheet["A1"].value == "Tổng hợp Thành ủy Đà Nẵng, 6 tháng đầu năm 2024"
    assert sheet["A2"].value == (
        "Tổng hợp từ 1/2 đơn vị; chưa báo cáo: Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Đà Nẵng"
    )
    # (Registers that compute some of these indicators add their columns after these.)
    assert [c.value for c in sheet[3]][:8] == [
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Phân tổ",
        "Đơn vị tính",
        "6 tháng đầu năm 2024",
        "Cùng kỳ (6 tháng đầu năm 2023)",
        "Tăng/giảm",
        "Tăng/giảm (%)",
    ]
    rows = _rows_by_key(sheet)
    news = rows[("tin-bai", None)][4]
    assert (news.value, news.data_type, news.number_format) == (1868, "n", "#,##0")
    rice = rows[("hu-gao-tiet-kiem", None)][4]
    assert (rice.value, rice.data_type, rice.number_format) == (12.5, "n", "#,##0.0#")
    share = rows[("chi-so-hai-long", None)][4]
    assert (share.value, share.data_type, share.number_format) == (0.955, "n", "0.0%")
    # Nothing a year earlier: empty cells, not zeros or text.
    assert rows[("tin-bai", None)][5].value is None


def test_the_per_unit_sheet_has_names_with_units_and_codes_below(login_client, fractions):
    sheet = _workbook(login_client("dn.dieuphoi"), f"yeu-cau={fractions.pk}")["Theo đơn vị"]
    titles = [c.value for c in sheet[1]]
    codes = [c.value for c in sheet[2]]
    assert titles[0] == "Đơn vị" and codes[0] == "Mã chỉ tiêu"
    column = {code: index for index, code in enumerate(codes)}
    # The unit once, even when the name already carries it.
    assert titles[column["tiep-cong-dan-luot"]] == "Tiếp công dân (lượt)"
    assert (
        titles[column["chi-so-hai-long"]]
        == "Chỉ số hài lòng của người dân về dịch vụ hành chính công (%)"
    )
    (police,) = [row for row in sheet.iter_rows(min_row=3) if row[0].value]
    assert police[0].value == "Công an thành phố Đà Nẵng"
    news = police[column["tin-bai"]]
    assert (news.value, news.number_format) == (1868, "#,##0")
    share = police[column["chi-so-hai-long"]]
    assert (share.value, share.number_format) == (0.955, "0.0%")
    assert police[column["tiep-cong-dan-luot"]].value is None


def test_the_da_nang_workbook_by_unit_and_period(login_client):
    workbook = _workbook(login_client("dn.lanhdao"), "don-vi=DN-TU&ky=2022S1")
    rows = _rows_by_key(workbook["Tổng hợp"])
    received = rows[("don-tiep-nhan", "Kiến nghị, phản ánh")][4]
    assert (received.value, received.number_format) == (2173, "#,##0")
    money = rows[("ho-tro-tet-kinh-phi", None)][4]
    assert (money.value, money.number_format) == (26_000_000_000, "#,##0")
    satisfaction = rows[("chi-so-hai-long", None)][4]
    assert (satisfaction.value, satisfaction.number_format) == (0.99, "0.0%")
    assert workbook["Tổng hợp"]["A2"].value == "Tổng hợp từ 4/4 đơn vị"
    per_unit = workbook["Theo đơn vị"]
    titles = {code.value: title.value for title, code in zip(per_unit[1], per_unit[2], strict=True)}
    assert titles["don-tiep-nhan:khieu-nai"] == "Đơn thư tiếp nhận — Khiếu nại (đơn)"
    assert [row[0].value for row in per_unit.iter_rows(min_row=3)] == [
        "Bộ Chỉ huy Quân sự thành phố Đà Nẵng",
        "Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng",
        "Công an thành phố Đà Nẵng",
        "Ủy ban nhân dân thành phố Đà Nẵng",
    ]
    narrative = workbook["Nội dung"]
    headings = list(
        dict.fromkeys(row[0] for row in narrative.iter_rows(min_row=2, values_only=True))
    )
    assert headings == ["I. Kết quả thực hiện Chương trình phối hợp", "2. Hạn chế"]


def test_the_request_workbook_compares_with_the_year_before(login_client):
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    sheet = _workbook(login_client("dn.dieuphoi"), f"yeu-cau={request.pk}")["Tổng hợp"]
    assert sheet["F3"].value == "Cùng kỳ (6 tháng đầu năm 2021)"
