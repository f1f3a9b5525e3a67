"""Writes to the reception book and the petition records: keyword-only, permission-checked,
transactional and audited. Audit summaries never carry a visitor's identity."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.reporting import clock
from danvan.vn.text import fold, has_surrogates

from .errors import PetitionError
from .models import (
    HEAD_ROLES,
    ConclusionTask,
    HostRole,
    Kind,
    Mode,
    Outcome,
    ReceptionEntry,
    ReceptionSession,
    Routing,
)
from .permissions import MANAGE

NEW_RULES = dt.date(2026, 7, 1)  # Luật 136/2025/QH15, Nghị định 154/2026/NĐ-CP
OUTCOMES = {
    Kind.COMPLAINT: {Outcome.RIGHT, Outcome.WRONG, Outcome.PARTLY, Outcome.UPHELD},
    Kind.DENUNCIATION: {Outcome.RIGHT, Outcome.WRONG, Outcome.MIXED, Outcome.STOPPED},
    Kind.REQUEST: {Outcome.ANSWERED},
}
for _kind in OUTCOMES:
    OUTCOMES[_kind] = OUTCOMES[_kind] | {Outcome.WITHDRAWN}
OUTCOMES[Kind.COMPLAINT] |= {Outcome.REVERSED}


def _text(value: str, label: str, limit: int, required: bool = False) -> str:
    value = (value or "").strip()
    if has_surrogates(value):
        raise PetitionError(f"{label.capitalize()} chứa ký tự không hợp lệ.")
    if required and not value:
        raise PetitionError(f"Chưa nhập {label}.")
    if len(value) > limit:
        raise PetitionError(f"{label.capitalize()} dài quá {limit} ký tự.")
    return value


def _today() -> dt.date:
    return clock.today()


def create_session(
    actor,
    *,
    unit: OrgUnit,
    date: dt.date,
    host_name: str,
    host_role: str,
    kind: str,
    mode: str = Mode.IN_PERSON,
    place: str = "",
    party_rule: bool = False,
    note: str = "",
) -> ReceptionSession:
    permissions.require(actor, MANAGE, unit)
    if date > _today():
        raise PetitionError("Ngày tiếp không được sau hôm nay.")
    if mode == Mode.ONLINE and date < NEW_RULES:
        raise PetitionError(
            "Tiếp công dân trực tuyến chỉ có từ ngày 01/7/2026 (Nghị định 154/2026/NĐ-CP)."
        )
    if host_role == HostRole.DELEGATE and date >= NEW_RULES:
        raise PetitionError(
            "Từ ngày 01/7/2026 người đứng đầu không được ủy quyền tiếp công dân (Luật 136/2025/QH15; chưa xác minh)."
        )
    if party_rule and host_role != HostRole.SECRETARY:
        raise PetitionError(
            "Chỉ kỳ tiếp dân do bí thư cấp ủy chủ trì mới tính theo Kết luận 215-KL/TW."
        )
    with transaction.atomic():
        session = ReceptionSession.objects.create(
            unit=unit,
            date=date,
            host_name=_text(host_name, "người chủ trì tiếp", 120, True),
            host_role=host_role,
            kind=kind,
            mode=mode,
            place=_text(place, "địa điểm", 200),
            party_rule=party_rule,
            note=_text(note, "ghi chú", 2000),
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        record_event(
            actor, "petitions.session", "ReceptionSession", session.pk, summary=str(session)
        )
    return session


def add_entry(
    actor,
    *,
    session: ReceptionSession,
    visitor_name: str,
    summary: str,
    kind: str,
    people: int = 1,
    repeat: bool = False,
    visitor_address: str = "",
    identity_number: str = "",
    handled_by: str = "",
    routing: str = "",
    routing_to: str = "",
    routing_document: str = "",
    follow_up: str = "",
    note: str = "",
) -> ReceptionEntry:
    permissions.require(actor, MANAGE, session.unit)
    if kind not in Kind.values:
        raise PetitionError("Loại đơn không hợp lệ.")
    if routing not in Routing.values:
        raise PetitionError("Hướng xử lý không hợp lệ.")
    if not 1 <= people <= 10000:
        raise PetitionError("Số người cùng nội dung phải từ 1 đến 10.000.")
    identity_number = _text(identity_number, "số CCCD/hộ chiếu", 20)
    if identity_number and not identity_number.isalnum():
        raise PetitionError("Số CCCD/hộ chiếu chỉ gồm chữ và số.")
    if routing == Routing.TRANSFER and not routing_document.strip():
        raise PetitionError("Chuyển đơn phải ghi số văn bản chuyển.")
    summary = _text(summary, "nội dung vụ việc", 4000, True)
    with transaction.atomic():
        entry = ReceptionEntry.objects.create(
            session=session,
            visitor_name=_text(visitor_name, "họ tên người được tiếp", 120, True),
            visitor_address=_text(visitor_address, "địa chỉ", 300),
            identity_number=identity_number,
            summary=summary,
            kind=kind,
            people=people,
            repeat=repeat,
            handled_by=_text(handled_by, "cơ quan đã giải quyết", 200),
            routing=routing,
            routing_to=_text(routing_to, "nơi hướng dẫn / chuyển đến", 200),
            routing_document=_text(routing_document, "số văn bản", 80),
            follow_up=_text(follow_up, "theo dõi kết quả", 2000),
            note=_text(note, "ghi chú", 2000),
            search_text=fold(summary),
        )
        label = "đoàn đông người, " if entry.delegation else ""
        record_event(
            actor,
            "petitions.entry",
            "ReceptionEntry",
            entry.pk,
            summary=f"Ghi sổ tiếp công dân ({label}{entry.get_kind_display()}, {people} người) ngày {session.date:%d/%m/%Y}",
        )
    return entry


def set_conclusion(
    actor, *, session: ReceptionSession, symbol: str, date: dt.date, title: str = ""
) -> ReceptionSession:
    """A head's reception ends with its conclusion notice, recorded in the document registry."""
    from danvan.registry.services import InvalidSymbol, register_document

    permissions.require(actor, MANAGE, session.unit)
    if session.host_role not in HEAD_ROLES:
        raise PetitionError("Chỉ kỳ tiếp của người đứng đầu mới có thông báo kết luận.")
    if date < session.date:
        raise PetitionError("Ngày thông báo kết luận không được trước ngày tiếp.")
    with transaction.atomic():
        try:
            document = register_document(
                actor,
                symbol,
                date,
                kind="Thông báo",
                title=title
                or f"Kết luận của {session.host_name} tại buổi tiếp công dân ngày {session.date:%d/%m/%Y}",
                issuer_unit=session.unit,
            )
        except InvalidSymbol as error:
            raise PetitionError(str(error)) from None
        session.conclusion = document
        session.save(update_fields=["conclusion"])
        record_event(
            actor, "petitions.conclusion", "ReceptionSession", session.pk, summary=str(document)
        )
    return session


