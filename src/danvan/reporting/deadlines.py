"""When a report is due, one rule for the board, the inbox and the reminders."""

from __future__ import annotations

import datetime as dt


def effective_deadline(request) -> dt.date:
    """The last day a first submission still counts as on time (deadline plus days of grace)."""
    return request.deadline + dt.timedelta(days=request.grace_days)
