"""The status board of a request and the reporter's inbox."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from danvan.accounts.permissions import ScopeDenied
from danvan.reporting import selectors, services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import ReportRequest
from reporting.cycle import CAN_THO_TITLE, DA_NANG_TITLE, at, issue, make_user, submission_of, user

pytestmark = pytest.mark.django_db

DN_UNITS = {
    "DN-BCHQS": "Bộ Chỉ huy Quân sự thành phố Đà Nẵng",
    "DN-BDBP": "Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng",
    "DN-CATP": "Công an thành phố Đà Nẵng",
    "DN-UBND": "Ủy ban nhân dân thành phố Đà Nẵng",
}


@pytest.fixture
def da_nang():
    return ReportRequest.objects.get(title=DA_NANG_TITLE)


def codes(rows):
    return [row.unit.code for row in rows]


@pytest.mark.parametrize("username", ["dn.dieuphoi", "dn.lanhdao", "admin"])
def test_the_da_nang_board_shows_the_late_border_guard(da_nang, username):
    board = selectors.status_board(user(username), da_nang)
    assert (
        board.expected,
        board.submitted,
        board.on_time,
        board.late,
        board.missing,
        board.returned,
        board.accepted,
    ) == (4, 4, 3, 1, 0, 0, 2)
    assert (board.submitted_rate, board.on_time_rate, board.rate(board.accepted)) == (
        100.0,
        75.0,
        50.0,
    )
    assert [(row.unit.code, row.unit_name) for row in board.rows] == list(DN_UNITS.items())
    dates = {
        row.unit.code: (
            row.submission.first_submitted_at.date(),
            row.submission.status,
            selectors.on_time(row),
        )
        for row in board.rows
    }
    assert dates == {
        "DN-BCHQS": (dt.date(2022, 6, 14), "submitted", True),
        "DN-BDBP": (dt.date(2022, 6, 20), "submitted", False),
        "DN-CATP": (dt.date(2022, 6, 13), "accepted", True),
        "DN-UBND": (dt.date(2022, 6, 10), "accepted", True),
    }
    assert da_nang.deadline == dt.date(2022, 6, 15) and da_nang.grace_days == 0


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "submitted"}, ["DN-BCHQS", "DN-BDBP", "DN-CATP", "DN-UBND"]),
        ({"status": "missing"}, []),
        ({"status": "accepted"}, ["DN-CATP", "DN-UBND"]),
        ({"status": "returned"}, []),
        ({"status": "no-such-status"}, ["DN-BCHQS", "DN-BDBP", "DN-CATP", "DN-UBND"]),
        ({"timeliness": "late"}, ["DN-BDBP"]),
        ({"timeliness": "on_time"}, ["DN-BCHQS", "DN-CATP", "DN-UBND"]),
        ({"search": "Biên phòng"}, ["DN-BDBP"]),
        ({"search": "bộ chỉ huy"}, ["DN-BCHQS", "DN-BDBP"]),
        ({"search": "công an"}, ["DN-CATP"]),
        ({"search": "ỦY BAN"}, ["DN-UBND"]),
        ({"search": "ủy ban nhân dân"}, ["DN-UBND"]),
        ({"search": unicodedata.normalize("NFD", "ủy ban")}, ["DN-UBND"]),  # typed on a Mac
        ({"search": "Cần Thơ"}, []),
        ({"status": "accepted", "timeliness": "on_time", "search": "Công an"}, ["DN-CATP"]),
        ({"status": "accepted", "timeliness": "late"}, []),
    ],
)
def test_board_filters(da_nang, filters, expected):
    board = selectors.status_board(user("dn.dieuphoi"), da_nang, **filters)
    assert codes(board.rows) == expected
    # Filters narrow the rows, never the counts.
    assert (board.expected, board.on_time, board.late) == (4, 3, 1)


@pytest.mark.parametrize("username", ["dn.baocao", "ct.dieuphoi", "ct.baocao"])
def test_reporters_and_other_cities_do_not_see_the_board(da_nang, username):
    with pytest.raises(ScopeDenied) as caught:
        selectors.status_board(user(username), da_nang)
    assert caught.value.message == "Bạn không có quyền xem bảng theo dõi của yêu cầu này."
    with pytest.raises(ScopeDenied):
        selectors.get_request(user(username), da_nang.pk)


def test_the_can_tho_board_counts_the_units_that_never_answered():
    request = ReportRequest.objects.get(title=CAN_THO_TITLE)
    board = selectors.status_board(user("ct.dieuphoi"), request)
    assert (
        board.expected,
        board.submitted,
        board.on_time,
        board.late,
        board.missing,
        board.accepted,
    ) == (3, 1, 1, 0, 2, 1)
    assert (board.submitted_rate, board.on_time_rate) == (33.3, 33.3)
    assert codes(selectors.status_board(user("ct.dieuphoi"), request, status="missing").rows) == [
        "CT-MTTQ",
        "CT-UBND",
    ]


def test_requests_for_lists_what_the_user_may_follow():
    from danvan.demo.current import half_year_title, quarter_title
    from danvan.reporting.clock import today as clock_today

    today = clock_today()
    da_nang = {DA_NANG_TITLE, half_year_title(today), quarter_title(today)}
    # Leaders and viewers of the city follow every request its boards issued.
    for username in ("dn.lanhdao", "dn.xem"):
        titles = selectors.requests_for(user(username)).values_list("title", flat=True)
        assert set(titles) == da_nang
    assert set(selectors.requests_for(user("ct.dieuphoi")).values_list("title", flat=True)) == {
        CAN_THO_TITLE
    }
    assert not selectors.requests_for(user("dn.baocao")).exists()


def test_a_returned_and_resubmitted_report_counts_once_and_by_its_first_submission():
    request = issue(units=["DN-CATP", "DN-MTTQ"], deadline=dt.date(2023, 7, 10))
    police = submission_of(request, "DN-CATP")
    with recorded_at(at("2023-07-09")):
        services.submit(user("dn.baocao"), police.pk, police.version, {"ket-qua": "Lần một."}, {})
    with recorded_at(at("2023-07-11")):
        services.return_submission(user("dn.dieuphoi"), police.pk, "Thiếu số liệu.")
    board = selectors.status_board(user("dn.dieuphoi"), request)
    assert (
        board.expected,
        board.submitted,
        board.on_time,
        board.late,
        board.missing,
        board.returned,
    ) == (2, 1, 1, 0, 1, 1)
    assert codes(selectors.status_board(user("dn.dieuphoi"), request, status="returned").rows) == [
        "DN-CATP"
    ]
    police.refresh_from_db()
    with recorded_at(at("2023-07-15")):
        services.submit(user("dn.baocao"), police.pk, police.version, {"ket-qua": "Lần hai."}, {})
    board = selectors.status_board(user("dn.dieuphoi"), request)
    assert (board.submitted, board.on_time, board.late, board.returned, board.on_time_rate) == (
        1,
        1,
        0,
        0,
        50.0,
    )


def test_the_reporters_inbox_sorts_due_overdue_returned_and_done():
    issue(units=["DN-CATP"], deadline=dt.date(2023, 7, 10), title="Còn hạn")
    overdue = issue(units=["DN-CATP"], deadline=dt.date(2023, 6, 30), title="Quá hạn")
    returned = issue(units=["DN-CATP"], deadline=dt.date(2023, 7, 5), title="Bị trả lại")
    done = issue(units=["DN-CATP"], deadline=dt.date(2023, 7, 20), title="Đã nộp")
    issue(units=["DN-CATP"], deadline=dt.date(2023, 7, 1), title="Hạn hôm nay")
    reporter = user("dn.baocao")
    with recorded_at(at("2023-06-28")):
        for request in (returned, done):
            submission = submission_of(request, "DN-CATP")
            services.submit(reporter, submission.pk, submission.version, {"ket-qua": "Nộp."}, {})
        services.return_submission(
            user("dn.dieuphoi"), submission_of(returned, "DN-CATP").pk, "Sửa lại."
        )
    with recorded_at(at("2023-06-29")):
        submission = submission_of(overdue, "DN-CATP")
        services.save_draft(reporter, submission.pk, submission.version, {"ket-qua": "Nháp."}, {})
    box = selectors.inbox(reporter, today=dt.date(2023, 7, 1))
    titles = {
        name: [a.request.title for a in getattr(box, name)]
        for name in ("due", "overdue", "returned", "done")
    }
    assert titles == {
        "due": ["Hạn hôm nay", "Còn hạn"],
        "overdue": ["Quá hạn"],
        "returned": ["Bị trả lại"],
        "done": [DA_NANG_TITLE, "Đã nộp"],
    }
    # The reporting clock gives "today" when none is given.
    with recorded_at(at("2023-07-11")):
        later = selectors.inbox(reporter)
    assert [a.request.title for a in later.overdue] == ["Quá hạn", "Hạn hôm nay", "Còn hạn"]
    assert later.due == []


def test_an_inbox_holds_only_the_units_of_the_reporter():
    issue(units=["DN-MTTQ"], deadline=dt.date(2023, 7, 10))
    box = selectors.inbox(user("ct.baocao"), today=dt.date(2023, 7, 1))
    assert [(a.unit.code, a.request.title) for a in box.done] == [("CT-DUK", CAN_THO_TITLE)]
    assert box.due == box.overdue == box.returned == []
    police = selectors.inbox(user("dn.baocao"), today=dt.date(2023, 7, 1))
    assert police.due == [] and [a.unit.code for a in police.done] == ["DN-CATP"]
    for username in ("dn.dieuphoi", "dn.lanhdao", "dn.xem"):
        empty = selectors.inbox(user(username), today=dt.date(2023, 7, 1))
        assert empty.due == empty.overdue == empty.returned == empty.done == []


def test_an_assignment_is_seen_by_its_reporter_and_the_issuers_board_only(da_nang):
    police = da_nang.assignments.get(unit__code="DN-CATP")
    for username in ("dn.baocao", "dn.dieuphoi", "dn.lanhdao", "dn.xem"):
        assert selectors.get_assignment(user(username), police.pk).pk == police.pk
    with pytest.raises(ScopeDenied):
        selectors.get_assignment(user("ct.baocao"), police.pk)
    with pytest.raises(ScopeDenied):
        selectors.get_assignment(
            user("dn.baocao"), da_nang.assignments.get(unit__code="DN-UBND").pk
        )


def test_a_unit_moved_after_the_request_still_finds_it_in_its_inbox():
    from danvan.accounts.permissions import SYSTEM
    from danvan.orgs import interchange
    from danvan.orgs import services as org_services
    from danvan.orgs.models import OrgUnit

    make_user("mttq.baocao", "reporter", "DN-MTTQ")
    request = issue(units=["DN-MTTQ"], deadline=dt.date(2023, 7, 10))
    front = OrgUnit.objects.get(code="DN-MTTQ")
    org_services.import_units(
        SYSTEM,
        [
            interchange.UnitRow(
                label="dòng 2",
                code="DN-MTTQ",
                name=front.name,
                short_name=front.short_name,
                kind=front.kind,
                issuer_code=front.issuer_code,
                parent_code="DN-UBND",
                valid_from=front.valid_from.isoformat(),
                note=front.note,
            )
        ],
        [],
    )
    assert OrgUnit.objects.get(code="DN-MTTQ").path == "TW/DN-TU/DN-UBND/DN-MTTQ/"
    box = selectors.inbox(user("mttq.baocao"), today=dt.date(2023, 7, 1))
    assert [a.request_id for a in box.due] == [request.pk]
    # The reporter may still write it, as the inbox says.
    submission = submission_of(request, "DN-MTTQ")
    with recorded_at(at("2023-07-01")):
        services.save_draft(
            user("mttq.baocao"), submission.pk, submission.version, {"ket-qua": "Vẫn nộp."}, {}
        )
