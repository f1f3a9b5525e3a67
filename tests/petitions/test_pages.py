"""The register's pages and API: who may see and do what (the permission matrix), filters,
pagination and empty states, bad input changing nothing, query counts on the lists."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from danvan.audit.models import AuditEvent
from danvan.petitions.models import Petition, ReceptionEntry, ReceptionSession

pytestmark = pytest.mark.django_db
BASE = "/tiep-dan-don-thu/"


def secretary_session():
    return ReceptionSession.objects.get(unit__code="DN-TU", date=dt.date(2022, 3, 15))


ENTRY = {
    "visitor_name": "Nguyễn Văn Tư",
    "visitor_address": "Hải Châu",
    "identity_number": "048090007777",
    "summary": "Kiến nghị về tiếng ồn công trình ban đêm",
    "kind": "kien_nghi",
    "people": "5",
    "routing": "huong_dan",
    "routing_to": "UBND phường Hải Châu",
}


@pytest.mark.parametrize(
    "path",
    [
        "",
        "so/",
        "don/",
        "bieu/",
        "bieu/?don-vi=DN-UBND&ky=2022S1",
        "thoi-han/",
        "don/?trang-thai=qua_han",
    ],
)
@pytest.mark.parametrize("username", ["admin", "dn.dieuphoi", "dn.lanhdao", "dn.baocao", "dn.xem"])
def test_every_role_in_scope_reads_the_pages(login_client, username, path):
    assert login_client(username).get(BASE + path).status_code == 200


def test_anonymous_is_sent_to_login(client):
    response = client.get(BASE + "so/")
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


@pytest.mark.parametrize(
    ("username", "status"), [("dn.dieuphoi", 302), ("dn.xem", 403), ("dn.lanhdao", 403)]
)
def test_who_may_write_the_book(login_client, username, status):
    session = secretary_session()
    before = ReceptionEntry.objects.count()
    response = login_client(username).post(f"{BASE}so/{session.pk}/luot/", ENTRY)
    assert response.status_code == status
    assert ReceptionEntry.objects.count() == before + (1 if status == 302 else 0)
    if status == 403:
        assert "quyền" in response.content.decode()


def test_another_province_gets_404_and_a_reporter_of_another_unit_403(login_client):
    session = secretary_session()
    assert login_client("ct.dieuphoi").get(f"{BASE}so/{session.pk}/").status_code == 404
    petition = Petition.objects.get(reference="KN-2026-118")
    assert login_client("ct.dieuphoi").get(f"{BASE}don/{petition.pk}/").status_code == 404
    # dn.baocao reports for the Police: the People's Committee's case is out of scope.
    assert login_client("dn.baocao").get(f"{BASE}don/{petition.pk}/").status_code == 404


def test_an_entry_of_five_is_a_delegation_and_is_audited(login_client):
    session = secretary_session()
    login_client("dn.dieuphoi").post(f"{BASE}so/{session.pk}/luot/", ENTRY)
    entry = ReceptionEntry.objects.latest("pk")
    assert entry.delegation and entry.people == 5
    event = AuditEvent.objects.filter(action="petitions.entry").latest("pk")
    assert "đoàn đông người" in event.summary and "Tư" not in event.summary


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"people": "0"}, "lớn hơn hoặc bằng"),
        ({"summary": ""}, "bắt buộc"),
        ({"kind": "khac"}, "lựa chọn hợp lệ"),
        ({"routing": "chuyen_don", "routing_document": ""}, "số văn bản chuyển"),
        ({"identity_number": "048-09"}, "chỉ gồm chữ và số"),
    ],
)
def test_bad_entries_change_nothing_and_say_why(login_client, change, message):
    session = secretary_session()
    before = ReceptionEntry.objects.count()
    response = login_client("dn.dieuphoi").post(f"{BASE}so/{session.pk}/luot/", {**ENTRY, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ReceptionEntry.objects.count() == before


def test_session_rules_of_2026(login_client):
    client = login_client("dn.dieuphoi")
    data = {"unit": "DN-UBND", "date": "2022-03-01", "host_name": "Ông A", "host_role": "chu_tich",
            "kind": "dinh_ky", "mode": "truc_tuyen"}  # fmt: skip
    response = client.post(f"{BASE}so/moi/", data)
    assert "Tiếp công dân trực tuyến chỉ có từ ngày 01/7/2026" in response.content.decode()
    response = client.post(
        f"{BASE}so/moi/",
        {**data, "date": "2026-08-03", "host_role": "uy_quyen", "mode": "truc_tiep"},
    )
    assert "không được ủy quyền" in response.content.decode()
    response = client.post(f"{BASE}so/moi/", {**data, "date": "2026-08-03", "mode": "truc_tuyen"})
    assert response.status_code == 302
    assert ReceptionSession.objects.filter(date=dt.date(2026, 8, 3), mode="truc_tuyen").exists()


def test_conclusion_is_a_registry_document_and_tasks_are_followed(login_client):
    client = login_client("dn.dieuphoi")
    response = client.post(f"{BASE}so/moi/", {"unit": "DN-TU", "date": "2026-11-10", "host_name": "Bí thư C",
                                              "host_role": "bi_thu", "kind": "dinh_ky", "mode": "truc_tiep",
                                              "party_rule": "on"})  # fmt: skip
    session = ReceptionSession.objects.get(host_name="Bí thư C")
    assert response["Location"].endswith(f"/so/{session.pk}/")
    client.post(
        f"{BASE}so/{session.pk}/nhiem-vu/",
        {"title": "Trả lời dân", "unit": "DN-UBND", "due": "2026-11-30"},
    )
    assert not session.tasks.exists()  # a conclusion notice first
    client.post(f"{BASE}so/{session.pk}/ket-luan/", {"symbol": "88-TB/TU", "date": "2026-11-12"})
    session.refresh_from_db()
    assert session.conclusion.symbol == "88-TB/TU" and session.conclusion.kind == "Thông báo"
    client.post(
        f"{BASE}so/{session.pk}/nhiem-vu/",
        {"title": "Trả lời dân", "unit": "DN-UBND", "due": "2026-11-30"},
    )
    task = session.tasks.get()
    page = client.get(BASE).content.decode()
    assert "Trả lời dân" in page
    client.post(
        f"{BASE}nhiem-vu/{task.pk}/xong/", {"done_on": "2026-11-20", "result": "Đã trả lời"}
    )
    task.refresh_from_db()
    assert task.done_on == dt.date(2026, 11, 20)


def test_petition_list_filters_search_and_query_count(login_client, django_assert_max_num_queries):
    client = login_client("dn.dieuphoi")
    with django_assert_max_num_queries(25):
        page = client.get(BASE + "don/").content.decode()
    assert "KN-2026-118" in page and "TC-2026-041" in page
    page = client.get(BASE + "don/?q=hop+thuc+hoa").content.decode()  # no diacritics
    assert "TC-2026-041" in page and "KN-2026-118" not in page
    page = client.get(BASE + "don/?loai=khieu_nai").content.decode()
    assert "TC-2026-041" not in page
    assert "Không có đơn nào khớp" in client.get(BASE + "don/?q=khong+co+gi+ca").content.decode()
    with django_assert_max_num_queries(25):
        assert client.get(BASE + "so/").status_code == 200


def test_petition_events_through_the_page(login_client):
    client = login_client("dn.dieuphoi")
    response = client.post(f"{BASE}don/moi/", {"unit": "DN-UBND", "reference": "KN-T-1", "received_on": "2026-11-02",
                                               "kind": "khieu_nai", "round": "1", "summary": "Khiếu nại thử",
                                               "people": "1"})  # fmt: skip
    petition = Petition.objects.get(reference="KN-T-1")
    assert response["Location"].endswith(f"/don/{petition.pk}/")
    client.post(
        f"{BASE}don/{petition.pk}/su-kien/",
        {"kind": "thu_ly", "date": "2026-11-05", "routing": "thu_ly"},
    )
    page = client.get(f"{BASE}don/{petition.pk}/").content.decode()
    # 30 days from Thu 05/11/2026 = Sat 05/12/2026 → Mon 07/12/2026.
    assert "Giải quyết khiếu nại lần đầu" in page and "07/12/2026" in page
    response = client.post(
        f"{BASE}don/{petition.pk}/su-kien/", {"kind": "tiep_tuc", "date": "2026-11-06"}, follow=True
    )
    assert "Chỉ tiếp tục giải quyết sau khi đã tạm đình chỉ" in response.content.decode()
    assert petition.events.count() == 1
    assert (
        login_client("dn.xem")
        .post(f"{BASE}don/{petition.pk}/su-kien/", {"kind": "thu_ly"})
        .status_code
        == 403
    )


def test_forms_page_export_reads_back(login_client):
    client = login_client("dn.xem")
    page = client.get(BASE + "bieu/?don-vi=DN-UBND&ky=2022S1").content.decode()
    assert "1868" in page and "2403" in page
    response = client.get(
        BASE + "bieu/xuat.xlsx?bieu=01/TCD&don-vi=DN-UBND&tu=15/12/2021&den=14/06/2022"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Mã đơn vị", "Từ ngày", "Đến ngày", "(1) Tổng số lượt tiếp")
    assert rows[1][0] == "DN-UBND" and rows[1][3] == 1868


def test_rules_page_admin_confirms_and_others_cannot(login_client):
    from danvan.petitions.models import TimeLimitRule

    rule = TimeLimitRule.objects.filter(confirmed=False).first()
    assert "chưa xác minh" in login_client("dn.xem").get(BASE + "thoi-han/").content.decode()
    assert (
        login_client("dn.dieuphoi")
        .post(f"{BASE}thoi-han/{rule.pk}/xac-nhan/", {"days": "7", "basis": "x"})
        .status_code
        == 403
    )
    login_client("admin").post(
        f"{BASE}thoi-han/{rule.pk}/xac-nhan/", {"days": "7", "basis": rule.basis}
    )
    rule.refresh_from_db()
    assert rule.confirmed


def test_api_petitions_and_figures(client, bearer):
    headers = bearer("dn.xem")
    rows = client.get("/api/petitions/petitions?kind=to_cao", headers=headers).json()["items"]
    tc = next(r for r in rows if r["reference"] == "TC-2026-041")
    assert tc["clocks"][1]["due"] == "2026-11-27" and "Điều 30" in tc["clocks"][1]["basis"]
    figures = client.get(
        "/api/petitions/figures?unit=DN-UBND&date_from=2021-12-15&date_to=2022-06-14",
        headers=headers,
    ).json()
    assert {f["key"]: f["value"] for f in figures}["tcd_luot"] == 1868
    assert (
        client.get(
            "/api/petitions/figures?unit=CT-UBND&date_from=2021-12-15&date_to=2022-06-14",
            headers=headers,
        ).status_code
        == 404
    )
    forms = client.get(
        "/api/petitions/forms?unit=DN-UBND&date_from=2021-12-15&date_to=2022-06-14", headers=headers
    ).json()
    assert all(f["errors"] == [] for f in forms)


def test_api_writes_an_entry_only_for_managers(client, bearer):
    session = secretary_session()
    url = f"/api/petitions/sessions/{session.pk}/entries"
    payload = {"visitor_name": "Lê Văn Bảy", "summary": "Hỏi chế độ", "kind": "kien_nghi"}
    assert (
        client.post(
            url, payload, content_type="application/json", headers=bearer("dn.xem")
        ).status_code
        == 403
    )
    response = client.post(
        url, payload, content_type="application/json", headers=bearer("dn.dieuphoi")
    )
    assert response.status_code == 201 and response.json()["visitor"] == "Lê Văn Bảy"
    bad = client.post(
        url,
        {**payload, "routing": "chuyen_don"},
        content_type="application/json",
        headers=bearer("dn.dieuphoi"),
    )
    assert bad.status_code == 400 and "số văn bản" in bad.json()["detail"]


def test_lone_surrogates_are_refused_by_the_services(demo_user):
    from danvan.petitions import services
    from danvan.petitions.errors import PetitionError

    with pytest.raises(PetitionError, match="ký tự không hợp lệ"):
        services.add_entry(
            demo_user("dn.dieuphoi"), session=secretary_session(), visitor_name="Tên \udfff lạ",
            summary="x", kind="kien_nghi",
        )  # fmt: skip
