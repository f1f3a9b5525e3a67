"""Writes to the petition records and their clocks (services for cases): creation, and the
events that start, pause, resume, extend and end a clock."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.vn.text import fold

from .clockwork import Rules, steps
from .errors import PetitionError
from .models import EventKind, Kind, Outcome, Petition, PetitionEvent, ReceptionEntry, Routing
from .permissions import MANAGE
from .services import OUTCOMES, _text, _today


def create_petition(
    actor,
    *,
    unit: OrgUnit,
    reference: str,
    received_on: dt.date,
    kind: str,
    summary: str,
    round: int = 1,
    discipline: bool = False,
    petitioner: str = "",
    people: int = 1,
    remote_area: bool = False,
    entry: ReceptionEntry | None = None,
    hot_spot: str = "",
) -> Petition:
    permissions.require(actor, MANAGE, unit)
    if kind not in Kind.values:
        raise PetitionError("Loại đơn không hợp lệ.")
    if round not in (1, 2) or (round == 2 and kind != Kind.COMPLAINT):
        raise PetitionError("Chỉ khiếu nại mới có lần hai; lần giải quyết là 1 hoặc 2.")
    if discipline and kind != Kind.COMPLAINT:
        raise PetitionError("Chỉ khiếu nại mới có loại “khiếu nại quyết định kỷ luật”.")
    if received_on > _today():
        raise PetitionError("Ngày nhận đơn không được sau hôm nay.")
    if not 1 <= people <= 10000:
        raise PetitionError("Số người đứng đơn phải từ 1 đến 10.000.")
    summary = _text(summary, "nội dung tóm tắt", 4000, True)
    reference = _text(reference, "số đơn / mã vụ việc", 60, True)
    try:
        with transaction.atomic():
            petition = Petition.objects.create(
                unit=unit,
                reference=reference,
                received_on=received_on,
                kind=kind,
                round=round,
                discipline=discipline,
                petitioner=_text(petitioner, "người gửi đơn", 200),
                summary=summary,
                people=people,
                remote_area=remote_area,
                entry=entry,
                hot_spot=_text(hot_spot, "điểm nóng", 200),
                search_text=fold(f"{reference} {summary} {hot_spot}"),
            )
            record_event(actor, "petitions.create", "Petition", petition.pk, summary=str(petition))
    except IntegrityError:
        raise PetitionError(f"Đơn vị đã có đơn số “{reference}”.") from None
    return petition


def open_from_entry(actor, *, entry: ReceptionEntry) -> Petition:
    """The petition a reception entry hands over: same unit, day, kind, summary and people;
    its routing (thụ lý, hướng dẫn, chuyển đơn…) recorded as the intake event."""
    session = entry.session
    permissions.require(actor, MANAGE, session.unit)
    existing = entry.petitions.first()
    if existing is not None:
        return existing
    with transaction.atomic():
        petition = create_petition(
            actor,
            unit=session.unit,
            reference=f"TD-{session.date:%Y%m%d}-{entry.pk}",
            received_on=session.date,
            kind=entry.kind,
            summary=entry.summary,
            petitioner=entry.visitor_name,
            people=entry.people,
            entry=entry,
        )
        if entry.routing:
            add_event(
                actor,
                petition=petition,
                kind=EventKind.ACCEPT,
                date=session.date,
                routing=entry.routing,
                document=entry.routing_document,
            )
    return petition


def add_event(
    actor,
    *,
    petition: Petition,
    kind: str,
    date: dt.date,
    document: str = "",
    justification: str = "",
    routing: str = "",
    outcome: str = "",
    complex_case: bool = False,
) -> PetitionEvent:
    """Record one event of the petition's clocks and apply it; refused with a Vietnamese
    message when it does not fit the petition's state."""
    permissions.require(actor, MANAGE, petition.unit)
    if kind not in EventKind.values:
        raise PetitionError("Sự kiện không hợp lệ.")
    if date < petition.received_on or date > _today():
        raise PetitionError("Ngày của sự kiện phải từ ngày nhận đơn đến hôm nay.")
    last = petition.events.order_by("-date", "-id").first()
    if last is not None and date < last.date:
        raise PetitionError(f"Ngày không được trước sự kiện trước đó ({last.date:%d/%m/%Y}).")
    if petition.closed_on is not None:
        raise PetitionError("Đơn đã giải quyết xong; không ghi thêm sự kiện.")
    document = _text(document, "văn bản", 80)
    justification = _text(justification, "lý do", 4000)
    paused = last is not None and last.kind == EventKind.PAUSE
    fields: list[str] = []
    if kind == EventKind.ACCEPT:
        if petition.processed_on is not None:
            raise PetitionError("Đơn đã được thụ lý / xử lý.")
        if routing not in Routing.values or not routing:
            raise PetitionError("Chọn hướng xử lý (thụ lý, hướng dẫn, chuyển đơn, đôn đốc, lưu).")
        if routing == Routing.TRANSFER and not document:
            raise PetitionError("Chuyển đơn phải ghi số văn bản chuyển.")
        petition.processed_on, petition.routing, petition.routing_document = date, routing, document
        petition.complex = petition.complex or complex_case
        if complex_case:
            petition.complex_reason = justification
        fields = ["processed_on", "routing", "routing_document", "complex", "complex_reason"]
    else:
        if petition.routing != Routing.ACCEPT or petition.processed_on is None:
            raise PetitionError("Đơn chưa được thụ lý giải quyết.")
        if kind == EventKind.PAUSE:
            if paused:
                raise PetitionError("Việc giải quyết đang tạm đình chỉ.")
            if not document:
                raise PetitionError("Tạm đình chỉ phải có số quyết định.")
        elif kind == EventKind.RESUME:
            if not paused:
                raise PetitionError("Chỉ tiếp tục giải quyết sau khi đã tạm đình chỉ.")
            if not document:
                raise PetitionError("Tiếp tục giải quyết phải có số quyết định.")
        elif kind == EventKind.EXTEND:
            fields = _extend(petition, justification)
        elif kind == EventKind.CLOSE:
            if paused:
                raise PetitionError(
                    "Việc giải quyết đang tạm đình chỉ; ghi quyết định tiếp tục trước."
                )
            if outcome not in OUTCOMES[petition.kind]:
                raise PetitionError("Chọn kết quả giải quyết phù hợp với loại đơn.")
            petition.closed_on, petition.outcome = date, outcome
            fields = ["closed_on", "outcome"]
    with transaction.atomic():
        if fields:
            petition.save(update_fields=fields)
        event = PetitionEvent.objects.create(
            petition=petition,
            kind=kind,
            date=date,
            document=document,
            justification=justification,
            actor=actor if getattr(actor, "pk", None) else None,
        )
        record_event(
            actor,
            f"petitions.{kind}",
            "Petition",
            petition.pk,
            summary=f"{event.get_kind_display()} {petition} ngày {date:%d/%m/%Y}",
        )
    return event


def _extend(petition: Petition, justification: str) -> list[str]:
    if not justification:
        raise PetitionError("Gia hạn (vụ việc phức tạp) phải nêu lý do bằng văn bản.")
    if petition.kind == Kind.COMPLAINT:
        if petition.complex:
            raise PetitionError("Khiếu nại đã được xác định là vụ việc phức tạp.")
        petition.complex, petition.complex_reason = True, justification
        return ["complex", "complex_reason"]
    rule = Rules().get(steps(petition)[1] or "", petition.received_on)
    if rule is None or not rule.max_extensions or petition.extensions >= rule.max_extensions:
        raise PetitionError("Đã gia hạn tối đa theo quy định.")
    petition.extensions += 1
    petition.complex = True
    petition.complex_reason = justification
    return ["extensions", "complex", "complex_reason"]


OUTCOME_LABELS = dict(Outcome.choices)
