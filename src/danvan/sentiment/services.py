"""Writes of the people's situation register: signals, collaborators and their meetings,
grants to read named sources, and the checked XLSX import. Issues and hot spots are written
in hotspots.py. Every function checks permission, runs in one transaction and is audited."""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction
from django.utils import timezone

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.reporting import clock
from danvan.vn.text import has_surrogates

from . import selectors
from .models import (
    Channel,
    Collaborator,
    CollaboratorMeeting,
    Direction,
    Intensity,
    Signal,
    SocialGroup,
    SourceGrant,
    Spread,
    Topic,
)

TEXT_MAX = 5000
SHORT_MAX = 200

# A state-secret mark typed as such ("MẬT", "TỐI MẬT", "TUYỆT MẬT", "Độ mật: …"): the law on
# protecting state secrets forbids keeping that content on a networked computer.
_SECRET_MARK = re.compile(r"(?<![^\W\d_])(?:TUYỆT MẬT|TỐI MẬT|MẬT)(?![^\W\d_])|độ mật\s*:", re.I)
_LEADING_MARK = re.compile(r"\s*(?:Tuyệt mật|Tối mật|Mật)\s*(?:$|[:.\-–—\n])")
SECRET_MESSAGE = (
    "Nội dung có dấu chỉ độ mật (“Mật”, “Tối mật”, “Tuyệt mật”). Theo Luật Bảo vệ bí mật nhà "
    "nước, thông tin bí mật nhà nước không được lưu trên máy tính nối mạng: không ghi vào hệ "
    "thống này. Dấu “Hạn chế trong đơn vị” chỉ là hạn chế truy cập nội bộ."
)


class SentimentError(Exception):
    """A rule refused the action; `messages` are Vietnamese, nothing was written."""

    def __init__(self, *messages: str):
        super().__init__(" ".join(messages))
        self.messages = list(messages)


def has_secret_mark(text: str) -> bool:
    """Whether `text` declares a state-secret classification (upper-case marks, or "độ mật:")."""
    if _LEADING_MARK.match(text or ""):
        return True
    for match in _SECRET_MARK.finditer(text or ""):
        found = match.group(0)
        if found.lower().startswith("độ mật") or found == found.upper():
            return True
    return False


def check_texts(errors: list[str], **fields: tuple[str, str, int]) -> None:
    """fields: key -> (label, value, max length)."""
    for label, value, limit in fields.values():
        if has_surrogates(value or ""):
            errors.append(f"“{label}” có ký tự không hợp lệ; hãy gõ lại đoạn đó.")
        elif len(value or "") > limit:
            errors.append(f"“{label}” dài {len(value)} ký tự; tối đa {limit}.")
        elif has_secret_mark(value):
            errors.append(SECRET_MESSAGE)


def check_day(errors: list[str], day: dt.date | None, label: str, today: dt.date) -> None:
    if day is None:
        errors.append(f"Cần nhập {label}.")
    elif day > today:
        errors.append(f"{label[:1].upper()}{label[1:]} ({day:%d/%m/%Y}) chưa đến.")
    elif day.year < 1945:
        errors.append(f"{label[:1].upper()}{label[1:]} không hợp lệ.")


def signal_problems(
    *,
    unit: OrgUnit,
    observed_on: dt.date | None,
    channel: str,
    topic: Topic | None,
    direction: str,
    spread: str,
    intensity: int,
    text: str,
    area: str = "",
    subject: str = "",
    source_name: str = "",
    links: str = "",
    collaborator: Collaborator | None = None,
) -> list[str]:
    errors: list[str] = []
    today = clock.today()
    check_day(errors, observed_on, "ngày nắm được", today)
    if observed_on and observed_on <= today and not unit.is_valid_on(observed_on):
        errors.append(f"Đơn vị {unit.name} không hoạt động vào ngày {observed_on:%d/%m/%Y}.")
    if channel not in Channel.values:
        errors.append("Cần chọn kênh nắm tình hình.")
    if topic is None or not topic.active:
        errors.append("Cần chọn chủ đề trong danh mục.")
    if direction not in Direction.values:
        errors.append("Cần chọn khuynh hướng (tán thành, phản đối, băn khoăn, chưa rõ).")
    if spread not in Spread.values:
        errors.append("Cần chọn mức lan tỏa (một số, nhiều, đa số, tuyệt đại đa số).")
    if intensity not in Intensity.values:
        errors.append("Cường độ phải là 1 (nhẹ), 2 (vừa) hoặc 3 (mạnh).")
    if not (text or "").strip():
        errors.append("Cần nhập nội dung ý kiến, dư luận.")
    check_texts(
        errors,
        text=("Nội dung", text, TEXT_MAX),
        area=("Địa bàn", area, SHORT_MAX),
        subject=("Chủ trương, sự kiện", subject, 300),
        source=("Người cung cấp thông tin", source_name, SHORT_MAX),
        links=("Đơn thư, cam kết liên quan", links, 300),
    )
    if collaborator is not None and collaborator.unit_id != unit.pk:
        errors.append("Cộng tác viên không thuộc đơn vị ghi nhận.")
    return list(dict.fromkeys(errors))


