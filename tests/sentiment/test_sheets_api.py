"""The XLSX batch (checked row by row, nothing written on a fault; the export reads back) and
the API (recording, refusals in Vietnamese, scope)."""

import io

from openpyxl import Workbook, load_workbook

from danvan.sentiment.models import Signal

HEADER = [
    "Ngày nắm được",
    "Mã đơn vị",
    "Địa bàn",
    "Kênh",
    "Chủ đề",
    "Nhóm xã hội",
    "Khuynh hướng",
    "Cường độ",
    "Mức lan tỏa",
    "Chủ trương, sự kiện",
    "Nội dung",
]


def xlsx(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = (
    "05/11/2026",
    "",
    "Ấp 3",
    "Cộng tác viên dư luận xã hội",
    "gia ca – viec lam – thu nhap",
    "Nông dân, thanh nien",
    "Băn khoăn",
    "Mạnh",
    "Nhiều",
    "",
    "Giá phân bón tăng, nông dân lo thu nhập vụ lúa.",
)


def upload(client, data, unit="CT-DUCQD"):
    file = io.BytesIO(data)
    file.name = "y-kien.xlsx"
    return client.post("/tinh-hinh-nhan-dan/y-kien/nhap/", {"unit": unit, "file": file})


def test_a_good_batch_is_written(login_client):
    client = login_client("ct.baocao")
    second = list(GOOD)
    second[1], second[10] = "CT-DUCQD-BAOCT", "Phóng viên phản ánh người dân phấn khởi."
    second[6] = "tan thanh"
    response = upload(client, xlsx(GOOD, second))
    assert response.status_code == 302
    created = Signal.objects.filter(
        observed_on="2026-11-05", unit__code__startswith="CT-"
    ).order_by("id")
    assert [(s.unit.code, s.topic.code, s.direction, s.intensity) for s in created] == [
        ("CT-DUCQD", "gia-ca", "ban_khoan", 3),
        ("CT-DUCQD-BAOCT", "gia-ca", "tan_thanh", 3),
    ]
    assert sorted(g.code for g in created[0].groups.all()) == ["nong-dan", "thanh-nien"]


def test_one_wrong_row_writes_nothing_and_every_fault_is_named(login_client):
    client = login_client("ct.baocao")
    bad = list(GOOD)
    bad[0], bad[4], bad[1] = "31/02/2026", "Thời tiết", "DN-CATP"
    future = list(GOOD)
    future[0] = "01/01/2099"
    before = Signal.objects.count()
    response = upload(client, xlsx(GOOD, bad, future))
    body = response.content.decode()
    assert response.status_code == 400
    assert "Dòng 3, cột “Ngày nắm được”: ngày “31/02/2026” không có thật" in body
    assert "Dòng 3, cột “Chủ đề”: “Thời tiết” không có trong danh mục" in body
    assert "Dòng 4: Ngày nắm được (01/01/2099) chưa đến." in body
    assert Signal.objects.count() == before


def test_a_unit_outside_the_chosen_one_is_refused(login_client):
    row = list(GOOD)
    row[1] = "DN-CATP"
    response = upload(login_client("ct.baocao"), xlsx(row))
    assert "Dòng 2: đơn vị Công an thành phố Đà Nẵng ngoài phạm vi ghi nhận của bạn." in (
        response.content.decode()
    )


def test_the_export_reads_back_and_the_template_explains(login_client):
    client = login_client("ct.baocao")
    export = client.get(
        "/tinh-hinh-nhan-dan/y-kien/xuat/?don-vi=CT-DUK&tu=01/01/2019&den=30/06/2019"
    )
    sheet = load_workbook(io.BytesIO(export.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER and len(rows) == 12
    assert any("BOT T2" in str(r[10]) for r in rows[1:])
    before = Signal.objects.count()
    assert upload(client, export.content, unit="CT-DUCQD").status_code == 400  # CT-DUK units
    assert Signal.objects.count() == before
    template = load_workbook(io.BytesIO(client.get("/tinh-hinh-nhan-dan/y-kien/mau/").content))
    assert template.sheetnames[1] == "Hướng dẫn"


def test_api_records_and_refuses_in_vietnamese(login_client):
    client = login_client("ct.baocao")
    payload = {
        "unit": "CT-DUCQD",
        "observed_on": "2026-11-12",
        "channel": "bao_chi",
        "topic": "moi-truong",
        "direction": "phan_doi",
        "spread": "mot_so",
        "text": "Phản ánh mùi hôi từ bãi rác.",
        "groups": ["nong-dan"],
        "source_name": "Phóng viên Báo Cần Thơ",
    }
    created = client.post("/api/sentiment/signals", payload, content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert body["source"] == "Phóng viên Báo Cần Thơ" and body["groups"] == ["nong-dan"]
    bad = client.post(
        "/api/sentiment/signals",
        {**payload, "text": "TUYỆT MẬT"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "Luật Bảo vệ bí mật nhà nước" in bad.json()["detail"]
    missing = client.get("/api/sentiment/signals/999999999")
    assert missing.status_code == 404
    other = login_client("dn.baocao").post(
        "/api/sentiment/signals", payload, content_type="application/json"
    )
    assert other.status_code == 403 and "không có quyền" in other.json()["detail"]


def test_api_issues_and_actions(login_client):
    client = login_client("dn.dieuphoi")
    listed = client.get("/api/sentiment/issues?level=nguy_co").json()
    assert listed["count"] == 3
    issue_id = listed["items"][0]["id"]
    detail = client.get(f"/api/sentiment/issues/{issue_id}").json()
    assert detail["actions"] and detail["actions"][0]["date"].startswith("20")
    answer = client.post(
        f"/api/sentiment/issues/{issue_id}/actions",
        {"date": "2026-12-01", "text": "Đối thoại lần 2", "level": "nguy_co", "status": "on_dinh"},
        content_type="application/json",
    )
    assert answer.status_code == 201 and answer.json()["status"] == "on_dinh"
    refused = client.post(
        f"/api/sentiment/issues/{issue_id}/actions",
        {"date": "2026-12-01", "text": "", "level": "x", "status": "on_dinh"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert client.get("/api/sentiment/report?unit=CT-DUK&period=2019S1").status_code == 403
    # (login_client logs the same test client in again, as someone else.)
    assert login_client("ct.dieuphoi").get(f"/api/sentiment/issues/{issue_id}").status_code == 404
