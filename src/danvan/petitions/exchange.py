"""Exchange with the national database on citizen reception and petitions (no network):
the petition records in a documented JSON shape keyed by the national catalogues, through
the mapping table the administrator keeps (NationalCode); a code without a mapping is sent
as the local code with "chua_anh_xa". Identities are not exported (pseudonyms): the officer
enters them from the paper file. Exported records are marked with the date.

Shape (one object per record, version "danvan-tcd-1"):
  {"phien_ban": "danvan-tcd-1", "ngay_xuat": "2026-12-02", "ho_so": [
     {"ma_ho_so": "KN-2026-118", "co_quan": {...}, "loai_don": {...}, "nguon_don": {...},
      "huong_xu_ly": {...}, "ket_qua": {...}, "ngay_nhan": "2026-09-07",
      "ngay_thu_ly": "2026-09-14", "ngay_giai_quyet": null, "so_nguoi": 1,
      "lan_giai_quyet": 1, "phuc_tap": false, "nguoi_gui": "Công dân 3F2A1B", "noi_dung": "…",
      "su_kien": [{"loai": "thu_ly", "ngay": "2026-09-14", "van_ban": "…"}]}]}
  where each coded field is {"ma": national code or local code, "ma_noi_bo": local code,
  "chua_anh_xa": true|false}.
"""

from __future__ import annotations

import datetime as dt

from danvan.accounts import permissions
from danvan.audit.services import record_event

from . import selectors
from .models import NationalCode, Petition
from .permissions import MANAGE

VERSION = "danvan-tcd-1"


def _mapper():
    table = {(c, local): code for c, local, code in NationalCode.objects.values_list(
        "catalogue", "local_code", "national_code")}  # fmt: skip

    def code(catalogue: str, local: str) -> dict:
        national = table.get((catalogue, local))
        return {"ma": national or local, "ma_noi_bo": local, "chua_anh_xa": national is None}

    return code


def export_records(actor, *, today: dt.date, only_new: bool = True) -> dict:
    scope = selectors._scope(actor, MANAGE)
    if scope is None:
        permissions.require(actor, MANAGE)
    rows = Petition.objects.filter(scope).select_related("unit").prefetch_related("events")
    if only_new:
        rows = rows.filter(exported_on__isnull=True)
    code = _mapper()
    records = []
    for p in rows[:5000]:
        records.append(
            {
                "ma_ho_so": p.reference,
                "co_quan": code("co_quan", p.unit.code),
                "loai_don": code("loai_don", p.kind),
                "nguon_don": code("nguon_don", "tiep_cong_dan" if p.entry_id else "don_gui"),
                "huong_xu_ly": code("huong_xu_ly", p.routing or "chua_xu_ly"),
                "ket_qua": code("ket_qua", p.outcome) if p.outcome else None,
                "ngay_nhan": p.received_on.isoformat(),
                "ngay_thu_ly": p.processed_on.isoformat() if p.processed_on else None,
                "ngay_giai_quyet": p.closed_on.isoformat() if p.closed_on else None,
                "so_nguoi": p.people,
                "lan_giai_quyet": p.round,
                "phuc_tap": p.complex,
                "nguoi_gui": selectors.pseudonym("petition", p.pk),
                "noi_dung": p.summary,
                "su_kien": [
                    {"loai": e.kind, "ngay": e.date.isoformat(), "van_ban": e.document}
                    for e in p.events.all()
                ],
            }
        )
    ids = [p.pk for p in rows[:5000]]
    Petition.objects.filter(pk__in=ids).update(exported_on=today)
    record_event(
        actor,
        "petitions.exported",
        "Petition",
        "",
        summary=f"Xuất {len(ids)} hồ sơ cho CSDL quốc gia",
    )
    return {"phien_ban": VERSION, "ngay_xuat": today.isoformat(), "ho_so": records}
