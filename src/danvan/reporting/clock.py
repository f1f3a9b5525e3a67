"""The reporting cycle's notion of "now". Normally the real time; `recorded_at(moment)`
replays an archived cycle (the demo's 2019 and 2022 reports) at the moment it happened, so
deadlines and locks are judged as they were then. The audit trail keeps the real time."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt

from django.utils import timezone

_override: contextvars.ContextVar[dt.datetime | None] = contextvars.ContextVar(
    "reporting_now", default=None
)


def now() -> dt.datetime:
    return _override.get() or timezone.now()


def today() -> dt.date:
    return timezone.localdate(now())


@contextlib.contextmanager
def recorded_at(moment: dt.datetime):
    token = _override.set(moment)
    try:
        yield
    finally:
        _override.reset(token)
