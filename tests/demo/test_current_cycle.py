"""The demo has work in it: a current half-year request of the Đà Nẵng board, due ahead, in
the police reporter's inbox, a quarterly one that the Front is late with, and notifications
dated by their events."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from danvan.demo.current import (
    BOARD,
    current_half,
    half_year_title,
    previous_quarter,
    quarter_title,
)
from danvan.demo.loader import load_demo
from danvan.notifications.models import Notification
from danvan.reporting import selectors
from danvan.reporting.clock import today
from danvan.reporting.deadlines import effective_deadline
from danvan.reporting.models import Assignment, ReportRequest


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.mark.parametrize(
    ("day", "half", "quarter"),
    [
        (dt.date(2026, 12, 2), "2026S2", "2026Q3"),
        (dt.date(2026, 6, 30), "2026S1", "2026Q1"),
        (dt.date(2026, 7, 1), "2026S2", "2026Q2"),
        (dt.date(2027, 2, 1), "2027S1", "2026Q4"),
    ],
)
def test_the_cycle_follows_the_calendar(day, half, quarter):
    assert (current_half(day), previous_quarter(day)) == (half, quarter)


def test_titles_name_the_period():
    assert half_year_title(dt.date(2026, 12, 2)) == (
        "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng cuối năm 2026"
    )
    assert quarter_title(dt.date(2026, 12, 2)) == "Báo cáo nhanh công tác dân vận quý III/2026"


def test_the_police_reporter_has_the_half_year_report_due(db):
    box = selectors.inbox(user("dn.baocao"))
    assert [(a.request.title, a.unit.code) for a in box.due] == [
        (half_year_title(today()), "DN-CATP")
    ]
    assert box.overdue == [] and box.due[0].request.deadline >= today()
    assert box.due[0].request.issuer.code == BOARD


def test_the_home_page_tells_the_reporter(login_client):
    page = login_client("dn.baocao").get("/").content.decode()
    assert "<strong>1</strong> đến hạn" in page


def test_one_unit_is_late_with_the_quarterly_report(db):
    request = ReportRequest.objects.get(title=quarter_title(today()), issuer__code=BOARD)
    assert effective_deadline(request) < today()
    board = selectors.status_board(user("dn.dieuphoi"), request)
    assert (board.expected, board.on_time, board.late, board.missing) == (3, 2, 0, 1)
    missing = selectors.status_board(user("dn.dieuphoi"), request, status="missing")
    assert [a.unit.code for a in missing.rows] == ["DN-MTTQ"]


def test_notifications_carry_the_dates_of_their_events(db):
    police_2022 = Assignment.objects.get(
        request__period__code="2022S1", request__issuer__code="DN-BDVTU", unit__code="DN-CATP"
    )
    issued = Notification.objects.get(user=user("dn.baocao"), key=f"issued:{police_2022.pk}")
    assert timezone.localtime(issued.created_at).date() == dt.date(2022, 5, 20)
    accepted = Notification.objects.get(
        user=user("dn.baocao"), key__startswith=f"accept:{police_2022.submission.pk}:"
    )
    assert timezone.localtime(accepted.created_at).date() == dt.date(2022, 6, 13)
    current = Assignment.objects.get(request__title=half_year_title(today()), unit__code="DN-CATP")
    issued = Notification.objects.get(user=user("dn.baocao"), key=f"issued:{current.pk}")
    assert timezone.localtime(issued.created_at).date() == today() - dt.timedelta(days=7)


def test_loading_again_adds_nothing(db):
    before = (ReportRequest.objects.count(), Notification.objects.count())
    load_demo()
    assert (ReportRequest.objects.count(), Notification.objects.count()) == before
