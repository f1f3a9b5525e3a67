"""The provider's inbox items, tiles and search, as the portal and the search box see them."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan import registers
from danvan.accounts.permissions import SYSTEM
from danvan.exemplars import services
from danvan.exemplars.demo import BAO_CAN_THO_MODEL

from .conftest import run

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 2)


def test_inbox_lists_entries_due_for_assessment(tree, make_entry, demo_user):
    never = make_entry(tree["a"], "Chưa từng đánh giá", evaluation_date=dt.date(2026, 12, 20))
    later = make_entry(tree["a"], "Chưa đến hạn", evaluation_date=dt.date(2027, 6, 1))
    stale = make_entry(tree["b"], "Đánh giá đã lâu")
    run(stale, dt.date(2023, 2, 1))
    services.assess(
        actor=SYSTEM,
        entry=stale,
        assessed_on=dt.date(2025, 6, 1),
        conclusion="hieu_qua",
        checklist=[0],
        assessor_unit=tree["board"],
    )
    fresh = make_entry(tree["b"], "Vừa đánh giá")
    run(fresh, dt.date(2023, 2, 1))
    services.assess(
        actor=SYSTEM,
        entry=fresh,
        assessed_on=dt.date(2026, 6, 1),
        conclusion="hieu_qua",
        checklist=[0],
        assessor_unit=tree["board"],
    )
    items = [
        i for i in registers.inbox_items(demo_user("admin"), TODAY) if i.register == "Dân vận khéo"
    ]
    titles = {i.title for i in items}
    assert f"Đến hạn đánh giá: {never.name}" in titles
    assert f"Đến hạn đánh giá: {stale.name}" in titles
    assert f"Đến hạn đánh giá: {later.name}" not in titles
    assert f"Đến hạn đánh giá: {fresh.name}" not in titles
    due = next(i for i in items if i.title.endswith(never.name))
    assert due.due == dt.date(2026, 12, 20) and not due.overdue


def test_tiles_and_search_respect_scope(demo_user):
    def tiles(username):
        found = registers.tiles(demo_user(username), TODAY)
        return {t.label: t.value for t in found if t.register == "Dân vận khéo"}

    # The Cần Thơ bloc's organisations ended on 31/01/2025: their 2019 models count in 2019,
    # not in today's work. Đà Nẵng: the ward's replica, the police and Front models and the
    # individual (the district's original ended with the district; the draft is not registered).
    assert tiles("ct.dieuphoi")["Mô hình, điển hình đang duy trì"] == 0
    assert tiles("dn.dieuphoi")["Mô hình, điển hình đang duy trì"] == 4
    assert registers.tiles(demo_user("dn.baocao"), TODAY)  # its own unit's model
    hits = [
        h
        for h in registers.search(demo_user("ct.baocao"), "dan van kheo an sinh", 10)
        if h.register == "Dân vận khéo"
    ]
    assert [h.title for h in hits] == [BAO_CAN_THO_MODEL]
    assert not [
        h
        for h in registers.search(demo_user("dn.xem"), "dan van kheo an sinh", 10)
        if h.register == "Dân vận khéo"
    ]
    assert [
        h for h in registers.search(demo_user("dn.xem"), "   ", 10) if h.register == "Dân vận khéo"
    ] == []
