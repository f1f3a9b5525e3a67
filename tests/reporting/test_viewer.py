"""The viewer (dn.xem, on Thành ủy Đà Nẵng) reads every request, board, submitted report and
consolidation in scope, never a draft, and changes nothing: no write button is shown and
every write answers 403 in Vietnamese with nothing changed."""

import json

import pytest
from django.contrib.auth import get_user_model

from danvan.demo.current import BOARD, half_year_title, quarter_title
from danvan.reporting.clock import today
from danvan.reporting.models import Assignment, ReportRequest, Revision

from .cycle import DA_NANG_TITLE, snapshot

WRITE_BUTTONS = ("Lưu nháp", "Nộp báo cáo", "Tiếp nhận", "Trả lại", "Nhập từ tệp", "mo-khoa")


@pytest.fixture
def viewer(client, db):
    client.force_login(get_user_model().objects.get(username="dn.xem"))
    return client


def said(response) -> str:
    text = response.content.decode()
    return (
        response.json()["detail"]
        if response["Content-Type"].startswith("application/json")
        else text
    )


def assignment(title, unit_code):
    return Assignment.objects.get(request__title=title, unit__code=unit_code)


def test_the_menu_lists_what_a_viewer_can_open(viewer):
    page = viewer.get("/").content.decode()
    nav = page[page.index('<nav class="sidenav"') : page.index("</nav>")]
    for label in ("Yêu cầu báo cáo", "Tổng hợp", "Sổ văn bản", "Cây đơn vị"):
        assert f">{label}</a>" in nav
    for label in ("Báo cáo cần nộp", "Đề cương", "Nhập báo cáo từ tệp", "Phân quyền"):
        assert f">{label}</a>" not in nav


def test_the_request_list_and_boards_are_read_only(viewer):
    page = viewer.get("/bao-cao/yeu-cau/").content.decode()
    for title in (DA_NANG_TITLE, half_year_title(today()), quarter_title(today())):
        assert title in page
    assert "Ban hành yêu cầu mới" not in page
    current = ReportRequest.objects.get(title=half_year_title(today()), issuer__code=BOARD)
    board = viewer.get(f"/bao-cao/yeu-cau/{current.pk}/").content.decode()
    border = assignment(current.title, "DN-BDBP")
    police = assignment(current.title, "DN-CATP")
    # The border guard has sent its report: a link. The police's is a draft: plain text.
    assert f'href="/bao-cao/nop/{border.pk}/"' in board
    assert f'href="/bao-cao/nop/{police.pk}/"' not in board
    assert "Công an thành phố Đà Nẵng" in board


def test_a_submitted_report_opens_without_any_write_button(viewer):
    border = assignment(half_year_title(today()), "DN-BDBP")
    page = viewer.get(f"/bao-cao/nop/{border.pk}/").content.decode()
    main = page[page.index("<main") :]
    assert "Phối hợp với các Hội đoàn thể thành phố" in main
    for label in WRITE_BUTTONS:
        assert label not in main, label
    assert "<textarea" not in main and 'method="post"' not in main


def test_a_draft_is_refused(viewer):
    police = assignment(half_year_title(today()), "DN-CATP")
    for path in (f"/bao-cao/nop/{police.pk}/", f"/api/reporting/assignments/{police.pk}"):
        response = viewer.get(path)
        assert response.status_code == 403
        assert "người xem chỉ đọc được báo cáo đã nộp" in said(response)


def test_only_submitted_versions_are_listed(viewer):
    catp = assignment(DA_NANG_TITLE, "DN-CATP")
    kinds = set(Revision.objects.filter(submission=catp.submission).values_list("kind", flat=True))
    data = viewer.get(f"/api/reporting/assignments/{catp.pk}").json()
    assert {r["kind"] for r in data["revisions"]} == kinds & {"submit", "accept"}


def test_every_write_is_refused_and_changes_nothing(viewer):
    border = assignment(half_year_title(today()), "DN-BDBP")
    before = snapshot(border.submission)
    requests_before = ReportRequest.objects.count()
    content = {"base_version": border.submission.version, "sections": {}, "values": {}}
    writes = [
        viewer.post(f"/bao-cao/nop/{border.pk}/", {"action": "save", "base_version": "1"}),
        viewer.post(f"/bao-cao/nop/{border.pk}/tiep-nhan/"),
        viewer.post(f"/bao-cao/nop/{border.pk}/tra-lai/", {"comment": "Không."}),
        viewer.post(f"/bao-cao/nop/{border.pk}/mo-khoa/", {"until": "31/12/2030"}),
        viewer.post("/bao-cao/yeu-cau/moi/", {"title": "Thử"}),
    ] + [
        viewer.post(
            f"/api/reporting/assignments/{border.pk}/{operation}",
            json.dumps(body),
            content_type="application/json",
        )
        for operation, body in (
            ("save", content),
            ("submit", content),
            ("accept", {}),
            ("return", {"comment": "Không."}),
        )
    ]
    for response in writes:
        assert response.status_code == 403, response.content.decode()[:300]
        assert "quyền" in said(response)
    assert snapshot(border.submission) == before
    assert ReportRequest.objects.count() == requests_before


def test_the_consolidation_opens_without_export_of_documents(viewer):
    current = ReportRequest.objects.get(title=DA_NANG_TITLE)
    page = viewer.get(f"/tong-hop/?yeu-cau={current.pk}")
    assert page.status_code == 200
    assert "Xuất văn bản" not in page.content.decode()
