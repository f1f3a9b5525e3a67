"""Who may do what: a unit registers and updates its own entries; the board (coordinators and
leaders) assesses and recognises within its subtree; a viewer reads; nobody outside the
subtree sees an entry. Refusals carry Vietnamese messages and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import ScopeDenied
from danvan.exemplars import selectors, services
from danvan.exemplars.demo import BAO_CAN_THO_MODEL
from danvan.exemplars.models import Entry
from danvan.orgs.models import OrgUnit

from .conftest import TEN_ITEMS

pytestmark = pytest.mark.django_db
DATA = {
    "kind": "mo_hinh",
    "subject": "tap_the",
    "channel": "chi_bo",
    "field": "kinh_te",
    "name": "Mô hình thử quyền",
    **TEN_ITEMS,
}


def _register(user, code):
    return services.create_entry(
        actor=user,
        owner_unit=OrgUnit.objects.get(code=code),
        data=DATA,
        register=True,
        at=dt.date.today(),
    )


@pytest.mark.parametrize(
    ("username", "unit", "allowed"),
    [
        ("ct.baocao", "CT-DUCQD-BAOCT", True),  # the unit's own reporter
        ("ct.dieuphoi", "CT-DUCQD-BAOCT", True),  # the board's coordinator above it
        ("dn.baocao", "DN-CATP", True),
        ("dn.baocao", "CT-DUCQD-BAOCT", False),  # another province
        ("dn.baocao", "DN-MTTQ", False),  # a sibling unit
        ("dn.lanhdao", "DN-CATP", False),  # leaders assess, they do not register
        ("dn.xem", "DN-CATP", False),  # viewers read only
    ],
)
def test_who_registers(demo_user, username, unit, allowed):
    before = Entry.objects.count()
    if allowed:
        assert _register(demo_user(username), unit).status == "dang_ky"
        assert Entry.objects.count() == before + 1
    else:
        with pytest.raises(ScopeDenied, match="không có quyền đăng ký"):
            _register(demo_user(username), unit)
        assert Entry.objects.count() == before


@pytest.mark.parametrize(
    ("username", "allowed"),
    [
        ("dn.dieuphoi", True),
        ("dn.lanhdao", True),
        ("dn.baocao", False),
        ("dn.xem", False),
        ("ct.dieuphoi", False),
    ],
)
def test_who_assesses_a_da_nang_model(demo_user, username, allowed):
    entry = Entry.objects.get(owner_unit__code="DN-CATP", name__contains="Công an thành phố")
    board = OrgUnit.objects.get(code="DN-BTGDVTU")
    before = entry.assessments.count()
    call = dict(
        actor=demo_user(username),
        entry=entry,
        assessed_on=dt.date.today(),
        conclusion="hieu_qua",
        checklist=[0],
        assessor_unit=board,
    )
    if allowed:
        services.assess(**call)
        assert entry.assessments.count() == before + 1
    else:
        with pytest.raises(ScopeDenied):
            services.assess(**call)
        assert entry.assessments.count() == before


def test_reporter_may_not_recognise(demo_user):
    entry = Entry.objects.get(owner_unit__code="DN-CATP", name__contains="Công an thành phố")
    with pytest.raises(ScopeDenied, match="công nhận, khen thưởng"):
        services.recognise(
            actor=demo_user("dn.baocao"),
            entry=entry,
            level="tinh",
            form="bang_khen",
            decided_on=dt.date.today(),
            decision_symbol="1-QĐ/TU",
            by_unit=entry.owner_unit,
        )


@pytest.mark.parametrize(
    ("username", "sees_can_tho", "sees_da_nang"),
    [
        ("admin", True, True),
        ("ct.dieuphoi", True, False),
        ("ct.baocao", True, False),
        ("dn.dieuphoi", False, True),
        ("dn.xem", False, True),
        ("dn.baocao", False, True),  # its own unit's model only
    ],
)
def test_visibility(demo_user, username, sees_can_tho, sees_da_nang):
    visible = selectors.visible_entries(demo_user(username))
    assert visible.filter(name=BAO_CAN_THO_MODEL).exists() is sees_can_tho
    assert visible.filter(owner_unit__code="DN-CATP").exists() is sees_da_nang


def test_reporter_sees_only_its_subtree(demo_user):
    visible = selectors.visible_entries(demo_user("dn.baocao"))
    assert set(visible.values_list("owner_unit__code", flat=True)) == {"DN-CATP"}
