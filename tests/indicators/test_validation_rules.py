"""The catalogue's rules checked on entry (indicators.validation through
reporting.services.save_draft / submit): a value wrong on its own is refused on saving, a rule
between values on submitting; a refused save writes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from danvan.indicators import catalogue
from danvan.indicators.models import Indicator, ValidationRule
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.errors import ReportingError
from danvan.reporting.models import DataValue, Revision
from reporting.cycle import at, issue, snapshot, submission_of, user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    """A fresh submission of the city police (reporter dn.baocao) on a form of every indicator."""
    request = issue(units=["DN-CATP"])
    return submission_of(request, "DN-CATP")


def save(submission, values, sections=None, *, final=False):
    action = services.submit if final else services.save_draft
    with recorded_at(at("2023-07-01", 10)):
        return action(
            user("dn.baocao"),
            submission.pk,
            submission.version,
            sections or {"ket-qua": "Nội dung."},
            values,
        )


def refused(submission, values, sections=None, *, final=False) -> list[str]:
    before = snapshot(submission)
    with pytest.raises(ReportingError) as caught:
        save(submission, values, sections, final=final)
    assert snapshot(submission) == before, "a refused save must write nothing"
    return caught.value.messages


def test_the_seed_catalogue_holds_the_rules_of_the_samples():
    # The registers' migrations (petitions, programmes, exemplars, sentiment) add their own
    # indicators beside the seed catalogue, so only the seed's 27 are counted here.
    seed_codes = [row[0] for row in catalogue.INDICATORS]
    assert len(seed_codes) == 27
    assert Indicator.objects.filter(code__in=seed_codes).count() == 27
    assert ValidationRule.objects.count() == 9
    rule = ValidationRule.objects.get(code="kn-giai-quyet-le-thu-ly")
    assert (
        rule.left.code,
        rule.left_option,
        rule.operator,
        rule.right.code,
        rule.right_option.code,
    ) == ("khieu-nai-da-giai-quyet", None, "<=", "don-thuoc-tham-quyen", "khieu-nai")


def test_the_sample_figures_pass(draft):
    values = {
        "tiep-cong-dan-luot": "1.868",
        "tiep-cong-dan-nguoi": "1.817",
        "lanh-dao-tiep-luot": "347",
        "lanh-dao-tiep-nguoi": "359",
        "don-tiep-nhan": "2.403",
        "don-tiep-nhan:khieu-nai": "123",
        "don-tiep-nhan:to-cao": "107",
        "don-tiep-nhan:kien-nghi": "2.173",
        "don-thuoc-tham-quyen": "43",
        "don-thuoc-tham-quyen:khieu-nai": "31",
        "don-thuoc-tham-quyen:to-cao": "12",
        "dvc-muc-3-4": "1.736",
        "dvc-muc-4": "1.704",
        "chi-so-hai-long": "99",
        "dvk-tccs-duy-tri-mo-hinh": "97",
        "tccs-dang-tong-so": "97",
        "tu-thien-so-tien": "1,821",
        "khieu-nai-da-giai-quyet": "",
        "tin-bai": None,
    }
    revision = save(draft, values)
    assert revision.values == {
        "tiep-cong-dan-luot": "1868",
        "tiep-cong-dan-nguoi": "1817",
        "lanh-dao-tiep-luot": "347",
        "lanh-dao-tiep-nguoi": "359",
        "don-tiep-nhan": "2403",
        "don-tiep-nhan:khieu-nai": "123",
        "don-tiep-nhan:to-cao": "107",
        "don-tiep-nhan:kien-nghi": "2173",
        "don-thuoc-tham-quyen": "43",
        "don-thuoc-tham-quyen:khieu-nai": "31",
        "don-thuoc-tham-quyen:to-cao": "12",
        "dvc-muc-3-4": "1736",
        "dvc-muc-4": "1704",
        "chi-so-hai-long": "99",
        "dvk-tccs-duy-tri-mo-hinh": "97",
        "tccs-dang-tong-so": "97",
        "tu-thien-so-tien": "1.821",
    }
    stored = {
        (v.indicator.code, v.option.code if v.option else None): v.value
        for v in DataValue.objects.filter(submission=draft).select_related("indicator", "option")
    }
    assert stored[("don-tiep-nhan", "kien-nghi")] == Decimal("2173")
    assert stored[("tu-thien-so-tien", None)] == Decimal("1.821")
    assert len(stored) == 17


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"lanh-dao-tiep-luot": "348", "tiep-cong-dan-luot": "347"},
            "Số lượt lãnh đạo tiếp dân không được lớn hơn tổng số lượt tiếp công dân (348 so với 347).",
        ),
        (
            {"lanh-dao-tiep-nguoi": "1.818", "tiep-cong-dan-nguoi": "1.817"},
            "Số người được lãnh đạo tiếp không được lớn hơn tổng số người được tiếp (1.818 so với 1.817).",
        ),
        (
            {"don-thuoc-tham-quyen": "2.404", "don-tiep-nhan": "2.403"},
            "Số đơn thuộc thẩm quyền đã thụ lý không được lớn hơn số đơn tiếp nhận (2.404 so với 2.403).",
        ),
        (
            {"don-thuoc-tham-quyen:khieu-nai": "124", "don-tiep-nhan:khieu-nai": "123"},
            "Số đơn khiếu nại đã thụ lý không được lớn hơn số đơn khiếu nại tiếp nhận (124 so với 123).",
        ),
        (
            {"don-thuoc-tham-quyen:to-cao": "108", "don-tiep-nhan:to-cao": "107"},
            "Số đơn tố cáo đã thụ lý không được lớn hơn số đơn tố cáo tiếp nhận (108 so với 107).",
        ),
        # resolved ≤ accepted: complaints resolved against the complaints within jurisdiction.
        (
            {"khieu-nai-da-giai-quyet": "32", "don-thuoc-tham-quyen:khieu-nai": "31"},
            "Số vụ khiếu nại đã giải quyết không được lớn hơn số đơn khiếu nại đã thụ lý (32 so với 31).",
        ),
        (
            {"to-cao-da-giai-quyet": "13", "don-thuoc-tham-quyen:to-cao": "12"},
            "Số vụ tố cáo đã giải quyết không được lớn hơn số đơn tố cáo đã thụ lý (13 so với 12).",
        ),
        (
            {"dvc-muc-4": "1.737", "dvc-muc-3-4": "1.736"},
            "Số dịch vụ công mức độ 4 không được lớn hơn tổng số dịch vụ mức độ 3, 4 (1.737 so với 1.736).",
        ),
        # A "97/97" share never above its total.
        (
            {"dvk-tccs-duy-tri-mo-hinh": "98", "tccs-dang-tong-so": "97"},
            "Số tổ chức cơ sở đảng có mô hình \u201cDân vận khéo\u201d không được lớn hơn tổng số tổ chức cơ sở "
            "đảng (98 so với 97).",
        ),
    ],
)
def test_each_rule_between_values_refuses_submitting_with_its_message(draft, values, message):
    assert refused(draft, values, final=True) == [message]


def test_a_draft_is_saved_with_a_broken_rule_and_its_page_says_so(draft):
    from danvan.reporting.selectors import broken_rules

    revision = save(draft, {"lanh-dao-tiep-luot": "348", "tiep-cong-dan-luot": "347"})
    assert revision.values == {"lanh-dao-tiep-luot": "348", "tiep-cong-dan-luot": "347"}
    assert broken_rules(draft.assignment.request, revision.values) == [
        "Số lượt lãnh đạo tiếp dân không được lớn hơn tổng số lượt tiếp công dân (348 so với 347)."
    ]


@pytest.mark.parametrize(
    ("code", "text", "message"),
    [
        (
            "tiep-cong-dan-luot",
            "12,5",
            "Tiếp công dân (lượt): phải là số nguyên vì đơn vị tính là “lượt” (đã nhập 12,5).",
        ),
        (
            "tin-bai",
            "1,5",
            "Tin, bài tuyên truyền: phải là số nguyên vì đơn vị tính là “tin, bài” (đã nhập 1,5).",
        ),
    ],
)
def test_a_fraction_of_a_count_is_refused_even_in_a_draft(draft, code, text, message):
    assert refused(draft, {code: text}) == [message]


def test_money_percent_and_weight_take_decimals(draft):
    revision = save(
        draft,
        {"chi-so-hai-long": "95,5", "tu-thien-so-tien": "1,821", "hu-gao-tiet-kiem": "12,5"},
    )
    assert revision.values == {
        "chi-so-hai-long": "95.5",
        "hu-gao-tiet-kiem": "12.5",
        "tu-thien-so-tien": "1.821",
    }


def test_thousands_grouped_by_spaces_or_points_are_one_number(draft):
    revision = save(draft, {"tiep-cong-dan-luot": "1 868", "tiep-cong-dan-nguoi": "1.817"})
    assert revision.values == {"tiep-cong-dan-luot": "1868", "tiep-cong-dan-nguoi": "1817"}


def test_rules_hold_at_equality_and_skip_when_a_side_is_missing(draft):
    save(
        draft,
        {
            "dvk-tccs-duy-tri-mo-hinh": "97",
            "tccs-dang-tong-so": "97",
            "dvc-muc-4": "1.736",
            "dvc-muc-3-4": "1.736",
            "lanh-dao-tiep-luot": "500",
            "khieu-nai-da-giai-quyet": "40",
        },
    )
    assert Revision.objects.filter(submission=draft).count() == 1


def test_the_chain_resolved_accepted_received_reports_every_broken_link(draft):
    messages = refused(
        final=True,
        submission=draft,
        values={
            "don-tiep-nhan": "100",
            "don-tiep-nhan:khieu-nai": "20",
            "don-thuoc-tham-quyen": "30",
            "don-thuoc-tham-quyen:khieu-nai": "25",
            "khieu-nai-da-giai-quyet": "26",
        },
    )
    assert sorted(messages) == sorted(
        [
            "Số đơn khiếu nại đã thụ lý không được lớn hơn số đơn khiếu nại tiếp nhận (25 so với 20).",
            "Số vụ khiếu nại đã giải quyết không được lớn hơn số đơn khiếu nại đã thụ lý (26 so với 25).",
        ]
    )


def test_options_given_in_full_must_sum_to_the_total(draft):
    assert refused(
        final=True,
        submission=draft,
        values={
            "don-tiep-nhan": "2.403",
            "don-tiep-nhan:khieu-nai": "123",
            "don-tiep-nhan:to-cao": "107",
            "don-tiep-nhan:kien-nghi": "2.000",
        },
    ) == ["Đơn thư tiếp nhận: tổng các phân tổ (2.230) khác tổng số (2.403)."]
    assert refused(
        final=True,
        submission=draft,
        values={
            "khieu-nai-da-giai-quyet": "20",
            "khieu-nai-da-giai-quyet:dung": "3",
            "khieu-nai-da-giai-quyet:sai": "6",
            "khieu-nai-da-giai-quyet:dung-mot-phan": "2",
            "khieu-nai-da-giai-quyet:rut-don": "10",
        },
    ) == ["Vụ khiếu nại đã giải quyết: tổng các phân tổ (21) khác tổng số (20)."]


def test_options_given_in_part_may_not_exceed_the_total(draft):
    assert refused(
        draft,
        {"don-tiep-nhan": "100", "don-tiep-nhan:khieu-nai": "80", "don-tiep-nhan:to-cao": "30"},
        final=True,
    ) == ["Đơn thư tiếp nhận: tổng các phân tổ đã nhập (110) lớn hơn tổng số (100)."]
    # Fewer than the total is fine while some options are left blank.
    save(draft, {"don-tiep-nhan": "100", "don-tiep-nhan:khieu-nai": "80"})
    assert draft.revisions.count() == 1


def test_a_percentage_is_at_most_one_hundred(draft):
    assert refused(draft, {"chi-so-hai-long": "100,5"}) == [
        "Chỉ số hài lòng của người dân về dịch vụ hành chính công: tỷ lệ không được vượt quá 100% (100,5%)."
    ]
    save(draft, {"chi-so-hai-long": "100"})
    draft.refresh_from_db()
    save(draft, {"chi-so-hai-long": "99,5"})
    assert draft.revisions.order_by("-number").first().values == {"chi-so-hai-long": "99.5"}


def test_negative_values_are_refused(draft):
    assert refused(draft, {"tin-bai": -5}) == ["Tin, bài tuyên truyền: giá trị không được âm."]
    assert refused(draft, {"don-tiep-nhan:to-cao": -1}) == [
        "Đơn thư tiếp nhận — Tố cáo: giá trị không được âm."
    ]


def test_a_negative_number_typed_as_text_is_refused_as_negative(draft):
    assert refused(draft, {"tin-bai": "-5"}) == ["Tin, bài tuyên truyền: giá trị không được âm."]
    assert refused(draft, {"tu-thien-so-tien": "-1.500"}) == [
        "Tiền ủng hộ đền ơn đáp nghĩa, từ thiện, nhân đạo: giá trị không được âm."
    ]


@pytest.mark.parametrize("text", ["abc", "mười", "12abc", "1 86", "97/97", "1,2,3", "--5"])
def test_non_numbers_are_refused(draft, text):
    assert refused(draft, {"tin-bai": text}) == [
        f"Tin, bài tuyên truyền: “{text}” không phải là số (ví dụ: 1.868 hoặc 95,5)."
    ]


@pytest.mark.parametrize("text", ["1.5", "95.5", "1,868.5"])
def test_a_decimal_point_is_refused_with_the_vietnamese_way(draft, text):
    assert refused(draft, {"chi-so-hai-long": text}) == [
        f"Chỉ số hài lòng của người dân về dịch vụ hành chính công: “{text}” — phần thập phân "
        "viết sau dấu phẩy (ví dụ: 95,5); dấu chấm dùng để tách hàng nghìn (1.868)."
    ]


def test_numbers_sent_as_json_numbers_keep_their_value(draft):
    """The API carries JSON numbers: 1.5 is one and a half, not a Vietnamese-grouped 15."""
    save(draft, {"chi-so-hai-long": 99.5, "tin-bai": 1868, "tu-thien-so-tien": 1.821})
    assert draft.revisions.get().values == {
        "chi-so-hai-long": "99.5",
        "tin-bai": "1868",
        "tu-thien-so-tien": "1.821",
    }


@pytest.mark.parametrize(
    ("raw", "shown"), [(True, "True"), (float("nan"), "nan"), (float("inf"), "inf")]
)
def test_booleans_and_non_finite_numbers_are_not_numbers(draft, raw, shown):
    assert refused(draft, {"tin-bai": raw}) == [
        f"Tin, bài tuyên truyền: “{shown}” không phải là số (ví dụ: 1.868 hoặc 95,5)."
    ]


def test_keys_not_on_the_form_are_refused():
    # The Đà Nẵng template's form has no "Dân vận khéo" indicators.
    request = issue(units=["DN-CATP"], template=_da_nang_template())
    submission = submission_of(request, "DN-CATP")
    assert refused(
        submission,
        {
            "dvk-tccs-duy-tri-mo-hinh": "97",
            "khong-co": "1",
            "don-tiep-nhan:xyz": "2",
            "tin-bai:khieu-nai": "3",
            "tin-bai": "4",
        },
    ) == [
        "Chỉ tiêu 'dvk-tccs-duy-tri-mo-hinh' không có trong biểu mẫu của báo cáo này.",
        "Chỉ tiêu 'khong-co' không có trong biểu mẫu của báo cáo này.",
        "Chỉ tiêu 'don-tiep-nhan:xyz' không có trong biểu mẫu của báo cáo này.",
        "Chỉ tiêu 'tin-bai:khieu-nai' không có trong biểu mẫu của báo cáo này.",
    ]


def test_sections_not_in_the_outline_are_refused(draft):
    assert refused(draft, {"tin-bai": "3"}, {"ket-qua": "Nội dung.", "xyz": "Lạc đề."}) == [
        "Đề mục không có trong đề cương: xyz."
    ]


def test_every_problem_is_reported_at_once(draft):
    messages = refused(
        draft,
        {"chi-so-hai-long": "120", "dvc-muc-4": "10", "dvc-muc-3-4": "5", "tin-bai": -1},
        final=True,
    )
    assert sorted(messages) == sorted(
        [
            "Chỉ số hài lòng của người dân về dịch vụ hành chính công: tỷ lệ không được vượt quá 100% (120%).",
            "Tin, bài tuyên truyền: giá trị không được âm.",
            "Số dịch vụ công mức độ 4 không được lớn hơn tổng số dịch vụ mức độ 3, 4 (10 so với 5).",
        ]
    )


def test_submit_checks_the_same_rules(draft):
    assert refused(
        draft, {"dvk-tccs-duy-tri-mo-hinh": "98", "tccs-dang-tong-so": "97"}, final=True
    ) == [
        "Số tổ chức cơ sở đảng có mô hình \u201cDân vận khéo\u201d không được lớn hơn tổng số tổ chức cơ sở "
        "đảng (98 so với 97)."
    ]
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert draft.first_submitted_at is None


def test_a_refused_save_keeps_the_previous_content(draft):
    save(draft, {"tin-bai": "161"}, {"ket-qua": "Bản đầu."})
    draft.refresh_from_db()
    refused(draft, {"tin-bai": "abc"}, {"ket-qua": "Bản sau."})
    assert draft.revisions.get().sections == {"ket-qua": "Bản đầu."}
    assert list(DataValue.objects.filter(submission=draft).values_list("value", flat=True)) == [
        Decimal("161")
    ]


def _da_nang_template():
    from danvan.reporting.models import ReportTemplate

    return ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            "100.000.000.000.000.000",
            "Kinh phí hỗ trợ Tết: “100.000.000.000.000.000” quá lớn (tối đa 16 chữ số phần nguyên).",
        ),
        (
            10**16,
            "Kinh phí hỗ trợ Tết: “10000000000000000” quá lớn (tối đa 16 chữ số phần nguyên).",
        ),
        (
            "1,23456",
            "Kinh phí hỗ trợ Tết: “1,23456” có quá 4 chữ số sau dấu phẩy.",
        ),
    ],
)
def test_values_the_database_cannot_hold_are_refused(draft, raw, message):
    assert refused(draft, {"ho-tro-tet-kinh-phi": raw}) == [message]


def test_the_largest_values_that_fit_are_kept_exactly(draft):
    save(draft, {"ho-tro-tet-kinh-phi": "9.999.999.999.999.999", "chi-so-hai-long": "99,1234"})
    assert draft.revisions.get().values == {
        "chi-so-hai-long": "99.1234",
        "ho-tro-tet-kinh-phi": "9999999999999999",
    }
    assert DataValue.objects.get(
        submission=draft, indicator__code="chi-so-hai-long"
    ).value == Decimal("99.1234")
