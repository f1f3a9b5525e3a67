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


def test_export_the_consolidation_by_unit_and_period(tab):
    page, site = tab
    page.goto(f"{site}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", "ct.dieuphoi")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{site}/")
    page.goto(f"{site}/tong-hop/?don-vi=CT-TU&ky=2019S1")
    assert page.inner_text("#coverage").startswith(
        "Tổng hợp từ 1/3 đơn vị; chưa báo cáo: Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần "
        "Thơ, Ủy ban nhân dân thành phố Cần Thơ"
    )
    with page.expect_navigation():
        page.click("#export-document")
    page.fill("input[name=day]", "2019-07-01")
    with page.expect_download() as caught:
        page.click("button.primary")
    download = caught.value
    assert download.suggested_filename == "tong-hop-ct-tu-2019s1-du-thao.docx"
    with open(download.path(), "rb") as handle:
        document = docx.Document(io.BytesIO(handle.read()))
    texts = [p.text for p in document.paragraphs]
    assert any(
        "chưa báo cáo: Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ" in t for t in texts
    )
    # The outline's order, and the figures in their Phụ lục after the signature.
    outline = [
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "II. KẾT QUẢ CÔNG TÁC DÂN VẬN",
        "III. NHẬN XÉT, ĐÁNH GIÁ",
        "IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM",
    ]
    printed = [t for t in texts if t in outline]
    assert printed[0] == "I. ĐẶC ĐIỂM TÌNH HÌNH"
    assert printed == [t for t in outline if t in printed]
    annex = texts.index("PHỤ LỤC")
    assert texts[annex + 1] == "SỐ LIỆU TỔNG HỢP 6 THÁNG ĐẦU NĂM 2019"
    assert document.core_properties.author == "Ban Dân vận Thành ủy Cần Thơ"
