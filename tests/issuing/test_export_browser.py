"""In a browser: from the consolidation page to a downloaded, numbered Word report."""

import io

import docx
import pytest

from danvan.demo.loader import DEMO_PASSWORD, load_demo
from danvan.reporting.models import ReportRequest

pytestmark = pytest.mark.browser

DA_NANG_TITLE = (
    "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
)


@pytest.fixture
def tab(browser, live_server, transactional_db):
    load_demo()  # transactional tests start from an empty database
    context = browser.new_context(locale="vi-VN")
    yield context.new_page(), live_server.url
    context.close()


def test_export_a_consolidation_from_its_page(tab):
    page, site = tab
    page.goto(f"{site}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", "dn.dieuphoi")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{site}/")
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    page.goto(f"{site}/tong-hop/?yeu-cau={request.pk}")
    with page.expect_navigation():
        page.click("#export-document")
    assert page.inner_text("#suggested-number") == "01"
    # Looking at 2022 first: the names and register of that date.
    page.fill("input[name=ngay]", "2022-06-20")
    with page.expect_navigation():
        page.click("#day-form button")
    assert "BAN DÂN VẬN" in page.inner_text("#export-header")
    page.check("input[name=allocate]")
    page.fill("input[name=signer_name]", "Mai Thị Thu")
    page.fill(
        "textarea[name=recipients]",
        "Ban Dân vận Trung ương (b/c)\nThường trực Thành ủy (b/c)\nLưu VT",
    )
    with page.expect_download() as caught:
        page.click("button.primary")
    download = caught.value
    assert download.suggested_filename == "tong-hop-dn-bdvtu-2022s1-so-01.docx"
    with open(download.path(), "rb") as handle:
        document = docx.Document(io.BytesIO(handle.read()))
    cells = [
        p.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
    ]
    assert "BAN DÂN VẬN" in cells and "Số 01-BC/BDVTU" in cells and "Mai Thị Thu" in cells
    assert "- Lưu VT." in cells
