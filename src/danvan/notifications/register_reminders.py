"""Reminders of the registers' due and overdue items (commitments, petitions' clocks,
re-assessments…), sent by the same run as the reports' deadline reminders (`danvan remind`
and the worker's hourly task).

Read through the register interface only (`danvan.registers.answers("inbox_items")`): the
providers scope the items to the user, and a provider that fails is logged there and costs
only its own items. Each user with a role gets at most one message a day (an in-app
notification keyed "registers:<day>" and an e-mail) listing the items due within the lead
days or overdue; each item sent is recorded (`RegisterReminder`, unique per user, item and
day), so a second run on the same day tells nobody anything twice. The registers are asked
once a day: the first run that gets through every user marks the day (`RegisterReminderRun`)
and the worker's later runs that day skip them."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from danvan import registers

from .models import Notification, RegisterReminder, RegisterReminderRun

# The reports' reminders start this many days before the deadline (reporting.reminders).
DAYS_BEFORE = 3
KEY_PREFIX = "registers:"
logger = logging.getLogger("danvan.notifications")


def item_key(item: registers.InboxItem) -> str:
    """A stable digest of what the item is (not of its date or state)."""
    raw = f"{item.register}\n{item.title}\n{item.url}"
    return hashlib.sha256(raw.encode()).hexdigest()


def days_left(item: registers.InboxItem, today: dt.date) -> int | None:
    """Days to the due date (negative once overdue); None for an item without a date."""
    if item.due is None:
        return None
    left = (item.due - today).days
    return min(left, -1) if item.overdue and left >= 0 else left


def state(left: int) -> str:
    if left > 0:
        return f"còn {left} ngày"
    if left == 0:
        return "đến hạn hôm nay"
    return f"quá hạn {-left} ngày"


def due_items(user, today: dt.date, days_before: int) -> list[registers.InboxItem]:
    """The user's register items due within `days_before` days or overdue, most urgent first,
    each once."""
    found, failed = registers.answers("inbox_items", user, today)
    if failed:
        logger.warning("register reminders for %s skipped %s", user.pk, ", ".join(failed))
    seen: set[str] = set()
    result = []
    for item in registers.by_urgency(found):
        left = days_left(item, today)
        key = item_key(item)
        if left is None or left > days_before or key in seen:
            continue
        seen.add(key)
        result.append(item)
    return result


def absolute(url: str) -> str:
    return f"{settings.DANVAN_SITE_URL.rstrip('/')}{url}" if url.startswith("/") else url


def line(item: registers.InboxItem, today: dt.date) -> str:
    left = days_left(item, today)
    return f"[{item.register}] {item.title} — hạn {item.due:%d/%m/%Y}, {state(left)}"


def message(
    items: list[registers.InboxItem], today: dt.date, days_before: int
) -> tuple[str, str, str]:
    """(in-app text, e-mail subject, e-mail body) in Vietnamese."""
    overdue = sum(1 for i in items if days_left(i, today) < 0)
    counts = f"{len(items)} việc" + (f", {overdue} việc quá hạn" if overdue else "")
    text = f"Nhắc việc trong sổ theo dõi ({counts}): " + "; ".join(
        f"{i.title} ({state(days_left(i, today))})" for i in items
    )
    subject = f"[Danvan] Nhắc việc trong sổ theo dõi ngày {today:%d/%m/%Y}: {counts}"
    body = "\n\n".join(f"- {line(i, today)}\n  {absolute(i.url)}" for i in items)
    body = (
        f"Các việc trong sổ theo dõi sắp đến hạn (trong {days_before} ngày) hoặc đã quá hạn "
        f"ngày {today:%d/%m/%Y}:\n\n{body}\n\nHộp thư công việc: {absolute(inbox_url())}"
    )
    text = text if len(text) <= 500 else text[:499] + "…"  # the notification's length
    return text, subject, body


def inbox_url() -> str:
    return reverse("reporting:inbox")


def remind_user(user, items: list[registers.InboxItem], today: dt.date, days_before: int) -> bool:
    """Record and send one message for `items`; False when the user already had today's
    message or one of the items was already sent today (both unique in the database)."""
    text, subject, body = message(items, today, days_before)
    try:
        with transaction.atomic():
            Notification.objects.create(
                user=user, text=text, url=inbox_url(), key=f"{KEY_PREFIX}{today.isoformat()}"
            )
            RegisterReminder.objects.bulk_create(
                RegisterReminder(
                    user=user,
                    item_key=item_key(i),
                    day=today,
                    register=i.register[:120],
                    title=i.title[:300],
                    due=i.due,
                )
                for i in items
            )
    except IntegrityError:
        return False  # another run reminded this user today in the meantime
    if user.email:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=True)
    return True


def recipients(today: dt.date):
    """Active users with a role, less those already reminded today."""
    reminded = Notification.objects.filter(key=f"{KEY_PREFIX}{today.isoformat()}").values("user")
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__isnull=False)
        .exclude(pk__in=reminded)
        .distinct()
        .order_by("pk")
    )


def send_register_reminders(today: dt.date | None = None, *, days_before: int = DAYS_BEFORE) -> int:
    """Remind every user with a role of their register items due within `days_before` days
    or overdue; the number of users reminded (one message each). The first run of a day that
    gets through every user marks the day done; later runs that day send nothing."""
    today = today or timezone.localdate()
    if RegisterReminderRun.objects.filter(day=today).exists():
        return 0
    sent = 0
    for user in recipients(today):
        items = due_items(user, today, days_before)
        if items and remind_user(user, items, today, days_before):
            sent += 1
    run, made = RegisterReminderRun.objects.get_or_create(day=today, defaults={"reminded": sent})
    if not made:  # another worker finished the same day meanwhile
        RegisterReminderRun.objects.filter(pk=run.pk).update(reminded=F("reminded") + sent)
    return sent
