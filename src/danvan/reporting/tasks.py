"""The deadline reminders as a scheduled background task (django-tasks).

The database backend has no periodic tasks: each run queues the next one
(`DANVAN_REMINDER_EVERY_S` later, with `run_after`), and the worker starts the chain when it
starts. Scheduling happens under a lock and only when no run is waiting, so restarting the
worker, or starting two, never makes a second chain. A run is idempotent (each reminder has a
key, sent once), so a run repeated after a crash tells nobody twice. (Here beside `reminders`,
not in notifications, which reporting already imports.)"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from danvan import background
from danvan.audit.services import record_event
from danvan.notifications.register_reminders import send_register_reminders

from . import clock
from .reminders import DAYS_BEFORE, send_reminders


@task()
def send_due_reminders() -> int:
    try:
        sent = send_reminders()
        if sent:
            record_event(None, "reporting.reminders.sent", "Reminder", summary=f"{sent} nhắc nhở")
        # The registers' due items, by the same run and with the same lead days.
        registered = send_register_reminders(clock.today(), days_before=DAYS_BEFORE)
        if registered:
            summary = f"{registered} nhắc việc sổ theo dõi"
            record_event(None, "notifications.register_reminders.sent", "Reminder", summary=summary)
        return sent + registered
    finally:
        schedule_reminders(timezone.now() + dt.timedelta(seconds=settings.DANVAN_REMINDER_EVERY_S))


def schedule_reminders(when: dt.datetime | None = None) -> bool:
    """Queue the next run (now when `when` is None) unless one is already waiting; True when
    queued."""
    with background.schedule_lock("reporting.reminders"):
        waiting = background.pending(send_due_reminders).filter(status=TaskResultStatus.READY)
        if waiting.exists():
            return False
        send_due_reminders.using(run_after=when).enqueue()
    return True
