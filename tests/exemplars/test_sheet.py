"""The "danh mục mô hình, điển hình" spreadsheet: the template, a checked import (row by row,
Vietnamese messages, nothing written when any row is wrong) and an export that reads back."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from danvan.exemplars import selectors, sheet
from danvan.exemplars.models import Entry
from danvan.registers.sheets import SheetRejected

pytestmark = pytest.mark.django_db
HEADERS = [c.header for c in sheet.COLUMNS]


def _xlsx(rows: list[dict]) -> bytes:
    book = Workbook()
    ws = book.active
    ws.append(HEADERS)
    for row in rows:
        ws.append([row.get(h) for h in HEADERS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FULL = {
    "Mã đơn vị": "DN-CATP",
    "Loại": "Mô hình",
    "Chủ thể": "tap the",  # the code or the label, diacritics optional
    "Kênh đăng ký": "Cơ quan, trường học, đơn vị",
    "Lĩnh vực": "Quốc phòng – an ninh",
    "Nhãn": "Chuyển đổi số, đô thị văn minh",
    "Tên mô hình, điển hình": "Mô hình Camera an ninh khu dân cư",
    "Thực trạng, lý do": "Trộm cắp vặt tăng.",
    "Mục tiêu, tiêu chí": "Giảm 50% vụ trộm.",
    "Nội dung, cách thức": "Vận động lắp camera.",
    "Địa bàn, đối tượng": "Tổ dân phố 5",
    "Lực lượng chủ trì": "Công an phường (chủ trì)",
    "Nguồn lực": "Xã hội hóa 80 triệu đồng",
    "Ngày bắt đầu": "01/03/2026",
    "Các mốc thực hiện": "Quý II lắp đặt",
    "Thời điểm đánh giá": dt.datetime(2026, 11, 30),
    "Sản phẩm đầu ra": "20 camera",
    "Khả năng duy trì, nhân rộng": "Nhân rộng toàn phường",
    "Ngày đăng ký": "15/03/2026",
}


def test_template_has_the_columns_and_a_guide():
    book = load_workbook(io.BytesIO(sheet.template()))
    assert [c.value for c in book.worksheets[0][1]] == HEADERS
    assert book.sheetnames[1] == "Hướng dẫn"


def test_good_sheet_is_written_whole(demo_user):
    draft = {
        "Mã đơn vị": "DN-CATP",
        "Loại": "Điển hình",
        "Chủ thể": "Cá nhân",
        "Kênh đăng ký": "co_quan",
        "Lĩnh vực": "Kinh tế",
        "Tên mô hình, điển hình": "Điển hình nháp",
        "Họ và tên (cá nhân)": "Lê Thị C",
    }
    created = sheet.import_sheet(
        actor=demo_user("dn.baocao"), data=_xlsx([FULL, draft]), today=dt.date(2026, 12, 2)
    )
    assert created == 2
    entry = Entry.objects.get(name="Mô hình Camera an ninh khu dân cư")
    assert (entry.status, entry.registered_on) == ("dang_ky", dt.date(2026, 3, 15))
    assert entry.tags == ["chuyen_doi_so", "do_thi_van_minh"]
    assert entry.evaluation_date == dt.date(2026, 11, 30)
    assert Entry.objects.get(name="Điển hình nháp").status == "du_kien"


def test_bad_sheet_writes_nothing_and_says_where(demo_user):
    wrong_kind = FULL | {"Loại": "Phong trào", "Tên mô hình, điển hình": "Sai loại"}
    foreign = FULL | {"Mã đơn vị": "CT-DUCQD-BAOCT", "Tên mô hình, điển hình": "Tỉnh khác"}
    missing = FULL | {"Nguồn lực": None, "Tên mô hình, điển hình": "Thiếu nguồn lực"}
    bad_date = FULL | {"Ngày bắt đầu": "31/02/2026"}
    before = Entry.objects.count()
    with pytest.raises(SheetRejected) as rejected:
        sheet.import_sheet(
            actor=demo_user("dn.baocao"),
            data=_xlsx([FULL, wrong_kind, foreign, missing, bad_date]),
            today=dt.date(2026, 12, 2),
        )
    errors = rejected.value.errors
    assert errors[0].startswith("Dòng 3, cột “Loại”: “Phong trào” không có trong danh mục")
    assert (
        errors[1] == "Dòng 4: cột “Mã đơn vị”: bạn không có quyền đăng ký cho Đảng bộ Báo Cần Thơ."
    )
    assert (
        errors[2] == "Dòng 5: cột “Nguồn lực”: Chưa nhập mục “7. Nguồn lực” (bắt buộc khi đăng ký)."
    )
    assert errors[3].startswith("Dòng 6, cột “Ngày bắt đầu”: ngày “31/02/2026” không có thật")
    assert len(errors) == 4
    assert Entry.objects.count() == before


def test_export_reads_back(demo_user):
    user = demo_user("dn.dieuphoi")
    entries = list(
        selectors.entries(user, selectors.Filters(unit=None)).filter(owner_unit__code="DN-CATP")
    )
    data = sheet.export(entries)
    book = load_workbook(io.BytesIO(data))
    row = [c.value for c in book.worksheets[0][2]]
    assert "Công an thành phố" in row[8]  # the name column, after "Số thứ tự" and 7 others
    before = Entry.objects.filter(owner_unit__code="DN-CATP").count()
    created = sheet.import_sheet(actor=user, data=data, today=dt.date(2026, 12, 2))
    assert created == len(entries) == before
    names = list(Entry.objects.filter(owner_unit__code="DN-CATP").values_list("name", flat=True))
    assert sorted(names) == sorted([e.name for e in entries] * 2)


def test_import_page_reports_errors_and_writes_nothing(login_client):
    client = login_client("dn.baocao")
    before = Entry.objects.count()
    upload = io.BytesIO(b"not a spreadsheet")
    upload.name = "danh-muc.xlsx"
    response = client.post("/dan-van-kheo/nhap/", {"file": upload}, follow=True)
    html = response.content.decode()
    assert "không phải bảng tính Excel" in html and "Không có dòng nào được ghi" in html
    assert Entry.objects.count() == before


def test_export_and_template_downloads(login_client):
    client = login_client("dn.xem")
    response = client.get("/dan-van-kheo/xuat/xlsx")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxml"
    )
    assert client.get("/dan-van-kheo/mau/danh-muc.xlsx").status_code == 200


def test_word_annex_lists_the_filtered_entries(login_client):
    import docx

    client = login_client("ct.dieuphoi")
    response = client.get("/dan-van-kheo/xuat/docx", {"don-vi": "CT-DUK", "q": "bao can tho"})
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert "PHỤ LỤC" in texts
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells][:2] == ["TT", "Tên mô hình, điển hình"]
    assert len(table.rows) == 2
    assert "Báo Cần Thơ" in table.rows[1].cells[1].text
