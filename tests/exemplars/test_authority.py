"""Who assesses and who recognises, per subtree and level, from a date (issue 14): with a
setting in force, the configured unit's people act (and the act is recorded in its name);
without one, the board of the subtree acts as before. Tested both ways, through the services
and through the pages.

Tree (below the register's test province T-ROOT):
  T-CELL-A (Đảng bộ phường A) / T-CELL-A-KDC (chi bộ khu dân cư, owns the model)
  T-MT / T-MT-A (the ward's Front standing committee, in the Front's own tree)
  T-BCD (a district steering committee that recognised models before 7/2025)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from danvan.accounts.permissions import SYSTEM, ScopeDenied
from danvan.accounts.services import create_user, grant_role
from danvan.exemplars import selectors, services
from danvan.exemplars.lifecycle import TransitionRefused
from danvan.exemplars.models import Authority, Entry
from danvan.orgs.models import OrgUnit

from .conftest import run

pytestmark = pytest.mark.django_db
PASSWORD = "Song-Han#2026"
FRONT_FROM = dt.date(2025, 7, 1)


def _unit(code, name, kind, parent):
    unit = OrgUnit(code=code, name=name, kind=kind, parent=parent, valid_from=dt.date(2000, 1, 1))
    unit.path = unit.compute_path()
    unit.depth = unit.path.count("/") - 1
    unit.save()
    return unit


def _person(username, unit_code, role="coordinator"):
    account = create_user(SYSTEM, username, PASSWORD, full_name="Người Kiểm Thử")
    grant_role(SYSTEM, username, unit_code, role)
    return account


@pytest.fixture
def world(tree, make_entry):
    front = _unit("T-MT", "Ủy ban MTTQ tỉnh Thử Nghiệm", "front", tree["root"])
    units = {
        "kdc": _unit("T-CELL-A-KDC", "Chi bộ khu dân cư số 1", "grassroots_party", tree["a"]),
        "front_a": _unit("T-MT-A", "Ban Thường trực Ủy ban MTTQ phường A", "front", front),
        "steering": _unit("T-BCD", "Ban Chỉ đạo “Dân vận khéo” huyện (cũ)", "board", tree["root"]),
    }
    entry = make_entry(units["kdc"], "Mô hình thắp sáng đường quê", at=dt.date(2024, 1, 10))
    run(entry, dt.date(2024, 2, 1))
    people = {
        "ward": _person("thu.phuong", "T-CELL-A"),  # the ward's board: the default rule
        "front": _person("thu.mattran", "T-MT-A"),  # the Front's standing committee
        "steering": _person("thu.bancd", "T-BCD", "leader"),
        "province": _person("thu.tinh", "T-ROOT"),  # covers the whole province
    }
    return {**tree, **units, "entry": entry, "people": people}


def _front_setting(world, **extra):
    return Authority.objects.create(
        root_unit=world["a"],
        level="xa",
        assessing_unit=world["front_a"],
        valid_from=FRONT_FROM,
        source="Hướng dẫn thử nghiệm từ 7/2025",
        **extra,
    )


def _assess(world, who, *, unit, level="xa", day=dt.date(2025, 12, 10)):
    return services.assess(
        actor=world["people"][who],
        entry=world["entry"],
        assessed_on=day,
        conclusion="hieu_qua",
        checklist=[0],
        assessor_unit=world[unit],
        level=level,
    )


def test_without_a_setting_the_board_of_the_subtree_assesses(world):
    with pytest.raises(ScopeDenied):
        _assess(world, "front", unit="front_a")
    assert _assess(world, "ward", unit="a").assessor_unit == world["a"]
    assert not selectors.visible_entries(world["people"]["front"]).exists()


def test_with_a_setting_the_configured_unit_assesses_and_the_board_does_not(world):
    _front_setting(world)
    with pytest.raises(ScopeDenied) as refused:
        _assess(world, "ward", unit="a")
    assert str(refused.value.message) == (
        "Bạn không có quyền đánh giá mô hình, điển hình cấp xã của Đảng bộ phường A: theo quy "
        "định từ 01/07/2025, đơn vị đánh giá là Ban Thường trực Ủy ban MTTQ phường A."
    )
    with pytest.raises(TransitionRefused, match="Đơn vị đánh giá cấp xã của Đảng bộ phường A"):
        _assess(world, "front", unit="a")
    made = _assess(world, "front", unit="front_a")
    assert (made.level, made.assessor_unit.code) == ("xa", "T-MT-A")
    # The province's board covers the Front's unit too, and records it in that unit's name.
    assert _assess(world, "province", unit="front_a").assessor_unit.code == "T-MT-A"


def test_a_setting_binds_only_its_level_and_its_dates(world):
    _front_setting(world)
    # Another level keeps the default rule, both ways.
    with pytest.raises(ScopeDenied):
        _assess(world, "front", unit="front_a", level="tinh")
    assert _assess(world, "ward", unit="a", level="tinh").level == "tinh"
    # Before the setting's first day the ward's board assessed at commune level.
    assert _assess(world, "ward", unit="a", day=dt.date(2025, 6, 20)).level == "xa"
    # With settings by level in force, an assessment must say its level.
    with pytest.raises(TransitionRefused, match="Chọn cấp đánh giá"):
        _assess(world, "ward", unit="a", level="")


def test_the_configured_unit_reads_the_subtree_and_gets_the_form(world, client):
    _front_setting(world)
    front = world["people"]["front"]
    assert list(selectors.visible_entries(front)) == [world["entry"]]
    assert selectors.abilities(front, world["entry"]) == {
        "register": False,
        "board": False,
        "assess": True,
        "recognise": False,
    }
    assert selectors.abilities(world["people"]["ward"], world["entry"])["assess"] is True
    client.force_login(front)
    page = client.get(f"/dan-van-kheo/{world['entry'].pk}/").content.decode()
    assert 'id="dvk-assess"' in page and 'id="dvk-recognise"' not in page
    response = client.post(
        f"/dan-van-kheo/{world['entry'].pk}/danh-gia/",
        {
            "assessed_on": "2025-12-10",
            "level": "xa",
            "assessor_unit": "T-MT-A",
            "checklist": ["0", "1"],
            "conclusion": "hieu_qua",
            "note": "Đạt",
        },
        follow=True,
    )
    assert "Đã ghi kết quả đánh giá." in response.content.decode()
    assert world["entry"].assessments.get().assessor_unit.code == "T-MT-A"
    listing = client.get("/dan-van-kheo/").content.decode()
    assert 'id="dvk-authorities"' in listing
    assert "Ban Thường trực Ủy ban MTTQ phường A" in listing
    assert "01/07/2025 – nay" in listing


def test_a_setting_ended_no_longer_grants(world):
    _front_setting(world, valid_to=dt.date(2025, 9, 30))
    front = world["people"]["front"]
    assert not selectors.visible_entries(front).exists()
    assert _assess(world, "front", unit="front_a", day=dt.date(2025, 9, 1)).level == "xa"
    with pytest.raises(ScopeDenied):
        _assess(world, "front", unit="front_a", day=dt.date(2025, 10, 1))


def _recognise(world, who, *, unit, level, day):
    return services.recognise(
        actor=world["people"][who],
        entry=world["entry"],
        level=level,
        form="cong_nhan",
        decided_on=day,
        decision_symbol=f"{day.month}-QĐ/BCĐ",
        by_unit=world[unit],
    )


def test_a_district_steering_committee_recognised_before_the_reform(world):
    Authority.objects.create(
        root_unit=world["root"],
        level="huyen",
        recognising_unit=world["steering"],
        valid_from=dt.date(2020, 1, 1),
        valid_to=dt.date(2025, 6, 30),
    )
    _assess(world, "ward", unit="a", level="tinh", day=dt.date(2024, 11, 5))
    with pytest.raises(ScopeDenied, match="đơn vị công nhận là Ban Chỉ đạo"):
        _recognise(world, "ward", unit="a", level="huyen", day=dt.date(2024, 12, 1))
    made = _recognise(world, "steering", unit="steering", level="huyen", day=dt.date(2024, 12, 1))
    assert (made.by_unit.code, world["entry"].status) == ("T-BCD", "cong_nhan")
    # Assessing at district level is not configured: the board's rule stays for it.
    assert selectors.abilities(world["people"]["steering"], world["entry"])["assess"] is False


def test_settings_are_checked_when_an_administrator_saves_them(world, login_client):
    _front_setting(world)
    overlapping = Authority(
        root_unit=world["a"],
        level="xa",
        assessing_unit=world["a"],
        valid_from=dt.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError, match="Đã có quy định cho cây đơn vị và cấp này"):
        overlapping.full_clean()
    empty = Authority(root_unit=world["b"], level="xa", valid_from=FRONT_FROM)
    with pytest.raises(ValidationError, match="Chọn ít nhất đơn vị đánh giá"):
        empty.full_clean()
    backwards = Authority(
        root_unit=world["b"],
        level="xa",
        assessing_unit=world["b"],
        valid_from=FRONT_FROM,
        valid_to=dt.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError, match="phải sau ngày áp dụng"):
        backwards.full_clean()
    client = login_client("admin")
    listing = client.get("/quan-tri/exemplars/authority/")
    assert listing.status_code == 200
    assert "Đảng bộ phường A" in listing.content.decode()
    assert client.get("/quan-tri/exemplars/authority/add/").status_code == 200


def test_the_demo_shows_thanh_khe_district_board_recognising_before_the_reform(
    login_client, demo_user
):
    listing = login_client("dn.dieuphoi").get("/dan-van-kheo/").content.decode()
    assert "Quận ủy Thanh Khê" in listing and "Ban Dân vận Quận ủy Thanh Khê" in listing
    assert "01/01/2021 – 30/06/2025" in listing
    land = Entry.objects.get(
        name__contains="hiến đất mở rộng kiệt, hẻm", owner_unit__code="DN-QU-TK"
    )
    record = dict(
        actor=demo_user("dn.dieuphoi"),
        entry=land,
        level="huyen",
        form="giay_khen",
        decided_on=dt.date(2025, 6, 10),
        decision_symbol="230-QĐ/QU",
    )
    # The city's coordinator covers the district board, but the decision is in its name.
    with pytest.raises(TransitionRefused, match="là Ban Dân vận Quận ủy Thanh Khê"):
        services.recognise(**record, by_unit=OrgUnit.objects.get(code="DN-BTGDVTU"))
    made = services.recognise(**record, by_unit=OrgUnit.objects.get(code="DN-BDV-TK"))
    assert made.by_unit.code == "DN-BDV-TK"
    # Cần Thơ's coordinator covers neither.
    with pytest.raises(ScopeDenied, match="đơn vị công nhận là Ban Dân vận Quận ủy Thanh Khê"):
        services.recognise(
            **(record | {"actor": demo_user("ct.dieuphoi")}), by_unit=land.owner_unit
        )
