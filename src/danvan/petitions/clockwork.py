"""The legal clocks of petition records: the rule in force on the receiving date, applied
with the working-day calendar, pauses, resumptions and extensions (clocks.py does the
counting)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from django.conf import settings

from . import clocks
from .models import CalendarDay, EventKind, Kind, Petition, Routing, TimeLimitRule


def soon_days() -> int:
    """Working days before a deadline when a clock becomes "sắp đến hạn" (a setting)."""
    raw = os.environ.get("DANVAN_PETITIONS_SOON_DAYS") or getattr(
        settings, "PETITIONS_SOON_DAYS", 3
    )
    try:
        return max(0, min(int(raw), 60))
    except (TypeError, ValueError):
        return 3


def work_calendar() -> clocks.WorkCalendar:
    return clocks.WorkCalendar(dict(CalendarDay.objects.values_list("date", "working")))


class Rules:
    """Every rule, looked up by step and receiving date."""

    def __init__(self):
        self.by_step: dict[str, list[TimeLimitRule]] = {}
        for rule in TimeLimitRule.objects.order_by("-valid_from"):
            self.by_step.setdefault(rule.step, []).append(rule)

    def get(self, step: str, received_on: dt.date) -> TimeLimitRule | None:
        return clocks.pick_rule(self.by_step.get(step, []), received_on)


@dataclass(frozen=True)
class Clock:
    name: str
    rule: TimeLimitRule | None
    start: dt.date
    days: int
    due: dt.date | None
    ended_on: dt.date | None
    state: str

    @property
    def state_label(self) -> str:
        return clocks.STATE_LABELS[self.state]

    @property
    def overdue(self) -> bool:
        return self.state == clocks.OVERDUE


def steps(petition: Petition) -> tuple[str, str | None]:
    """(intake step, resolution step) of the petition's kind and round."""
    if petition.kind == Kind.COMPLAINT:
        prefix = "knkl" if petition.discipline else f"kn{2 if petition.round == 2 else 1}"
        return f"{prefix}_thu_ly", f"{prefix}_giai_quyet"
    if petition.kind == Kind.DENUNCIATION:
        return "tc_xu_ly", "tc_giai_quyet"
    return "knpa_xu_ly", None


def resolution_days(rule: TimeLimitRule, petition: Petition) -> int:
    days = rule.days
    if petition.remote_area and petition.complex:
        days = rule.remote_complex_days or rule.complex_days or rule.remote_days or days
    elif petition.complex:
        days = rule.complex_days or days
    elif petition.remote_area:
        days = rule.remote_days or days
    if rule.extension_days:
        days += rule.extension_days * min(petition.extensions, rule.max_extensions)
    return days


def _pauses(events) -> list[clocks.Pause]:
    pauses: list[clocks.Pause] = []
    for event in sorted(events, key=lambda e: (e.date, e.pk or 0)):
        if event.kind == EventKind.PAUSE and (not pauses or pauses[-1].resumed_on):
            pauses.append(clocks.Pause(event.date))
        elif event.kind == EventKind.RESUME and pauses and pauses[-1].resumed_on is None:
            pauses[-1] = clocks.Pause(pauses[-1].paused_on, event.date)
    return pauses


def clocks_for(
    petition: Petition,
    *,
    today: dt.date,
    rules: Rules,
    calendar: clocks.WorkCalendar,
    events=None,
    soon: int | None = None,
) -> list[Clock]:
    soon = soon_days() if soon is None else soon
    intake_step, resolution_step = steps(petition)
    result = []
    intake = rules.get(intake_step, petition.received_on)
    if intake is not None:
        days = (petition.complex and intake.complex_days) or intake.days
        due = calendar.add(petition.received_on, days, working=intake.working)
        state = clocks.clock_state(
            calendar, due=due, ended_on=petition.processed_on, today=today, soon_days=soon
        )
        result.append(
            Clock(
                intake.name, intake, petition.received_on, days, due, petition.processed_on, state
            )
        )
    if resolution_step and petition.routing == Routing.ACCEPT and petition.processed_on:
        rule = rules.get(resolution_step, petition.received_on)
        if rule is not None:
            days = resolution_days(rule, petition)
            events = list(petition.events.all()) if events is None else events
            due = clocks.due_date(
                calendar,
                start=petition.processed_on,
                days=days,
                working=rule.working,
                pauses=_pauses(events),
                resume_mode=rule.resume_mode,
            )
            state = clocks.clock_state(
                calendar, due=due, ended_on=petition.closed_on, today=today, soon_days=soon
            )
            result.append(
                Clock(rule.name, rule, petition.processed_on, days, due, petition.closed_on, state)
            )
    return result


def current_clock(clock_list: list[Clock]) -> Clock | None:
    """The clock that matters now: the first one still running, else the last one."""
    for clock in clock_list:
        if clock.ended_on is None:
            return clock
    return clock_list[-1] if clock_list else None
