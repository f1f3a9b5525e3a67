"""In a browser: a unit's reporter registers a model, the board assesses it and records a
province-level recognition, and the register's counts page shows it counted in its category."""

from __future__ import annotations

import datetime as dt

import pytest

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
