"""The parties of an instrument, and what becomes of them when a unit ends.

Each party is a unit as of the signing date. When a party's unit (or the thường trực board
itself) ends in the 2025 reform, the instrument shows "cần ký lại / thay đổi chủ thể" with the
successors the unit tree's successions propose; nothing is rewritten until a person confirms
(`confirm_party_successor`, `confirm_owner_successor`) or ends the instrument.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.orgs.selectors import lineage
from danvan.reporting import clock

from . import permissions as access
from .errors import ProgrammeError
from .models import ENDED_STATES, SIGNED_STATES, Instrument, Party, PartyRole
from .services import _bump, _locked, sync_grants


def _d(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _party_fields(*, role: str, signer_name: str, signer_title: str, group: str) -> dict:
    fields: dict[str, str] = {}
    if role not in PartyRole.values:
        fields["role"] = "Vai trò không hợp lệ."
    for name, value, limit in (
        ("signer_name", signer_name, 120),
        ("signer_title", signer_title, 200),
        ("group", group, 120),
    ):
        if len(value or "") > limit:
            fields[name] = f"Quá dài (tối đa {limit} ký tự)."
    return fields


def add_party(
    actor,
    instrument: Instrument,
    *,
    unit: OrgUnit,
    role: str,
    version: int,
    signer_name: str = "",
    signer_title: str = "",
    group: str = "",
    order: int | None = None,
) -> Party:
    """A party from any tree (the unit need not be in the board's subtree); its unit must
    exist on the signing date when that date is known."""
    access.require_manage(actor, instrument)
    fields = _party_fields(
        role=role, signer_name=signer_name, signer_title=signer_title, group=group
    )
    if instrument.state in ENDED_STATES:
        raise ProgrammeError(f"{instrument} đã {instrument.get_state_display().lower()}.")
    day = instrument.signed_on
    if day and not unit.is_valid_on(day):
        fields["unit"] = f"{unit} không tồn tại vào ngày ký {_d(day)}."
    if fields:
        raise ProgrammeError(fields=fields)
    with transaction.atomic():
        current = _locked(instrument, version)
        if order is None:
            order = current.parties.count() + 1
        try:
            with transaction.atomic():
                party = Party.objects.create(
                    instrument=current,
                    unit=unit,
                    role=role,
                    signer_name=signer_name.strip(),
                    signer_title=signer_title.strip(),
                    group=group.strip(),
                    order=order,
                )
        except IntegrityError:
            raise ProgrammeError(
                fields={"unit": f"{unit} đã là bên “{PartyRole(role).label}” của văn bản này."}
            ) from None
        sync_grants(current)
        _bump(current)
        record_event(
            actor,
            "programmes.party.add",
            "Party",
            party.pk,
            summary=f"{current}: thêm {party}",
            after=_snapshot(party),
        )
    return party


def _snapshot(party: Party) -> dict:
    return {
        "instrument": party.instrument_id,
        "unit": party.unit_id,
        "role": party.role,
        "signer_name": party.signer_name,
        "signer_title": party.signer_title,
        "group": party.group,
        "order": party.order,
        "replaced_by": party.replaced_by_id,
        "ended_on": party.ended_on.isoformat() if party.ended_on else None,
    }


def update_party(
    actor,
    party: Party,
    *,
    version: int,
    role: str,
    signer_name: str,
    signer_title: str,
    group: str,
    order: int,
) -> Party:
    """Correct a party's role, signer or grouping (its unit is changed only through a
    confirmed successor)."""
    instrument = party.instrument
    access.require_manage(actor, instrument)
    fields = _party_fields(
        role=role, signer_name=signer_name, signer_title=signer_title, group=group
    )
    if fields:
        raise ProgrammeError(fields=fields)
    with transaction.atomic():
        current = _locked(instrument, version)
        before = _snapshot(party)
        party.role, party.group, party.order = role, group.strip(), order
        party.signer_name, party.signer_title = signer_name.strip(), signer_title.strip()
        try:
            with transaction.atomic():
                party.save()
        except IntegrityError:
            raise ProgrammeError(
                fields={"role": f"{party.unit} đã có vai trò “{PartyRole(role).label}”."}
            ) from None
        _bump(current)
        record_event(
            actor,
            "programmes.party.update",
            "Party",
            party.pk,
            summary=f"{current}: sửa {party}",
            before=before,
            after=_snapshot(party),
        )
    return party


def remove_party(actor, party: Party, *, version: int) -> None:
    """Only from an unsigned instrument, and only a party no commitment names."""
    instrument = party.instrument
    access.require_manage(actor, instrument)
    with transaction.atomic():
        current = _locked(instrument, version)
        if current.state in SIGNED_STATES or current.state in ENDED_STATES:
            raise ProgrammeError(
                "Văn bản đã ký: không xóa bên tham gia; khi đơn vị thay đổi, hãy xác nhận đơn vị "
                "kế thừa."
            )
        if party.led_commitments.exists() or party.partner_commitments.exists():
            raise ProgrammeError(f"{party.unit} đang chủ trì hoặc phối hợp nhiệm vụ của văn bản.")
        record_event(
            actor,
            "programmes.party.remove",
            "Party",
            party.pk,
            summary=f"{current}: bỏ {party}",
            before=_snapshot(party),
        )
        party.delete()
        _bump(current)


@dataclass
class SuccessorNotice:
    """A party (or the owner, `party` None) whose unit ended while the instrument runs on."""

    unit: OrgUnit
    ended_on: dt.date
    party: Party | None
    proposals: list[OrgUnit] = field(default_factory=list)

    @property
    def message(self) -> str:
        who = "Cơ quan thường trực" if self.party is None else "Bên tham gia"
        text = (
            f"Cần ký lại / thay đổi chủ thể: {who.lower()} {self.unit} kết thúc hoạt động "
            f"ngày {_d(self.ended_on)}."
        )
        if self.proposals:
            names = ", ".join(str(u) for u in self.proposals)
            return f"{text} Đơn vị kế thừa theo cây đơn vị: {names}."
        return (
            f"{text} Cây đơn vị không ghi đơn vị kế thừa; hãy chọn bên thay thế hoặc chấm dứt "
            "văn bản do sắp xếp tổ chức."
        )


def successors_of(unit: OrgUnit, day: dt.date) -> list[OrgUnit]:
    """The units the unit became that exist on `day`, following merges and renames."""
    found: list[OrgUnit] = []
    for step in lineage(unit).became:
        candidate = step.successor
        if candidate.is_valid_on(day) and candidate not in found:
            found.append(candidate)
    return found


def successor_notices(
    instrument: Instrument, today: dt.date | None = None
) -> list[SuccessorNotice]:
    """Parties (and the owner) whose unit ended before today while the instrument is not ended
    and was meant to run past that day."""
    today = today or clock.today()
    if instrument.state in ENDED_STATES:
        return []
    notices = []

    def ended(unit: OrgUnit) -> bool:
        return (
            unit.valid_to is not None
            and unit.valid_to < today
            and (instrument.valid_to is None or instrument.valid_to > unit.valid_to)
        )

    if ended(instrument.owner):
        owner = instrument.owner
        notices.append(SuccessorNotice(owner, owner.valid_to, None, successors_of(owner, today)))
    for party in instrument.parties.select_related("unit").filter(replaced_by__isnull=True):
        if ended(party.unit):
            notices.append(
                SuccessorNotice(
                    party.unit, party.unit.valid_to, party, successors_of(party.unit, today)
                )
            )
    return notices


def confirm_party_successor(
    actor,
    party: Party,
    *,
    unit: OrgUnit,
    version: int,
    signer_name: str = "",
    signer_title: str = "",
) -> Party:
    """A person confirms that `unit` carries on `party`'s role: a new party row for it (same
    role and group), the old row kept for the history and marked replaced from the day after
    its unit ended; the commitments not yet due then move to the new party; grants follow."""
    instrument = party.instrument
    access.require_manage(actor, instrument)
    today = clock.today()
    problems = []
    if party.replaced_by_id:
        problems.append(f"{party.unit} đã được thay bằng {party.replaced_by.unit}.")
    if not unit.is_valid_on(today):
        problems.append(f"{unit} không còn hoạt động.")
    if unit.pk == party.unit_id:
        problems.append("Đơn vị kế thừa phải khác đơn vị cũ.")
    if problems:
        raise ProgrammeError(fields={"unit": " ".join(problems)})
    stop = (party.unit.valid_to or today) + dt.timedelta(days=1)
    with transaction.atomic():
        current = _locked(instrument, version)
        new = Party.objects.filter(instrument=current, unit=unit, role=party.role).first()
        if new is None:
            new = Party.objects.create(
                instrument=current,
                unit=unit,
                role=party.role,
                signer_name=signer_name.strip(),
                signer_title=signer_title.strip(),
                group=party.group,
                order=party.order,
            )
        before = _snapshot(party)
        party.replaced_by, party.ended_on = new, min(stop, today)
        party.save(update_fields=["replaced_by", "ended_on"])
        open_rows = party.led_commitments.exclude(due_on__lt=stop)
        moved = open_rows.update(lead=new)
        for commitment in party.partner_commitments.exclude(due_on__lt=stop):
            commitment.partners.remove(party)
            commitment.partners.add(new)
            moved += 1
        sync_grants(current)
        _bump(current)
        record_event(
            actor,
            "programmes.party.successor",
            "Party",
            party.pk,
            summary=f"{current}: {party.unit} → {unit} ({moved} nhiệm vụ chuyển sang bên mới)",
            before=before,
            after=_snapshot(party),
        )
    return new


def confirm_owner_successor(
    actor, instrument: Instrument, *, unit: OrgUnit, version: int
) -> Instrument:
    """A person confirms the board that now keeps the instrument (it must manage both)."""
    access.require_manage(actor, instrument)
    permissions.require(actor, access.MANAGE, unit)
    if not unit.is_valid_on(clock.today()):
        raise ProgrammeError(fields={"unit": f"{unit} không còn hoạt động."})
    with transaction.atomic():
        current = _locked(instrument, version)
        before = current.owner_id
        current.owner = unit
        current.save(update_fields=["owner", "updated_at"])
        sync_grants(current)
        _bump(current)
        record_event(
            actor,
            "programmes.instrument.owner",
            "Instrument",
            current.pk,
            summary=f"{current}: cơ quan thường trực → {unit}",
            before={"owner": before},
            after={"owner": unit.pk},
        )
    return current
