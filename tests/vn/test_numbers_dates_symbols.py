import datetime as dt
from decimal import Decimal

import pytest

from danvan.vn.dates import find_date, find_dates, parse_date
from danvan.vn.numbers import apply_scale, parse_decimal, parse_number
from danvan.vn.symbols import find_symbols, parse_symbol


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.868", 1868),
        ("780.500.000", 780500000),
        ("03", 3),
        ("1024", 1024),
        ("82,04", 82.04),
        ("1,821", 1.821),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_not_numbers():
    assert parse_number("1.86") is None
    assert parse_number("abc") is None
    assert parse_number("") is None


def test_scale_words_multiply_exactly():
    assert apply_scale(parse_decimal("1,821"), "tỷ") == Decimal(1821000000)
    assert apply_scale(parse_decimal("9,24"), "triệu") == Decimal(9240000)
    assert apply_scale(parse_decimal("26"), "tỷ") == Decimal(26000000000)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ngày 02/12/2021", dt.date(2021, 12, 2)),
        ("ngày15/12/2021", dt.date(2021, 12, 15)),
        ("ngày 05 tháng 11 năm 2025", dt.date(2025, 11, 5)),
        ("ngày 25-02-2010", dt.date(2010, 2, 25)),
        ("Hà Nội, ngày 03 tháng 4 năm 2018", dt.date(2018, 4, 3)),
        ("ngày 05 tháng 11, năm 2025", dt.date(2025, 11, 5)),
        ("ngày 5/11/2025", dt.date(2025, 11, 5)),
        ("ngày 05.11.2025", dt.date(2025, 11, 5)),
    ],
)
def test_dates(text, value):
    assert parse_date(text) == value


def test_impossible_date_is_none_with_a_warning():
    found = find_date("Kết luận số 03-KL/TW ngày 13/5/216 của Ban Bí thư")
    assert found.value is None
    assert "216" in found.warning
    assert find_date("ngày 31/02/2020").value is None


def test_blank_draft_date_is_none_without_warning():
    found = find_date("Lâm Đồng, ngày       tháng 10 năm 2025")
    assert found.value is None
    assert found.warning is None


def test_find_dates_in_order():
    values = [d.value for d in find_dates("ngày 02/12/2021 và ngày 05/8/2021")]
    assert values == [dt.date(2021, 12, 2), dt.date(2021, 8, 5)]


def test_party_symbols():
    s = parse_symbol("644-CV/BDVTU")
    assert (s.system, s.number, s.type_code, s.issuer_code, s.year) == (
        "party",
        "644",
        "CV",
        "BDVTU",
        None,
    )
    joint = parse_symbol("03-Ctr/BDVTW-BCSĐCP")
    assert (joint.system, joint.type_code, joint.issuer_code) == ("party", "Ctr", "BDVTW-BCSĐCP")
    dash = parse_symbol("25–NQ/TW")
    assert dash.text == "25-NQ/TW"


def test_state_symbols():
    s = parse_symbol("329/BC-UBND")
    assert (s.system, s.number, s.type_code, s.issuer_code) == ("state", "329", "BC", "UBND")
    law = parse_symbol("34/2007/PL-UBTVQH11")
    assert (law.number, law.year, law.type_code, law.issuer_code) == ("34", 2007, "PL", "UBTVQH11")
    decree = parse_symbol("09/2019/NĐ-CP")
    assert (decree.year, decree.type_code, decree.issuer_code) == (2019, "NĐ", "CP")
    letter = parse_symbol("05/BNV-VP")
    assert (letter.type_code, letter.issuer_code) == (None, "BNV-VP")


def test_blank_number_draft_symbol():
    s = parse_symbol("/BC-UBND")
    assert (s.text, s.number, s.type_code, s.issuer_code) == ("/BC-UBND", None, "BC", "UBND")


def test_symbols_in_running_text_skip_dates_and_ratios():
    text = (
        "Quyết định số 2806-QĐ/TU ngày 02/12/2021, 13/24 vụ, 97/97 tổ chức, K/T, 04-CTr/ BDVTW-TCCT"
    )
    assert [s.text for _, s in find_symbols(text)] == ["2806-QĐ/TU", "04-CTr/BDVTW-TCCT"]


def test_a_party_draft_symbol_with_its_number_left_blank():
    from danvan.vn.symbols import parse_symbol

    symbol = parse_symbol("- HD/BTCTU")
    assert (symbol.text, symbol.system, symbol.number, symbol.type_code, symbol.issuer_code) == (
        "-HD/BTCTU",
        "party",
        None,
        "HD",
        "BTCTU",
    )
    assert parse_symbol("- XYZ/BTCTU") is None  # not a document type
