"""The programmes pages as their users see them: the list with filters, pagination and the
empty state; an instrument's page; the forms with Vietnamese messages; 404 for another
province; query counts on the list."""

import datetime as dt

import pytest
from django.test import Client

from danvan.programmes import services
from danvan.programmes.models import Instrument, InstrumentKind, InstrumentState

from .world import programme, signed_programme, unit

PASSWORD = "x-Danvan@2026"


def client_for(username: str) -> Client:
    client = Client()
    response = client.post("/tai-khoan/dang-nhap/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_list_filters_paginates_and_says_when_empty(world, django_assert_max_num_queries):
    board = client_for("t.board")
    empty = board.get("/chuong-trinh-phoi-hop/?q=khong+co+gi")
    assert empty.status_code == 200
    assert "Chưa có văn bản phối hợp nào khớp với điều kiện lọc" in empty.content.decode()
    actor = world["t.board"]
    for n in range(30):
        programme(
            actor,
            symbol=f"{n + 100}-CTr/BDVTU-CAT",
            title=f"Chương trình thử số {n}",
            kind=InstrumentKind.CHUONG_TRINH,
        )
    with django_assert_max_num_queries(12):
        first = board.get("/chuong-trinh-phoi-hop/?loai=chuong_trinh&q=chuong+trinh+thu")
    page = first.content.decode()
    assert page.count('href="/chuong-trinh-phoi-hop/') >= 25
    assert "Trang 1/2" in page
    second = board.get("/chuong-trinh-phoi-hop/?loai=chuong_trinh&q=chuong+trinh+thu&trang=2")
    assert second.content.decode().count("Chương trình thử số") == 5
    # Another province sees none of them.
    other = client_for("b.board").get("/chuong-trinh-phoi-hop/?q=chuong+trinh+thu")
    assert "Chương trình thử số" not in other.content.decode()


def test_instrument_page_shows_chain_parties_and_404_elsewhere(world):
    p = signed_programme(world["t.board"])
    page = client_for("t.board").get(f"/chuong-trinh-phoi-hop/{p.pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    for expected in ("05-CTr/BDVTU-BCSĐUBND-CAT", "Ban cán sự đảng UBND tỉnh T", "Công an tỉnh T"):
        assert expected in text
    # After the 2025 reform the page asks for a new signature and proposes the successors.
    assert "Cần ký lại / thay đổi chủ thể" in text
    assert "Xác nhận Đảng ủy UBND tỉnh T thay Ban cán sự đảng UBND tỉnh T" in text
    assert client_for("b.board").get(f"/chuong-trinh-phoi-hop/{p.pk}/").status_code == 404
    assert client_for("t.board").get("/chuong-trinh-phoi-hop/99999999999/").status_code == 404


def test_create_form_refuses_bad_input_in_vietnamese_and_writes_nothing(world):
    board = client_for("t.board")
    assert board.get("/chuong-trinh-phoi-hop/moi/").status_code == 200
    before = Instrument.objects.count()
    response = board.post(
        "/chuong-trinh-phoi-hop/moi/",
        {
            "kind": "chuong_trinh",
            "owner": unit("T-BDVTU").pk,
            "symbol": "số hai",
            "title": "",
            "signed_on": "31/02/2021",
            "valid_from": "2022-01-01",
            "valid_to": "2021-01-01",
        },
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "Chưa nhập." in text and "Ngày không hợp lệ" in text
    assert Instrument.objects.count() == before
    response = board.post(
        "/chuong-trinh-phoi-hop/moi/",
        {
            "kind": "chuong_trinh",
            "owner": unit("T-BDVTU").pk,
            "symbol": "số hai",
            "title": "Chương trình",
            "valid_from": "2022-01-01",
            "valid_to": "2021-01-01",
            "based_on": "999-QĐ/TW",
        },
    )
    text = response.content.decode()
    assert "không đúng dạng" in text
    assert "Không tìm thấy trong sổ văn bản: 999-QĐ/TW" in text
    assert Instrument.objects.count() == before
    # A reporter of the police cannot create; the page says why.
    refused = client_for("t.police").get("/chuong-trinh-phoi-hop/moi/")
    assert refused.status_code == 403
    ok = board.post(
        "/chuong-trinh-phoi-hop/moi/",
        {
            "kind": "chuong_trinh",
            "owner": unit("T-BDVTU").pk,
            "symbol": "09-CTr/BDVTU-CAT",
            "title": "Chương trình phối hợp với Công an tỉnh",
            "signed_on": "15/03/2021",
            "valid_from": "15/03/2021",
        },
    )
    assert ok.status_code == 302
    created = Instrument.objects.get(symbol="09-CTr/BDVTU-CAT")
    assert created.signed_on == dt.date(2021, 3, 15) and created.state == InstrumentState.DU_THAO


@pytest.mark.parametrize("username", ["t.board", "t.police"])
def test_state_form_errors_come_back_on_the_page(world, username):
    p = programme(world["t.board"])
    response = client_for(username).post(
        f"/chuong-trinh-phoi-hop/{p.pk}/trang-thai/", {"target": "da_ky", "version": p.version}
    )
    if username == "t.police":
        assert response.status_code == 404  # not a party: the instrument is not shown at all
        return
    assert response.status_code == 400
    assert "Văn bản phối hợp cần ít nhất hai bên tham gia" in response.content.decode()
    p.refresh_from_db()
    assert p.state == InstrumentState.DU_THAO
    services.update_instrument(world["t.board"], p, version=p.version, title="Khác")
    stale = client_for("t.board").post(
        f"/chuong-trinh-phoi-hop/{p.pk}/trang-thai/",
        {"target": "trinh_xin_chu_truong", "version": 0},
    )
    assert "vừa được người khác cập nhật" in stale.content.decode()
