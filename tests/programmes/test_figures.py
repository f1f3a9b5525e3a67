"""The register's figures for the board's own report, hand-computed for province T over the
first half of 2022 (the rules are in danvan/programmes/figures.py)."""

import datetime as dt
from decimal import Decimal

from danvan import registers
from danvan.programmes import commitments, services
from danvan.programmes.models import (
    ContentArea,
    InstrumentKind,
    InstrumentState,
    PartyRole,
    Progress,
    ProgressStatus,
    Review,
)
from danvan.programmes.provider import ProgrammesProvider

from .world import add_parties, programme, signed_programme, unit

D = dt.date
S = ProgressStatus


def sign(actor, instrument):
    instrument.refresh_from_db()
    instrument = services.change_state(
        actor, instrument, target=InstrumentState.DA_KY, version=instrument.version
    )
    return services.change_state(
        actor, instrument, target=InstrumentState.HIEU_LUC, version=instrument.version
    )


def build(world):
    actor = world["t.tu"]
    p1 = signed_programme(actor)  # 2021–2025, partners: Party body (khác) + police → nhiều bên
    p2 = programme(
        actor,
        symbol="06-CTr/BDVTU-BCHQS",
        valid_from=D(2021, 6, 1),
        signed_on=D(2021, 6, 1),
        valid_to=D(2021, 12, 31),
    )
    add_parties(actor, p2, [("T-BDVTU", PartyRole.THUONG_TRUC), ("T-BCHQS", PartyRole.KY_KET)])
    sign(actor, p2)  # ended before 2022: not in force in the window
    k1 = services.create_instrument(
        actor,
        owner=unit("T-BDVTU"),
        kind=InstrumentKind.KE_HOACH_NAM,
        symbol="12-KH/BDVTU-CAT",
        title="Kế hoạch phối hợp năm 2022",
        signed_on=D(2022, 1, 20),
        valid_from=D(2022, 1, 20),
        valid_to=D(2022, 12, 31),
        parent=p1,
    )
    _, police = add_parties(
        actor, k1, [("T-BDVTU", PartyRole.THUONG_TRUC), ("T-CAT", PartyRole.KY_KET)]
    )
    services.create_instrument(
        actor,
        owner=unit("T-BDVTU"),
        kind=InstrumentKind.KE_HOACH_NAM,
        title="Dự thảo kế hoạch 2022",
        parent=p1,
        valid_from=D(2022, 1, 1),
        valid_to=D(2022, 12, 31),
    )
    b = services.create_instrument(
        world["b.board"],
        owner=unit("B-BDVTU"),
        kind=InstrumentKind.KE_HOACH_NAM,
        symbol="03-KH/BDVTU-CAT",
        title="Kế hoạch của tỉnh B",
        signed_on=D(2022, 2, 1),
        valid_from=D(2022, 2, 1),
        valid_to=D(2022, 12, 31),
    )
    add_parties(
        world["b.board"], b, [("B-BDVTU", PartyRole.THUONG_TRUC), ("B-CAT", PartyRole.KY_KET)]
    )
    sign(world["b.board"], b)
    areas = {a.code: a for a in ContentArea.objects.all()}
    made = {}
    for key, area, due, period in (
        ("c1", "tuyen-truyen", D(2022, 3, 31), ""),
        ("c2", "tuyen-truyen", None, "2022S1"),
        ("c3", "an-ninh-trat-tu", D(2022, 5, 15), ""),
        ("c4", "an-ninh-trat-tu", D(2022, 2, 28), ""),
        ("c5", "an-ninh-trat-tu", D(2022, 9, 30), ""),
        ("c6", "dan-van-kheo", D(2022, 6, 30), ""),
        ("c8", "tuyen-truyen", D(2022, 4, 30), ""),
    ):
        k1.refresh_from_db()
        made[key] = commitments.create_commitment(
            actor,
            k1,
            version=k1.version,
            content_area=areas[area],
            content=key,
            lead=police,
            due_on=due,
            period_code=period,
        )
    k1 = sign(actor, k1)
    s1 = Review.objects.create(instrument=k1, period_code="2022S1", kind="half_year")
    s2 = Review.objects.create(instrument=k1, period_code="2022S2", kind="half_year")
    for key, review, status, accepted in (
        ("c1", s1, S.HOAN_THANH, True),
        ("c2", s1, S.DANG_THUC_HIEN, True),
        ("c3", s1, S.HOAN_THANH, False),  # not accepted: does not count
        ("c4", s1, S.HUY, True),
        ("c6", s1, S.CHAM, True),
        ("c8", s1, S.DANG_THUC_HIEN, True),
        ("c8", s2, S.HOAN_THANH, True),  # done, but only reported in the second half
    ):
        Progress.objects.create(
            commitment=made[key], review=review, party=police, status=status, accepted=accepted
        )
    return k1


