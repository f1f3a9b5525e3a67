"""Entries and their lifecycle steps: register (or draft), update, change status."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.registry import services as registry_services
from danvan.vn.text import fold, has_surrogates

from .. import lifecycle
from ..lifecycle import TransitionRefused
from ..models import (
    Entry,
    Level,
    Status,
    StatusEvent,
)
from ..permissions import RECOGNISE, REGISTER
from ..rules import TEXT_FIELDS, check_entry

ENTRY_FIELDS = (
    "kind",
    "subject",
    "channel",
    "field",
    "tags",
    "sub_movement",
    "start_date",
    "evaluation_date",
    *TEXT_FIELDS,
)


class EntryInvalid(ValueError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def search_text_of(entry: Entry) -> str:
    parts = [entry.name, entry.area, entry.forces_lead, entry.forces_coordinating]
    parts += [entry.content[:500], entry.owner_unit.name, entry.person_name]
    return fold(" ".join(p for p in parts if p))[:4000]


def _snapshot(entry: Entry) -> dict:
    row = {f: getattr(entry, f) for f in ENTRY_FIELDS}
    for key in ("start_date", "evaluation_date"):
        row[key] = row[key].isoformat() if row[key] else None
    return {**row, "owner_unit": entry.owner_unit.code, "status": entry.status}


def _check_day(day: dt.date, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    if not isinstance(day, dt.date) or day > today:
        raise TransitionRefused("Ngày không được sau hôm nay.")


def _event(entry, *, actor, target, at, by_unit, level="", decision=None, note=""):
    last = entry.events.order_by("-at", "-id").first()
    if last is not None and at < last.at:
        raise TransitionRefused(
            f"Ngày {at:%d/%m/%Y} trước bước trước đó ({last.at:%d/%m/%Y}); lịch sử phải theo thứ tự thời gian."
        )
    event = StatusEvent.objects.create(
        entry=entry,
        from_status=entry.status if entry.pk and last is not None else "",
        status=target,
        at=at,
        level=level,
        by_unit=by_unit,
        decision=decision,
        note=note,
        actor=actor if getattr(actor, "pk", None) else None,
    )
    entry.status = target
    if target == Status.REGISTERED and entry.registered_on is None:
        entry.registered_on = at
    entry.save(update_fields=["status", "registered_on", "updated_at"])
    return event


def create_entry(
    *, actor, owner_unit: OrgUnit, data: dict, register: bool, at: dt.date, assignment=None
) -> Entry:
    """A draft ("dự kiến") or a registration ("đăng ký") of `owner_unit` on day `at`."""
    permissions.require(actor, REGISTER, owner_unit)
    errors = check_entry(data, registering=register)
    if not owner_unit.is_valid_on(at):
        errors["owner_unit"] = (
            f"Đơn vị {owner_unit.name} không còn hiệu lực vào ngày {at:%d/%m/%Y}."
        )
    if errors:
        raise EntryInvalid(errors)
    _check_day(at)
    with transaction.atomic():
        entry = Entry(owner_unit=owner_unit, status=Status.PLANNED, assignment=assignment)
        for key in ENTRY_FIELDS:
            setattr(entry, key, data.get(key) if key in data else getattr(entry, key))
        entry.tags = list(data.get("tags") or [])
        entry.created_by = actor if getattr(actor, "pk", None) else None
        entry.search_text = search_text_of(entry)
        entry.save()
        _event(entry, actor=actor, target=Status.PLANNED, at=at, by_unit=owner_unit)
        if register:
            _event(entry, actor=actor, target=Status.REGISTERED, at=at, by_unit=owner_unit)
        record_event(
            actor,
            "exemplars.create",
            "Entry",
            entry.pk,
            summary=entry.name[:200],
            after=_snapshot(entry),
        )
    return entry


def update_entry(*, actor, entry: Entry, data: dict) -> Entry:
    permissions.require(actor, REGISTER, entry.owner_unit)
    merged = {key: getattr(entry, key) for key in ENTRY_FIELDS} | {
        k: v for k, v in data.items() if k in ENTRY_FIELDS
    }
    errors = check_entry(merged, registering=entry.status != Status.PLANNED)
    if errors:
        raise EntryInvalid(errors)
    with transaction.atomic():
        before = _snapshot(entry)
        for key in ENTRY_FIELDS:
            setattr(entry, key, merged[key])
        entry.search_text = search_text_of(entry)
        entry.save()
        record_event(
            actor,
            "exemplars.update",
            "Entry",
            entry.pk,
            summary=entry.name[:200],
            before=before,
            after=_snapshot(entry),
        )
    return entry


def _decision(actor, symbol: str, day: dt.date, by_unit: OrgUnit, *, required: bool):
    symbol = (symbol or "").strip()
    if not symbol:
        if required:
            raise TransitionRefused("Cần số ký hiệu quyết định (ví dụ: 125-QĐ/BDVTU).")
        return None
    if has_surrogates(symbol) or len(symbol) > 80:
        raise TransitionRefused("Số ký hiệu quyết định không hợp lệ.")
    try:
        return registry_services.register_document(
            actor, symbol, day, kind="Quyết định", issued_by=by_unit.name, issuer_unit=by_unit
        )
    except registry_services.InvalidSymbol as exc:
        raise TransitionRefused(str(exc)) from None


def change_status(
    *,
    actor,
    entry: Entry,
    target: str,
    at: dt.date,
    by_unit: OrgUnit | None = None,
    level: str = "",
    decision_symbol: str = "",
    note: str = "",
) -> StatusEvent:
    """A step a unit takes on its own entry (register, launch, run, stop…); replication is
    the board's."""
    action = RECOGNISE if target == Status.REPLICATED else REGISTER
    permissions.require(actor, action, entry.owner_unit)
    lifecycle.check_manual(entry.status, target)
    if target == Status.REGISTERED:
        errors = check_entry(_snapshot_data(entry), registering=True)
        if errors:
            raise EntryInvalid(errors)
    if level and level not in Level.values:
        raise TransitionRefused("Cấp không hợp lệ.")
    if has_surrogates(note) or len(note) > 2000:
        raise TransitionRefused("Ghi chú có ký tự không hợp lệ hoặc quá dài.")
    _check_day(at)
    by_unit = by_unit or entry.owner_unit
    with transaction.atomic():
        decision = _decision(actor, decision_symbol, at, by_unit, required=False)
        before = entry.status
        event = _event(
            entry,
            actor=actor,
            target=target,
            at=at,
            by_unit=by_unit,
            level=level,
            decision=decision,
            note=note,
        )
        record_event(
            actor,
            "exemplars.status",
            "Entry",
            entry.pk,
            summary=f"{entry.name[:150]}: {lifecycle.label(before)} → {lifecycle.label(target)}",
            before={"status": before},
            after={"status": target, "at": at.isoformat()},
        )
    return event


def _snapshot_data(entry: Entry) -> dict:
    return {key: getattr(entry, key) for key in ENTRY_FIELDS}
