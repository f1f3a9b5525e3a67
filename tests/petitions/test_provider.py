"""The register's inbox items, tiles and remaining pages: overdue and soon-due cases appear
in the responsible unit's inbox with their dates; the board's tiles count them."""

import datetime as dt

import pytest

from danvan import registers
from danvan.petitions import clocks
from danvan.petitions.models import CalendarDay

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 2)


def provider():
    return next(p for p in registers.providers() if p.key == "petitions")


def test_inbox_items_of_the_responsible_unit(demo_user):
    items = {
        i.title.split(" – ")[0]: i for i in provider().inbox_items(demo_user("dn.dieuphoi"), TODAY)
    }
    # KN-2026-118: resumed 20/10 → due 19/11 (overdue); TC-2026-041: extended → due 27/11.
    assert items["Khiếu nại KN-2026-118"].due == dt.date(2026, 11, 19)
    assert items["Khiếu nại KN-2026-118"].overdue
    assert items["Tố cáo TC-2026-041"].due == dt.date(2026, 11, 27)
    # The delegation's request, received Thu 26/11: 5 working days → Thu 03/12 (soon).
    soon = items["Kiến nghị, phản ánh KNPA-2026-377"]
    assert soon.due == dt.date(2026, 12, 3) and not soon.overdue and "Sắp đến hạn" in soon.note
    # The complex cases of 2019 are accepted and not overdue-tracked unless their clock is running.
    assert provider().inbox_items(demo_user("dn.xem"), TODAY) == []  # viewers update nothing
    assert provider().inbox_items(demo_user("ct.dieuphoi"), TODAY) == []


def test_tiles_count_overdue_and_soon(demo_user):
    tiles = {t.label: t.value for t in provider().tiles(demo_user("dn.xem"), TODAY)}
    overdue = tiles["Đơn quá hạn"]
    assert tiles["Đơn sắp đến hạn"] == 1 and overdue >= 2
    assert all(t.value == 0 for t in provider().tiles(demo_user("ct.dieuphoi"), TODAY))


def test_open_conclusion_tasks_are_in_the_inbox(login_client, demo_user):
    client = login_client("dn.dieuphoi")
    client.post("/tiep-dan-don-thu/so/moi/", {"unit": "DN-TU", "date": "2026-11-10", "host_name": "Bí thư D",
                                              "host_role": "bi_thu", "kind": "dot_xuat", "mode": "truc_tiep"})  # fmt: skip
    from danvan.petitions.models import ReceptionSession

    session = ReceptionSession.objects.get(host_name="Bí thư D")
    client.post(
        f"/tiep-dan-don-thu/so/{session.pk}/ket-luan/", {"symbol": "91-TB/TU", "date": "2026-11-11"}
    )
    client.post(
        f"/tiep-dan-don-thu/so/{session.pk}/nhiem-vu/",
        {"title": "Kiểm tra lại", "unit": "DN-UBND", "due": "2026-11-25"},
    )
    items = [
        i
        for i in provider().inbox_items(demo_user("dn.dieuphoi"), TODAY)
        if "Kiểm tra lại" in i.title
    ]
    assert items and items[0].overdue and items[0].due == dt.date(2026, 11, 25)


def test_the_administrator_keeps_the_calendar_and_a_holiday_moves_a_deadline(
    login_client, demo_user
):
    assert (
        login_client("dn.dieuphoi")
        .post("/tiep-dan-don-thu/thoi-han/lich/", {"date": "2026-12-03"})
        .status_code
        == 403
    )
    login_client("admin").post(
        "/tiep-dan-don-thu/thoi-han/lich/", {"date": "2026-12-03", "note": "Nghỉ đột xuất"}
    )
    assert CalendarDay.objects.get(date=dt.date(2026, 12, 3)).working is False
    items = {
        i.title.split(" – ")[0]: i for i in provider().inbox_items(demo_user("dn.dieuphoi"), TODAY)
    }
    assert items["Kiến nghị, phản ánh KNPA-2026-377"].due == dt.date(2026, 12, 4)
    page = login_client("admin").post(
        "/tiep-dan-don-thu/thoi-han/lich/", {"date": "2026-02-30"}, follow=True
    )
    assert "Ngày không hợp lệ" in page.content.decode()