def record_signal(
    actor,
    *,
    unit: OrgUnit,
    observed_on: dt.date | None,
    channel: str,
    topic: Topic | None,
    direction: str,
    spread: str,
    text: str,
    intensity: int = Intensity.VUA,
    area: str = "",
    groups=(),
    document=None,
    subject: str = "",
    source_name: str = "",
    collaborator: Collaborator | None = None,
    restricted: bool = False,
    links: str = "",
) -> Signal:
    permissions.require(actor, "sentiment.record", unit)
    errors = signal_problems(
        unit=unit,
        observed_on=observed_on,
        channel=channel,
        topic=topic,
        direction=direction,
        spread=spread,
        intensity=intensity,
        text=text,
        area=area,
        subject=subject,
        source_name=source_name,
        links=links,
        collaborator=collaborator,
    )
    if errors:
        raise SentimentError(*errors)
    with transaction.atomic():
        signal = Signal.objects.create(
            unit=unit,
            observed_on=observed_on,
            channel=channel,
            topic=topic,
            direction=direction,
            spread=spread,
            intensity=intensity,
            text=text.strip(),
            area=area.strip(),
            document=document,
            subject=subject.strip(),
            source_name=source_name.strip(),
            collaborator=collaborator,
            restricted=restricted,
            links=links.strip(),
            recorded_by=actor if getattr(actor, "pk", None) else None,
        )
        if groups:
            signal.groups.set(groups)
        # The audit row names no source: the trail is read more widely than the register.
        record_event(
            actor,
            "sentiment.signal.record",
            "Signal",
            signal.pk,
            summary=f"{unit.code}: {topic.name} ({signal.get_direction_display()})",
            after={"restricted": restricted, "named_source": signal.has_source},
        )
    return signal


# Collaborators -----------------------------------------------------------------------------


def add_collaborator(actor, *, unit: OrgUnit, name: str, note: str = "") -> Collaborator:
    permissions.require(actor, "sentiment.record", unit)
    errors: list[str] = [] if name.strip() else ["Cần nhập họ tên cộng tác viên."]
    check_texts(errors, name=("Họ tên", name, SHORT_MAX), note=("Ghi chú", note, 300))
    if errors:
        raise SentimentError(*errors)
    with transaction.atomic():
        collaborator = Collaborator.objects.create(unit=unit, name=name.strip(), note=note.strip())
        record_event(actor, "sentiment.collaborator.add", "Collaborator", collaborator.pk)
    return collaborator


def record_meeting(
    actor, *, unit: OrgUnit, held_on: dt.date | None, attendees: int, summary: str = ""
) -> CollaboratorMeeting:
    permissions.require(actor, "sentiment.record", unit)
    errors: list[str] = []
    check_day(errors, held_on, "ngày họp", clock.today())
    if not 0 <= attendees <= 100000:
        errors.append("Số người dự phải từ 0 đến 100.000.")
    check_texts(errors, summary=("Nội dung", summary, TEXT_MAX))
    if errors:
        raise SentimentError(*errors)
    with transaction.atomic():
        meeting = CollaboratorMeeting.objects.create(
            unit=unit,
            held_on=held_on,
            attendees=attendees,
            summary=summary.strip(),
            recorded_by=actor if getattr(actor, "pk", None) else None,
        )
        record_event(
            actor,
            "sentiment.meeting.record",
            "CollaboratorMeeting",
            meeting.pk,
            summary=f"{unit.code} {held_on:%d/%m/%Y}",
        )
    return meeting


# Grants ------------------------------------------------------------------------------------


def grant_sources(actor, *, user, unit: OrgUnit, reason: str) -> SourceGrant:
    """Let `user` read the named sources of `unit`'s signals: an administrator of the unit
    names the person, with a reason; audited."""
    permissions.require(actor, "sentiment.grant", unit)
    errors: list[str] = [] if reason.strip() else ["Cần ghi lý do cấp quyền."]
    check_texts(errors, reason=("Lý do", reason, 300))
    if user is None or not user.is_active:
        errors.append("Không có người dùng này (hoặc tài khoản đã khóa).")
    if errors:
        raise SentimentError(*errors)
    with transaction.atomic():
        grant = SourceGrant.objects.create(
            user=user,
            unit=unit,
            reason=reason.strip(),
            granted_by=actor if getattr(actor, "pk", None) else None,
        )
        record_event(
            actor,
            "sentiment.source.grant",
            "SourceGrant",
            grant.pk,
            summary=f"{user.get_username()} xem người cung cấp thông tin của {unit.code}",
            after={"user": user.get_username(), "unit": unit.code, "reason": grant.reason},
        )
    return grant


def revoke_grant(actor, grant: SourceGrant) -> None:
    permissions.require(actor, "sentiment.grant", grant.unit)
    with transaction.atomic():
        if grant.revoked_at is None:
            grant.revoked_at = timezone.now()
            grant.save(update_fields=["revoked_at"])
            record_event(
                actor,
                "sentiment.source.revoke",
                "SourceGrant",
                grant.pk,
                summary=f"{grant.user.get_username()} — {grant.unit.code}",
            )


def log_source_read(actor, signal: Signal) -> None:
    """A named source shown to someone: recorded (who read which signal's source)."""
    record_event(actor, "sentiment.source.read", "Signal", signal.pk, summary=signal.unit.code)


def groups_by_code(codes) -> list[SocialGroup]:
    return list(SocialGroup.objects.filter(code__in=list(codes), active=True))


def readable_sources(actor) -> set[int]:
    return selectors.source_units(actor)
