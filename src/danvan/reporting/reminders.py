"""Reminders before and after the deadline, by e-mail and in-app. Run daily by the scheduler
(`danvan remind`, also started beside the web server by `danvan serve`); idempotent."""

from __future__ import annotations

import datetime as dt

from danvan.notifications.services import notify_unit_members

from . import clock
from .deadlines import effective_deadline
from .models import Assignment, SubmissionStatus
from .services import is_locked

DAYS_BEFORE = 3


def send_reminders(today: dt.date | None = None) -> int:
    today = today or clock.today()
    open_assignments = (
        Assignment.objects.select_related("request", "unit", "submission")
        .filter(submission__status__in=[SubmissionStatus.DRAFT, SubmissionStatus.RETURNED])
        .filter(request__deadline__gte=today - dt.timedelta(days=60))
    )
    sent = 0
    for assignment in open_assignments:
        request = assignment.request
        if is_locked(assignment, today):
            continue  # nothing can be sent any more: reminding would only annoy
        days_left = (request.deadline - today).days
        last_day = effective_deadline(request)
        if 0 < days_left <= DAYS_BEFORE:
            key, text = (
                f"due-soon:{assignment.pk}",
                f"Còn {days_left} ngày đến hạn nộp báo cáo \u201c{request.title}\u201d ({request.deadline:%d/%m/%Y}).",
            )
        elif days_left == 0:
            key, text = (
                f"due-today:{assignment.pk}",
                f"Hôm nay là hạn nộp báo cáo \u201c{request.title}\u201d.",
            )
        elif days_left < 0 and today <= last_day:
            key = f"grace:{assignment.pk}"
            text = (
                f"Đã qua hạn nộp báo cáo “{request.title}”; nộp đến hết ngày {last_day:%d/%m/%Y} "
                "vẫn được tính đúng hạn."
            )
        elif days_left < 0:
            # Once when it becomes overdue, then once a week.
            week = (-days_left - 1) // 7
            key = f"overdue:{assignment.pk}:{week}"
            text = f"Báo cáo \u201c{request.title}\u201d đã quá hạn {-days_left} ngày (hạn {request.deadline:%d/%m/%Y})."
        else:
            continue
        sent += notify_unit_members(
            assignment.unit, "reporter", text, f"/bao-cao/nop/{assignment.pk}/", key=key, email=True
        )
    return sent
