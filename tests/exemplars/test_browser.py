"""In a browser: a unit's reporter registers a model, the board assesses it and records a
province-level recognition, and the register's counts page shows it counted in its category.
Then the board asks the unit for this year's figures: the reporter takes them from the register
("Lấy số liệu từ sổ theo dõi"), confirms and submits, the board accepts, and the recognised
model is counted in the board's consolidated report."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from danvan.orgs.models import OrgUnit
from danvan.reporting import services as reporting
from danvan.reporting.models import Assignment, DataValue
from reporting.cycle import SECTIONS, user

pytestmark = pytest.mark.browser
ITEMS = {
    "situation": "Người dân phản ánh thủ tục chậm.",
    "goals": "Giải quyết hồ sơ đúng hạn 100%.",
    "content": "Tổ công tác hướng dẫn tại nhà.",
    "area": "Phường Hải Châu",
    "forces_lead": "Chi bộ Công an phường (chủ trì)",
    "resources": "Cán bộ, kinh phí thường xuyên",
    "milestones": "Tháng 2 ra mắt",
    "expected_outputs": "Số hồ sơ được hướng dẫn",
    "sustainability": "Duy trì hằng năm",
}


def test_register_assess_recognise_and_see_it_counted(page, site, log_in):
    today = dt.date.today()
    log_in(page, site, "dn.baocao")
    page.goto(f"{site}/dan-van-kheo/")
    page.click("#dvk-register")
    page.select_option("select[name=owner_unit]", "DN-CATP")
    page.select_option("select[name=kind]", "mo_hinh")
    page.select_option("select[name=field]", "xay_dung_htct")
    page.fill("input[name=name]", "Mô hình “Dân vận khéo” hướng dẫn thủ tục tại nhà")
    for key, value in ITEMS.items():
        page.fill(f"textarea[name={key}]", value)
    page.fill("input[name=start_date]", today.isoformat())
    page.fill("input[name=evaluation_date]", today.isoformat())
    with page.expect_navigation():
        page.click("button[name=dang-ky]")
    assert page.inner_text("#dvk-status") == "Đăng ký"
    entry_url = page.url
    for target in ("ra_mat", "trien_khai"):
        page.select_option("#dvk-transition select[name=target]", target)
        with page.expect_navigation():
            page.click("#dvk-transition button[type=submit]")
    assert page.inner_text("#dvk-status") == "Đang triển khai"

    log_in(page, site, "dn.dieuphoi")
    page.goto(entry_url)
    page.select_option("#dvk-assess select[name=level]", "tinh")
    page.select_option("#dvk-assess select[name=assessor_unit]", "DN-BTGDVTU")
    page.check("#dvk-assess input[name=checklist][value='0']")
    page.select_option("#dvk-assess select[name=conclusion]", "hieu_qua")
    with page.expect_navigation():
        page.click("#dvk-assess button[type=submit]")
    assert page.inner_text("#dvk-status") == "Hiệu quả"
    page.select_option("#dvk-recognise select[name=level]", "tinh")
    page.select_option("#dvk-recognise select[name=form]", "cong_nhan")
    page.fill("#dvk-recognise input[name=decision_symbol]", "2001-QĐ/TU")
    page.select_option("#dvk-recognise select[name=by_unit]", "DN-BTGDVTU")
    with page.expect_navigation():
        page.click("#dvk-recognise button[type=submit]")
    assert page.inner_text("#dvk-status") == "Công nhận"
    assert "2001-QĐ/TU" in page.inner_text("#dvk-history")

    page.goto(
        f"{site}/dan-van-kheo/so-lieu/?don-vi=DN-CATP&tu={today.year}-01-01&den={today.isoformat()}"
    )
    rows = {
        r.inner_text().split("\t")[0]: r.inner_text()
        for r in page.query_selector_all("#dvk-counts tbody tr")
    }
    # Đăng ký mới: one "mô hình tập thể", in "Xây dựng hệ thống chính trị" (the last field).
    assert rows["Đăng ký mới trong kỳ"].split("\t")[1:6] == ["1", "0", "0", "0", "1"]
    assert "Cấp tỉnh: 1" in page.inner_text("main")
    page.wait_for_selector("#chart-dvk-fields[data-drawn='1']")

    report_and_consolidate(page, site, log_in, today)


def ask_the_police(today: dt.date) -> Assignment:
    """The board's request to the police for this year, Party regime: data from 01/01 to
    31/12, so today's recognition falls inside whatever the day."""
    template = reporting.create_template(
        user("dn.dieuphoi"),
        OrgUnit.objects.get(code="DN-TU"),
        "dvk-nam",
        "Đề cương báo cáo Dân vận khéo",
        SECTIONS,
        ["dvk_dang_ky_moi", "dvk_cong_nhan"],
    )
    request = reporting.issue_request(
        user("dn.dieuphoi"),
        issuer=OrgUnit.objects.get(code="DN-BTGDVTU"),
        title=f"Báo cáo kết quả phong trào “Dân vận khéo” năm {today.year}",
        template=template,
        period_code=str(today.year),
        unit_codes=["DN-CATP"],
        deadline=today + dt.timedelta(days=15),
        regime="party",
    )
    return Assignment.objects.get(request=request, unit__code="DN-CATP")


