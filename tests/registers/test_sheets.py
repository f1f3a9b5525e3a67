"""The registers' checked spreadsheet import: every fault listed by row and column, nothing
returned when any row is wrong, and an export that reads back."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from danvan.registers import sheets
from danvan.registers.sheets import Column, SheetRejected

KINDS = {"chuong_trinh": "Chương trình", "ke_hoach_nam": "Kế hoạch năm"}
COLUMNS = (
    Column("symbol", "Số, ký hiệu", sheets.text(60)),
    Column("kind", "Loại văn bản", sheets.choice(KINDS)),
    Column("signed_on", "Ngày ký", sheets.date_cell),
    Column("target", "Chỉ tiêu", sheets.number(whole=True), required=False),
)


def xlsx(*rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


HEADER = ("Số, ký hiệu", "Loại văn bản", "Ngày ký", "Chỉ tiêu")


def test_good_rows_are_parsed_whatever_the_cell_types():
    data = xlsx(
        HEADER,
        ("02-CTr/BDVTU-BCHQST", "Chương trình", dt.datetime(2021, 3, 15), 12),
        (None, None, None, None),  # an empty row is skipped
        ("15-KH/BDVTU", "ke hoach nam", "05/01/2022", "1.868"),
    )
    rows = sheets.read(data, COLUMNS)
    assert rows == [
        {
            "_row": 2,
            "symbol": "02-CTr/BDVTU-BCHQST",
            "kind": "chuong_trinh",
            "signed_on": dt.date(2021, 3, 15),
            "target": Decimal(12),
        },
        {
            "_row": 4,
            "symbol": "15-KH/BDVTU",
            "kind": "ke_hoach_nam",
            "signed_on": dt.date(2022, 1, 5),
            "target": Decimal(1868),
        },
    ]


def test_every_fault_is_named_by_row_and_column():
    data = xlsx(
        HEADER,
        ("", "Quyết định", "31/02/2022", "12,5"),
        ("03-CTr/BDVTW", "Chương trình", "hôm qua", "-3"),
    )
    with pytest.raises(SheetRejected) as caught:
        sheets.read(data, COLUMNS)
    assert caught.value.errors == [
        "Dòng 2, cột “Số, ký hiệu”: chưa nhập.",
        "Dòng 2, cột “Loại văn bản”: “Quyết định” không có trong danh mục (“Chương trình”, “Kế hoạch năm”).",
        "Dòng 2, cột “Ngày ký”: ngày “31/02/2022” không có thật (sai ngày, tháng hoặc năm).",
        "Dòng 2, cột “Chỉ tiêu”: phải là số nguyên.",
        "Dòng 3, cột “Ngày ký”: “hôm qua” không phải là ngày (viết dd/mm/yyyy).",
        "Dòng 3, cột “Chỉ tiêu”: không được nhỏ hơn 0.",
    ]


def test_caller_checks_run_on_parsed_rows_and_are_numbered():
    data = xlsx(
        HEADER, ("A/1", "Chương trình", "01/01/2022"), ("A/1", "Chương trình", "02/01/2022")
    )
    seen = set()

    def unique(number, row):
        if row["symbol"] in seen:
            return [f"số, ký hiệu “{row['symbol']}” trùng với một dòng trước."]
        seen.add(row["symbol"])
        return []

    with pytest.raises(SheetRejected) as caught:
        sheets.read(data, COLUMNS, check_row=unique)
    assert caught.value.errors == ["Dòng 3: số, ký hiệu “A/1” trùng với một dòng trước."]


def test_missing_header_corrupt_file_and_empty_sheet_are_refused():
    with pytest.raises(SheetRejected) as caught:
        sheets.read(xlsx(("Số, ký hiệu", "Ngày ký")), COLUMNS)
    assert caught.value.errors == ["Thiếu cột “Loại văn bản” ở dòng tiêu đề (dòng 1)."]
    with pytest.raises(SheetRejected) as caught:
        sheets.read(b"PK\x03\x04 not really a zip", COLUMNS)
    assert "không phải bảng tính Excel" in caught.value.errors[0]
    with pytest.raises(SheetRejected) as caught:
        sheets.read(xlsx(HEADER), COLUMNS)
    assert caught.value.errors == ["Bảng tính không có dòng dữ liệu nào (từ dòng 2)."]


def test_too_many_rows_are_refused():
    data = xlsx(HEADER, *[(f"A/{i}", "Chương trình", "01/01/2022") for i in range(4)])
    with pytest.raises(SheetRejected) as caught:
        sheets.read(data, COLUMNS, max_rows=3)
    assert caught.value.errors == ["Bảng tính có hơn 3 dòng; hãy chia thành nhiều tệp."]


def test_export_drops_characters_a_sheet_cannot_hold():
    data = sheets.write(COLUMNS, [{"symbol": "A\x01/1"}], title="x")
    assert load_workbook(io.BytesIO(data)).active["A2"].value == "A/1"


def test_export_reads_back_and_template_explains_columns():
    rows = [
        {"symbol": "02-CTr/BDVTU", "kind": "chuong_trinh", "signed_on": dt.date(2021, 3, 15)},
        {
            "symbol": "15-KH/BDVTU",
            "kind": "ke_hoach_nam",
            "signed_on": dt.date(2022, 1, 5),
            "target": Decimal(7),
        },
    ]
    data = sheets.write(COLUMNS, rows, title="Chương trình", labels={"kind": KINDS})
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["B2"].value == "Chương trình"
    assert sheet["C2"].number_format == "DD/MM/YYYY"
    assert [{k: v for k, v in r.items() if k != "_row"} for r in sheets.read(data, COLUMNS)] == [
        {**rows[0], "target": None},
        rows[1],
    ]
    guide = load_workbook(io.BytesIO(sheets.template(COLUMNS, title="Mẫu")))["Hướng dẫn"]
    assert [c.value for c in guide["A"]] == ["Cột", *HEADER]
    assert guide["B5"].value == "không"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
            st.integers(),
            st.floats(),
        ),
        max_size=4,
    )
)
def test_any_cell_values_give_rows_or_vietnamese_errors(cells):
    try:
        rows = sheets.read(xlsx(HEADER, cells), COLUMNS)
    except SheetRejected as rejected:
        assert rejected.errors and all(
            e.startswith(("Dòng 2", "Bảng tính")) for e in rejected.errors
        )
    else:
        assert len(rows) == 1
