"""The register's figures (hand-counted from the demo), inbox items, tiles and search."""

import datetime as dt
from decimal import Decimal

from danvan import registers
from danvan.indicators.models import Indicator
from danvan.orgs.models import OrgUnit
from danvan.sentiment.catalogue import INDICATORS

H1 = {"date_from": dt.date(2019, 1, 1), "date_to": dt.date(2019, 6, 30)}


def test_every_computed_indicator_is_in_the_catalogue(db):
    provider = next(p for p in registers.providers() if p.key == "sentiment")
    codes = {code for code, _ in provider.indicators()}
    assert codes == {row[0] for row in INDICATORS}
    assert (
        set(Indicator.objects.filter(code__startswith="tt_").values_list("code", flat=True))
        == codes
    )
    assert all(code.startswith("tt_") for code in codes)


def test_figures_for_the_bloc_in_2019_h1(db):
    figures = registers.compute(unit=OrgUnit.objects.get(code="CT-DUK"), **H1)
    expected = {
        "tt_y_kien_chu_de": 11,
        "tt_y_kien_chu_de:giao-thong": 2,
        "tt_y_kien_chu_de:an-toan-thuc-pham": 2,
        "tt_y_kien_chu_de:dat-dai": 0,
        "tt_y_kien_khuynh_huong:ban_khoan": 6,
        "tt_y_kien_khuynh_huong:tan_thanh": 3,
        "tt_y_kien_khuynh_huong:phan_doi": 2,
        "tt_hoi_nghi_ctv": 1,
        "tt_ctv_hoat_dong": 1,
        "tt_vu_viec_dang_mo": 1,
        "tt_vu_viec_dang_mo:nguy_co": 1,
        "tt_vu_viec_moi": 1,
        "tt_vu_viec_giai_quyet": 0,
        "tt_vu_viec_tai_phat": 0,
    }
    assert {k: int(figures[k].value) for k in expected} == expected
    provenance = figures["tt_y_kien_chu_de"].provenance
    assert provenance.startswith("Đếm 11 ý kiến, dư luận Đảng ủy Khối")
    assert provenance.endswith(
        "và các đơn vị trực thuộc ghi nhận từ 01/01/2019 đến 30/06/2019 (không tính ý kiến "
        "hạn chế trong đơn vị)"
    )
    assert "tu=01/01/2019" in figures["tt_y_kien_chu_de"].url


def test_figures_follow_the_window_and_the_wanted_keys(db):
    unit = OrgUnit.objects.get(code="CT-DUK")
    only = registers.compute(
        unit=unit,
        date_from=dt.date(2018, 7, 1),
        date_to=dt.date(2018, 12, 31),
        wanted={"tt_y_kien_chu_de", "tt_y_kien_chu_de:giao-thong"},
    )
    assert {k: v.value for k, v in only.items()} == {
        "tt_y_kien_chu_de": Decimal(2),
        "tt_y_kien_chu_de:giao-thong": Decimal(1),
    }


def test_the_da_nang_complaints_need_an_update_in_the_coordinators_inbox(demo_user):
    items = [
        i
        for i in registers.inbox_items(demo_user("dn.dieuphoi"), dt.date(2026, 12, 2))
        if i.register == "Tình hình Nhân dân"
    ]
    assert len(items) == 3 and all(i.overdue for i in items)
    assert any("Cồn Dầu" in i.title for i in items)
    viewer = registers.inbox_items(demo_user("dn.xem"), dt.date(2026, 12, 2))
    assert not [i for i in viewer if i.register == "Tình hình Nhân dân"]


def test_tiles_count_open_issues_by_level(demo_user):
    tiles = {
        t.label: t.value
        for t in registers.tiles(demo_user("dn.dieuphoi"), dt.date(2026, 12, 2))
        if t.register == "Tình hình Nhân dân"
    }
    assert tiles == {
        "Vụ việc điểm nóng đang mở": 0,
        "Vụ việc nguy cơ đang mở": 3,
        "Vụ việc theo dõi đang mở": 0,
    }


def test_search_finds_issues_and_signals_in_scope(demo_user):
    hits = registers.search(demo_user("ct.dieuphoi"), "BOT T2", 20)
    mine = [h for h in hits if h.register == "Tình hình Nhân dân"]
    assert any(h.title.startswith("Bức xúc về trạm thu phí BOT T2") for h in mine)
    assert any(h.title == "Ý kiến về Giao thông – trạm thu phí" for h in mine)
    assert not [
        h
        for h in registers.search(demo_user("dn.dieuphoi"), "BOT T2", 20)
        if h.register == "Tình hình Nhân dân"
    ]