def report_and_consolidate(page, site, log_in, today):
    # Worked by hand: in 01/01–31/12 this year the police's subtree has one recognition (the
    # one above, cấp tỉnh, 2001-QĐ/TU; the demo's are dated 2023 and 2025) and one new
    # registration (the model above, mô hình tập thể; the demo's date from 2022).
    assignment = ask_the_police(today)
    assert (assignment.request.data_from, assignment.request.data_to) == (
        dt.date(today.year, 1, 1),
        dt.date(today.year, 12, 31),
    )
    log_in(page, site, "dn.baocao")
    page.goto(f"{site}/bao-cao/nop/{assignment.pk}/")
    with page.expect_navigation():
        page.click("#register-figures-link")
    assert page.inner_text("tr[data-key='dvk_cong_nhan'] td.proposed").startswith("1 ")
    assert page.inner_text("tr[data-key='dvk_cong_nhan:tinh'] td.proposed").startswith("1 ")
    assert page.inner_text("tr[data-key='dvk_dang_ky_moi:mo-hinh-tap-the'] td.proposed") == (
        "1 mô hình, điển hình"
    )
    with page.expect_navigation():
        page.click("#confirm-chosen")
    assert "số liệu từ sổ theo dõi vào bản nháp báo cáo" in page.inner_text("main")
    assert page.input_value("input[name='value:dvk_cong_nhan:tinh']") == "1"
    page.fill("textarea[name='section:ket-qua']", "Một mô hình được công nhận cấp tỉnh.")
    with page.expect_navigation():
        page.click("button[value=submit]")
    assert "Đã nộp" in page.inner_text("#submission-status")

    log_in(page, site, "dn.dieuphoi")
    page.goto(f"{site}/bao-cao/yeu-cau/{assignment.request_id}/")
    page.click("#board-rows >> text=Công an thành phố Đà Nẵng")
    with page.expect_navigation():
        page.click("button:has-text('Tiếp nhận')")
    assert "Đã tiếp nhận" in page.inner_text("#submission-status")
    accepted = DataValue.objects.get(
        submission__assignment=assignment, indicator__code="dvk_cong_nhan", option__code="tinh"
    )
    assert (accepted.value, accepted.source["kind"]) == (1, "register")
    page.goto(f"{site}/tong-hop/?yeu-cau={assignment.request_id}")
    total = page.locator("#totals tr[data-key='dvk_cong_nhan']")
    province = page.locator("#totals tr[data-key='dvk_cong_nhan:tinh']")
    assert total.locator("td.num").first.inner_text() == "1"
    assert province.locator("td.num").first.inner_text() == "1"
    # The register recounts the same for the board's comparison column: no difference.
    assert re.sub(r"\s+", " ", province.locator("td.register-value").inner_text()).startswith("1 ")
    assert "Chênh lệch" not in page.inner_text("#totals")
