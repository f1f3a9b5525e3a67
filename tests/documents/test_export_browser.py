"""In a browser: from the consolidation page to a downloaded, numbered Word report."""

import io

import docx
import pytest

from danvan.demo.loader import DEMO_PASSWORD
from danvan.reporting.models import ReportRequest
from e2e.conftest import browser, page, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

DA_NANG_TITLE = "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"


def test_export_a_consolidation_from_its_page(page, site):  # noqa: F811
    page.goto(f"{site}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", "dn.dieuphoi")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/")
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    page.goto(f"{site}/tong-hop/?yeu-cau={request.pk}")
    with page.expect_navigation():
        page.click("#export-document")
    assert page.inner_text("#suggested-number") == "01"
    page.fill("input[name=day]", "2022-06-20")
    page.check("input[name=allocate]")
    page.fill("input[name=signer_name]", "Mai Thị Thu")
    page.fill("textarea[name=recipients]", "Ban Dân vận Trung ương (b/c)\nThường trực Thành ủy (b/c)\nLưu VT")
    with page.expect_download() as caught:
        page.click("main button[type=submit]")
    download = caught.value
    assert download.suggested_filename == "tong-hop-dn-bdvtu-2022s1-so-01.docx"
    document = docx.Document(io.BytesIO(open(download.path(), "rb").read()))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert "BAN DÂN VẬN" in cells and "Số 01-BC/BDVTU" in cells and "Mai Thị Thu" in cells
    assert "- Lưu VT." in cells
