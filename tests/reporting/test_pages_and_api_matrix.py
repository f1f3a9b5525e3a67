"""Every role against every page and endpoint of the reporting cycle, on the demo cycles.
Expected statuses written by hand from the rules: reporters see and write their own unit's
report; coordinators issue, review and see the board of their subtree; leaders see the board
and the consolidation read-only; viewers see reports; superusers everything."""

import json

import pytest
from django.contrib.auth import get_user_model

from danvan.reporting.models import Assignment, ReportRequest, Revision

USERS = [
    None,
    "admin",
    "dn.dieuphoi",
    "dn.lanhdao",
    "dn.baocao",
    "ct.dieuphoi",
    "ct.baocao",
    "dn.xem",
]

# name: (method, path template, body); {dn} = Đà Nẵng 2022 request, {catp} = police's assignment,
# {ctduk} = Cần Thơ bloc committee's assignment, {ctubnd} = Cần Thơ People's Committee's (never sent).
ENDPOINTS = {
    "inbox": ("get", "/bao-cao/hop-thu/", None),
    "requests": ("get", "/bao-cao/yeu-cau/", None),
    "issue_page": ("get", "/bao-cao/yeu-cau/moi/", None),
    "board": ("get", "/bao-cao/yeu-cau/{dn}/", None),
    "board_csv": ("get", "/bao-cao/yeu-cau/{dn}/xuat.csv", None),
    "board_xlsx": ("get", "/bao-cao/yeu-cau/{dn}/xuat.xlsx", None),
    "sub_catp": ("get", "/bao-cao/nop/{catp}/", None),
    "sub_ctduk": ("get", "/bao-cao/nop/{ctduk}/", None),
    "templates": ("get", "/bao-cao/de-cuong/", None),
    "indicators": ("get", "/bao-cao/chi-tieu/", None),
    "consolidation": ("get", "/tong-hop/?yeu-cau={dn}", None),
    "consolidation_xlsx": ("get", "/tong-hop/xuat.xlsx?don-vi=DN-TU&ky=2022S1", None),
    "notifications": ("get", "/thong-bao/", None),
    "api_inbox": ("get", "/api/reporting/inbox", None),
    "api_board": ("get", "/api/reporting/requests/{dn}/board", None),
    "api_sub_catp": ("get", "/api/reporting/assignments/{catp}", None),
    "api_save_ctubnd": (
        "post",
        "/api/reporting/assignments/{ctubnd}/save",
        {"base_version": 0, "sections": {}, "values": {}},
    ),
    "api_consolidation": ("get", "/api/consolidation?unit=DN-TU&period=2022S1", None),
    "api_indicators": ("get", "/api/indicators", None),
}

EXPECTED = {
    #              inbox req  iss  brd  csv  xlsx catp ctduk tmpl ind  cons cxls notif ainb abrd acatp asave acons aind
    None: (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        401,
        401,
        401,
        401,
        401,
        401,
    ),
    "admin": (
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        400,
        200,
        200,
    ),
    "dn.dieuphoi": (
        403,
        200,
        200,
        200,
        200,
        200,
        200,
        403,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        403,
        200,
        200,
    ),
    "dn.lanhdao": (
        403,
        200,
        403,
        200,
        200,
        200,
        200,
        403,
        403,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        403,
        200,
        200,
    ),
    "dn.baocao": (
        200,
        403,
        403,
        403,
        403,
        403,
        200,
        403,
        403,
        200,
        403,
        403,
        200,
        200,
        403,
        200,
        403,
        403,
        200,
    ),
    "ct.dieuphoi": (
        403,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
        200,
        200,
        403,
        403,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
    ),
    "ct.baocao": (
        200,
        403,
        403,
        403,
        403,
        403,
        403,
        200,
        403,
        200,
        403,
        403,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
    ),
    # Viewers read every request, board, submitted report and consolidation in scope.
    "dn.xem": (
        403,
        200,
        403,
        200,
        200,
        200,
        200,
        403,
        403,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        403,
        200,
        200,
    ),
}

CASES = [
    (u, name, status)
    for u, statuses in EXPECTED.items()
    for name, status in zip(ENDPOINTS, statuses, strict=True)
]


@pytest.fixture
def ids(db):
    dn = ReportRequest.objects.get(issuer__code="DN-BDVTU", period__code="2022S1")
    return {
        "dn": dn.pk,
        "catp": Assignment.objects.get(request=dn, unit__code="DN-CATP").pk,
        "ctduk": Assignment.objects.get(request__period__code="2019S1", unit__code="CT-DUK").pk,
        "ctubnd": Assignment.objects.get(request__period__code="2019S1", unit__code="CT-UBND").pk,
    }


