"""Numbers, dates and symbols written the Vietnamese way; expected strings are as the
documents print them (parsed-document.md's examples, HD 36, HD 05, NĐ 30)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.vn.formatting import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_place_date,
    format_short_date,
    format_symbol,
    pad_document_number,
    type_code_for,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1868, "1.868"),
        (6205, "6.205"),
        (1275, "1.275"),
        (999, "999"),
        (0, "0"),
        (1_821_000_000, "1.821.000.000"),
        (-1500, "-1.500"),
        (1.821, "1,821"),
        (9.24, "9,24"),
        (Decimal("2.50"), "2,5"),
    ],
)
def test_format_number(value, expected):
    assert format_number(value) == expected


def test_format_number_with_fixed_places():
    assert format_number(Decimal("99.456"), places=2) == "99,46"
    assert format_number(3, places=1) == "3,0"


@pytest.mark.parametrize(
    ("dong", "expected"),
    [
        (1_821_000_000, "1,821 tỷ đồng"),
        (26_000_000_000, "26 tỷ đồng"),
        (9_240_000, "9,24 triệu đồng"),
        (950_000, "950.000 đồng"),
    ],
)
def test_format_money(dong, expected):
    assert format_money(dong) == expected


def test_format_percent():
    assert format_percent(99) == "99%"
    assert format_percent(99.5) == "99,5%"
    assert format_percent(100) == "100%"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2025, 11, 5), "ngày 05 tháng 11 năm 2025"),
        (dt.date(2026, 2, 3), "ngày 03 tháng 02 năm 2026"),
        (dt.date(2026, 1, 9), "ngày 09 tháng 01 năm 2026"),
        # March and later are not padded: "tháng dưới 3" only (HD 36, NĐ 30).
        (dt.date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
        (dt.date(2022, 7, 5), "ngày 05 tháng 7 năm 2022"),
        (dt.date(2025, 12, 19), "ngày 19 tháng 12 năm 2025"),
    ],
)
def test_format_date(date, expected):
    assert format_date(date) == expected


def test_place_and_date():
    assert format_place_date("Hà Nội", dt.date(2026, 2, 3)) == "Hà Nội, ngày 03 tháng 02 năm 2026"
    assert format_place_date(None, dt.date(2026, 2, 3)) == "Ngày 03 tháng 02 năm 2026"


def test_blank_date_leaves_room_to_write():
    assert format_date(None).split() == ["ngày", "tháng", "năm", "20"]


def test_short_date_as_cited():
    assert format_short_date(dt.date(2021, 12, 2)) == "02/12/2021"
    assert format_short_date(dt.date(2021, 8, 5)) == "05/8/2021"
    assert format_short_date(dt.date(2022, 1, 20)) == "20/01/2022"


def test_pad_document_number():
    assert pad_document_number(5) == "05"
    assert pad_document_number("7") == "07"
    assert pad_document_number("138") == "138"
    assert pad_document_number("10") == "10"
    assert pad_document_number(None) == ""


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        (("5", "HD", "VPTW"), {"system": "party"}, "05-HD/VPTW"),
        ((138, "CV", "BTGDVTU"), {"system": "party"}, "138-CV/BTGDVTU"),
        (("3", "CTr", ["BDVTW", "BCSĐCP"]), {"system": "party"}, "03-CTr/BDVTW-BCSĐCP"),
        (("329", "BC", "UBND"), {"system": "state"}, "329/BC-UBND"),
        (("9", "NĐ", "CP"), {"system": "state", "year": 2019}, "09/2019/NĐ-CP"),
        (("507", "", "UBND-KGVX"), {"system": "state"}, "507/UBND-KGVX"),
        ((None, "BC", "UBND"), {"system": "state"}, "/BC-UBND"),
    ],
)
def test_format_symbol(args, kwargs, expected):
    assert format_symbol(*args, **kwargs) == expected


def test_format_symbol_rejects_unknown_system():
    with pytest.raises(ValueError):
        format_symbol("1", "BC", "UBND", system="other")


def test_quy_dinh_is_qd_under_399_qd_tw():
    assert type_code_for("Quy định", "party") == "QĐ"
    assert type_code_for("Quyết định", "party") == "QĐ"
    assert type_code_for("Quy định", "party-2018") == "QĐi"
    assert type_code_for("Quyết định", "party-2018") == "QĐ"
    assert type_code_for("Quy định", "state") == "QyĐ"


def test_other_type_codes():
    assert type_code_for("Báo cáo", "party") == "BC"
    assert type_code_for("chương trình", "party") == "CTr"
    assert type_code_for("Tờ trình", "state") == "TTr"
    assert type_code_for("Công văn", "party") == "CV"
    assert type_code_for("Công văn", "state") == ""
    with pytest.raises(ValueError):
        type_code_for("Báo cáo", "hd99")


@given(st.integers(min_value=0, max_value=10**15))
def test_integers_read_back_from_their_groups(n):
    text = format_number(n)
    assert int(text.replace(".", "")) == n
    assert all(len(group) == 3 for group in text.split(".")[1:])
