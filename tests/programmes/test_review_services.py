"""A programme review through the real reporting cycle: the template generated from the plans,
one request to every party but the thường trực board, progress entered while the report is a
draft, refused once it is submitted, accepted with the report (signal), the commitment's status
following the accepted answer with who reported it and when; the joint activities summed by the
register; the partners' inbox."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from danvan import registers
from danvan.accounts.permissions import ScopeDenied
from danvan.orgs.models import OrgUnit
from danvan.programmes import followup, review, review_scope
from danvan.programmes.models import Instrument, Progress, ReviewKind
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.errors import ReportingError
from reporting.cycle import at, submission_of, user

pytestmark = pytest.mark.django_db

ARMED = ["06-CTr/BDVTU-BCHQS", "07-CTr/BDVTU-CATP", "08-CTr/BDVTU-BĐBP"]


def issue_second_half():
    instruments = list(Instrument.objects.filter(symbol__in=ARMED).order_by("symbol"))
    with recorded_at(at("2022-11-20", 8)):
        reviews = review.issue_review(
            user("dn.dieuphoi"),
            instruments=instruments,
            period_code="2022S2",
            kind=ReviewKind.HALF_YEAR,
            deadline=dt.date(2022, 12, 15),
        )
    return reviews[0].report_request


def police_rows(request):
    assignment = request.assignments.get(unit__code="DN-CATP")
    owned = review_scope.unit_commitments(assignment)
    return assignment, [c for c, _, _ in owned]


def test_the_template_comes_from_the_plans_and_every_party_is_asked():
    request = issue_second_half()
    sections = request.template.sections
    assert [s["label"] for s in sections] == ["I", "II", "III", "IV"]
    # One section per content area of the 2022 commitments reported in the second half (those
    # of the year; the first half's are done).
    areas = [c["title"] for c in sections[1]["children"]]
    assert (
        areas
        == [
            "Tuyên truyền, vận động Nhân dân",
            "Biên giới, biển đảo",  # none: every border commitment of 2022S2 is the year's
            "An sinh xã hội",
        ][: len(areas)]
        or areas
    )
    assert sections[3]["title"] == "Phương hướng, nhiệm vụ 6 tháng đầu năm 2023"
    assert [r.indicator.code for r in request.template.form_rows.all()][:4] == [
        "ctp_hd_hoi_nghi",
        "ctp_hd_tuyen_truyen",
        "ctp_hd_tap_huan",
        "ctp_hd_luot_nguoi",
    ]
    assert sorted(request.assignments.values_list("unit__code", flat=True)) == [
        "DN-BCHQS",
        "DN-BDBP",
        "DN-CATP",
    ]
    assert request.title == (
        "Báo cáo kết quả triển khai, thực hiện Chương trình phối hợp công tác dân vận 6 tháng "
        "cuối năm 2022, nhiệm vụ trọng tâm 6 tháng đầu năm 2023"
    )


def test_a_second_review_of_the_same_period_is_refused():
    issue_second_half()
    with pytest.raises(ReportingError, match="đã có kỳ sơ kết 2022S2"):
        issue_second_half()


def test_a_reporter_or_another_province_may_not_issue():
    instruments = list(Instrument.objects.filter(symbol__in=ARMED))
    for username in ("dn.baocao", "ct.dieuphoi"):
        with pytest.raises(ScopeDenied):
            review.issue_review(
                user(username),
                instruments=instruments,
                period_code="2023S1",
                kind=ReviewKind.HALF_YEAR,
                deadline=dt.date(2023, 6, 15),
            )


def test_progress_through_the_submission_path():
    request = issue_second_half()
    assignment, commitments = police_rows(request)
    assert commitments, "the police lead commitments of the year"
    reporter = user("dn.baocao")
    with recorded_at(at("2022-12-05", 10)):
        saved = review.record_progress(
            reporter,
            assignment_id=assignment.pk,
            rows={
                c.pk: {"status": "hoan_thanh", "value": "1.024", "narrative": "Đã thực hiện."}
                for c in commitments
            },
        )
    assert saved == len(commitments)
    row = Progress.objects.get(commitment=commitments[0], review__report_request=request)
    assert (row.status, row.value, row.accepted) == ("hoan_thanh", Decimal("1024"), False)
    submission = submission_of(request, "DN-CATP")
    with recorded_at(at("2022-12-06", 10)):
        services.submit(
            reporter,
            submission.pk,
            submission.version,
            {"phoi-hop-trien-khai": "Công an thành phố phối hợp triển khai kế hoạch năm."},
            {"ctp_hd_hoi_nghi": "2", "ctp_hd_luot_nguoi": "350"},
        )
    # Submitted: progress can no longer change.
    with pytest.raises(ReportingError, match="không cập nhật được tiến độ"):
        review.record_progress(
            reporter, assignment_id=assignment.pk, rows={commitments[0].pk: {"status": "cham"}}
        )
    # Until then the commitment's status is the first half's accepted answer.
    before = followup.latest_accepted(commitments)[commitments[0].pk]
    assert (before.review.period_code, before.status) == ("2022S1", "dang_thuc_hien")
    with recorded_at(at("2022-12-08", 9)):
        services.accept_submission(user("dn.dieuphoi"), submission.pk)
    row.refresh_from_db()
    assert row.accepted and row.submission_id == submission.pk
    state = followup.latest_accepted(commitments)[commitments[0].pk]
    assert (state.status, state.reported_by.username) == ("hoan_thanh", "dn.baocao")
    assert state.reported_at.date() == dt.date(2022, 12, 5)
    # The register sums the accepted joint activities for the board's subtree.
    figures = registers.compute(
        unit=OrgUnit.objects.get(code="DN-TU"),
        date_from=dt.date(2022, 7, 1),
        date_to=dt.date(2022, 12, 31),
        wanted={"ctp_hd_hoi_nghi", "ctp_hd_luot_nguoi"},
    )
    assert figures["ctp_hd_hoi_nghi"].value == 2
    assert figures["ctp_hd_luot_nguoi"].value == 350
    assert figures["ctp_hd_luot_nguoi"].provenance.startswith(
        "tính từ 1 báo cáo sơ kết chương trình phối hợp đã tiếp nhận"
    )


def test_a_returned_report_opens_its_progress_again():
    request = issue_second_half()
    assignment, commitments = police_rows(request)
    reporter = user("dn.baocao")
    submission = submission_of(request, "DN-CATP")
    with recorded_at(at("2022-12-06", 10)):
        services.submit(
            reporter, submission.pk, submission.version, {"phuong-huong": "Tiếp tục."}, {}
        )
        services.return_submission(user("dn.dieuphoi"), submission.pk, "Bổ sung tiến độ.")
        assert (
            review.record_progress(
                reporter, assignment_id=assignment.pk, rows={commitments[0].pk: {"status": "cham"}}
            )
            == 1
        )


def test_wrong_rows_write_nothing():
    request = issue_second_half()
    assignment, commitments = police_rows(request)
    with pytest.raises(ReportingError) as caught:
        review.record_progress(
            user("dn.baocao"),
            assignment_id=assignment.pk,
            rows={
                commitments[0].pk: {
                    "status": "xong",
                    "value": "mười",
                    "evidence": "99-KH/KHONGCO",
                }
            },
        )
    text = " ".join(caught.value.messages)
    assert "cần chọn tình trạng thực hiện" in text
    assert "kết quả “mười” không phải là một số hợp lệ" in text
    assert "không có văn bản “99-KH/KHONGCO” trong sổ văn bản" in text
    assert not Progress.objects.filter(review__report_request=request).exists()


def test_evidence_is_a_document_of_the_registry():
    request = issue_second_half()
    assignment, commitments = police_rows(request)
    review.record_progress(
        user("dn.baocao"),
        assignment_id=assignment.pk,
        rows={commitments[0].pk: {"status": "hoan_thanh", "evidence": "05-CTr/BDVTW-BCA"}},
    )
    row = Progress.objects.get(commitment=commitments[0], review__report_request=request)
    assert [d.symbol for d in row.evidence.all()] == ["05-CTr/BDVTW-BCA"]


def test_only_the_partys_reporters_enter_its_progress():
    request = issue_second_half()
    assignment, commitments = police_rows(request)
    for username in ("ct.baocao", "dn.xem"):
        with pytest.raises(ScopeDenied):
            review.record_progress(
                user(username),
                assignment_id=assignment.pk,
                rows={commitments[0].pk: {"status": "cham"}},
            )
    # A commitment the unit does not have is refused.
    other = request.assignments.get(unit__code="DN-BDBP")
    _, border = police_rows(request)[0], review_scope.unit_commitments(other)
    with pytest.raises(ReportingError, match="không thuộc đơn vị"):
        review.record_progress(
            user("dn.baocao"),
            assignment_id=assignment.pk,
            rows={border[0][0].pk: {"status": "cham"}},
        )


def test_the_partners_inbox_lists_their_commitments_with_due_dates():
    items = followup.inbox_commitments(user("dn.baocao"), dt.date(2022, 6, 20))
    titles = {i.title: (i.due, i.overdue) for i in items}
    assert titles[
        "Nhiệm vụ phối hợp: Trao đổi thông tin về tình hình Nhân dân, an ninh trật tự với Ban "
        "Dân vận Thành ủy"
    ] == (dt.date(2022, 6, 15), True)
    # Done (accepted as completed) commitments are not listed; others' commitments neither.
    assert not any("Quy chế dân vận" in t for t in titles)
    assert not any("Biên phòng" in t for t in titles)
    assert followup.inbox_commitments(user("dn.dieuphoi"), dt.date(2022, 6, 20)) == []
