"""Login throttling with growing delays. Failed logins are counted per account from one
address, per address, and per account from all addresses (at a far higher bar); past the
bar, each further attempt waits a delay that doubles with every failure, up to the window,
counted from the last failure. An attacker slows down only what they attack, and never holds
one long lock: the delays end on their own and the counts expire with the window."""

from __future__ import annotations

import datetime as dt
import math

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from .models import LoginFailure

# How many times the per-account bar one address may fail (a shared office NAT) and the
# account from everywhere (many addresses guessing one password) before delays begin.
ADDRESS_FACTOR = 4
ACCOUNT_FACTOR = 10


def _delay(failures: int, bar: int) -> int:
    if failures < bar:
        return 0
    first = settings.DANVAN_LOGIN_FIRST_DELAY_SECONDS
    return min(first * 2 ** min(failures - bar, 20), settings.DANVAN_LOGIN_WINDOW_SECONDS)


def wait_seconds(username: str, address: str) -> int:
    """How long this username from this address must wait before its next try (0: go)."""
    now = timezone.now()
    recent = LoginFailure.objects.filter(
        at__gte=now - dt.timedelta(seconds=settings.DANVAN_LOGIN_WINDOW_SECONDS)
    )
    bar = settings.DANVAN_LOGIN_MAX_FAILURES
    wait = 0.0
    for rows, limit in (
        (recent.filter(username__iexact=username, ip_address=address), bar),
        (recent.filter(ip_address=address), bar * ADDRESS_FACTOR),
        (recent.filter(username__iexact=username), bar * ACCOUNT_FACTOR),
    ):
        seen = rows.aggregate(count=Count("id"), last=Max("at"))
        delay = _delay(seen["count"], limit)
        if delay:
            wait = max(wait, (seen["last"] - now).total_seconds() + delay)
    return max(0, math.ceil(wait))


def record_failure(username: str, address: str) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=address[:64])


def forget(username: str, address: str) -> None:
    """A successful login clears that account's failures from that address."""
    LoginFailure.objects.filter(username__iexact=username, ip_address=address).delete()


def how_long(seconds: int) -> str:
    """ "45 giây", "2 phút", "2 phút 30 giây" (for the message telling how long to wait)."""
    minutes, rest = divmod(max(1, seconds), 60)
    parts = ([f"{minutes} phút"] if minutes else []) + ([f"{rest} giây"] if rest else [])
    return " ".join(parts)
