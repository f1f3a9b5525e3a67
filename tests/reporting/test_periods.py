"""Period codes, their names and dates, and the data cut-off windows of the two regimes
(calendar for Party bodies; Nghị định 09/2019/NĐ-CP, Điều 12 for state agencies)."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.reporting.periods import (
    InvalidPeriod,
    data_window,
    parse_period,
    same_period_previous_year,
)

D = dt.date


@pytest.mark.parametrize(
    ("code", "kind", "start", "end", "name"),
    [
        ("202206", "month", D(2022, 6, 1), D(2022, 6, 30), "Tháng 06/2022"),
        ("202202", "month", D(2022, 2, 1), D(2022, 2, 28), "Tháng 02/2022"),
        ("202402", "month", D(2024, 2, 1), D(2024, 2, 29), "Tháng 02/2024"),
        ("202212", "month", D(2022, 12, 1), D(2022, 12, 31), "Tháng 12/2022"),
        ("2022Q1", "quarter", D(2022, 1, 1), D(2022, 3, 31), "Quý I/2022"),
        ("2022Q2", "quarter", D(2022, 4, 1), D(2022, 6, 30), "Quý II/2022"),
        ("2022Q4", "quarter", D(2022, 10, 1), D(2022, 12, 31), "Quý IV/2022"),
        ("2022S1", "half", D(2022, 1, 1), D(2022, 6, 30), "6 tháng đầu năm 2022"),
        ("2022S2", "half", D(2022, 7, 1), D(2022, 12, 31), "6 tháng cuối năm 2022"),
        ("2022N9", "nine_months", D(2022, 1, 1), D(2022, 9, 30), "9 tháng đầu năm 2022"),
        ("2022", "year", D(2022, 1, 1), D(2022, 12, 31), "Năm 2022"),
    ],
)
def test_codes_give_type_dates_and_name(code, kind, start, end, name):
    spec = parse_period(code)
    assert (spec.code, spec.type, spec.start, spec.end, spec.name) == (code, kind, start, end, name)


def test_lower_case_and_spaces_are_read_as_the_canonical_code():
    assert parse_period(" 2022s1 ").code == "2022S1"
    assert parse_period("2022q3").code == "2022Q3"
    assert parse_period("2022n9").code == "2022N9"


@pytest.mark.parametrize(
    "code",
    [
        "",
        "abc",
        "22S1",
        "2022S3",
        "2022S0",
        "2022Q0",
        "2022Q5",
        "202200",
        "202213",
        "2022-06",
        "2022H1",
        "2022N6",
        "2022S1X",
        "20221",
        "06/2022",
    ],
)
def test_invalid_codes_are_refused_in_vietnamese(code):
    with pytest.raises(InvalidPeriod) as caught:
        parse_period(code)
    assert str(caught.value) == (
        f"Mã kỳ '{code}' không hợp lệ. Dùng 202206 (tháng), 2022Q1 (quý), 2022S1 (6 tháng), "
        "2022N9 (9 tháng) hoặc 2022 (năm)."
    )


@pytest.mark.parametrize("code", ["1900", "1944S1", "2101Q1"])
def test_years_out_of_range_are_refused(code):
    with pytest.raises(InvalidPeriod, match=r"nằm ngoài khoảng cho phép"):
        parse_period(code)


def test_none_is_refused():
    with pytest.raises(InvalidPeriod):
        parse_period(None)


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2022S1", D(2022, 1, 1), D(2022, 6, 30)),
        ("2022S2", D(2022, 7, 1), D(2022, 12, 31)),
        ("2022", D(2022, 1, 1), D(2022, 12, 31)),
        ("2022Q3", D(2022, 7, 1), D(2022, 9, 30)),
        ("202206", D(2022, 6, 1), D(2022, 6, 30)),
    ],
)
def test_party_bodies_report_calendar_periods(code, start, end):
    assert data_window(code, "party") == (start, end)


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        # Nghị định 09/2019/NĐ-CP, Điều 12: 6 tháng 15/12 → 14/6; năm 15/12 → 14/12.
        ("2022S1", D(2021, 12, 15), D(2022, 6, 14)),
        ("2022S2", D(2022, 6, 15), D(2022, 12, 14)),
        ("2022", D(2021, 12, 15), D(2022, 12, 14)),
        # Quarter: from the 15th of the month before the quarter to the 14th of its last month.
        ("2022Q1", D(2021, 12, 15), D(2022, 3, 14)),
        ("2022Q2", D(2022, 3, 15), D(2022, 6, 14)),
        ("2022Q4", D(2022, 9, 15), D(2022, 12, 14)),
        # Month: from the 15th of the month before to the 14th of the month.
        ("202206", D(2022, 5, 15), D(2022, 6, 14)),
        ("202201", D(2021, 12, 15), D(2022, 1, 14)),
        ("202203", D(2022, 2, 15), D(2022, 3, 14)),
        ("2022N9", D(2021, 12, 15), D(2022, 9, 14)),
    ],
)
def test_state_agencies_cut_off_on_the_fourteenth(code, start, end):
    assert data_window(code, "state") == (start, end)


def test_unknown_regime_is_refused():
    with pytest.raises(InvalidPeriod, match="Chế độ chốt số liệu 'bank' không hợp lệ."):
        data_window("2022S1", "bank")


@pytest.mark.parametrize(
    ("code", "previous"),
    [
        ("2022S1", "2021S1"),
        ("2022S2", "2021S2"),
        ("2022Q3", "2021Q3"),
        ("202206", "202106"),
        ("2022N9", "2021N9"),
        ("2022", "2021"),
        ("2022s1", "2021S1"),
        ("2000Q1", "1999Q1"),
    ],
)
def test_same_period_previous_year(code, previous):
    assert same_period_previous_year(code) == previous


def test_full_width_input_reads_as_the_ascii_code():
    assert parse_period("\uff12\uff10\uff12\uff12S1").code == "2022S1"
    assert parse_period("2022\uff33\uff11").code == "2022S1"


def test_digits_of_other_scripts_are_refused():
    with pytest.raises(InvalidPeriod):
        parse_period("\u0662\u0660\u0662\u0662S1")  # Arabic-Indic 2022