def values(figures):
    return {f.key: f.value for f in figures}


def test_figures_for_the_first_half_of_2022_by_hand(world):
    build(world)
    provider = ProgrammesProvider()
    got = values(
        provider.figures(unit=unit("T-TU"), date_from=D(2022, 1, 1), date_to=D(2022, 6, 30))
    )
    expected = {
        "ctpp_van_ban_hieu_luc": 2,  # the 2021–2025 programme and the 2022 plan
        "ctpp_van_ban_hieu_luc:nhieu-ben": 1,
        "ctpp_van_ban_hieu_luc:cong-an": 1,
        "ctpp_van_ban_hieu_luc:quan-su": 0,
        "ctpp_van_ban_hieu_luc:ubnd": 0,
        "ctpp_ke_hoach_ky_moi": 1,
        "ctpp_nv_hoan_thanh": 2,  # c1, c8
        "ctpp_nv_hoan_thanh:tuyen-truyen": 2,
        "ctpp_nv_dung_han": 1,  # c1
        "ctpp_nv_dung_han:tuyen-truyen": 1,
        "ctpp_nv_cham": 4,  # c2, c8 (done late), c3 (nothing accepted), c6
        "ctpp_nv_cham:tuyen-truyen": 2,
        "ctpp_nv_cham:an-ninh-trat-tu": 1,
        "ctpp_nv_cham:dan-van-kheo": 1,
        "ctpp_nv_chua_trien_khai": 1,  # c3
        "ctpp_nv_chua_trien_khai:an-ninh-trat-tu": 1,
        "ctpp_nv_chua_trien_khai:dan-van-kheo": 0,
    }
    assert {k: got.get(k) for k in expected} == {k: Decimal(v) for k, v in expected.items()}
    # The figures name what they come from.
    by_key = {
        f.key: f
        for f in provider.figures(
            unit=unit("T-TU"),
            date_from=D(2022, 1, 1),
            date_to=D(2022, 6, 30),
            wanted={"ctpp_nv_cham", "ctpp_ke_hoach_ky_moi"},
        )
    }
    assert set(by_key) == {"ctpp_nv_cham", "ctpp_ke_hoach_ky_moi"}
    assert by_key["ctpp_nv_cham"].provenance == (
        "tính từ 6 nhiệm vụ đến hạn trong kỳ 01/01/2022 – 30/06/2022 của 1 kế hoạch "
        "(12-KH/BDVTU-CAT), theo báo cáo tiến độ đã được tiếp nhận"
    )
    assert by_key["ctpp_ke_hoach_ky_moi"].provenance.startswith(
        "tính từ 1 kế hoạch phối hợp ký trong kỳ"
    )
    # Province B's own plan counts for B, not for T; a subtree without instruments gets zeros.
    b = values(provider.figures(unit=unit("B-TU"), date_from=D(2022, 1, 1), date_to=D(2022, 6, 30)))
    assert (b["ctpp_van_ban_hieu_luc"], b["ctpp_van_ban_hieu_luc:cong-an"], b["ctpp_nv_cham"]) == (
        1,
        1,
        0,
    )
    assert (
        values(
            provider.figures(unit=unit("T-CAT"), date_from=D(2022, 1, 1), date_to=D(2022, 6, 30))
        )["ctpp_van_ban_hieu_luc"]
        == 0
    )


def test_the_register_declares_its_indicators_to_the_cycle(world):
    keys = registers.computable_keys()
    assert keys["ctpp_nv_cham:an-ninh-trat-tu"].key == "programmes"
    assert keys["ctpp_van_ban_hieu_luc:nhieu-ben"].key == "programmes"
    build(world)
    computed = registers.compute(
        unit=unit("T-TU"),
        date_from=D(2022, 1, 1),
        date_to=D(2022, 6, 30),
        wanted={"ctpp_nv_hoan_thanh:tuyen-truyen"},
    )
    assert computed["ctpp_nv_hoan_thanh:tuyen-truyen"].value == 2
