"""Helpers for the register's tests: a small unit subtree of its own, entries written through
the services as the system actor, and dates in the past."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import SYSTEM
from danvan.exemplars import services
from danvan.orgs.models import OrgUnit

TEN_ITEMS = {
    "situation": "Đường kiệt hẹp, xe cứu thương không vào được.",
    "goals": "Mở rộng 3 kiệt lên 4 m trong năm.",
    "content": "Chi bộ họp dân, vận động hiến đất, giám sát thi công.",
    "area": "Tổ dân phố 12, phường Thử Nghiệm",
    "forces_lead": "Chi bộ khu dân cư (chủ trì)",
    "forces_coordinating": "Ban công tác Mặt trận (phối hợp)",
    "forces_participating": "Các hộ dân (tham gia)",
    "resources": "Nhân dân đóng góp 200 triệu đồng.",
    "start_date": dt.date(2023, 1, 10),
    "milestones": "Quý I họp dân; quý II thi công.",
    "evaluation_date": dt.date(2023, 12, 15),
    "expected_outputs": "3 kiệt mở rộng, biên bản nghiệm thu.",
    "sustainability": "Nhân rộng ra các tổ dân phố khác.",
}


@pytest.fixture
def tree(db):
    """T-ROOT (province committee) / T-CELL-A, T-CELL-B (grassroots), T-CELL-OLD (ended 2022)."""
    central = OrgUnit.objects.get(code="TW")

    def make(code, name, kind, parent, start="2000-01-01", end=None):
        unit = OrgUnit(
            code=code,
            name=name,
            kind=kind,
            parent=parent,
            valid_from=dt.date.fromisoformat(start),
            valid_to=dt.date.fromisoformat(end) if end else None,
        )
        unit.path = unit.compute_path()
        unit.depth = unit.path.count("/") - 1
        unit.save()
        return unit

    root = make("T-ROOT", "Tỉnh ủy Thử Nghiệm", "party_committee", central)
    return {
        "root": root,
        "board": make("T-BDV", "Ban Dân vận Tỉnh ủy Thử Nghiệm", "board", root),
        "a": make("T-CELL-A", "Đảng bộ phường A", "grassroots_party", root),
        "b": make("T-CELL-B", "Đảng bộ phường B", "grassroots_party", root),
        "old": make("T-CELL-OLD", "Chi bộ đã giải thể", "grassroots_party", root, end="2022-12-31"),
    }


@pytest.fixture
def make_entry():
    def make(
        unit,
        name="Mô hình hiến đất mở rộng kiệt",
        *,
        at=dt.date(2023, 1, 10),
        register=True,
        **extra,
    ):
        data = {
            "kind": "mo_hinh",
            "subject": "tap_the",
            "channel": "chi_bo",
            "field": "kinh_te",
            "name": name,
            **TEN_ITEMS,
            **extra,
        }
        return services.create_entry(
            actor=SYSTEM, owner_unit=unit, data=data, register=register, at=at
        )

    return make


def run(entry, day):
    """Launch then run the entry on `day`."""
    services.change_status(actor=SYSTEM, entry=entry, target="ra_mat", at=day)
    services.change_status(actor=SYSTEM, entry=entry, target="trien_khai", at=day)
