"""Writes to the time-limit rules and the working-day calendar (administrators only)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event

from .errors import PetitionError
from .models import CalendarDay, TimeLimitRule
from .permissions import RULES
from .services import _text


def confirm_rule(actor, *, rule: TimeLimitRule, days: int, basis: str) -> TimeLimitRule:
    """An administrator checked the rule against the text: its days and article, confirmed."""
    permissions.require(actor, RULES)
    if not 1 <= days <= 365:
        raise PetitionError("Thời hạn phải từ 1 đến 365 ngày.")
    basis = _text(basis, "căn cứ", 300, True)
    with transaction.atomic():
        before = {"days": rule.days, "basis": rule.basis, "confirmed": rule.confirmed}
        rule.days, rule.basis, rule.confirmed = days, basis, True
        rule.save(update_fields=["days", "basis", "confirmed"])
        record_event(
            actor,
            "petitions.rule_confirm",
            "TimeLimitRule",
            rule.pk,
            summary=f"Xác nhận thời hạn: {rule}",
            before=before,
            after={"days": days, "basis": basis, "confirmed": True},
        )
    return rule


def set_calendar_day(actor, *, date: dt.date, working: bool, note: str = "") -> CalendarDay:
    permissions.require(actor, RULES)
    with transaction.atomic():
        day, _ = CalendarDay.objects.update_or_create(
            date=date, defaults={"working": working, "note": _text(note, "ghi chú", 200)}
        )
        what = "ngày làm việc" if working else "ngày nghỉ"
        record_event(
            actor, "petitions.calendar", "CalendarDay", day.pk, summary=f"{date:%d/%m/%Y}: {what}"
        )
    return day
