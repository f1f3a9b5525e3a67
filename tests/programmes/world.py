"""A small world for the programmes tests, built through the orgs import service: a province
(T) whose mass-mobilisation board merged on 01/3/2025, its People's Committee and the Party
body that signed for it (abolished 31/01/2025, succeeded by the committee's Party committee),
its military command; the provincial police in a tree of its own (under the ministry); and
another province (B)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from danvan.accounts import services as account_services
from danvan.accounts.permissions import SYSTEM
from danvan.orgs import services as org_services
from danvan.orgs.interchange import SuccessionRow, UnitRow
from danvan.orgs.models import OrgUnit
from danvan.programmes import parties, services
from danvan.programmes.models import InstrumentKind, InstrumentState, PartyRole

UNITS = [
    # code, name, kind, issuer, parent, from, to
    ("T-TU", "Tỉnh ủy T", "party_committee", "TU", "", "2000-01-01", ""),
    ("T-BDVTU", "Ban Dân vận Tỉnh ủy T", "board", "BDVTU", "T-TU", "2000-01-01", "2025-02-28"),
    (
        "T-BTGDVTU",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy T",
        "board",
        "BTGDVTU",
        "T-TU",
        "2025-03-01",
        "",
    ),
    ("T-UBND", "Ủy ban nhân dân tỉnh T", "peoples_committee", "UBND", "T-TU", "2000-01-01", ""),
    (
        "T-BCSD",
        "Ban cán sự đảng UBND tỉnh T",
        "party_committee",
        "BCSĐUBND",
        "T-TU",
        "2000-01-01",
        "2025-01-31",
    ),
    ("T-DUUB", "Đảng ủy UBND tỉnh T", "party_committee", "ĐUUBND", "T-TU", "2025-02-01", ""),
    ("T-BCHQS", "Bộ Chỉ huy Quân sự tỉnh T", "military", "BCHQS", "T-TU", "2000-01-01", ""),
    ("X-BCA", "Bộ Công an (thử)", "police", "BCA", "", "2000-01-01", ""),
    ("T-CAT", "Công an tỉnh T", "police", "CAT", "X-BCA", "2000-01-01", ""),
    ("B-TU", "Tỉnh ủy B", "party_committee", "TU", "", "2000-01-01", ""),
    ("B-BDVTU", "Ban Dân vận Tỉnh ủy B", "board", "BDVTU", "B-TU", "2000-01-01", ""),
    ("B-CAT", "Công an tỉnh B", "police", "CAT", "B-TU", "2000-01-01", ""),
]
SUCCESSIONS = [
    ("T-BDVTU", "T-BTGDVTU", "2025-03-01", "merge"),
    ("T-BCSD", "T-DUUB", "2025-02-01", "merge"),
]
USERS = {
    # username: (role, unit)
    "t.board": ("coordinator", "T-BDVTU"),
    "t.tu": ("coordinator", "T-TU"),
    "t.leader": ("leader", "T-TU"),
    "t.police": ("reporter", "T-CAT"),
    "t.ubnd": ("reporter", "T-UBND"),
    "t.military": ("reporter", "T-BCHQS"),
    "b.board": ("coordinator", "B-TU"),
}


def build_world():
    org_services.import_units(
        SYSTEM,
        [
            UnitRow(f"dòng {n}", code, name, "", kind, issuer, parent, start, end)
            for n, (code, name, kind, issuer, parent, start, end) in enumerate(UNITS, start=2)
        ],
        [
            SuccessionRow(f"dòng {n}", a, b, day, kind)
            for n, (a, b, day, kind) in enumerate(SUCCESSIONS, 2)
        ],
    )
    users = {}
    for username, (role, unit) in USERS.items():
        users[username] = get_user_model().objects.create_user(username, password="x-Danvan@2026")
        account_services.grant_role(SYSTEM, username, unit, role)
    return users


def unit(code: str) -> OrgUnit:
    return OrgUnit.objects.get(code=code)


def programme(actor, **overrides):
    """The 2021–2025 programme between the board and the Party body of the People's
    Committee, signed on 15/3/2021, with the police joining from another tree."""
    fields = {
        "owner": unit("T-BDVTU"),
        "kind": InstrumentKind.CHUONG_TRINH,
        "symbol": "05-CTr/BDVTU-BCSĐUBND-CAT",
        "title": "Chương trình phối hợp công tác dân vận giai đoạn 2021 - 2025",
        "signed_on": dt.date(2021, 3, 15),
        "valid_from": dt.date(2021, 3, 15),
        "valid_to": dt.date(2025, 12, 31),
    } | overrides
    return services.create_instrument(actor, **fields)


def add_parties(actor, instrument, codes_roles):
    made = []
    for code, role in codes_roles:
        instrument.refresh_from_db()
        made.append(
            parties.add_party(
                actor, instrument, unit=unit(code), role=role, version=instrument.version
            )
        )
    instrument.refresh_from_db()
    return made


def signed_programme(actor):
    p = programme(actor)
    add_parties(
        actor,
        p,
        [
            ("T-BDVTU", PartyRole.THUONG_TRUC),
            ("T-BCSD", PartyRole.KY_KET),
            ("T-CAT", PartyRole.PHOI_HOP),
        ],
    )
    p = services.change_state(actor, p, target=InstrumentState.DA_KY, version=p.version)
    return services.change_state(actor, p, target=InstrumentState.HIEU_LUC, version=p.version)
