"""In-app notifications and e-mail. A `key` makes a notification idempotent per user, so a
scheduled reminder that runs twice tells nobody twice."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from danvan.accounts.models import Membership
from danvan.orgs.models import PATH_SEPARATOR

from .models import Notification


def _ancestor_paths(path: str) -> list[str]:
    parts = [p for p in path.split(PATH_SEPARATOR) if p]
    return [PATH_SEPARATOR.join(parts[: n + 1]) + PATH_SEPARATOR for n in range(len(parts))]


def holders_by_unit(role: str, units) -> dict[int, list]:
    """For each unit, the active users holding `role` on it or on a unit above it; one query
    for one unit or for thousands (the memberships on all their ancestors)."""
    ancestors = {path for unit in units for path in _ancestor_paths(unit.path)}
    memberships = [
        m
        for m in Membership.objects.filter(role=role, unit__path__in=ancestors)
        .select_related("user", "unit")
        .order_by("user_id")
        if m.user.is_active
    ]
    return {
        unit.pk: [m.user for m in memberships if unit.path.startswith(m.unit.path)]
        for unit in units
    }


def notify(user, text: str, url: str = "", *, key: str = "", email: bool = False) -> bool:
    """Create the notification (and send the e-mail) unless this key was already sent."""
    try:
        with transaction.atomic():
            Notification.objects.create(user=user, text=text[:500], url=url, key=key)
    except IntegrityError:
        return False
    if email and user.email:
        link = f"{settings.DANVAN_SITE_URL.rstrip('/')}{url}" if url.startswith("/") else url
        send_mail(
            "[Danvan] " + text[:120],
            f"{text}\n\n{link}",
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
            fail_silently=True,
        )
    return True


def notify_unit_members(
    unit, role: str, text: str, url: str = "", *, key: str = "", email: bool = False
) -> int:
    return sum(
        notify(user, text, url, key=key, email=email)
        for user in holders_by_unit(role, [unit])[unit.pk]
    )


def mark_read(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notify_many(role: str, entries: list[tuple]) -> None:
    """One in-app notification per (unit, text, url, key) entry to every user holding `role`
    above the unit, in two queries however many units (issuing to thousands of units)."""
    holders = holders_by_unit(role, [unit for unit, *_ in entries])
    rows = [
        Notification(user=user, text=text[:500], url=url, key=key)
        for unit, text, url, key in entries
        for user in {u.pk: u for u in holders[unit.pk]}.values()
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)


def date_events(moments: dict[str, dt.datetime]) -> int:
    """Give the notifications caused by events recorded after the fact (the demo's cycles,
    replayed at the moments they happened) the moment of their event, by key."""
    present = set(Notification.objects.filter(key__in=list(moments)).values_list("key", flat=True))
    return sum(
        Notification.objects.filter(key=key).update(created_at=moments[key]) for key in present
    )
