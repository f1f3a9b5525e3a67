"""One property test per field type and validator of the forms: typed figures, whole-number
parameters, text that may hold surrogates, the indicator values of a report, counts, the
period picker, dates and outlines. Each reader answers a value or a Vietnamese refusal, never
an exception of another kind."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.indicators.models import Indicator, ValueType
from danvan.indicators.validation import field_problems
from danvan.orgs.forms import DateField
from danvan.reporting.errors import ReportingError
from danvan.reporting.forms import PeriodField
from danvan.reporting.outline import parse_outline
from danvan.reporting.periods import PARTS, code_of, parse_period, split_code
from danvan.reporting.values import LIMIT, read_values
from danvan.vn.formatting import format_number
from danvan.vn.numbers import MAX_WHOLE, looks_english_decimal, parse_figure, parse_whole
from danvan.vn.text import has_surrogates, without_surrogates

FAST = settings(max_examples=60, deadline=None, derandomize=True, database=None)
WITH_DB = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
AWKWARD_TEXT = st.one_of(
    st.text(),
    st.sampled_from(["abc", "mười", "1 868", "95,5", "95.5", "1,5", "-", "", "٣", "²", "1e5"]),
    st.integers().map(str),
    st.text(alphabet="0123456789., -\u00a0", max_size=30),
)
FIGURES = st.decimals(
    min_value=-LIMIT + 1, max_value=LIMIT - 1, places=4, allow_nan=False, allow_infinity=False
)


@FAST
@given(FIGURES)
def test_a_figure_written_the_vietnamese_way_reads_back_as_itself(value):
    written = format_number(value)  # "1.868,25"
    assert parse_figure(written) == value
    assert parse_figure(written.replace(".", " ")) == value  # "1 868,25"


@FAST
@given(AWKWARD_TEXT)
def test_any_text_is_a_figure_or_nothing(text):
    value = parse_figure(text)
    if value is not None:
        assert value.is_finite() and set(text.strip()) <= set("0123456789.,- \u00a0\u202f")
    if looks_english_decimal(text):
        assert value is None


@FAST
@given(st.integers(min_value=0, max_value=2**70))
def test_a_whole_number_parameter_is_read_within_64_bits(number):
    assert parse_whole(str(number)) == (number if number <= MAX_WHOLE else None)


@FAST
@given(AWKWARD_TEXT)
def test_any_text_is_a_whole_number_parameter_or_nothing(text):
    value = parse_whole(text)
    assert value is None or 0 <= value <= MAX_WHOLE


@FAST
@given(st.text(alphabet=st.one_of(st.characters(), st.characters(categories=["Cs"]))))
def test_any_text_can_be_shown_once_surrogates_are_replaced(text):
    shown = without_surrogates(text)
    shown.encode("utf-8")  # what a page or PostgreSQL needs
    assert not has_surrogates(shown)
    if not has_surrogates(text):
        assert shown == text


@pytest.fixture
def form_indicators(db):
    return list(Indicator.objects.select_related("category").prefetch_related("category__options"))


@WITH_DB
@given(
    raw=st.dictionaries(
        st.sampled_from(["tin-bai", "don-tiep-nhan:khieu-nai", "chi-so-hai-long", "khong-co"]),
        st.one_of(AWKWARD_TEXT, st.integers(), st.floats(), st.booleans(), st.none()),
    )
)
def test_every_entry_of_a_report_is_kept_or_refused_with_a_message(form_indicators, raw):
    values, refused = read_values(raw, form_indicators)
    sent = {k for k, v in raw.items() if v is not None and str(v).strip()}
    kept = {f"{code}:{option}" if option else code for code, option in values}
    assert kept | set(refused) == sent and not kept & set(refused)
    assert all(message.strip() for message in refused.values())


@WITH_DB
@given(st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False))
def test_a_count_takes_whole_numbers_only(form_indicators, value):
    count = next(i for i in form_indicators if i.code == "tiep-cong-dan-luot")
    money = next(i for i in form_indicators if i.code == "tu-thien-so-tien")
    assert (count.value_type, money.value_type) == (ValueType.INTEGER, ValueType.DECIMAL)
    problems = field_problems(
        {("tiep-cong-dan-luot", None): value, ("tu-thien-so-tien", None): value},
        [count, money],
    )
    fraction = value != value.to_integral_value()
    assert (("tiep-cong-dan-luot", None) in problems) == fraction
    assert ("tu-thien-so-tien", None) not in problems


@FAST
@given(
    st.integers(min_value=1945, max_value=2100),
    st.sampled_from([part for _kind, parts in PARTS for part, _ in parts]),
)
def test_a_picked_period_has_one_code_and_reads_back(year, part):
    code = code_of(year, part)
    assert split_code(code) == (year, part)
    assert parse_period(code).start.year == year


@FAST
@given(AWKWARD_TEXT, AWKWARD_TEXT)
def test_the_period_picker_gives_a_code_or_a_vietnamese_error(kind, year):
    field = PeriodField(years=range(2016, 2028))
    try:
        code = field.clean([kind, year])
    except forms.ValidationError as exc:
        assert exc.messages
    else:
        assert parse_period(code).code == code


@FAST
@given(AWKWARD_TEXT)
def test_a_date_field_gives_a_date_or_an_error(text):
    try:
        DateField(required=False).clean(text)
    except forms.ValidationError as exc:
        assert exc.messages


@FAST
@given(st.text(max_size=2000))
def test_an_outline_is_read_or_refused_in_vietnamese(text):
    try:
        sections = parse_outline(text)
    except ReportingError as exc:
        assert exc.messages[0]
    else:
        assert all(s["title"] and len(s["title"]) <= 300 for s in sections)


def test_the_figures_given_as_examples_read_as_people_mean_them():
    assert parse_figure("1.868") == 1868
    assert parse_figure("1 868") == 1868
    assert parse_figure("95,5") == Decimal("95.5")
    assert parse_figure("abc") is None and parse_figure("mười") is None
    assert parse_figure("95.5") is None and looks_english_decimal("95.5")