def add_task(
    actor, *, session: ReceptionSession, title: str, unit: OrgUnit, due: dt.date
) -> ConclusionTask:
    permissions.require(actor, MANAGE, session.unit)
    if session.conclusion_id is None:
        raise PetitionError("Ghi thông báo kết luận trước khi giao nhiệm vụ.")
    if due < session.date:
        raise PetitionError("Hạn của nhiệm vụ không được trước ngày tiếp.")
    with transaction.atomic():
        task = ConclusionTask.objects.create(
            session=session, title=_text(title, "nhiệm vụ", 500, True), unit=unit, due=due
        )
        record_event(actor, "petitions.task", "ConclusionTask", task.pk, summary=task.title)
    return task


def complete_task(actor, *, task: ConclusionTask, done_on: dt.date, result: str) -> ConclusionTask:
    permissions.require(actor, MANAGE, task.unit)
    if done_on < task.session.date or done_on > _today():
        raise PetitionError("Ngày hoàn thành phải từ ngày tiếp đến hôm nay.")
    with transaction.atomic():
        task.done_on = done_on
        task.result = _text(result, "kết quả", 2000, True)
        task.save(update_fields=["done_on", "result"])
        record_event(actor, "petitions.task_done", "ConclusionTask", task.pk, summary=task.title)
    return task


def default_retention_days() -> int:
    """Days identity numbers and addresses are kept after the reception (a setting; the 2025
    personal-data law requires a limit). Default five years."""
    from django.conf import settings

    return int(getattr(settings, "PETITIONS_IDENTITY_RETENTION_DAYS", 5 * 365))


def purge_identities(actor, *, today: dt.date, retention_days: int | None = None) -> int:
    """Erase identity numbers and addresses of receptions older than the retention period."""
    days = default_retention_days() if retention_days is None else retention_days
    cutoff = today - dt.timedelta(days=days)
    with transaction.atomic():
        old = ReceptionEntry.objects.filter(session__date__lt=cutoff, identity_purged=False)
        ids = list(old.values_list("pk", flat=True))
        # Written through the field so that the empty values are stored as such.
        ReceptionEntry.objects.filter(pk__in=ids).update(
            visitor_address="", identity_number="", identity_purged=True
        )
        if ids:
            record_event(
                actor,
                "petitions.purge",
                "ReceptionEntry",
                "",
                summary=f"Xóa số giấy tờ và địa chỉ của {len(ids)} lượt tiếp trước {cutoff:%d/%m/%Y}",
            )
    return len(ids)
