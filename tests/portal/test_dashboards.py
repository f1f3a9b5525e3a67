"""The role dashboards on the demo data (figures worked out by hand from demo/current.py and
demo/cycles.py), their XLSX downloads read back, and the query counts of the home page."""

import io
import re

import pytest
from openpyxl import load_workbook

from danvan.demo.current import half_year_title, previous_quarter, quarter_title
from danvan.reporting import clock
from danvan.reporting.periods import parse_period


def charts(html: str) -> dict[str, str]:
    return dict(
        re.findall(
            r'<script id="chart-data-([a-z-]+)" type="application/json">(.*?)</script>', html
        )
    )


def test_coordinator_dashboard_rates_trend_indicators_and_silent_units(login_client):
    import json

    html = login_client("dn.dieuphoi").get("/").content.decode()
    data = {k: json.loads(v) for k, v in charts(html).items()}
    today = clock.today()
    rate = data["ty-le-nop"]
    # The quarter's quick report: 2 of 3 units sent on time; the half-year: 1 of 5 (border guard).
    quarter = parse_period(previous_quarter(today)).name
    assert rate["categories"][0].startswith(quarter_title(today)[:40])
    assert rate["categories"][0].endswith(f"({quarter})")
    assert rate["series"][0]["data"] == [66.7, 20.0]
    assert rate["series"][1]["data"] == [66.7, 20.0]
    assert half_year_title(today)[:40] in rate["categories"][1]
    # The trend: the 2022 half-year (4 of 4 sent, the border guard late) then this year's two.
    trend = data["xu-huong"]
    assert trend["categories"][0] == "6 tháng đầu năm 2022"
    assert trend["series"][0]["data"][0] == 100.0
    assert trend["series"][1]["data"][0] == 75.0
    # Key indicators: the quarter's 912 citizens received and 2.105 hotline calls, none a year ago.
    indicators = data["chi-tieu"]
    assert indicators["series"][0]["data"] == [912.0, 2105.0]
    assert indicators["series"][1]["data"] == [None, None]
    assert "2.105" in html  # the table view, Vietnamese separators
    # The Front has not sent the quarter's report, due five days ago.
    silent = html[html.index('id="home-silent"') :]
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Đà Nẵng" in silent
    assert re.search(r'<td class="number">5</td>', silent)
    assert html.count("Tải số liệu (XLSX)") == 4


def test_reporter_dashboard(login_client):
    import json

    html = login_client("dn.baocao").get("/").content.decode()
    data = json.loads(charts(html)["bao-cao-cua-don-vi"])
    # Due: the half-year; done: the quarter's report and the 2022 one; nothing overdue or returned.
    assert data["series"][0]["data"][:4] == [1.0, 0.0, 0.0, 2.0]
    assert half_year_title(clock.today()) in html
    assert 'id="home-register-items"' in html


def test_chart_xlsx_has_the_charts_numbers(login_client):
    response = login_client("dn.dieuphoi").get("/bieu-do/ty-le-nop.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value.startswith("Tỷ lệ nộp báo cáo")
    assert [c.value for c in sheet[2]] == ["Yêu cầu báo cáo", "Đã nộp (%)", "Đúng hạn (%)"]
    assert [sheet["B3"].value, sheet["B4"].value] == [66.7, 20]
    assert login_client("dn.dieuphoi").get("/bieu-do/khong-co.xlsx").status_code == 404


def test_viewer_and_other_province_see_their_own(login_client):
    html = login_client("ct.dieuphoi").get("/").content.decode()
    assert "Đà Nẵng" not in html[html.index('id="home-dashboard"') :]
    # Cần Thơ has no open request: the latest one is shown, no silent list from 2019.
    assert "yêu cầu gần nhất" in html
    assert "Không có đơn vị nào quá hạn mà chưa báo cáo." in html


@pytest.mark.parametrize("username", ["dn.dieuphoi", "dn.lanhdao", "dn.baocao", "admin"])
def test_home_query_count(login_client, username, django_assert_max_num_queries):
    client = login_client(username)
    with django_assert_max_num_queries(60):
        assert client.get("/").status_code == 200
