"""The whole cycle in a browser: a coordinator issues a request to two units, one reporter
submits before the deadline and one after, the board shows 50% on time, the coordinator
returns one and accepts the other, the returned one is corrected, and the consolidation sums
both. Time moves with time-machine (server and test share the process)."""

import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone

from danvan.accounts.permissions import SYSTEM
from danvan.accounts.services import create_user, grant_role

pytestmark = pytest.mark.browser
UBND_PASSWORD = "Song-Han#2026"


def submit_report(page, site, figures: dict[str, str], text: str):
    page.goto(f"{site}/bao-cao/hop-thu/")
    page.click("#inbox-due a, #inbox-overdue a, #inbox-returned a")
    page.fill("textarea[name='section:ket-qua']", text)
    for key, value in figures.items():
        page.fill(f"input[name='value:{key}']", value)
    with page.expect_navigation():
        page.click("button[value=submit]")
    return page.inner_text("#submission-status")


def test_issue_submit_late_return_accept_consolidate(page, site, log_in):
    create_user(SYSTEM, "dn.ubnd", UBND_PASSWORD, full_name="Hồ Văn Tâm")
    grant_role(SYSTEM, "dn.ubnd", "DN-UBND", "reporter")
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    deadline = (start + dt.timedelta(days=5)).date()

    with time_machine.travel(start, tick=True):
        log_in(page, site, "dn.dieuphoi")
        page.goto(f"{site}/bao-cao/yeu-cau/moi/")
        page.fill("input[name=title]", "Báo cáo thử nghiệm chu trình")
        page.select_option("select[name=issuer]", "DN-BTGDVTU")
        page.select_option(
            "select[name=template]",
            label="Đề cương báo cáo Chương trình phối hợp công tác dân vận (phiên bản 1)",
        )
        page.select_option("select[name=period_kind]", label="6 tháng cuối năm")
        page.select_option("select[name=period_year]", str(start.year))
        page.check("input[name=units][value=DN-CATP]")
        page.check("input[name=units][value=DN-UBND]")
        page.fill("input[name=deadline]", deadline.isoformat())
        page.fill("input[name=lock_date]", (deadline + dt.timedelta(days=30)).isoformat())
        page.fill("input[name=document_symbol]", "138-CV/BTGDVTU")
        page.fill("input[name=document_date]", start.date().isoformat())
        with page.expect_navigation():
            page.click("button.primary")
        board_url = page.url
        assert f"6 tháng cuối năm {start.year}" in page.inner_text("main")
        assert page.inner_text("#stat-expected") == "2"
        assert page.inner_text("#stat-missing") == "2"

        log_in(page, site, "dn.baocao")
        status = submit_report(
            page,
            site,
            {"tin-bai": "1.200", "duong-day-nong": "300"},
            "Công an thành phố tuyên truyền phòng chống tội phạm.",
        )
        assert "Đã nộp — đúng hạn" in status

    with time_machine.travel(start + dt.timedelta(days=7), tick=True):
        log_in(page, site, "dn.ubnd", UBND_PASSWORD)
        status = submit_report(
            page,
            site,
            {"tiep-cong-dan-luot": "40", "tiep-cong-dan-nguoi": "38", "tin-bai": "15"},
            "UBND thành phố tiếp công dân định kỳ.",
        )
        assert "Đã nộp — trễ hạn" in status

        log_in(page, site, "dn.dieuphoi")
        page.goto(board_url)
        assert page.inner_text("#stat-submitted") == "2"
        assert page.inner_text("#stat-on-time") == "1"
        assert page.inner_text("#stat-late") == "1"
        assert page.inner_text("#rate-on-time") == "50%"

        page.click("#board-rows >> text=Công an thành phố Đà Nẵng")
        page.fill("textarea[name=comment]", "Bổ sung số tin, bài theo từng chuyên mục.")
        with page.expect_navigation():
            page.click("button:has-text('Trả lại')")
        assert "Bị trả lại" in page.inner_text("#submission-status")

        page.goto(board_url)
        page.click("#board-rows >> text=Ủy ban nhân dân thành phố Đà Nẵng")
        with page.expect_navigation():
            page.click("button:has-text('Tiếp nhận')")
        assert "Đã tiếp nhận" in page.inner_text("#submission-status")

        log_in(page, site, "dn.baocao")
        page.goto(f"{site}/bao-cao/hop-thu/")
        assert "Bị trả lại, cần sửa (1)" in page.inner_text("#inbox-returned")
        status = submit_report(
            page, site, {"tin-bai": "1.250"}, "Công an thành phố: 1.250 tin, bài."
        )
        # Timeliness is judged by the first submission, which was on time.
        assert "Đã nộp — đúng hạn" in status

        log_in(page, site, "dn.dieuphoi")
        page.goto(board_url)
        request_id = re.search(r"/yeu-cau/(\d+)/", board_url).group(1)
        page.goto(f"{site}/tong-hop/?yeu-cau={request_id}")
        assert page.inner_text("#totals tr[data-key='tin-bai'] td.num >> nth=0") == "1.265"
        assert page.inner_text("#totals tr[data-key='tiep-cong-dan-luot'] td.num >> nth=0") == "40"
        assert page.inner_text("#totals tr[data-key='duong-day-nong'] td.num >> nth=0") == "300"
        narrative = page.inner_text("main")
        assert (
            "Công an thành phố Đà Nẵng:" in narrative
            and "Ủy ban nhân dân thành phố Đà Nẵng:" in narrative
        )


def test_a_figure_that_breaks_a_rule_blocks_submitting_and_is_kept_on_the_page(page, site, log_in):
    create_user(SYSTEM, "ct.ubnd", UBND_PASSWORD)
    grant_role(SYSTEM, "ct.ubnd", "CT-UBND", "reporter")
    # The Cần Thơ 2019 request is locked since 15/07/2019: go back to June 2019 to edit it.
    with time_machine.travel(
        dt.datetime(2019, 6, 5, 9, 0, tzinfo=timezone.get_current_timezone()), tick=True
    ):
        log_in(page, site, "ct.ubnd", UBND_PASSWORD)
        page.goto(f"{site}/bao-cao/hop-thu/")
        page.click("#inbox-due a")
        page.fill("textarea[name='section:dac-diem']", "Tình hình ổn định.")
        page.fill("input[name='value:dvk-tccs-duy-tri-mo-hinh']", "98")
        page.fill("input[name='value:tccs-dang-tong-so']", "97")
        page.click("button[value=submit]")
        page.wait_for_selector("#form-errors")
        # A refused form answers 400 (Chromium logs the status); nothing else may be logged.
        assert [e for e in page.console_errors if "status of 400" not in e] == []
        page.console_errors.clear()
        assert (
            "Số tổ chức cơ sở đảng có mô hình “Dân vận khéo” không được lớn hơn tổng số tổ chức "
            "cơ sở đảng (98 so với 97)."
        ) in page.inner_text("#form-errors")
        # What the user typed is still there, and nothing was saved.
        assert page.input_value("input[name='value:dvk-tccs-duy-tri-mo-hinh']") == "98"
        assert page.input_value("textarea[name='section:dac-diem']") == "Tình hình ổn định."
        assert "Chưa lưu lần nào." in page.inner_text("main")
