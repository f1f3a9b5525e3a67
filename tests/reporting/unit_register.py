"""A small register for the tests of register figures in the cycle: a real implementation of
danvan.registers.Provider (not a mock) that counts real OrgUnit rows the tests create.

It computes, for a unit's subtree and a data window:
- "kt-don-vi-truc-thuoc": the units below the unit still in force on the window's last day;
- its options "moi" (those that came into force inside the window) and "cu" (the others).
Its inbox items: each unit below a reporter's units, to confirm within 30 days of its start."""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

import pytest

from danvan import registers
from danvan.accounts import permissions
from danvan.indicators.models import Category, CategoryOption, Indicator
from danvan.orgs.models import OrgUnit

UNITS = "kt-don-vi-truc-thuoc"
NOBODY = "kt-khong-so-nao-tinh"
LABEL = "Sổ đơn vị trực thuộc (thử nghiệm)"


class UnitRegister:
    key = "kt_units"
    label = LABEL

    def __init__(self):
        self.calls: list[tuple[str, dt.date, dt.date, frozenset]] = []

    def indicators(self):
        return [(UNITS, None), (UNITS, "moi"), (UNITS, "cu")]

    def figures(self, *, unit, date_from, date_to, wanted=None):
        self.calls.append((unit.code, date_from, date_to, frozenset(wanted or ())))
        below = [
            u
            for u in OrgUnit.objects.filter(path__startswith=unit.path).exclude(pk=unit.pk)
            if u.is_valid_on(date_to)
        ]
        new = [u for u in below if date_from <= u.valid_from]
        day = f"{date_to:%d/%m/%Y}"
        url = f"/don-vi/{unit.code}/"
        return [
            registers.ComputedFigure(
                UNITS,
                None,
                Decimal(len(below)),
                f"tính từ {len(below)} đơn vị trực thuộc {unit.name} còn hiệu lực ngày {day}",
                url,
            ),
            registers.ComputedFigure(
                UNITS,
                "moi",
                Decimal(len(new)),
                f"tính từ {len(new)} đơn vị thành lập trong kỳ",
                url,
            ),
            registers.ComputedFigure(
                UNITS,
                "cu",
                Decimal(len(below) - len(new)),
                f"tính từ {len(below) - len(new)} đơn vị có từ trước kỳ",
                url,
            ),
        ]

    def inbox_items(self, user, today):
        paths = permissions.scope_paths(user, "reporting.submit")
        if not paths:
            return []
        items = []
        for path in paths:
            for unit in OrgUnit.objects.filter(path__startswith=path).exclude(path=path):
                due = unit.valid_from + dt.timedelta(days=30)
                items.append(
                    registers.InboxItem(
                        self.label,
                        f"Xác nhận đơn vị trực thuộc: {unit.name}",
                        f"/don-vi/{unit.code}/",
                        due=due,
                        overdue=due < today,
                    )
                )
        return items

    def tiles(self, user, today):
        return []

    def assignment_links(self, user, assignment):
        if not permissions.has_permission(user, "reporting.submit", assignment.unit):
            return []
        return [(f"Cập nhật {LABEL.lower()}", f"/don-vi/{assignment.unit.code}/")]


def catalogue() -> None:
    """The register's indicators in the catalogue, and one no register computes."""
    category, _ = Category.objects.get_or_create(code="kt-hieu-luc", name="Thời điểm thành lập")
    for order, (code, name) in enumerate([("moi", "Thành lập trong kỳ"), ("cu", "Có từ trước kỳ")]):
        CategoryOption.objects.get_or_create(
            category=category, code=code, defaults={"name": name, "order": order}
        )
    Indicator.objects.get_or_create(
        code=UNITS,
        defaults={
            "name": "Đơn vị trực thuộc",
            "unit_of_measure": "đơn vị",
            "value_type": "integer",
            "category": category,
            "order": 9000,
        },
    )
    Indicator.objects.get_or_create(
        code=NOBODY,
        defaults={"name": "Chỉ tiêu không sổ nào tính", "unit_of_measure": "lần", "order": 9001},
    )


def child(code: str, name: str, valid_from: dt.date, valid_to=None, parent="DN-CATP"):
    above = OrgUnit.objects.get(code=parent)
    return OrgUnit.objects.create(
        code=code,
        name=name,
        kind="police",
        parent=above,
        path=f"{above.path}{code}/",
        depth=above.depth + 1,
        valid_from=valid_from,
        valid_to=valid_to,
    )


def units_below_police() -> None:
    """Under DN-CATP: two units older than 2023S1's state window (15/12/2022–14/06/2023), one
    started inside it, one ended before it ended (not counted)."""
    child("KT-PC01", "Phòng Tham mưu", dt.date(2020, 1, 1))
    child("KT-PC02", "Phòng Cảnh sát quản lý hành chính", dt.date(2020, 1, 1))
    child("KT-PC03", "Phòng An ninh mạng", dt.date(2023, 3, 1))
    child("KT-PC04", "Đội Cơ động (đã giải thể)", dt.date(2020, 1, 1), dt.date(2023, 1, 31))


@pytest.fixture
def unit_register(db):
    catalogue()
    units_below_police()
    provider = UnitRegister()
    registers.register(provider)
    yield provider
    registers.unregister(provider.key)


@contextlib.contextmanager
def only(*providers):
    """The registry holding just `providers` for a while (an empty state must not depend on
    which real registers are installed); the real ones come back after."""
    saved = dict(registers._PROVIDERS)
    registers._PROVIDERS.clear()
    try:
        for provider in providers:
            registers.register(provider)
        yield
    finally:
        registers._PROVIDERS.clear()
        registers._PROVIDERS.update(saved)
