"""The five forms units only upload (02/XLD, 03/XLD, 04/XLD, 02/KQGQ, 04/KQGQ): a hand-built
sheet whose numbers satisfy the form's checks imports through the page; one that breaks a
formula row (or, for the KQGQ forms without one, a "trong đó" check) is refused with its row
and column named and nothing saved; the blank template says the form is unconfirmed and reads
back; the register's figures do not take them; arbitrary cells never give a server error."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from danvan.petitions import formspec, sheetio
from danvan.petitions.figures import compute_figures, form_totals
from danvan.petitions.models import FormReport
from danvan.registers import sheets

pytestmark = pytest.mark.django_db
BASE = "/tiep-dan-don-thu/"
UNIT = "DN-DUP-HAICHAU"
WINDOW = ("01/01/2026", "30/06/2026")
NEW = ("02/XLD", "03/XLD", "04/XLD", "02/KQGQ", "04/KQGQ")

# Values by column number that satisfy each form's formula rows, sums and parts (by hand).
GOOD = {
    "02/XLD": {1: 10, 2: 3, 3: 2, 4: 4, 5: 1, 6: 7, 7: 3, 8: 4, 9: 6, 10: 5, 11: 3, 12: 1, 13: 2,
               15: 1, 17: 1, 18: 1, 19: 1, 21: 2, 22: 1, 23: 3, 24: 2, 25: 1, 26: 2, 27: 1, 28: 1,
               30: 1},
    "03/XLD": {1: 9, 2: 1, 3: 2, 5: 3, 6: 2, 7: 1, 8: 7, 9: 3, 10: 4, 11: 6, 12: 6, 13: 3, 14: 1,
               15: 1, 16: 1, 18: 1, 19: 1, 21: 1, 22: 2, 23: 2, 24: 1, 25: 1, 26: 4, 27: 3, 28: 1,
               29: 2, 30: 1, 31: 1, 33: 2},
    "04/XLD": {1: 80, 2: 5, 3: 10, 4: 1, 5: 20, 6: 40, 7: 4, 8: 75, 9: 15, 10: 60, 11: 70, 12: 70,
               13: 20, 14: 30, 15: 5, 16: 15, 17: 50, 18: 10, 19: 10, 20: 40, 21: 30, 22: 25,
               23: 5, 24: 12},
    "02/KQGQ": {1: 10, 2: 7, 3: "125,5", 4: 300, 5: 100.25, 6: 250, 7: 12, 9: 3.5, 10: 40,
                11: 12, 13: 3.5, 14: 40, 15: 3, 16: 2, 17: 1, 18: 2, 19: 1},
    "04/KQGQ": {1: 5, 2: 4, 3: 50, 5: "40,5", 7: 1, 8: 2, 9: 10, 11: 6, 12: 120, 13: 1, 14: 2,
                15: 10, 17: 6, 18: 120, 19: 1, 20: 2, 21: 1, 22: 1, 23: 1},
}  # fmt: skip

# One cell changed so that a check fails: (column, value, start of the expected message).
BROKEN = {
    "02/XLD": (1, 11, "Dòng 3: cột (1) “Tổng số đơn” là 11 nhưng theo công thức 1 = 2 + 3 + 4 + 5 phải là 10."),
    "03/XLD": (26, 5, "Dòng 3: cột (12) “Đủ điều kiện xử lý: số vụ việc” là 6 nhưng theo công thức 12 = 26 + 29 phải là 7."),
    "04/XLD": (22, 26, "Dòng 3: cột (21) “Không thuộc thẩm quyền: tổng” là 30 nhưng theo công thức 21 = 22 + 23 phải là 31."),
    "02/KQGQ": (16, 4, "Dòng 3: cột (16) “Đã xử lý hành chính: trong đó cán bộ, công chức, viên chức” là 4, lớn hơn cột (15)"),
    "04/KQGQ": (2, 6, "Dòng 3: cột (2) “Số kết luận đã thực hiện xong” là 6, lớn hơn cột (1)"),
}  # fmt: skip


def header(form) -> list[str]:
    return ["Mã đơn vị", "Từ ngày", "Đến ngày"] + [f"({c.number}) {c.label}" for c in form.columns]


def data_row(form, unit: str, by_number: dict) -> list:
    return [unit, *WINDOW] + [by_number.get(c.number) for c in form.columns]


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, code: str, data: bytes):
    file = io.BytesIO(data)
    file.name = "bieu.xlsx"
    return client.post(BASE + "bieu/nhap/", {"form": code, "file": file})


@pytest.fixture
def coordinator(login_client):
    return login_client("dn.dieuphoi")


def test_the_new_forms_are_well_formed_and_marked_unconfirmed():
    for code in NEW:
        form = formspec.FORMS[code]
        numbers = [c.number for c in form.columns]
        assert numbers == list(range(1, len(numbers) + 1))
        assert len(set(form.keys)) == len(form.keys)
        used = [n for left, right in (*form.formulas, *form.sums) for n in (left, *right)]
        used += [n for pair in form.parts for n in pair]
        assert set(used) <= set(numbers), code
        assert not form.confirmed and form.note.startswith("Chưa xác minh")
        values = {c.key: v for c in form.columns if (v := GOOD[code].get(c.number)) is not None}
        assert formspec.check(form, {k: str(v).replace(",", ".") for k, v in values.items()}) == []
    assert all(formspec.FORMS[c].confirmed for c in ("01/TCD", "02/TCD", "01/XLD", "01/KQGQ"))
    assert list(formspec.FORMS)[3:6] == ["02/XLD", "03/XLD", "04/XLD"]


@pytest.mark.parametrize("code", NEW)
def test_a_good_form_imports_through_the_page(coordinator, code):
    form = formspec.FORMS[code]
    response = upload(coordinator, code, workbook([header(form), data_row(form, UNIT, GOOD[code])]))
    assert response.status_code == 302, response.content.decode()[-2000:]
    report = FormReport.objects.get(unit__code=UNIT, form=code)
    assert (report.date_from, report.date_to) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert set(report.values) == set(form.keys)
    first = form.columns[0]
    assert report.values[first.key] == GOOD[code][1]
    totals, sources = form_totals(report.unit, report.date_from, report.date_to)
    assert sources[code] == (1, 0)  # uploaded by one unit; nothing computed from the book
    assert formspec.check(form, totals[code]) == []
    if code == "02/KQGQ":
        assert (
            report.values["phai_thu_tien"] == "125.5" and report.values["da_thu_tien"] == "100.25"
        )
        assert totals[code]["phai_thu_tien"] == Decimal("125.5")


@pytest.mark.parametrize("code", NEW)
def test_a_broken_check_is_named_by_row_and_column_and_nothing_is_saved(
    coordinator, demo_user, code
):
    form = formspec.FORMS[code]
    column, value, message = BROKEN[code]
    good = data_row(form, "DN-DUP-SONTRA", GOOD[code])
    broken = data_row(form, UNIT, {**GOOD[code], column: value})
    before = FormReport.objects.count()
    response = upload(coordinator, code, workbook([header(form), good, broken]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tệp chưa được nhập vì có lỗi" in page and "Dòng 3: cột (" in page
    with pytest.raises(sheets.SheetRejected) as rejected:
        sheetio.import_forms(
            demo_user("dn.dieuphoi"), form_code=code, data=workbook([header(form), good, broken])
        )
    assert rejected.value.errors[0].startswith(message), rejected.value.errors
    assert FormReport.objects.count() == before
    assert not FormReport.objects.filter(form=code).exists()


def test_children_sums_decimals_and_whole_numbers_are_checked(demo_user):
    user = demo_user("dn.dieuphoi")
    xld = formspec.FORMS["02/XLD"]
    kq = formspec.FORMS["02/KQGQ"]
    bad_child = data_row(xld, UNIT, {**GOOD["02/XLD"], 12: 2, 10: 5, 11: 3})
    with pytest.raises(sheets.SheetRejected) as rejected:
        sheetio.import_forms(user, form_code="02/XLD", data=workbook([header(xld), bad_child]))
    assert rejected.value.errors == [
        "Dòng 2: cột (11) “Lĩnh vực hành chính: tổng” là 3 nhưng tổng các cột con "
        "(12) + (13) + (14) là 4."
    ]
    half_person = data_row(kq, UNIT, {**GOOD["02/KQGQ"], 15: 2.5})
    with pytest.raises(sheets.SheetRejected) as rejected:
        sheetio.import_forms(user, form_code="02/KQGQ", data=workbook([header(kq), half_person]))
    assert rejected.value.errors[0] == (
        "Dòng 2, cột “(15) Đã xử lý hành chính: tổng số người bị xử lý”: phải là số nguyên."
    )
    assert not FormReport.objects.filter(form__in=NEW).exists()


@pytest.mark.parametrize("code", NEW)
def test_the_blank_template_says_unconfirmed_and_reads_back_filled(coordinator, code):
    form = formspec.FORMS[code]
    response = coordinator.get(BASE + "bieu/mau.xlsx", {"bieu": code})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == header(form)
    guide = [row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True) if row]
    assert form.note in guide
    for left, right in form.formulas:
        assert f"Công thức của biểu: {form.formula_text(left, right)}" in guide
    sheet.append(data_row(form, UNIT, GOOD[code]))
    out = io.BytesIO()
    book.save(out)
    assert upload(coordinator, code, out.getvalue()).status_code == 302
    assert FormReport.objects.filter(unit__code=UNIT, form=code).count() == 1


def test_import_page_lists_the_forms_and_the_forms_page_shows_unconfirmed(coordinator):
    page = coordinator.get(BASE + "bieu/nhap/").content.decode()
    for code in NEW:
        assert f'value="{code}"' in page
        assert f"?bieu={code}" in page
    assert page.count("(chưa xác minh)") >= 2 * len(NEW)  # in the list and in the menu
    form = formspec.FORMS["03/XLD"]
    upload(coordinator, "03/XLD", workbook([header(form), data_row(form, UNIT, GOOD["03/XLD"])]))
    shown = coordinator.get(
        BASE + "bieu/", {"don-vi": UNIT, "tu": WINDOW[0], "den": WINDOW[1]}
    ).content.decode()
    assert "Biểu 03/XLD: Tổng hợp kết quả xử lý đơn tố cáo" in shown
    assert "Chỉ lấy từ biểu đã nộp: 1 đơn vị" in shown
    assert "Chưa đơn vị nào nộp biểu này" in shown  # 02/XLD and the others: nothing uploaded
    assert "chưa xác minh" in shown
    export = coordinator.get(
        BASE + "bieu/xuat.xlsx",
        {"bieu": "03/XLD", "don-vi": UNIT, "tu": WINDOW[0], "den": WINDOW[1]},
    )
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[1][3] == 9  # (1) Tổng số đơn


def test_the_register_figures_do_not_take_the_new_forms(coordinator, client, bearer):
    from danvan.orgs.models import OrgUnit

    unit = OrgUnit.objects.get(code=UNIT)
    day_from, day_to = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    before = {f.key: f.value for f in compute_figures(unit, day_from, day_to)}
    for code in NEW:
        form = formspec.FORMS[code]
        data = workbook([header(form), data_row(form, UNIT, GOOD[code])])
        assert upload(coordinator, code, data).status_code == 302
    after = {f.key: f.value for f in compute_figures(unit, day_from, day_to)}
    assert after == before
    forms = client.get(
        f"/api/petitions/forms?unit={UNIT}&date_from=2026-01-01&date_to=2026-06-30",
        headers=bearer("dn.xem"),
    ).json()
    by_code = {f["code"]: f for f in forms}
    assert by_code["02/KQGQ"]["values"]["phai_thu_tien"] == 125.5
    assert by_code["02/KQGQ"]["confirmed"] is False and by_code["01/TCD"]["confirmed"] is True
    assert all(by_code[code]["errors"] == [] for code in NEW)


CELL = st.one_of(
    st.integers(-10, 10**16),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20).filter(lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s)),
    st.sampled_from(["", "0", "-1", "1.868", "12,5", "1e400", "01/01/2026", "DN-DUP-HAICHAU"]),
    st.none(),
)


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(code=st.sampled_from(NEW), cells=st.lists(CELL, min_size=3, max_size=36), data=st.data())
def test_arbitrary_cells_never_give_a_server_error(coordinator, code, cells, data):
    form = formspec.FORMS[code]
    if data.draw(st.booleans(), label="a real unit and window"):
        cells[:3] = [UNIT, *WINDOW]
    clean = [ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in cells]
    before = FormReport.objects.count()
    response = upload(coordinator, code, workbook([header(form), clean]))
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert FormReport.objects.count() == before


@pytest.mark.browser
def test_in_chromium_a_refused_then_accepted_upload(page, site, log_in):
    form = formspec.FORMS["04/KQGQ"]
    column, value, message = BROKEN["04/KQGQ"]
    good = data_row(form, UNIT, GOOD["04/KQGQ"])
    bad = data_row(form, UNIT, {**GOOD["04/KQGQ"], column: value})
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    log_in(page, site, "dn.dieuphoi")
    page.goto(f"{site}{BASE}bieu/nhap/")
    page.click("#form-templates summary")
    assert "Mẫu biểu 04/KQGQ" in page.inner_text("#form-templates")
    page.select_option("select[name=form]", "04/KQGQ")
    page.set_input_files(
        "input[name=file]",
        {"name": "bieu.xlsx", "mimeType": xlsx, "buffer": workbook([header(form), good, bad])},
    )
    with page.expect_navigation():
        page.click("main form.stacked button[type=submit]")
    assert message in page.inner_text("#import-errors")
    assert not FormReport.objects.filter(form="04/KQGQ").exists()
    page.select_option("select[name=form]", "04/KQGQ")
    page.set_input_files(
        "input[name=file]",
        {"name": "bieu.xlsx", "mimeType": xlsx, "buffer": workbook([header(form), good])},
    )
    with page.expect_navigation():
        page.click("main form.stacked button[type=submit]")
    assert "Đã nhập 1 dòng biểu 04/KQGQ." in page.inner_text("main")
    page.goto(f"{site}{BASE}bieu/?don-vi={UNIT}&tu={WINDOW[0]}&den={WINDOW[1]}")
    text = page.inner_text("main")
    assert "Biểu 04/KQGQ: Tổng hợp kết quả thực hiện kết luận nội dung tố cáo" in text
    assert "Thu hồi cho Nhà nước: đã thu, tiền (triệu đồng)\t40,5" in text
