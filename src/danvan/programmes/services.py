"""Writes of the instrument chain: create and edit an instrument, move it along its states,
link its successor, keep its programme grants. Every function checks the actor's permission,
runs in one transaction, refuses a rule break with Vietnamese messages (writing nothing) and
leaves an audit row. Parties: parties.py; commitments: commitments.py; the signed file and
what the reader proposes from it: signed_file.py."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.registry.models import Document
from danvan.reporting import clock
from danvan.vn.text import fold

from . import chain
from . import permissions as access
from .errors import CONCURRENT, ConcurrentEdit, ProgrammeError
from .models import ENDED_STATES, SIGNED_STATES, Instrument, InstrumentState, ProgrammeGrant

EDITABLE = (
    "kind",
    "symbol",
    "title",
    "signed_on",
    "valid_from",
    "valid_to",
    "parent",
    "note",
)


def snapshot(instrument: Instrument) -> dict:
    return {
        "kind": instrument.kind,
        "symbol": instrument.symbol,
        "title": instrument.title,
        "signed_on": instrument.signed_on.isoformat() if instrument.signed_on else None,
        "valid_from": instrument.valid_from.isoformat() if instrument.valid_from else None,
        "valid_to": instrument.valid_to.isoformat() if instrument.valid_to else None,
        "parent": instrument.parent_id,
        "successor": instrument.successor_id,
        "state": instrument.state,
        "owner": instrument.owner_id,
        "note": instrument.note,
    }


def _check(
    instrument: Instrument | None,
    *,
    kind: str,
    symbol: str,
    title: str,
    signed_on,
    valid_from,
    valid_to,
    parent: Instrument | None,
) -> dict:
    """Every rule on the fields at once; returns the symbol's parts, raises with all problems."""
    fields: dict[str, str] = {}
    if not (title or "").strip():
        fields["title"] = "Cần ghi trích yếu (tên) của văn bản."
    elif len(title) > 2000:
        fields["title"] = "Trích yếu quá dài (tối đa 2000 ký tự)."
    parsed, problems = chain.read_symbol(symbol)
    if problems:
        fields["symbol"] = problems[0]
    others = chain.dates_problems(signed_on=signed_on, valid_from=valid_from, valid_to=valid_to)
    others += chain.span_problems(kind, valid_from, valid_to)
    if parent is not None:
        parent_problems = chain.parent_problems(
            kind=kind,
            valid_from=valid_from,
            valid_to=valid_to,
            parent=parent,
            instrument=instrument,
        )
        if parent_problems:
            fields["parent"] = " ".join(parent_problems)
    if instrument is not None and instrument.pk:
        others += chain.children_problems(instrument, valid_from, valid_to)
        if signed_on and instrument.state in SIGNED_STATES:
            others += chain.unit_problems(instrument, signed_on)
    if fields or others:
        raise ProgrammeError(*others, fields=fields)
    if parsed is None:
        return {"symbol": "", "number": "", "type_code": "", "issuer_code": ""}
    return {
        "symbol": parsed.text,
        "number": parsed.number or "",
        "type_code": parsed.type_code or "",
        "issuer_code": parsed.issuer_code,
    }


def _search_text(instrument: Instrument) -> str:
    return fold(f"{instrument.symbol} {instrument.title}")


def _visible_parent(actor, parent: Instrument | None) -> None:
    if parent is not None and not access.visible_instruments(actor).filter(pk=parent.pk).exists():
        raise ProgrammeError(fields={"parent": "Không tìm thấy văn bản cấp trên đã chọn."})


