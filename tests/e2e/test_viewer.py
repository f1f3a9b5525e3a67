"""The viewer in a browser: the menu shows what they may open; from the request list to the
board to a submitted report, read-only; a draft is plain text on the board."""

import pytest

from danvan.demo.current import half_year_title
from danvan.reporting.clock import today

pytestmark = pytest.mark.browser


def test_the_viewer_opens_a_submitted_report_from_the_menu(page, site, log_in):
    log_in(page, site, "dn.xem")
    menu = page.locator("nav.sidenav a").all_inner_texts()
    assert {"Yêu cầu báo cáo", "Tổng hợp", "Sổ văn bản"} <= set(menu)
    assert not {"Báo cáo cần nộp", "Đề cương", "Nhập báo cáo từ tệp"} & set(menu)

    page.click("nav.sidenav >> text=Yêu cầu báo cáo")
    page.click(f"text={half_year_title(today())}")
    rows = page.locator("#board-rows tbody tr")
    police = rows.filter(has_text="Công an thành phố Đà Nẵng")
    assert police.locator("a").count() == 0, "a draft is not a link for a viewer"
    rows.filter(has_text="Bộ đội Biên phòng").locator("a").click()

    assert page.inner_text("#submission-status").startswith("Đã nộp")
    assert "Phối hợp với các Hội đoàn thể thành phố" in page.inner_text("main")
    assert page.locator("main textarea, main button[type=submit]").count() == 0

    page.click("nav.sidenav >> text=Tổng hợp")
    assert page.locator("main h1").count() == 1
