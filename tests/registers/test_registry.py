"""The registry of register providers: keys, figures by key, and a failing register costing
only its own answers."""

import datetime as dt
from decimal import Decimal

import pytest

from danvan import registers
from danvan.registers import ComputedFigure, InboxItem


class Counting:
    """A register of its own for these tests: it answers from its arguments."""

    key = "test_counting"
    label = "Sổ thử"

    def indicators(self):
        return [("test-count", None), ("test-count", "a")]

    def figures(self, *, unit, date_from, date_to, wanted=None):
        days = Decimal((date_to - date_from).days + 1)
        return [
            ComputedFigure("test-count", None, days, f"đếm {days} ngày"),
            ComputedFigure("test-count", "a", days * 2, "gấp đôi"),
            ComputedFigure("not-declared", None, Decimal(1), "không khai báo"),
        ]

    def inbox_items(self, user, today):
        return [
            InboxItem(self.label, "Sau", "/b", due=today + dt.timedelta(days=3)),
            InboxItem(self.label, "Quá hạn", "/a", due=today - dt.timedelta(days=1), overdue=True),
            InboxItem(self.label, "Không hạn", "/c"),
        ]

    def tiles(self, user, today):
        return []


class Broken(Counting):
    key = "test_broken"
    label = "Sổ hỏng"

    def inbox_items(self, user, today):
        raise RuntimeError("bảng chưa tạo")


@pytest.fixture
def only_ours():
    saved = registers.providers()
    for provider in saved:
        registers.unregister(provider.key)
    registers.register(Counting())
    yield
    registers.unregister("test_counting")
    registers.unregister("test_broken")
    for provider in saved:
        registers.register(provider)


def test_figures_are_keyed_and_only_declared_wanted_ones_are_kept(only_ours):
    assert set(registers.computable_keys()) == {"test-count", "test-count:a"}
    june = {"unit": None, "date_from": dt.date(2022, 6, 1), "date_to": dt.date(2022, 6, 30)}
    found = registers.compute(**june)
    assert {k: f.value for k, f in found.items()} == {"test-count": 30, "test-count:a": 60}
    assert set(registers.compute(**june, wanted={"test-count:a", "other"})) == {"test-count:a"}
    assert registers.compute(**june, wanted={"other"}) == {}


def test_a_failing_register_costs_only_its_own_items(only_ours, caplog):
    registers.register(Broken())
    today = dt.date(2026, 12, 2)
    items = registers.inbox_items(None, today)
    assert [i.title for i in items] == ["Quá hạn", "Sau", "Không hạn"]
    found, failed = registers.answers("inbox_items", None, today)
    assert len(found) == 3 and failed == ["Sổ hỏng"]
    assert "register test_broken failed in inbox_items" in caplog.text
    assert registers.assignment_links(None, None) == []
