"""In Chromium: a reporter types figures the wrong ways and sees each message beside its field
with what was typed kept; a draft breaking a rule is saved and says what blocks submitting;
two versions compare side by side by indicator name and section title."""

from __future__ import annotations

from reporting.cycle import issue, submission_of


def test_typed_figures_messages_draft_rules_and_the_comparison(page, site, log_in):
    report = submission_of(issue(units=["DN-CATP"]), "DN-CATP")
    url = f"{site}/bao-cao/nop/{report.assignment_id}/"
    log_in(page, site, "dn.baocao")
    page.goto(url)
    page.fill("textarea[name='section:ket-qua']", "Tổ chức 12 buổi tuyên truyền.")
    page.fill("input[name='value:tin-bai']", "mười")
    page.fill("input[name='value:tiep-cong-dan-luot']", "12,5")
    page.fill("input[name='value:chi-so-hai-long']", "95,5")
    with page.expect_navigation():
        page.click("button[value=save]")
    # A refused form answers 400 (Chromium logs the status); nothing else may be logged.
    assert [e for e in page.console_errors if "status of 400" not in e] == []
    page.console_errors.clear()
    assert page.inner_text("#error-tin-bai") == (
        "Tin, bài tuyên truyền: “mười” không phải là số (ví dụ: 1.868 hoặc 95,5)."
    )
    assert page.inner_text("#error-tiep-cong-dan-luot") == (
        "Tiếp công dân (lượt): phải là số nguyên vì đơn vị tính là “lượt” (đã nhập 12,5)."
    )
    assert page.input_value("input[name='value:tin-bai']") == "mười"
    assert page.input_value("input[name='value:chi-so-hai-long']") == "95,5"
    assert page.input_value("textarea[name='section:ket-qua']") == "Tổ chức 12 buổi tuyên truyền."

    page.fill("input[name='value:tin-bai']", "161")
    page.fill("input[name='value:tiep-cong-dan-luot']", "347")
    page.fill("input[name='value:lanh-dao-tiep-luot']", "348")
    with page.expect_navigation():
        page.click("button[value=save]")
    assert "Đã lưu nháp." in page.inner_text("main")
    assert (
        "Số lượt lãnh đạo tiếp dân không được lớn hơn tổng số lượt tiếp công dân (348 so với 347)."
        in page.inner_text("#draft-warnings")
    )

    page.fill("input[name='value:lanh-dao-tiep-luot']", "300")
    page.fill("input[name='value:tin-bai']", "1 868")
    page.fill("textarea[name='section:ket-qua']", "Tổ chức 15 buổi tuyên truyền.")
    with page.expect_navigation():
        page.click("button[value=save]")
    assert page.locator("#draft-warnings").count() == 0
    with page.expect_navigation():
        page.click("text=So với bản trước")
    changes = page.inner_text("#value-changes")
    assert "Tin, bài tuyên truyền\ttin, bài\t161\t1.868" in changes
    assert "Lãnh đạo tiếp dân định kỳ và đột xuất (lượt)\tlượt\t348\t300" in changes
    assert page.inner_text("h3") == "II. Kết quả"
    assert page.inner_text("table.side-by-side del") == "12"
    assert page.inner_text("table.side-by-side ins") == "15"