def create_instrument(
    actor,
    *,
    owner: OrgUnit,
    kind: str,
    title: str,
    symbol: str = "",
    signed_on: dt.date | None = None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    parent: Instrument | None = None,
    based_on: list[Document] | None = None,
    note: str = "",
) -> Instrument:
    """A new instrument in the draft state, kept by `owner` (the thường trực board)."""
    access.permissions.require(actor, access.MANAGE, owner)
    _visible_parent(actor, parent)
    parts = _check(
        None,
        kind=kind,
        symbol=symbol,
        title=title,
        signed_on=signed_on,
        valid_from=valid_from,
        valid_to=valid_to,
        parent=parent,
    )
    instrument = Instrument(
        kind=kind,
        title=title.strip(),
        signed_on=signed_on,
        valid_from=valid_from,
        valid_to=valid_to,
        parent=parent,
        owner=owner,
        note=note,
        created_by=actor if getattr(actor, "pk", None) else None,
        **parts,
    )
    instrument.search_text = _search_text(instrument)
    try:
        with transaction.atomic():
            instrument.save()
            if based_on:
                instrument.based_on.set(based_on)
            record_event(
                actor,
                "programmes.instrument.create",
                "Instrument",
                instrument.pk,
                summary=str(instrument),
                after=snapshot(instrument),
            )
    except IntegrityError:
        raise ProgrammeError(
            fields={"symbol": f"Đã có văn bản số {parts['symbol']} ký cùng ngày."}
        ) from None
    return instrument


def _locked(instrument: Instrument, version: int) -> Instrument:
    """The row, locked, when nobody saved it since `version`; ConcurrentEdit otherwise."""
    current = Instrument.objects.select_for_update().select_related("owner").get(pk=instrument.pk)
    if current.version != version:
        raise ConcurrentEdit(CONCURRENT)
    return current


def _bump(instrument: Instrument) -> None:
    Instrument.objects.filter(pk=instrument.pk).update(version=F("version") + 1)
    instrument.version += 1


def update_instrument(
    actor, instrument: Instrument, *, version: int, based_on: list[Document] | None = None, **fields
) -> Instrument:
    """Edit the fields named in EDITABLE (an ended instrument keeps all but its note)."""
    access.require_manage(actor, instrument)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if instrument.state in ENDED_STATES and set(fields) - {"note"}:
        raise ProgrammeError(
            f"{instrument} đã {instrument.get_state_display().lower()}: chỉ sửa được ghi chú."
        )
    _visible_parent(actor, fields.get("parent"))
    with transaction.atomic():
        current = _locked(instrument, version)
        before = snapshot(current)
        values = {name: getattr(current, name) for name in EDITABLE}
        values.update(fields)
        parts = _check(
            current,
            **{k: values[k] for k in EDITABLE if k != "note"},
        )
        for name in EDITABLE:
            setattr(current, name, values[name])
        for name, value in parts.items():
            setattr(current, name, value)
        current.title = current.title.strip()
        current.search_text = _search_text(current)
        try:
            with transaction.atomic():
                current.save()
        except IntegrityError:
            raise ProgrammeError(
                fields={"symbol": f"Đã có văn bản số {current.symbol} ký cùng ngày."}
            ) from None
        if based_on is not None:
            current.based_on.set(based_on)
        _bump(current)
        record_event(
            actor,
            "programmes.instrument.update",
            "Instrument",
            current.pk,
            summary=str(current),
            before=before,
            after=snapshot(current),
        )
    return current


def sync_grants(instrument: Instrument, day: dt.date | None = None) -> None:
    """Grant every party unit outside the owner's subtree a role on this instrument while it
    is signed; end the grants when it ends (on `day`, default today) or when the party was
    replaced (on the day it stopped)."""
    end_day = day or clock.today()
    signed = instrument.state in SIGNED_STATES
    outside = {
        party.unit_id: party
        for party in instrument.parties.select_related("unit")
        if not party.unit.path.startswith(instrument.owner.path)
    }
    grants = {grant.unit_id: grant for grant in instrument.grants.all()}
    for unit_id, party in outside.items():
        stop = party.ended_on or (None if signed else end_day)
        grant = grants.get(unit_id)
        if grant is None and signed:
            ProgrammeGrant.objects.create(
                instrument=instrument,
                unit_id=unit_id,
                granted_on=min(instrument.signed_on or end_day, stop or end_day),
                ended_on=party.ended_on,
            )
        elif grant is not None and grant.ended_on is None and stop is not None:
            grant.ended_on = stop
            grant.save(update_fields=["ended_on"])
    for unit_id, grant in grants.items():
        if unit_id not in outside and grant.ended_on is None:
            grant.ended_on = end_day
            grant.save(update_fields=["ended_on"])


