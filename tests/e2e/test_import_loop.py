"""The whole loop in a browser: a reporter uploads the Cần Thơ report, confirms the proposed
figures and submits; the coordinator sees it on time, accepts it, consolidates, exports the
consolidated report as DOCX; reading that DOCX gives back the confirmed figures."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model

from danvan.imports import services as import_services
from danvan.ingest import parse_file
from danvan.orgs.models import OrgUnit
from danvan.reporting import services as reporting_services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import ReportTemplate

pytestmark = pytest.mark.browser
SEED = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "samples"
    / "seeds"
    / "cantho-dukhoi-dan-van-6t-2019.txt"
)
JUNE_2019 = dt.datetime(2019, 6, 3, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_upload_confirm_submit_accept_consolidate_export(page, site, tmp_path, log_in):
    coordinator = get_user_model().objects.get(username="ct.dieuphoi")
    with recorded_at(JUNE_2019):
        request = reporting_services.issue_request(
            coordinator,
            issuer=OrgUnit.objects.get(code="CT-BDVTU"),
            title="Báo cáo bổ sung công tác dân vận 2019",
            template=ReportTemplate.objects.get(code="cong-tac-dan-van-6-thang"),
            period_code="2019S1",
            unit_codes=["CT-DUK"],
            deadline=dt.date(2019, 6, 20),
            lock_date=dt.date(2019, 7, 31),
        )
    assignment = request.assignments.get()

    with time_machine.travel(JUNE_2019, tick=True):
        log_in(page, site, "ct.baocao")
        page.goto(f"{site}/bao-cao/nop/{assignment.pk}/")
        page.set_input_files("#import-file", str(SEED))
        with page.expect_navigation():
            page.click("#import-form button")
        assert "Đang chờ" in page.inner_text("#job-status")
        import_services.run_queued()  # the background worker's work
        page.wait_for_selector("#proposals")  # htmx polled, saw the job done, reloaded the page
        assert page.is_checked("tr[data-key='dvk-tccs-duy-tri-mo-hinh'] input[name=accept]")
        assert page.inner_text("tr[data-key='dvk-tccs-duy-tri-mo-hinh'] mark") == "97/97 tổ chức"
        with page.expect_navigation():
            page.click("button.primary")
        assert page.input_value("input[name='value:dvk-tccs-duy-tri-mo-hinh']") == "97"
        assert page.input_value("input[name='value:tccs-dang-tong-so']") == "97"
        assert "từ tệp: “97/97 tổ chức”" in page.inner_text("main")
        with page.expect_navigation():
            page.click("button[value=submit]")
        assert "Đã nộp — đúng hạn" in page.inner_text("#submission-status")

        log_in(page, site, "ct.dieuphoi")
        page.goto(f"{site}/bao-cao/yeu-cau/{request.pk}/")
        assert (
            page.inner_text("#stat-on-time") == "1" and page.inner_text("#rate-on-time") == "100%"
        )
        page.click("#board-rows >> text=Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ")
        with page.expect_navigation():
            page.click("button:has-text('Tiếp nhận')")
        assert "Đã tiếp nhận" in page.inner_text("#submission-status")
        page.goto(f"{site}/tong-hop/?yeu-cau={request.pk}")
        assert (
            page.inner_text("#totals tr[data-key='dvk-tccs-duy-tri-mo-hinh'] td.num >> nth=0")
            == "97"
        )
        with page.expect_navigation():
            page.click("#export-document")
        page.fill("input[name=signer_name]", "Nguyễn Văn An")
        with page.expect_download() as caught:
            page.click("button.primary")
        exported = tmp_path / "tong-hop.docx"
        caught.value.save_as(exported)

    reread = parse_file(exported).to_dict()
    cells = [cell for table in reread["tables"] for row in table["rows"] for cell in row]
    assert any("97" in cell for cell in cells), cells[:20]
    assert reread["header"]["type_name"] == "BÁO CÁO"
    assert reread["closing"]["signature"]["name"] == "Nguyễn Văn An"
