"""Importing the Inspectorate's forms and petition records from XLSX: every row checked,
the forms' formula rows included, errors named by row and column in Vietnamese, nothing
saved when one row is wrong; an exported form reads back."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from danvan.petitions import formspec, sheetio
from danvan.petitions.figures import form_totals
from danvan.petitions.models import FormReport, Petition
from danvan.registers import sheets

pytestmark = pytest.mark.django_db
BASE = "/tiep-dan-don-thu/"


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def tcd_rows(*data_rows):
    header = ["Mã đơn vị", "Từ ngày", "Đến ngày"] + [
        f"({c.number}) {c.label}" for c in formspec.TCD01.columns
    ]
    keys = formspec.TCD01.keys
    return [header] + [
        [r["unit"], r["from"], r["to"]] + [r.get(k) for k in keys] for r in data_rows
    ]


GOOD = {"unit": "DN-DUP-HAICHAU", "from": "01/01/2026", "to": "30/06/2026", "tong_luot": 12, "tong_nguoi": 15,
        "tong_vv": 10, "tx_luot": 10, "tx_nguoi": 13, "tx_vv_dau": 8, "tt_ky": 2, "tt_luot": 2, "tt_nguoi": 2,
        "tt_vv_dau": 2}  # fmt: skip


def test_a_good_form_is_saved_and_becomes_the_units_figures(demo_user):
    user = demo_user("dn.dieuphoi")
    count = sheetio.import_forms(user, form_code="01/TCD", data=workbook(tcd_rows(GOOD)))
    assert count == 1
    report = FormReport.objects.get(unit__code="DN-DUP-HAICHAU", form="01/TCD")
    assert (report.date_from, report.date_to) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert report.values["tong_luot"] == 12 and report.values["uq_luot"] == 0
    totals, sources = form_totals(report.unit, report.date_from, report.date_to)
    assert totals["01/TCD"]["tong_nguoi"] == 15 and sources["01/TCD"] == (1, 0)


def test_formula_rows_and_cells_are_named_and_nothing_is_saved(demo_user):
    user = demo_user("dn.dieuphoi")
    wrong_sum = {**GOOD, "unit": "DN-DUP-SONTRA", "tong_luot": 13}
    bad_cell = {**GOOD, "unit": "DN-DUP-ANHAI", "tx_nguoi": "mười ba"}
    foreign = {**GOOD, "unit": "CT-UBND"}
    with pytest.raises(sheets.SheetRejected) as rejected:
        sheetio.import_forms(
            user,
            form_code="01/TCD",
            data=workbook(tcd_rows(GOOD, wrong_sum, bad_cell, foreign, GOOD)),
        )
    errors = rejected.value.errors
    assert errors[0] == (
        "Dòng 3: cột (1) “Tổng số lượt tiếp” là 13 nhưng theo công thức 1 = 4 + 13 + 22 phải là 12."
    )
    assert errors[1].startswith(
        "Dòng 4, cột “(5) Tiếp thường xuyên: người”: “mười ba” không phải là số"
    )
    assert errors[2].startswith(
        "Dòng 5: cột “Mã đơn vị”: “CT-UBND” không có hoặc bạn không có quyền"
    )
    assert errors[3] == "Dòng 6: trùng với dòng 2."
    assert not FormReport.objects.filter(
        unit__code__in=["DN-DUP-HAICHAU", "DN-DUP-SONTRA"]
    ).exists()


def test_a_viewer_cannot_import_and_a_non_spreadsheet_is_refused(login_client, demo_user):
    from danvan.accounts.permissions import ScopeDenied

    with pytest.raises(ScopeDenied):
        sheetio.import_forms(demo_user("dn.xem"), form_code="01/TCD", data=workbook(tcd_rows(GOOD)))
    client = login_client("dn.dieuphoi")
    upload = io.BytesIO(b"not a workbook")
    upload.name = "bieu.xlsx"
    page = client.post(BASE + "bieu/nhap/", {"form": "01/TCD", "file": upload}).content.decode()
    assert "không phải bảng tính Excel" in page


def test_form_import_page_reports_errors_then_accepts(login_client):
    client = login_client("dn.dieuphoi")
    bad = io.BytesIO(workbook(tcd_rows({**GOOD, "tong_luot": 99})))
    bad.name = "bieu.xlsx"
    page = client.post(BASE + "bieu/nhap/", {"form": "01/TCD", "file": bad}).content.decode()
    assert "theo công thức 1 = 4 + 13 + 22 phải là 12" in page
    good = io.BytesIO(workbook(tcd_rows(GOOD)))
    good.name = "bieu.xlsx"
    assert client.post(BASE + "bieu/nhap/", {"form": "01/TCD", "file": good}).status_code == 302
    template = client.get(BASE + "bieu/mau.xlsx?bieu=01/KQGQ")
    assert template.status_code == 200


def test_an_exported_form_reads_back(demo_user):
    user = demo_user("dn.dieuphoi")
    report = FormReport.objects.get(unit__code="DN-UBND", form="01/XLD")
    full = {**formspec.empty(formspec.XLD01), **report.values}
    data = sheetio.export_form(formspec.XLD01, report.unit, report.date_from, report.date_to, full)
    assert sheetio.import_forms(user, form_code="01/XLD", data=data) == 1
    report.refresh_from_db()
    assert report.values["tong"] == 2403 and report.values["knpa"] == 2173


PETITION_HEADER = ["Mã đơn vị", "Số đơn", "Ngày nhận đơn", "Loại đơn", "Lần giải quyết", "Nội dung tóm tắt",
                   "Số người", "Hướng xử lý", "Ngày thụ lý / xử lý", "Ngày giải quyết xong", "Kết quả"]  # fmt: skip


def test_petitions_import_good_and_bad(demo_user):
    user = demo_user("dn.dieuphoi")
    good = [
        ["DN-DUP-LIENCHIEU", "KN-01", "02/03/2026", "Khiếu nại", 1, "Thu hồi đất", 1, "Thụ lý", "05/03/2026", "01/04/2026", "Sai"],
        ["DN-DUP-LIENCHIEU", "TC-01", "03/03/2026", "to cao", None, "Tố cáo cán bộ", None, "Chuyển đơn", "04/03/2026", None, None],
    ]  # fmt: skip
    bad = [
        ["DN-DUP-LIENCHIEU", "KN-02", "02/03/2026", "Khiếu nại", 3, "x", 1, None, None, None, None],
        ["DN-DUP-LIENCHIEU", "KN-03", "31/02/2026", "Khiếu nại", 1, "x", 1, None, None, None, None],
        ["DN-DUP-LIENCHIEU", "KN-04", "02/03/2026", "Kiến nghị, phản ánh", 1, "x", 1, "Thụ lý", "03/03/2026", "04/03/2026", "Sai"],
        ["DN-DUP-LIENCHIEU", "KN-01", "02/03/2026", "Khiếu nại", 1, "x", 1, None, None, None, None],
    ]  # fmt: skip
    with pytest.raises(sheets.SheetRejected) as rejected:
        sheetio.import_petitions(
            user, data=workbook([PETITION_HEADER, *good, *bad]), today=dt.date(2026, 12, 1)
        )
    errors = rejected.value.errors
    assert errors[0] == "Dòng 4: cột “Lần giải quyết”: 1, hoặc 2 với khiếu nại."
    assert (
        errors[1]
        == "Dòng 5, cột “Ngày nhận đơn”: ngày “31/02/2026” không có thật (sai ngày, tháng hoặc năm)."
    )
    assert errors[2] == "Dòng 6: cột “Kết quả”: chưa ghi hoặc không hợp với loại đơn."
    assert errors[3] == "Dòng 7: trùng với dòng 2."
    assert not Petition.objects.filter(unit__code="DN-DUP-LIENCHIEU").exists()
    assert (
        sheetio.import_petitions(
            user, data=workbook([PETITION_HEADER, *good]), today=dt.date(2026, 12, 1)
        )
        == 2
    )
    imported = Petition.objects.get(reference="KN-01")
    assert (imported.routing, imported.outcome, imported.events.count()) == ("thu_ly", "sai", 2)
    totals, _ = form_totals(imported.unit, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert (
        totals["01/KQGQ"]["da_gq"],
        totals["01/KQGQ"]["sai"],
        totals["01/XLD"]["chuyen_don"],
    ) == (1, 1, 1)
