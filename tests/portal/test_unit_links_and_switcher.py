"""The page frame shows each person their own roles only; unit pages link only the units the
person may open, keep maintainers' assumptions for administrators, and list successions by date."""

import re

import pytest
from django.contrib.auth import get_user_model

from danvan.accounts.models import Membership
from danvan.accounts.permissions import SYSTEM
from danvan.accounts.selectors import SESSION_ACTIVE_MEMBERSHIP
from danvan.accounts.services import create_user, grant_role


def user(username):
    return get_user_model().objects.get(username=username)


def switcher_options(page: str) -> list[str]:
    select = re.search(r'<select id="unit-switcher".*?</select>', page, re.S)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select.group(0)) if select else []


def test_the_switcher_lists_the_signed_in_users_own_roles_only(client, db):
    client.force_login(user("ct.baocao"))
    page = client.get("/").content.decode()
    # In the tree's order (by code path: CT-DUCQD before CT-DUK).
    assert switcher_options(page) == [
        "Đảng ủy các cơ quan Đảng thành phố Cần Thơ — Cán bộ báo cáo",
        "Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ — Cán bộ báo cáo",
    ]
    # One role: no switcher, the role is named.
    client.force_login(user("dn.xem"))
    page = client.get("/").content.decode()
    assert switcher_options(page) == []
    assert "Thành ủy Đà Nẵng — Người xem" in page


def test_the_superusers_switcher_holds_their_two_roles_not_everyones(client, db):
    client.force_login(user("admin"))
    options = switcher_options(client.get("/").content.decode())
    assert options == [
        "Thành ủy Cần Thơ — Quản trị hệ thống",
        "Thành ủy Đà Nẵng — Quản trị hệ thống",
    ]


def test_switching_to_someone_elses_role_is_refused(client, db):
    client.force_login(user("dn.baocao"))
    others = Membership.objects.get(user__username="dn.xem")
    response = client.post("/chuyen-don-vi/", {"membership": others.pk, "next": "/"})
    assert response.status_code == 403
    assert "Bạn không có vai trò tại đơn vị này." in response.content.decode()
    assert SESSION_ACTIVE_MEMBERSHIP not in client.session


def links_and_texts(page: str) -> tuple[set[str], set[str]]:
    links = set(re.findall(r'<a href="/don-vi/([^/"]+)/">', page))
    texts = set(re.findall(r'<span class="out-of-scope">([^<]*)</span>', page))
    return links, texts


def test_units_outside_the_users_scope_are_plain_text(client, db):
    client.force_login(user("ct.baocao"))
    response = client.get("/don-vi/CT-DUK/")
    assert response.status_code == 200
    links, texts = links_and_texts(response.content.decode())
    # The bloc committee became two bodies: the reporter holds a role on one of them only.
    assert "CT-DUCQD" in links and "CT-DUUBND" not in links
    assert "Thành ủy Cần Thơ" in texts  # the parent, out of scope
    for code in links:
        assert client.get(f"/don-vi/{code}/").status_code == 200, code


def test_an_administrator_gets_every_unit_as_a_link(client, db):
    client.force_login(user("admin"))
    links, texts = links_and_texts(client.get("/don-vi/CT-DUK/").content.decode())
    assert {"CT-TU", "CT-DUCQD", "CT-DUUBND"} <= links and texts == set()


def test_assumptions_are_for_administrators_only(client, db):
    client.force_login(user("ct.baocao"))
    page = client.get("/don-vi/CT-DUK/").content.decode()
    assert "Giả định" not in page
    client.force_login(user("admin"))
    page = client.get("/don-vi/CT-DUK/").content.decode()
    assert "Giả định: Đảng ủy Khối kết thúc ngày 31/01/2025" in page


@pytest.fixture
def quang_nam_viewer(db):
    create_user(SYSTEM, "qna.xem", "Song-Han#2026")
    grant_role(SYSTEM, "qna.xem", "QNA-TU", "viewer")
    return user("qna.xem")


def test_a_note_keeps_its_facts_without_its_assumption(client, quang_nam_viewer):
    client.force_login(quang_nam_viewer)
    page = client.get("/don-vi/QNA-BTGDVTU/").content.decode()
    note = re.search(r'<dd id="unit-note">(.*?)</dd>', page, re.S).group(1)
    assert note == "Sáp nhập vào thành phố mới từ 01/7/2025 (Nghị quyết 202/2025/QH15)."


def test_predecessors_are_listed_by_date(client, db):
    client.force_login(user("admin"))
    page = client.get("/don-vi/DN-BTGDVTU/").content.decode()
    came_from = re.search(r'<ul class="history" id="came-from">(.*?)</ul>', page, re.S).group(1)
    dates = re.findall(r"<li>(\d\d/\d\d/\d{4})", came_from)
    assert dates == ["01/03/2025", "01/03/2025", "01/03/2025", "01/07/2025"]