def test_state_filter_and_api_lists(login_client, client, bearer):
    page = (
        login_client("dn.xem")
        .get(f"/tiep-dan-don-thu/don/?trang-thai={clocks.OVERDUE}")
        .content.decode()
    )
    assert "KN-2026-118" in page and "KNPA-2026-377" not in page
    headers = bearer("dn.xem")
    sessions = client.get("/api/petitions/sessions", headers=headers).json()["items"]
    assert any(s["conclusion"] == "45-TB/TU" and s["party_rule"] for s in sessions)
    listed = client.get("/api/petitions/petitions?q=thu+hoi+dat", headers=headers).json()["items"]
    assert [p["reference"] for p in listed] == ["KN-2026-118"]
    one = client.get(f"/api/petitions/petitions/{listed[0]['id']}", headers=headers).json()
    assert one["clocks"][1]["due"] == "2026-11-19"
    assert client.get("/api/petitions/petitions/999999", headers=headers).status_code == 404
    assert client.get("/api/petitions/sessions/999999/entries", headers=headers).status_code == 404


def test_the_three_groups_are_linked_to_the_hot_spots_and_closing_proposes_closing_them(
    login_client,
):
    from danvan.petitions.models import Petition

    linked = Petition.objects.filter(reference__startswith="DN-2019-")
    assert linked.count() == 3 and all(p.hot_spot_issue for p in linked)
    assert "Cồn Dầu" in linked.get(reference="DN-2019-CD").hot_spot
    client = login_client("dn.dieuphoi")
    case = linked.get(reference="DN-2019-363")
    page = client.get(f"/tiep-dan-don-thu/don/{case.pk}/").content.decode()
    assert (
        f'href="/tinh-hinh-nhan-dan/vu-viec/{case.hot_spot_issue}/"' in page
        or "sentiment" in page
        or case.hot_spot in page
    )
    response = client.post(f"/tiep-dan-don-thu/don/{case.pk}/su-kien/",
                           {"kind": "ket_thuc", "date": "2022-06-10", "outcome": "sai"}, follow=True)  # fmt: skip
    assert "đề nghị đóng điểm nóng" in response.content.decode()


def test_a_mass_case_is_linked_from_its_page(login_client):
    from danvan.petitions.models import Petition

    case = Petition.objects.get(reference="KNPA-2026-377")  # a delegation of 7
    client = login_client("dn.dieuphoi")
    page = client.get(f"/tiep-dan-don-thu/don/{case.pk}/").content.decode()
    assert 'name="issue"' in page
    issue_id = page.split('name="issue"><option value="')[1].split('"')[0]
    response = client.post(
        f"/tiep-dan-don-thu/don/{case.pk}/diem-nong/", {"issue": issue_id}, follow=True
    )
    body = response.content.decode()
    assert "Đã liên kết với điểm nóng." in body, [ln for ln in body.splitlines() if "message" in ln]
    case.refresh_from_db()
    assert case.hot_spot_issue == int(issue_id)
    assert (
        login_client("dn.xem")
        .post(f"/tiep-dan-don-thu/don/{case.pk}/diem-nong/", {"issue": issue_id})
        .status_code
        == 403
    )
    client.post(f"/tiep-dan-don-thu/don/{case.pk}/diem-nong/", {"issue": "abc"}, follow=True)


def test_the_demo_is_idempotent():
    from danvan.petitions.models import FormReport, Petition, ReceptionEntry

    counts = (FormReport.objects.count(), Petition.objects.count(), ReceptionEntry.objects.count())
    assert provider().load_demo() == {"forms": 0, "sessions": 0, "petitions": 0}
    assert counts == (
        FormReport.objects.count(),
        Petition.objects.count(),
        ReceptionEntry.objects.count(),
    )
