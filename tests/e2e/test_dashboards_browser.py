"""The dashboards' and the analysis' charts drawn by ECharts in Chromium under the CSP (the
`page` fixture fails on any console error), their data read back from the drawn chart, the
table view opened, and the XLSX download fetched."""

import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.browser


def drawn(page, key: str) -> dict:
    page.wait_for_selector(f"#chart-{key}[data-drawn='1']", timeout=20000)
    return page.evaluate(
        """key => {
            const option = window.danvanCharts[key].getOption();
            return {
                series: option.series.map(s => ({name: s.name, data: s.data})),
                categories: (option.yAxis[0].data || option.xAxis[0].data),
                title: option.title[0].text,
                canvas: document.querySelector(`#chart-${key} canvas`) !== null,
            };
        }""",
        key,
    )


def test_coordinator_dashboard_charts(page, site, log_in):
    log_in(page, site, "dn.dieuphoi")
    rate = drawn(page, "ty-le-nop")
    assert rate["canvas"]
    assert rate["title"] == "Tỷ lệ nộp báo cáo và nộp đúng hạn của các yêu cầu đang mở"
    # The quarter's quick report: 2 of 3 on time; the half-year: 1 of 5 sent (the border guard).
    assert rate["series"][0] == {"name": "Đã nộp", "data": [66.7, 20]}
    assert rate["series"][1]["data"] == [66.7, 20]
    trend = drawn(page, "xu-huong")
    assert trend["categories"][0] == "6 tháng đầu năm 2022"
    assert trend["series"][0]["data"][0] == 100 and trend["series"][1]["data"][0] == 75
    indicators = drawn(page, "chi-tieu")
    assert indicators["series"][0]["data"] == [912, 2105]
    # The table view shows the same figures written the Vietnamese way.
    page.click("#chart-chi-tieu summary")
    assert "2.105" in page.inner_text("#chart-chi-tieu table")
    page.click("#chart-ty-le-nop summary")
    assert "66,7%" in page.inner_text("#chart-ty-le-nop table")
    # The download holds the chart's numbers.
    href = page.get_attribute("#chart-ty-le-nop a.chart-download", "href")
    response = page.request.get(site + href)
    assert response.status == 200
    sheet = load_workbook(io.BytesIO(response.body())).active
    assert [sheet["B3"].value, sheet["B4"].value] == [66.7, 20]


def test_reporter_dashboard_chart(page, site, log_in):
    log_in(page, site, "dn.baocao")
    chart = drawn(page, "bao-cao-cua-don-vi")
    assert chart["categories"][:4] == ["Đến hạn", "Quá hạn", "Bị trả lại", "Đã nộp"]
    assert chart["series"][0]["data"][:4] == [1, 0, 0, 2]


def test_analysis_series_and_children(page, site, log_in):
    log_in(page, site, "dn.lanhdao")
    page.goto(f"{site}/phan-tich/?chi-tieu=tiep-cong-dan-luot&don-vi=DN-TU&loai-ky=quarter")
    series = drawn(page, "chuoi-thoi-gian")
    assert series["series"][0]["name"] == "Giá trị"
    assert 912 in series["series"][0]["data"]
    children = drawn(page, "so-sanh-don-vi")
    assert children["series"][0]["data"] == [912]
    # Provenance on hover: the tooltip names where the figure came from.
    box = page.locator("#chart-chuoi-thoi-gian canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)
    assert "Nguồn" in page.inner_text("#chart-chuoi-thoi-gian")