def change_state(
    actor, instrument: Instrument, *, target: str, version: int, on: dt.date | None = None
) -> Instrument:
    """Move the instrument to `target` along chain.TRANSITIONS. Signing checks its number,
    dates and parties (two at least, each unit in existence on the signing date) and grants
    the partners outside the board's subtree their role; ending it (on `on`, default today)
    closes its validity on that day and ends the grants."""
    access.require_manage(actor, instrument)
    today = clock.today()
    with transaction.atomic():
        current = _locked(instrument, version)
        problems = chain.transition_problems(current, target, today)
        if target in (InstrumentState.DA_KY, InstrumentState.HIEU_LUC) and not problems:
            problems += chain.signing_problems(current)
        end_day = on or today
        if target in ENDED_STATES:
            if current.valid_from and end_day < current.valid_from:
                problems.append("Ngày chấm dứt hiệu lực không được trước ngày bắt đầu hiệu lực.")
            if on and on > today:
                problems.append("Ngày chấm dứt hiệu lực không được sau ngày hôm nay.")
        if problems:
            raise ProgrammeError(*problems)
        before = snapshot(current)
        current.state = target
        if target in ENDED_STATES and (current.valid_to is None or current.valid_to > end_day):
            current.valid_to = end_day
        current.save(update_fields=["state", "valid_to", "updated_at"])
        sync_grants(current, end_day if target in ENDED_STATES else None)
        _bump(current)
        record_event(
            actor,
            "programmes.instrument.state",
            "Instrument",
            current.pk,
            summary=f"{current}: {InstrumentState(before['state']).label} → "
            f"{current.get_state_display()}",
            before=before,
            after=snapshot(current),
        )
    return current


def set_successor(
    actor, instrument: Instrument, *, successor: Instrument | None, version: int
) -> Instrument:
    """Link (or unlink) the instrument that replaces this one; the state change to
    “thay thế” is a separate, explicit step."""
    access.require_manage(actor, instrument)
    if successor is not None and not (
        access.visible_instruments(actor).filter(pk=successor.pk).exists()
    ):
        raise ProgrammeError(fields={"successor": "Không tìm thấy văn bản thay thế đã chọn."})
    with transaction.atomic():
        current = _locked(instrument, version)
        problems = chain.successor_problems(current, successor)
        if current.state == InstrumentState.THAY_THE and successor is None:
            problems.append("Văn bản đã được thay thế phải giữ liên kết tới văn bản thay thế.")
        if problems:
            raise ProgrammeError(fields={"successor": " ".join(problems)})
        before = snapshot(current)
        current.successor = successor
        current.save(update_fields=["successor", "updated_at"])
        _bump(current)
        record_event(
            actor,
            "programmes.instrument.successor",
            "Instrument",
            current.pk,
            summary=f"{current} → {successor}" if successor else f"{current}: bỏ văn bản thay thế",
            before=before,
            after=snapshot(current),
        )
    return current


def delete_instrument(actor, instrument: Instrument, *, version: int) -> None:
    """Only a draft with no plans under it may be deleted."""
    access.require_manage(actor, instrument)
    with transaction.atomic():
        current = _locked(instrument, version)
        if current.state not in (InstrumentState.DU_THAO, InstrumentState.TRINH_XIN_CHU_TRUONG):
            raise ProgrammeError("Chỉ xóa được văn bản đang dự thảo hoặc trình xin chủ trương.")
        if current.children.exists() or Instrument.objects.filter(Q(successor=current)).exists():
            raise ProgrammeError(
                "Không xóa được: văn bản đang là cấp trên hoặc văn bản thay thế của văn bản khác."
            )
        if current.reviews.exists():
            raise ProgrammeError("Không xóa được: văn bản đã có kỳ sơ kết, tổng kết.")
        record_event(
            actor,
            "programmes.instrument.delete",
            "Instrument",
            current.pk,
            summary=str(current),
            before=snapshot(current),
        )
        current.commitments.all().delete()
        current.delete()
