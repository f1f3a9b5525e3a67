"""In a real browser: a reporter logs a signal on a 390 px phone screen; the coordinator sees
it on the board (ECharts draws, the table view holds the numbers) and drafts the report."""

import pytest

from danvan.sentiment.models import Signal

pytestmark = pytest.mark.browser

TEXT = "Người dân ấp Thới Hòa phản đối việc thu phí tại trạm BOT T2 giờ cao điểm."


def test_from_a_phone_to_the_board_and_the_report(page, site, log_in):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, site, "ct.baocao")
    page.goto(f"{site}/tinh-hinh-nhan-dan/y-kien/moi/")
    page.select_option("#id_unit", "CT-DUCQD")
    page.select_option("#id_topic", label="Giao thông – trạm thu phí")
    page.check("text=Phản đối")
    page.check("text=Đa số")
    page.select_option("#id_channel", "ctv_dlxh")
    page.fill("#id_text", TEXT)
    page.click("summary")
    page.check("text=Nông dân")
    page.fill("#id_area", "Ấp Thới Hòa")
    page.fill("#id_source_name", "Ông Sáu Tâm")
    # Nothing on the form is wider than the phone's screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide"
    page.click("button.primary")
    page.wait_for_url("**/tinh-hinh-nhan-dan/y-kien/*/")
    assert "Đã ghi nhận ý kiến." in page.inner_text("main")
    assert page.inner_text("#signal-source") == "Ông Sáu Tâm"
    signal = Signal.objects.get(text=TEXT)
    assert (signal.direction, signal.spread, signal.area) == ("phan_doi", "da_so", "Ấp Thới Hòa")

    log_in(page, site, "ct.dieuphoi")
    day = signal.observed_on
    page.goto(
        f"{site}/tinh-hinh-nhan-dan/bang-theo-doi/?don-vi=CT-TU&tu={day:%Y-%m-01}&den={day:%Y-%m-%d}"
    )
    page.wait_for_selector("#chart-topics[data-drawn='1'] svg")
    page.wait_for_selector("#chart-months[data-drawn='1'] svg")
    assert page.inner_text("#board-total") == "1"
    row = page.locator("#table-topics tbody tr").first.inner_text()
    assert row.split("\t")[:2] == ["Giao thông – trạm thu phí", "1"]
    assert "Ấp Thới Hòa" in page.inner_text("#rising")
    page.goto(f"{site}/tinh-hinh-nhan-dan/y-kien/{signal.pk}/")
    assert "Ông Sáu Tâm" not in page.inner_text("main")

    page.goto(f"{site}/tinh-hinh-nhan-dan/bao-cao/")
    page.select_option("#id_unit", "CT-DUCQD")
    page.fill("#id_date_from", f"{day:%Y-%m-01}")
    page.fill("#id_date_to", f"{day:%Y-%m-%d}")
    page.click("#report-form button")
    draft = page.inner_text("#draft-buc-xuc")
    assert "Về giao thông – trạm thu phí: 1 ý kiến (1 phản đối)" in draft
    assert "Ông Sáu Tâm" not in page.inner_text("#draft")