@pytest.mark.parametrize(
    ("username", "endpoint", "expected"),
    CASES,
    ids=[f"{u or 'anonymous'}-{e}" for u, e, _ in CASES],
)
def test_reporting_matrix(client, ids, username, endpoint, expected):
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    method, path, body = ENDPOINTS[endpoint]
    path = path.format(**ids)
    revisions_before = Revision.objects.count()
    if method == "get":
        response = client.get(path)
    else:
        response = client.post(path, json.dumps(body), content_type="application/json")
    assert response.status_code == expected, response.content.decode()[:300]
    if expected == 403:
        text = response.content.decode()
        assert "quyền" in (json.loads(text)["detail"] if path.startswith("/api/") else text)
    if method == "post":
        assert Revision.objects.count() == revisions_before


def test_refused_save_on_a_locked_report_says_why(client, ids):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.post(
        f"/api/reporting/assignments/{ids['ctubnd']}/save",
        json.dumps({"base_version": 0, "sections": {}, "values": {}}),
        content_type="application/json",
    )
    assert (
        response.json()["detail"]
        == "Số liệu đã khóa từ sau ngày 15/07/2019; liên hệ đơn vị yêu cầu để được mở khóa."
    )


def test_board_csv_lists_the_late_border_guard(client, ids):
    client.force_login(get_user_model().objects.get(username="dn.lanhdao"))
    text = client.get(f"/bao-cao/yeu-cau/{ids['dn']}/xuat.csv").content.decode("utf-8-sig")
    lines = text.splitlines()
    assert (
        lines[0]
        == "Mã đơn vị,Đơn vị,Trạng thái,Nộp lần đầu,Nộp lần cuối,Đúng hạn,Tiếp nhận,Trả lại"
    )
    assert (
        "DN-BDBP,Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng,Đã nộp,20/06/2022 10:00,20/06/2022 10:00,Trễ hạn,,"
        in lines
    )
    assert len(lines) == 5


def test_consolidation_xlsx_has_the_samples_totals(client, ids):
    import io

    from openpyxl import load_workbook

    client.force_login(get_user_model().objects.get(username="dn.dieuphoi"))
    content = client.get(f"/tong-hop/xuat.xlsx?yeu-cau={ids['dn']}").content
    sheet = load_workbook(io.BytesIO(content))["Tổng hợp"]
    values = {
        (row[0], row[2] or None): row[4] for row in sheet.iter_rows(min_row=3, values_only=True)
    }
    assert values[("tiep-cong-dan-luot", None)] == 1868
    assert values[("tiep-cong-dan-nguoi", None)] == 1817
    assert values[("don-tiep-nhan", None)] == 2403
    assert values[("don-tiep-nhan", "Kiến nghị, phản ánh")] == 2173
    assert values[("tin-bai", None)] == 161 + 8692


def test_api_refuses_a_bad_document_symbol_and_a_dissolved_unit_in_vietnamese(client, db):
    from danvan.reporting.models import ReportTemplate

    client.force_login(get_user_model().objects.get(username="dn.dieuphoi"))
    template = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang")
    before = ReportRequest.objects.count()
    body = {
        "issuer_code": "DN-BTGDVTU",
        "title": "Thử",
        "template_id": template.pk,
        "period": "2026S2",
        "unit_codes": ["DN-CATP", "DN-QU-HC"],
        "deadline": "2030-12-15",
        "document_symbol": "không-phải-số",
    }
    response = client.post(
        "/api/reporting/requests", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400
    assert "Đơn vị Quận ủy Hải Châu không còn hoạt động vào ngày" in " ".join(
        response.json()["errors"]
    )
    body["unit_codes"] = ["DN-CATP"]
    response = client.post(
        "/api/reporting/requests", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400
    assert (
        response.json()["detail"]
        == "Số ký hiệu 'không-phải-số' không hợp lệ (ví dụ: 644-CV/BDVTU hoặc 329/BC-UBND)."
    )
    assert ReportRequest.objects.count() == before


def test_a_coordinator_cannot_issue_with_another_provinces_template(client, db):
    from danvan.reporting.models import ReportTemplate

    client.force_login(get_user_model().objects.get(username="ct.dieuphoi"))
    template = ReportTemplate.objects.get(
        code="phoi-hop-dan-van-6-thang"
    )  # owned by Thành ủy Đà Nẵng
    before = ReportRequest.objects.count()
    body = {
        "issuer_code": "CT-BTGDVTU",
        "title": "Thử",
        "template_id": template.pk,
        "period": "2026S2",
        "unit_codes": ["CT-UBND"],
        "deadline": "2030-12-15",
    }
    response = client.post(
        "/api/reporting/requests", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400
    assert "thuộc đơn vị ngoài phạm vi điều phối của bạn" in response.json()["detail"]
    assert ReportRequest.objects.count() == before


def test_an_invalid_unlock_date_keeps_the_exception(client, ids):
    import datetime as dt

    assignment = Assignment.objects.get(pk=ids["catp"])
    Assignment.objects.filter(pk=assignment.pk).update(lock_exception_until=dt.date(2030, 1, 1))
    client.force_login(get_user_model().objects.get(username="dn.dieuphoi"))
    response = client.post(f"/bao-cao/nop/{assignment.pk}/mo-khoa/", {"until": "32/13/2030"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.lock_exception_until == dt.date(2030, 1, 1)
