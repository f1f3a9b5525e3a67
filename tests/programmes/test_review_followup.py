"""The follow-up the Đà Nẵng sample asks for, on the demo's programmes: commitments of the period
by status and content area (from the accepted answers), each party's reporting timeliness over
the programme's life, overdue commitments, the next review; the board's tile."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from danvan.programmes import followup
from danvan.programmes.models import Instrument
from reporting.cycle import user

pytestmark = pytest.mark.django_db


def programme(symbol: str) -> Instrument:
    return Instrument.objects.get(symbol=symbol)


def test_the_police_programme_in_the_first_half_of_2022():
    result = followup.programme_followup(programme("07-CTr/BDVTU-CATP"), dt.date(2022, 6, 20))
    assert result.period_code == "2022S1"
    columns = ["Chưa có báo cáo được tiếp nhận", "Chưa triển khai", "Đang thực hiện"]
    assert result.columns[:3] == columns
    rows = {row.area: row.counts for row in result.areas}
    # Accepted with the police's report: completed, late, in progress.
    assert rows["An ninh trật tự, phong trào toàn dân bảo vệ an ninh Tổ quốc"] == [0, 0, 0, 1, 0, 0]
    assert rows["Nắm tình hình và trao đổi thông tin"] == [0, 0, 0, 0, 1, 0]
    assert rows["Tuyên truyền, vận động Nhân dân"] == [0, 0, 1, 0, 0, 0]
    assert [(c.content[:28], label) for c, label in result.overdue] == [
        ("Trao đổi thông tin về tình h", "Chậm")
    ]


def test_timeliness_names_the_late_border_guard():
    result = followup.programme_followup(programme("08-CTr/BDVTU-BĐBP"), dt.date(2022, 7, 1))
    [line] = result.timeliness
    assert (line.party, line.on_time, line.late, line.missing) == (
        "BCH Bộ đội Biên phòng thành phố",
        0,
        1,
        0,
    )
    assert line.history == ["6 tháng đầu năm 2022: chậm 5 ngày (20/06/2022)"]
    assert result.next_review == "kỳ 2022S2 (chưa ban hành yêu cầu báo cáo)"
    government = followup.programme_followup(
        programme("05-CTr/BDVTU-BCSĐUBND"), dt.date(2022, 7, 1)
    )
    assert [(t.on_time, t.late) for t in government.timeliness] == [(1, 0)]


def test_the_block_is_shown_to_the_board_only():
    template = Template("{% load review_followup %}{% programme_followup instrument %}")
    instrument = programme("07-CTr/BDVTU-CATP")
    request = RequestFactory().get("/")
    request.user = user("dn.dieuphoi")
    html = template.render(Context({"request": request, "instrument": instrument}))
    assert 'id="programme-followup"' in html and 'id="followup-timeliness"' in html
    request.user = user("dn.baocao")
    assert "programme-followup" not in template.render(
        Context({"request": request, "instrument": instrument})
    )


def test_the_boards_tile_counts_overdue_commitments():
    assert followup.overdue_count(user("dn.dieuphoi"), dt.date(2022, 6, 20)) == 1
    assert followup.overdue_count(user("dn.baocao"), dt.date(2022, 6, 20)) is None


def test_the_programme_page_carries_the_block(login_client):
    url = f"/chuong-trinh-phoi-hop/{programme('07-CTr/BDVTU-CATP').pk}/"
    page = login_client("dn.dieuphoi").get(url).content.decode()
    assert 'id="programme-followup"' in page and 'href="/chuong-trinh-phoi-hop/so-ket/"' in page
    assert 'id="programme-followup"' not in login_client("dn.baocao").get(url).content.decode()


def test_the_register_puts_the_commitments_in_the_partners_inbox():
    from danvan import registers

    items = [
        i
        for i in registers.inbox_items(user("dn.baocao"), dt.date(2022, 6, 20))
        if i.register == "Sơ kết chương trình phối hợp"
    ]
    assert items[0].overdue and items[0].due == dt.date(2022, 6, 15)
    assert items[0].note == "14-KH/BDVTU-CATP; chủ trì: Công an thành phố"
    tiles = registers.tiles(user("dn.dieuphoi"), dt.date(2022, 6, 20))
    assert [(t.label, t.value) for t in tiles if t.register == "Sơ kết chương trình phối hợp"] == [
        ("Nhiệm vụ phối hợp quá hạn", 1)
    ]
