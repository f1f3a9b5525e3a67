"""Reminders before and after the deadline, by e-mail and in the app; a second run on the
same day tells nobody twice."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.notifications.models import Notification
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.reminders import send_reminders
from reporting.cycle import at, issue, make_user, submission_of, user

pytestmark = pytest.mark.django_db

TITLE = "Báo cáo công tác dân vận 6 tháng đầu năm 2023"
D = dt.date


@pytest.fixture
def cycle():
    """Due 10/7/2023 from the police (dn.baocao, no e-mail) and the Front (a reporter with e-mail)."""
    make_user("mttq.baocao", "reporter", "DN-MTTQ", email="mttq.baocao@example.vn")
    request = issue(units=["DN-CATP", "DN-MTTQ"], deadline=D(2023, 7, 10), title=TITLE)
    return request


def reminders(username):
    return list(
        Notification.objects.filter(
            user=user(username), key__regex=r"^(due-soon|due-today|overdue):"
        )
        .order_by("id")
        .values_list("text", flat=True)
    )


def test_due_soon_due_today_and_overdue(cycle, mailoutbox):
    front = cycle.assignments.get(unit__code="DN-MTTQ")
    assert send_reminders(D(2023, 7, 6)) == 0  # four days ahead: too early
    assert mailoutbox == []

    assert send_reminders(D(2023, 7, 7)) == 2  # both units' reporters, in the app
    soon = f"Còn 3 ngày đến hạn nộp báo cáo \u201c{TITLE}\u201d (10/07/2023)."
    assert reminders("mttq.baocao") == [soon]
    assert reminders("dn.baocao") == [soon]
    assert len(mailoutbox) == 1  # only the Front's reporter has an address
    mail = mailoutbox[0]
    assert (mail.to, mail.subject) == (["mttq.baocao@example.vn"], f"[Danvan] {soon}")
    assert mail.body == f"{soon}\n\nhttp://127.0.0.1:8000/bao-cao/nop/{front.pk}/"
    assert mail.from_email == "danvan@localhost"

    assert send_reminders(D(2023, 7, 7)) == 0  # the scheduler ran twice: nothing new
    assert send_reminders(D(2023, 7, 8)) == 0  # "due soon" is said once
    assert len(mailoutbox) == 1

    assert send_reminders(D(2023, 7, 10)) == 2
    today = f"Hôm nay là hạn nộp báo cáo \u201c{TITLE}\u201d."
    assert reminders("mttq.baocao")[-1] == today
    assert [m.subject for m in mailoutbox] == [f"[Danvan] {soon}", f"[Danvan] {today}"]
    assert send_reminders(D(2023, 7, 10)) == 0

    # The police submit on the day; only the Front is overdue afterwards.
    police = submission_of(cycle, "DN-CATP")
    with recorded_at(at("2023-07-10", 16)):
        services.submit(user("dn.baocao"), police.pk, police.version, {"ket-qua": "Đã nộp."}, {})
    assert send_reminders(D(2023, 7, 11)) == 1
    late = f"Báo cáo \u201c{TITLE}\u201d đã quá hạn 1 ngày (hạn 10/07/2023)."
    assert reminders("mttq.baocao")[-1] == late
    assert reminders("dn.baocao")[-1] == today
    assert mailoutbox[-1].subject == f"[Danvan] {late}"
    assert send_reminders(D(2023, 7, 11)) == 0
    # Then once a week.
    for day in range(12, 18):
        assert send_reminders(D(2023, 7, day)) == 0
    assert send_reminders(D(2023, 7, 18)) == 1
    assert (
        reminders("mttq.baocao")[-1]
        == f"Báo cáo \u201c{TITLE}\u201d đã quá hạn 8 ngày (hạn 10/07/2023)."
    )
    assert send_reminders(D(2023, 7, 18)) == 0
    assert len(mailoutbox) == 4
    assert len(reminders("mttq.baocao")) == 4


def test_returned_reports_are_reminded_and_accepted_ones_are_not(cycle, mailoutbox):
    police = submission_of(cycle, "DN-CATP")
    front = submission_of(cycle, "DN-MTTQ")
    with recorded_at(at("2023-07-01")):
        services.submit(user("dn.baocao"), police.pk, police.version, {"ket-qua": "Nộp."}, {})
        services.submit(user("mttq.baocao"), front.pk, front.version, {"ket-qua": "Nộp."}, {})
        services.return_submission(user("dn.dieuphoi"), front.pk, "Thiếu số liệu.")
        services.accept_submission(user("dn.dieuphoi"), police.pk)
    assert send_reminders(D(2023, 7, 12)) == 1
    assert reminders("dn.baocao") == []
    assert (
        reminders("mttq.baocao")[-1]
        == f"Báo cáo \u201c{TITLE}\u201d đã quá hạn 2 ngày (hạn 10/07/2023)."
    )
    assert [m.to for m in mailoutbox] == [["mttq.baocao@example.vn"]]


def test_reminders_stop_sixty_days_after_the_deadline(cycle, mailoutbox):
    assert send_reminders(D(2023, 9, 8)) == 2  # 60 days late: still reminded
    assert send_reminders(D(2023, 9, 16)) == 0  # 68 days: given up
    assert len(mailoutbox) == 1


def test_reminders_run_on_the_reporting_clock(cycle, mailoutbox):
    with recorded_at(at("2023-07-09")):
        assert send_reminders() == 2
    assert reminders("mttq.baocao") == [
        f"Còn 1 ngày đến hạn nộp báo cáo \u201c{TITLE}\u201d (10/07/2023)."
    ]


def test_reporters_of_a_unit_higher_up_are_reminded_too(cycle, mailoutbox):
    make_user("tu.baocao", "reporter", "DN-TU", email="tu.baocao@example.vn")
    assert send_reminders(D(2023, 7, 7)) == 4  # two units × (their reporter + the city's)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "mttq.baocao@example.vn",
        "tu.baocao@example.vn",
        "tu.baocao@example.vn",
    ]
