"""The roll-up's narrative follows the template's outline (I, II, 1, 2, III) with or without a
request, whatever order each unit's texts were stored in; and it says how many of the units
asked have reported and names those that have not."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.consolidation.selectors import consolidate
from danvan.orgs.models import OrgUnit
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import ReportRequest
from reporting.cycle import CAN_THO_TITLE, DA_NANG_TITLE, at, issue, make_user, submission_of, user

pytestmark = pytest.mark.django_db


def _outline(result):
    return [(s.label, s.title, s.level) for s in result.sections]


def test_by_unit_and_period_the_sections_follow_the_outline():
    result = consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2022S1")
    # Only sections with text, with the heading above a subsection that has some
    # ("2. Hạn chế" keeps "II. Đánh giá chung"); never II, 2, I as the units' texts came.
    assert _outline(result) == [
        ("I", "Kết quả thực hiện Chương trình phối hợp", 1),
        ("II", "Đánh giá chung", 1),
        ("2", "Hạn chế", 2),
    ]
    assert result.sections[1].passages == []


def test_texts_stored_backwards_still_print_in_outline_order():
    make_user("mttq.baocao", "reporter", "DN-MTTQ")
    request = issue(
        units=["DN-CATP", "DN-MTTQ"],
        period="2024S1",
        deadline=dt.date(2024, 6, 15),
        issued="2024-05-20",
    )
    with recorded_at(at("2024-06-10")):
        police = submission_of(request, "DN-CATP")
        services.submit(
            user("dn.baocao"),
            police.pk,
            police.version,
            {"nhiem-vu": "Nhiệm vụ.", "han-che": "Hạn chế.", "ket-qua": "Kết quả."},
            {},
        )
        front = submission_of(request, "DN-MTTQ")
        services.submit(
            user("mttq.baocao"),
            front.pk,
            front.version,
            {"uu-diem": "Ưu điểm.", "dac-diem": "Đặc điểm."},
            {},
        )
    root = OrgUnit.objects.get(code="DN-TU")
    without = consolidate(user("dn.dieuphoi"), root, "2024S1")
    assert [s.key for s in without.sections] == [
        "dac-diem",
        "ket-qua",
        "danh-gia",
        "uu-diem",
        "han-che",
        "nhiem-vu",
    ]
    with_request = consolidate(user("dn.dieuphoi"), root, "2024S1", request)
    assert [s.key for s in with_request.sections] == [s.key for s in without.sections]
    assert [p.text for p in with_request.sections[3].passages] == ["Ưu điểm."]


def test_can_tho_2019_has_one_of_three_units_and_names_the_two_others():
    request = ReportRequest.objects.get(title=CAN_THO_TITLE)
    result = consolidate(user("ct.dieuphoi"), OrgUnit.objects.get(code="CT-TU"), "2019S1", request)
    assert (result.coverage.assigned, result.coverage.reported) == (3, 1)
    assert result.coverage.text == (
        "tổng hợp từ 1/3 đơn vị; chưa báo cáo: Ủy ban Mặt trận Tổ quốc Việt Nam thành phố "
        "Cần Thơ, Ủy ban nhân dân thành phố Cần Thơ"
    )


def test_da_nang_2022_all_four_reported_the_border_guard_late():
    # The border guard submitted on 20/6/2022, after the 15/6 deadline: late, but reported.
    result = consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2022S1")
    assert result.coverage.text == "tổng hợp từ 4/4 đơn vị"


def test_a_returned_report_is_named_as_not_reported():
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    border = request.assignments.get(unit__code="DN-BDBP").submission
    with recorded_at(at("2022-06-21")):
        services.return_submission(user("dn.dieuphoi"), border.pk, "Bổ sung số liệu.")
    result = consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2022S1")
    assert result.coverage.text == (
        "tổng hợp từ 3/4 đơn vị; chưa báo cáo: Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng"
    )


def test_accepted_only_counts_two_and_names_none_as_missing():
    # Submitted but not yet accepted is not "chưa báo cáo".
    result = consolidate(
        user("dn.lanhdao"), OrgUnit.objects.get(code="DN-TU"), "2022S1", accepted_only=True
    )
    assert result.coverage.text == "tổng hợp từ 2/4 đơn vị"
