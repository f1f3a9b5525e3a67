"""Submissions: draft → submitted → returned → resubmitted → accepted, each step an
immutable revision with its author and time; locks, scope, and timeliness."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import SYSTEM, ScopeDenied
from danvan.audit.models import AuditEvent
from danvan.notifications.models import Notification
from danvan.reporting import selectors, services
from danvan.reporting.clock import recorded_at
from danvan.reporting.errors import ReportingError
from danvan.reporting.models import DataValue
from reporting.cycle import act, at, issue, make_user, snapshot, submission_of, user, values_of

pytestmark = pytest.mark.django_db


def test_the_whole_cycle(request_, police):
    first = act(
        at("2023-07-01", 10),
        services.save_draft,
        "dn.baocao",
        police,
        {"ket-qua": "Đăng tải 8.692 tin, bài.", "nhiem-vu": "   "},
        {"tin-bai": "8.692"},
    )
    police.refresh_from_db()
    assert (first.number, first.kind, first.author.username, first.created_at) == (
        1,
        "save",
        "dn.baocao",
        at("2023-07-01", 10),
    )
    assert first.sections == {"ket-qua": "Đăng tải 8.692 tin, bài."}
    assert first.values == {"tin-bai": "8692"}
    assert (police.status, police.version, police.first_submitted_at) == ("draft", 1, None)

    second = act(
        at("2023-07-03", 15),
        services.submit,
        "dn.baocao",
        police,
        {"ket-qua": "Đăng tải 8.692 tin, bài.\nTiếp nhận 67 thư tố giác tội phạm."},
        {"tin-bai": "8.692", "thu-to-giac": "67"},
    )
    police.refresh_from_db()
    assert (second.number, second.kind, second.author.username) == (2, "submit", "dn.baocao")
    assert (police.status, police.version) == ("submitted", 2)
    assert police.first_submitted_at == police.submitted_at == at("2023-07-03", 15)
    assert values_of(police) == {("tin-bai", None): "8692", ("thu-to-giac", None): "67"}
    # The board's coordinator is told.
    assert (
        Notification.objects.filter(
            user=user("dn.dieuphoi"),
            text="Công an thành phố Đà Nẵng đã nộp báo cáo: Báo cáo công tác dân vận 6 tháng đầu năm 2023.",
        ).count()
        == 1
    )
    # Submitted: the reporter cannot change it until it comes back.
    before = snapshot(police)
    with pytest.raises(ReportingError) as caught:
        act(at("2023-07-03", 16), services.save_draft, "dn.baocao", police, {"ket-qua": "Sửa."}, {})
    assert caught.value.messages == ["Báo cáo đã nộp; chỉ sửa được khi bị trả lại."]
    assert snapshot(police) == before

    # Returning needs a reason.
    with pytest.raises(ReportingError) as caught:
        act(at("2023-07-04", 9), services.return_submission, "dn.dieuphoi", police, "  ")
    assert caught.value.messages == ["Cần ghi lý do trả lại để đơn vị biết cần sửa gì."]
    assert snapshot(police) == before
    third = act(
        at("2023-07-04", 9),
        services.return_submission,
        "dn.dieuphoi",
        police,
        "Bổ sung số thông tin đường dây nóng.",
    )
    police.refresh_from_db()
    assert (third.number, third.kind, third.author.username, third.comment) == (
        3,
        "return",
        "dn.dieuphoi",
        "Bổ sung số thông tin đường dây nóng.",
    )
    assert (third.sections, third.values) == (second.sections, second.values)
    assert (police.status, police.return_comment, police.returned_at) == (
        "returned",
        "Bổ sung số thông tin đường dây nóng.",
        at("2023-07-04", 9),
    )
    assert Notification.objects.filter(
        user=user("dn.baocao"),
        text__contains="đã được trả lại. Lý do: Bổ sung số thông tin đường dây nóng.",
    ).exists()

    # Resubmitted after the deadline and its grace: the first submission still counts.
    fourth = act(
        at("2023-07-20", 8),
        services.submit,
        "dn.baocao",
        police,
        {"ket-qua": "Đăng tải 8.692 tin, bài.\nTiếp nhận 4.433 thông tin đường dây nóng."},
        {"tin-bai": "8.692", "thu-to-giac": "67", "duong-day-nong": "4.433"},
    )
    police.refresh_from_db()
    assert (fourth.number, fourth.kind, police.status) == (4, "submit", "submitted")
    assert police.first_submitted_at == at("2023-07-03", 15)
    assert police.submitted_at == at("2023-07-20", 8)
    assert selectors.on_time(police.assignment) is True

    fifth = act(at("2023-07-21", 8), services.accept_submission, "dn.dieuphoi", police)
    police.refresh_from_db()
    assert (fifth.number, fifth.kind, fifth.author.username, fifth.values) == (
        5,
        "accept",
        "dn.dieuphoi",
        fourth.values,
    )
    assert (police.status, police.accepted_at, police.version) == (
        "accepted",
        at("2023-07-21", 8),
        5,
    )
    assert [(r.number, r.kind) for r in selectors.revisions(police.assignment)] == [
        (1, "save"),
        (2, "submit"),
        (3, "return"),
        (4, "submit"),
        (5, "accept"),
    ]
    assert list(
        AuditEvent.objects.filter(object_type="Submission", object_id=str(police.pk))
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "reporting.submission.save",
        "reporting.submission.submit",
        "reporting.submission.return",
        "reporting.submission.submit",
        "reporting.submission.accept",
    ]


def test_an_accepted_submission_cannot_change(police):
    act(
        at("2023-07-05"),
        services.submit,
        "dn.baocao",
        police,
        {"ket-qua": "Nội dung."},
        {"tin-bai": "10"},
    )
    act(at("2023-07-06"), services.accept_submission, "dn.dieuphoi", police)
    before = snapshot(police)
    for action, actor, args, message in [
        (
            services.save_draft,
            "dn.baocao",
            ({"ket-qua": "Sửa."}, {"tin-bai": "11"}),
            "Báo cáo đã được tiếp nhận nên không thể sửa.",
        ),
        (
            services.submit,
            "dn.baocao",
            ({"ket-qua": "Sửa."}, {"tin-bai": "11"}),
            "Báo cáo đã được tiếp nhận nên không thể sửa.",
        ),
        (
            services.return_submission,
            "dn.dieuphoi",
            ("Sửa lại.",),
            "Chỉ tiếp nhận hoặc trả lại được báo cáo đã nộp (hiện: Đã tiếp nhận).",
        ),
        (
            services.accept_submission,
            "dn.dieuphoi",
            (),
            "Chỉ tiếp nhận hoặc trả lại được báo cáo đã nộp (hiện: Đã tiếp nhận).",
        ),
    ]:
        with pytest.raises(ReportingError) as caught:
            act(at("2023-07-07"), action, actor, police, *args)
        assert caught.value.messages == [message]
    assert snapshot(police) == before


def test_a_draft_cannot_be_accepted_or_returned(police):
    act(at("2023-07-01"), services.save_draft, "dn.baocao", police, {"ket-qua": "Nháp."}, {})
    before = snapshot(police)
    with pytest.raises(ReportingError, match=r"báo cáo đã nộp \(hiện: Đang soạn\)"):
        act(at("2023-07-02"), services.accept_submission, "dn.dieuphoi", police)
    with pytest.raises(ReportingError, match=r"báo cáo đã nộp \(hiện: Đang soạn\)"):
        act(at("2023-07-02"), services.return_submission, "dn.dieuphoi", police, "Sai.")
    assert snapshot(police) == before


def test_an_empty_report_cannot_be_submitted(police):
    before = snapshot(police)
    with pytest.raises(ReportingError) as caught:
        act(
            at("2023-07-01"),
            services.submit,
            "dn.baocao",
            police,
            {"ket-qua": "  "},
            {"tin-bai": ""},
        )
    assert caught.value.messages == ["Báo cáo trống: cần nhập nội dung hoặc số liệu trước khi nộp."]
    assert snapshot(police) == before


@pytest.mark.parametrize("username", ["ct.baocao", "dn.dieuphoi", "dn.lanhdao", "dn.xem"])
def test_only_the_units_reporter_writes_its_submission(police, username):
    before = snapshot(police)
    for action in (services.save_draft, services.submit):
        with pytest.raises(ScopeDenied) as caught:
            act(
                at("2023-07-01"),
                action,
                username,
                police,
                {"ket-qua": "Không phải của tôi."},
                {"tin-bai": "1"},
            )
        assert caught.value.message == "Bạn không có quyền soạn hay nộp báo cáo cho đơn vị này."
    assert snapshot(police) == before


@pytest.mark.parametrize("username", ["dn.baocao", "dn.lanhdao", "ct.dieuphoi", "dn.xem"])
def test_only_the_issuers_coordinator_returns_or_accepts(police, username):
    act(at("2023-07-01"), services.submit, "dn.baocao", police, {"ket-qua": "Nội dung."}, {})
    before = snapshot(police)
    with pytest.raises(ScopeDenied):
        act(at("2023-07-02"), services.accept_submission, username, police)
    with pytest.raises(ScopeDenied):
        act(at("2023-07-02"), services.return_submission, username, police, "Sửa.")
    assert snapshot(police) == before


def test_a_reporter_higher_up_covers_the_units_below():
    """A role on a unit covers its subtree: a reporter of the city committee may write for the police."""
    request = issue(units=["DN-CATP"])
    police = submission_of(request, "DN-CATP")
    make_user("tu.baocao", "reporter", "DN-TU")
    act(at("2023-07-01"), services.save_draft, "tu.baocao", police, {"ket-qua": "Viết thay."}, {})
    assert police.revisions.get().author.username == "tu.baocao"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at("2023-07-10", 23, 59), True),  # the deadline
        (at("2023-07-12", 23, 59), True),  # the last day of grace, late evening in Vietnam
        (at("2023-07-13", 0, 1), False),  # the first minute after the grace
        (at("2023-07-20", 9), False),
    ],
)
def test_on_time_counts_the_days_of_grace(police, moment, expected):
    act(moment, services.submit, "dn.baocao", police, {"ket-qua": "Nội dung."}, {})
    police.refresh_from_db()
    assert selectors.on_time(police.assignment) is expected
    board = selectors.status_board(user("dn.dieuphoi"), police.assignment.request)
    assert (board.on_time, board.late) == ((1, 0) if expected else (0, 1))


def test_without_grace_the_deadline_day_is_the_last_on_time():
    request = issue(units=["DN-CATP", "DN-MTTQ"], deadline=dt.date(2023, 7, 10), grace_days=0)
    make_user("mttq.baocao", "reporter", "DN-MTTQ")
    act(
        at("2023-07-10", 23, 30),
        services.submit,
        "dn.baocao",
        submission_of(request, "DN-CATP"),
        {"ket-qua": "Đúng hạn."},
        {},
    )
    act(
        at("2023-07-11", 7, 30),
        services.submit,
        "mttq.baocao",
        submission_of(request, "DN-MTTQ"),
        {"ket-qua": "Muộn một ngày."},
        {},
    )
    board = selectors.status_board(user("dn.dieuphoi"), request)
    assert (board.expected, board.submitted, board.on_time, board.late, board.missing) == (
        2,
        2,
        1,
        1,
        0,
    )
    assert (board.submitted_rate, board.on_time_rate) == (100.0, 50.0)
    assert selectors.on_time(submission_of(request, "DN-CATP").assignment) is True
    assert selectors.on_time(submission_of(request, "DN-MTTQ").assignment) is False


def test_nothing_submitted_is_neither_on_time_nor_late(police):
    assert selectors.on_time(police.assignment) is None


def test_the_system_actor_records_revisions_without_an_author(police):
    revision = act(
        at("2023-07-01"),
        services.save_draft,
        SYSTEM,
        police,
        {"ket-qua": "Nhập từ tệp."},
        {},
    )
    assert revision.author is None


def test_a_save_from_an_imported_file_is_an_import_revision_with_its_source(police):
    source = {
        "file": "bao-cao-cong-an.docx",
        "values": {"tin-bai": {"text": "8.692 tin, bài", "paragraph": 3}},
    }
    with recorded_at(at("2023-07-01")):
        revision = services.save_draft(
            user("dn.baocao"),
            police.pk,
            police.version,
            {"ket-qua": "Đăng tải 8.692 tin, bài."},
            {"tin-bai": "8.692", "thu-to-giac": "67"},
            source=source,
        )
    assert (revision.kind, revision.source) == ("import", source)
    stored = {
        v.indicator.code: v.source
        for v in DataValue.objects.filter(submission=police).select_related("indicator")
    }
    assert stored == {"tin-bai": {"text": "8.692 tin, bài", "paragraph": 3}, "thu-to-giac": None}


def test_the_can_tho_demo_submission_was_recorded_when_it_happened():
    from danvan.reporting.models import ReportRequest
    from reporting.cycle import CAN_THO_TITLE

    request = ReportRequest.objects.get(title=CAN_THO_TITLE)
    bloc = submission_of(request, "CT-DUK")
    # The bloc committee answered with its file: imported, confirmed, submitted; then accepted.
    assert [
        (r.number, r.kind, r.author.username, r.created_at)
        for r in bloc.revisions.select_related("author")
    ] == [
        (1, "import", "ct.baocao", at("2019-06-07", 15)),
        (2, "submit", "ct.baocao", at("2019-06-07", 15)),
        (3, "accept", "ct.dieuphoi", at("2019-06-12", 8)),
    ]
    assert bloc.revisions.get(number=3).values == {
        "dvk-tccs-duy-tri-mo-hinh": "97",
        "tccs-dang-tong-so": "97",
    }
    assert (
        bloc.revisions.get(number=1).source["file"]["name"] == "cantho-dukhoi-dan-van-6t-2019.txt"
    )
    assert (bloc.status, bloc.first_submitted_at) == ("accepted", at("2019-06-07", 15))
    assert request.issued_at == at("2019-05-07", 14)
    assert [submission_of(request, code).status for code in ("CT-UBND", "CT-MTTQ")] == [
        "draft",
        "draft",
    ]
