"""The Inspectorate's forms computed from the reception book and the petition records of a
set of units for a data window [date_from, date_to] (both included)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from . import clocks, formspec
from .clockwork import Rules, clocks_for, work_calendar
from .models import HEAD_ROLES, HostRole, Kind, Outcome, Petition, ReceptionEntry, Routing

_GROUPS = {"tx": "regular", "tt": "head", "uq": "delegate"}


def _group_of(entry: ReceptionEntry) -> str:
    session = entry.session
    if session.host_role == HostRole.DELEGATE:
        return "uq"
    if session.kind != "thuong_xuyen" and session.host_role in HEAD_ROLES:
        return "tt"
    return "tx"


def tcd01(unit_ids, date_from: dt.date, date_to: dt.date) -> dict[str, int]:
    values = formspec.empty(formspec.TCD01)
    sessions: dict[str, set[int]] = {"tt": set(), "uq": set()}
    entries = ReceptionEntry.objects.filter(
        session__unit_id__in=unit_ids, session__date__range=(date_from, date_to)
    ).select_related("session")
    for entry in entries.only(
        "people", "repeat", "session__kind", "session__host_role", "session__id"
    ):
        group = _group_of(entry)
        if group in sessions:
            sessions[group].add(entry.session_id)
        values[f"{group}_luot"] += 1
        values[f"{group}_nguoi"] += entry.people
        values[f"{group}_vv_{'nhieu' if entry.repeat else 'dau'}"] += 1
        if entry.delegation:
            values[f"{group}_doan"] += 1
            values[f"{group}_doan_nguoi"] += entry.people
            values[f"{group}_doan_vv_{'nhieu' if entry.repeat else 'dau'}"] += 1
    values["tt_ky"] = len(sessions["tt"])
    values["uq_ky"] = len(sessions["uq"])
    values["tong_luot"] = values["tx_luot"] + values["tt_luot"] + values["uq_luot"]
    values["tong_nguoi"] = values["tx_nguoi"] + values["tt_nguoi"] + values["uq_nguoi"]
    values["tong_vv"] = sum(values[f"{g}_vv_{n}"] for g in _GROUPS for n in ("dau", "nhieu"))
    return values


_KIND_KEY = {Kind.COMPLAINT: "kn", Kind.DENUNCIATION: "tc", Kind.REQUEST: "knpa"}


def tcd02(unit_ids, date_from: dt.date, date_to: dt.date) -> dict[str, int]:
    values = formspec.empty(formspec.TCD02)
    entries = ReceptionEntry.objects.filter(
        session__unit_id__in=unit_ids, session__date__range=(date_from, date_to)
    )
    for kind, routing in entries.values_list("kind", "routing"):
        values["tong_don"] += 1
        values[_KIND_KEY[kind]] += 1
        if routing == Routing.ACCEPT:
            values["thuoc_tq"] += 1
        elif routing in (Routing.GUIDE, Routing.TRANSFER, Routing.URGE):
            values[routing] += 1
        else:
            # Filed or not yet decided: counted as guided (the form has no other column).
            values["huong_dan"] += 1
    return values


def xld01(unit_ids, date_from: dt.date, date_to: dt.date) -> dict[str, int]:
    values = formspec.empty(formspec.XLD01)
    due = Petition.objects.filter(unit_id__in=unit_ids, received_on__lte=date_to).filter(
        Q(processed_on__isnull=True) | Q(processed_on__gte=date_from)
    )
    keys = {Routing.ACCEPT: None, Routing.GUIDE: "huong_dan", Routing.TRANSFER: "chuyen_don"}
    keys.update({Routing.URGE: "don_doc", Routing.FILE: "luu_don"})
    for kind, received_on, processed_on, routing in due.values_list(
        "kind", "received_on", "processed_on", "routing"
    ):
        values["tong"] += 1
        values["ky_truoc" if received_on < date_from else "trong_ky"] += 1
        values[_KIND_KEY[kind]] += 1
        if processed_on is None or processed_on > date_to or not routing:
            values["chua_xu_ly"] += 1
            continue
        values["da_xu_ly"] += 1
        values[keys[routing] or f"tq_{_KIND_KEY[kind]}"] += 1
    return values


def _resolution(kind: str, unit_ids, date_from: dt.date, date_to: dt.date, form) -> dict:
    values = formspec.empty(form)
    cases = (
        Petition.objects.filter(
            unit_id__in=unit_ids,
            kind=kind,
            routing=Routing.ACCEPT,
            processed_on__lte=date_to,
        )
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=date_from))
        .prefetch_related("events")
    )
    rules, calendar = Rules(), work_calendar()
    for case in cases:
        values["phai_gq"] += 1
        values["ky_truoc" if case.processed_on < date_from else "trong_ky"] += 1
        if case.closed_on is None or case.closed_on > date_to:
            continue
        values["da_gq"] += 1
        outcome = case.outcome
        if outcome == Outcome.WITHDRAWN:
            values["rut_don"] += 1
        elif kind == Kind.DENUNCIATION and outcome == Outcome.STOPPED:
            values["dinh_chi"] += 1
        else:
            values["bang_qd" if kind == Kind.COMPLAINT else "ket_luan"] += 1
            if outcome in values:
                values[outcome] += 1
        found = clocks_for(case, today=date_to, rules=rules, calendar=calendar)
        late = found and found[-1].state == clocks.LATE_DONE
        values["qua_han" if late else "dung_han"] += 1
    return values


def kqgq01(unit_ids, date_from: dt.date, date_to: dt.date) -> dict[str, int]:
    return _resolution(Kind.COMPLAINT, unit_ids, date_from, date_to, formspec.KQGQ01)


def kqgq03(unit_ids, date_from: dt.date, date_to: dt.date) -> dict[str, int]:
    return _resolution(Kind.DENUNCIATION, unit_ids, date_from, date_to, formspec.KQGQ03)


COMPUTERS = {"01/TCD": tcd01, "02/TCD": tcd02, "01/XLD": xld01, "01/KQGQ": kqgq01}
COMPUTERS["03/KQGQ"] = kqgq03
