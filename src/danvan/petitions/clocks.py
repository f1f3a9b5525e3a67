"""Legal clocks of petitions (no Django here): counting days and working days, pauses,
resumptions and extensions, and the state of a clock on a given day.

Counting (Bộ luật Dân sự 2015, Điều 147–148): the first day is not counted; a limit in
calendar days that ends on a day off ends on the next working day. A limit in working days
counts only working days after the start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)

# Clock states (the codes are stored nowhere; the labels are shown).
NOT_DUE = "chua_den_han"
SOON = "sap_den_han"
OVERDUE = "qua_han"
ON_TIME = "dung_han"
LATE_DONE = "qua_han_da_xu_ly"
PAUSED = "tam_dinh_chi"
STATE_LABELS = {
    NOT_DUE: "Chưa đến hạn",
    SOON: "Sắp đến hạn",
    OVERDUE: "Quá hạn",
    ON_TIME: "Đúng hạn",
    LATE_DONE: "Quá hạn đã xử lý",
    PAUSED: "Đang tạm đình chỉ",
}

RESTART = "restart"  # after "tiếp tục" the full limit counts again from the resume decision
CONTINUE = "continue"  # the paused days are not counted; the rest of the limit continues


class WorkCalendar:
    """Saturdays and Sundays off, unless `overrides` (date → working?) says otherwise:
    Tết and public holidays (False), compensatory working Saturdays (True)."""

    def __init__(self, overrides: Mapping[dt.date, bool] | None = None):
        self.overrides = dict(overrides or {})

    def is_working(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        return day.weekday() < 5

    def next_working(self, day: dt.date) -> dt.date:
        while not self.is_working(day):
            day += ONE_DAY
        return day

    def add(self, start: dt.date, days: int, *, working: bool) -> dt.date:
        """The last day of a limit of `days` counted from the day after `start`."""
        if days <= 0:
            return start
        if not working:
            return self.next_working(start + dt.timedelta(days=days))
        day, counted = start, 0
        while counted < days:
            day += ONE_DAY
            if self.is_working(day):
                counted += 1
        return day

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days after `first` up to and including `last` (0 when last <= first)."""
        count, day = 0, first
        while day < last:
            day += ONE_DAY
            if self.is_working(day):
                count += 1
        return count


@dataclass(frozen=True)
class Pause:
    paused_on: dt.date
    resumed_on: dt.date | None = None


def due_date(
    calendar: WorkCalendar,
    *,
    start: dt.date,
    days: int,
    working: bool,
    pauses: Sequence[Pause] = (),
    resume_mode: str = RESTART,
) -> dt.date | None:
    """The last day of the clock, or None while it is paused (no resume decision yet)."""
    pauses = sorted(pauses, key=lambda p: p.paused_on)
    if pauses and pauses[-1].resumed_on is None:
        return None
    if pauses and resume_mode == RESTART:
        return calendar.add(pauses[-1].resumed_on, days, working=working)
    extra = 0
    for pause in pauses:
        if working:
            extra += calendar.working_days_between(pause.paused_on, pause.resumed_on)
        else:
            extra += (pause.resumed_on - pause.paused_on).days
    return calendar.add(start, days + extra, working=working)


def clock_state(
    calendar: WorkCalendar,
    *,
    due: dt.date | None,
    ended_on: dt.date | None,
    today: dt.date,
    soon_days: int = 3,
) -> str:
    if ended_on is not None:
        return ON_TIME if due is None or ended_on <= due else LATE_DONE
    if due is None:
        return PAUSED
    if today > due:
        return OVERDUE
    if calendar.working_days_between(today, due) <= soon_days:
        return SOON
    return NOT_DUE


def pick_rule(rules: Sequence, received_on: dt.date, key: Callable = lambda r: r):
    """The rule in force on the day the petition was received (valid_from ≤ day ≤ valid_to)."""
    for rule in rules:
        r = key(rule)
        if r.valid_from <= received_on and (r.valid_to is None or received_on <= r.valid_to):
            return rule
    return None
