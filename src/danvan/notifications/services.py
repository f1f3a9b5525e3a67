"""In-app notifications and e-mail. A `key` makes a notification idempotent per user, so a
scheduled reminder that runs twice tells nobody twice."""

from __future__ import annotations

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


def users_covering(unit, role: str):
    """Users holding `role` on the unit or any unit above it."""
    memberships = Membership.objects.filter(role=role, unit__path__in=_ancestor_paths(unit.path))
    return [m.user for m in memberships.select_related("user") if m.user.is_active]


def notify(user, text: str, url: str = "", *, key: str = "", email: bool = False) -> bool:
    """Create the notification (and send the e-mail) unless this key was already sent."""
    try:
        with transaction.atomic():
            Notification.objects.create(user=user, text=text[:500], url=url, key=key)
    except IntegrityError:
        return False
    if email and user.email:
        link = f"{settings.DANVAN_SITE_URL.rstrip('/')}{url}" if url.startswith("/") else url
        send_mail("[Danvan] " + text[:120], f"{text}\n\n{link}", settings.DEFAULT_FROM_EMAIL, [user.email],
                  fail_silently=True)
    return True


def notify_unit_members(unit, role: str, text: str, url: str = "", *, key: str = "", email: bool = False) -> int:
    return sum(notify(user, text, url, key=key, email=email) for user in users_covering(unit, role))


def mark_read(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def notify_many(role: str, entries: list[tuple]) -> int:
    """One notification per (unit, text, url, key) entry to every user holding `role` above
    the unit; two queries whatever the number of units (issuing to thousands of units)."""
    memberships = [m for m in Membership.objects.filter(role=role).select_related("user", "unit") if m.user.is_active]
    rows = []
    for unit, text, url, key in entries:
        users = {m.user_id for m in memberships if unit.path.startswith(m.unit.path)}
        rows.extend(Notification(user_id=user_id, text=text[:500], url=url, key=key) for user_id in sorted(users))
    created = Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(created)
