"""In Chromium: a coordinator opens a reception session of the People's Committee, enters a
delegation of six transferred to another body, sees it in the book as "đoàn đông người",
opens the petition it became, and finds both counted in the computed forms 01/TCD and 01/XLD."""

import datetime as dt

import pytest

from danvan.petitions.models import ReceptionEntry

pytestmark = pytest.mark.browser


def test_reception_entry_to_the_computed_form(page, site, log_in):
    log_in(page, site, "dn.dieuphoi")
    page.goto(f"{site}/tiep-dan-don-thu/")
    with page.expect_navigation():
        page.click("text=Ghi buổi tiếp công dân")
    page.select_option("select[name=unit]", "DN-UBND")
    page.fill("input[name=date]", "2026-11-10")
    page.fill("input[name=host_name]", "Lê Trung Chinh")
    page.select_option("select[name=host_role]", "chu_tich")
    page.select_option("select[name=kind]", "dinh_ky")
    with page.expect_navigation():
        page.click("main form.stacked button[type=submit]")
    assert "Đã mở buổi tiếp công dân" in page.inner_text("main")

    form = "#entry-form"
    page.fill(f"{form} input[name=visitor_name]", "Võ Văn Kiệt")
    page.fill(f"{form} input[name=identity_number]", "048070005555")
    page.fill(f"{form} textarea[name=summary]", "Đoàn hộ dân phản ánh ngập úng khu dân cư")
    page.select_option(f"{form} select[name=kind]", "kien_nghi")
    page.fill(f"{form} input[name=people]", "6")
    page.select_option(f"{form} select[name=routing]", "chuyen_don")
    page.fill(f"{form} input[name=routing_to]", "Sở Xây dựng")
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")
    # A transfer needs its document number: refused, nothing written, what was typed kept.
    assert "Chuyển đơn phải ghi số văn bản chuyển." in page.inner_text("main")
    assert page.input_value(f"{form} input[name=routing_to]") == "Sở Xây dựng"
    assert not ReceptionEntry.objects.filter(summary__startswith="Đoàn hộ dân").exists()
    page.fill(f"{form} input[name=routing_document]", "215/UBND-TCD")
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")
    row = page.inner_text("#entries tbody tr")
    assert "đoàn đông người" in row and "Chuyển đơn: Sở Xây dựng (215/UBND-TCD)" in row
    assert "Võ Văn Kiệt" in row and "••••••••5555" in row and "048070005555" not in row
    entry = ReceptionEntry.objects.get(summary__startswith="Đoàn hộ dân")
    assert entry.session.date == dt.date(2026, 11, 10)

    # The entry becomes a petition record, transferred with its document number.
    with page.expect_navigation():
        page.click("#entries button:has-text('Hồ sơ đơn')")
    facts = page.inner_text("dl.facts")
    assert "Chuyển đơn (215/UBND-TCD)" in facts and "6 (đông người)" in facts
    assert "Võ Văn Kiệt" in facts  # the coordinator handles the case
    assert "Xử lý, chuyển đơn kiến nghị, phản ánh" in page.inner_text("#clocks")

    page.goto(f"{site}/tiep-dan-don-thu/bieu/?don-vi=DN-UBND&tu=01/11/2026&den=30/11/2026")
    table = page.locator("table.form-table").first.inner_text()
    xld = page.locator("table.form-table").nth(2).inner_text()
    assert "Không thuộc thẩm quyền: chuyển đơn\t1" in xld
    assert "Tổng số lượt tiếp\t1" in table
    assert "Tổng số người được tiếp\t6" in table
    assert "Thủ trưởng tiếp định kỳ, đột xuất: đoàn đông người: số người\t6" in table

    log_in(page, site, "dn.xem")
    page.goto(f"{site}/tiep-dan-don-thu/so/{entry.session_id}/")
    assert "Võ Văn Kiệt" not in page.inner_text("main")
