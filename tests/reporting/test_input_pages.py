"""Bad input on the pages: what was typed comes back with a Vietnamese message beside it,
drafts keep rules between values, and the hand-found family of server errors (lone
surrogates, long titles, damaged zip members, numbers past 64 bits) answers 4xx, on both
databases. Error pages speak Vietnamese in the site's frame with a way back."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.db import connection
from django.urls import path

from danvan.imports.models import Batch
from danvan.reporting.models import ReportRequest, ReportTemplate, Revision
from danvan.urls import urlpatterns as site_urls
from reporting.cycle import issue, submission_of

pytestmark = pytest.mark.django_db

HUGE = 2**64


@pytest.fixture
def report():
    """A draft of the city police (reporter dn.baocao) on a form of every indicator."""
    request = issue(units=["DN-CATP"])
    return submission_of(request, "DN-CATP")


def post_report(client, submission, values=None, sections=None, action="save", base=None):
    data = {
        "base_version": submission.version if base is None else base,
        "action": action,
        **{f"value:{k}": v for k, v in (values or {}).items()},
        **{f"section:{k}": v for k, v in (sections or {}).items()},
    }
    return client.post(f"/bao-cao/nop/{submission.assignment_id}/", data)


def test_what_was_typed_comes_back_with_the_message_beside_each_field(login_client, report):
    client = login_client("dn.baocao")
    response = post_report(
        client,
        report,
        {"tin-bai": "abc", "tiep-cong-dan-luot": "12,5", "chi-so-hai-long": "95.5"},
        {"ket-qua": "Đoạn đã gõ, không được mất."},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'name="value:tin-bai" value="abc"' in page
    assert 'name="value:tiep-cong-dan-luot" value="12,5"' in page
    assert "Đoạn đã gõ, không được mất.</textarea>" in page
    assert (
        '<span class="field-error" id="error-tin-bai">Tin, bài tuyên truyền: “abc” không phải là số '
        "(ví dụ: 1.868 hoặc 95,5).</span>"
    ) in page
    assert (
        "Tiếp công dân (lượt): phải là số nguyên vì đơn vị tính là “lượt” (đã nhập 12,5)." in page
    )
    assert "phần thập phân viết sau dấu phẩy (ví dụ: 95,5)" in page
    assert report.revisions.count() == 0


def test_figures_typed_the_vietnamese_ways_are_kept(login_client, report):
    client = login_client("dn.baocao")
    response = post_report(
        client,
        report,
        {"tiep-cong-dan-luot": "1 868", "tiep-cong-dan-nguoi": "1.817", "chi-so-hai-long": "95,5"},
    )
    assert response.status_code == 302
    assert report.revisions.get().values == {
        "chi-so-hai-long": "95.5",
        "tiep-cong-dan-luot": "1868",
        "tiep-cong-dan-nguoi": "1817",
    }
    page = client.get(f"/bao-cao/nop/{report.assignment_id}/").content.decode()
    assert 'name="value:tiep-cong-dan-luot" value="1.868"' in page
    assert 'name="value:chi-so-hai-long" value="95,5"' in page


def test_a_draft_breaking_a_rule_is_saved_and_its_page_says_what_blocks_submitting(
    login_client, report
):
    client = login_client("dn.baocao")
    rule = (
        "Số lượt lãnh đạo tiếp dân không được lớn hơn tổng số lượt tiếp công dân (348 so với 347)."
    )
    values = {"lanh-dao-tiep-luot": "348", "tiep-cong-dan-luot": "347"}
    assert post_report(client, report, values).status_code == 302
    page = client.get(f"/bao-cao/nop/{report.assignment_id}/").content.decode()
    assert 'id="draft-warnings"' in page and rule in page
    report.refresh_from_db()
    response = post_report(client, report, values, {"ket-qua": "Nội dung."}, action="submit")
    assert response.status_code == 400
    assert rule in response.content.decode()
    report.refresh_from_db()
    assert report.status == "draft"


def test_an_edit_conflict_keeps_what_was_typed(login_client, report):
    client = login_client("dn.baocao")
    opened = report.version
    assert post_report(client, report, {"tin-bai": "5"}).status_code == 302
    response = post_report(
        client, report, {"tin-bai": "7"}, {"ket-qua": "Bản của tôi."}, base=opened
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "đã được lưu bởi người khác" in page
    assert "Bản của tôi.</textarea>" in page and 'name="value:tin-bai" value="7"' in page


def test_a_base_version_that_is_not_a_number_is_a_conflict_not_an_error(login_client, report):
    client = login_client("dn.baocao")
    for base in ("²", str(HUGE), "-1", "abc"):
        assert post_report(client, report, {"tin-bai": "5"}, base=base).status_code == 409


def _issue_form(template_pk, **changes):
    data = {
        "title": "Báo cáo công tác dân vận 6 tháng đầu năm 2026",
        "issuer": "DN-BTGDVTU",
        "template": template_pk,
        "period_kind": "S1",
        "period_year": "2026",
        "regime": "party",
        "units": ["DN-CATP"],
        "deadline": "2030-12-15",
        "grace_days": "0",
    }
    data.update(changes)
    return data


def test_a_period_is_picked_by_kind_and_year_and_shown_by_name(login_client):
    client = login_client("dn.dieuphoi")
    page = client.get("/bao-cao/yeu-cau/moi/").content.decode()
    assert '<select name="period_kind"' in page and '<select name="period_year"' in page
    assert '<optgroup label="6 tháng">' in page
    assert '<option value="S1"' in page and ">6 tháng đầu năm</option>" in page
    assert '<option value="N9">9 tháng đầu năm</option>' in page
    template = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)
    response = client.post("/bao-cao/yeu-cau/moi/", _issue_form(template.pk))
    assert response.status_code == 302
    created = ReportRequest.objects.get(title="Báo cáo công tác dân vận 6 tháng đầu năm 2026")
    assert created.period.code == "2026S1"
    assert response["Location"] == f"/bao-cao/yeu-cau/{created.pk}/"
    assert "6 tháng đầu năm 2026" in client.get(response["Location"]).content.decode()


def test_a_request_title_over_300_characters_is_refused_beside_the_field(login_client):
    client = login_client("dn.dieuphoi")
    template = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)
    before = ReportRequest.objects.count()
    long_title = "Báo cáo " + "rất dài " * 40
    response = client.post(
        "/bao-cao/yeu-cau/moi/",
        _issue_form(template.pk, title=long_title, period_kind="Q7", period_year="20266"),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert f"Giá trị này chỉ có tối đa 300 kí tự (hiện có {len(long_title.strip())})" in page
    assert "Hãy chọn một lựa chọn hợp lệ. Q7 không phải là một trong các lựa chọn khả thi." in page
    assert long_title.strip() in page
    assert ReportRequest.objects.count() == before


def test_a_request_title_over_300_characters_is_refused_by_the_service(client, demo_user):
    client.force_login(demo_user("dn.dieuphoi"))
    template = ReportTemplate.objects.get(code="phoi-hop-dan-van-6-thang", version=1)
    body = {
        "issuer_code": "DN-BTGDVTU",
        "title": "x" * 301,
        "template_id": template.pk,
        "period": "2026S2",
        "unit_codes": ["DN-CATP"],
        "deadline": "2030-12-15",
    }
    response = client.post(
        "/api/reporting/requests", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400
    assert "Tên yêu cầu báo cáo dài 301 ký tự; tối đa 300." in response.json()["detail"]
    assert not ReportRequest.objects.filter(title="x" * 301).exists()


def test_a_lone_surrogate_in_a_json_narrative_is_refused_in_vietnamese(client, demo_user, report):
    client.force_login(demo_user("dn.baocao"))
    # Written out by hand: json.dumps would not let a lone surrogate through.
    body = '{"base_version": VERSION, "sections": {"ket-qua": "Tr\\u01b0\\u1edbc \\ud800 sau"}}'
    body = body.replace("VERSION", str(report.version))
    response = client.post(
        f"/api/reporting/assignments/{report.assignment_id}/save",
        body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Yêu cầu chứa ký tự không hợp lệ (nửa cặp ký tự")
    assert report.revisions.count() == 0


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="PostgreSQL's jsonb cannot hold a lone surrogate at all; only SQLite kept some",
)
def test_a_report_stored_with_a_lone_surrogate_still_displays(login_client, report):
    Revision.objects.create(
        submission=report, number=1, kind="save", sections={"ket-qua": "Trước\ud800sau"}
    )
    client = login_client("dn.baocao")
    page = client.get(f"/bao-cao/nop/{report.assignment_id}/")
    assert page.status_code == 200
    assert "Trước\ufffdsau</textarea>" in page.content.decode()
    api = client.get(f"/api/reporting/assignments/{report.assignment_id}")
    assert api.status_code == 200


def test_the_comparison_shows_names_titles_and_the_words_that_changed(login_client, report):
    client = login_client("dn.baocao")
    post_report(client, report, {"tin-bai": "161"}, {"ket-qua": "Tổ chức 12 buổi tuyên truyền."})
    report.refresh_from_db()
    post_report(client, report, {"tin-bai": "1.868"}, {"ket-qua": "Tổ chức 15 buổi tuyên truyền."})
    response = client.get(f"/bao-cao/nop/{report.assignment_id}/so-sanh/1/2/")
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        '<tr><td>Tin, bài tuyên truyền</td><td>tin, bài</td><td class="num">161</td>'
        '<td class="num">1.868</td></tr>'
    ) in page
    assert "<h3>II. Kết quả</h3>" in page
    assert "Tổ chức <del>12</del> buổi tuyên truyền." in page
    assert "Tổ chức <ins>15</ins> buổi tuyên truyền." in page
    assert "@@" not in page and "tin-bai" not in page


@pytest.mark.parametrize(
    "url",
    [
        "/bao-cao/nop/{a}/so-sanh/1/{huge}/",
        "/bao-cao/nop/{a}/so-sanh/{big}/1/",
        "/bao-cao/nop/{huge}/",
        "/bao-cao/yeu-cau/{huge}/",
        "/bao-cao/de-cuong/{huge}/",
        "/nhap-tep/lan/{huge}/",
        "/tong-hop/?yeu-cau={huge}",
        "/tong-hop/?yeu-cau=²",
    ],
)
def test_numbers_past_what_the_database_holds_find_nothing(login_client, report, url):
    client = login_client("dn.dieuphoi")
    response = client.get(url.format(a=report.assignment_id, huge=HUGE, big=2**40))
    page = response.content.decode()
    assert response.status_code == 404
    assert 'class="topbar"' in page and "về trang chủ" in page


def test_a_year_past_any_calendar_filters_nothing(login_client):
    client = login_client("dn.dieuphoi")
    assert client.get("/van-ban/so/", {"nam": str(HUGE)}).status_code == 200


def _zip_with_a_damaged_member() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("hong.txt", "Báo cáo công tác dân vận. " * 200)
        archive.writestr("lanh.txt", "Báo cáo công tác dân vận 6 tháng đầu năm 2019.")
    data = bytearray(buffer.getvalue())
    start = 30 + len("hong.txt")  # the first member's compressed bytes
    for offset in range(start + 5, start + 25):
        data[offset] ^= 0xFF
    return bytes(data)


def test_a_zip_with_a_damaged_member_reports_it_and_keeps_the_others(login_client):
    client = login_client("ct.dieuphoi")
    upload = io.BytesIO(_zip_with_a_damaged_member())
    upload.name = "lo-bao-cao.zip"
    response = client.post("/nhap-tep/lo/moi/", {"files": [upload]})
    assert response.status_code == 302
    batch = Batch.objects.latest("pk")
    rows = {row.name: row.error for row in batch.files.all()}
    assert rows == {"hong.txt": "Tệp trong tệp nén bị hỏng, không giải nén được.", "lanh.txt": ""}
    page = client.get(response["Location"]).content.decode()
    assert "Tệp trong tệp nén bị hỏng, không giải nén được." in page


def test_not_found_and_forbidden_pages_are_vietnamese_in_the_frame(login_client):
    client = login_client("dn.xem")
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    forbidden = client.get("/bao-cao/yeu-cau/moi/")
    assert forbidden.status_code == 403
    for response, heading in ((missing, "Không tìm thấy"), (forbidden, "Không có quyền truy cập")):
        page = response.content.decode()
        assert f"<h1>{heading}</h1>" in page
        assert 'class="topbar"' in page and '<a href="/">về trang chủ</a>' in page


def _broken_view(request):
    raise RuntimeError("a fault no test should see as a page")


urlpatterns = [path("hong/", _broken_view), *site_urls]
handler500 = "danvan.portal.views.server_error"


@pytest.mark.urls(__name__)
def test_a_server_error_page_is_vietnamese_in_the_frame_without_the_database(
    client, django_assert_num_queries
):
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get("/hong/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Đã xảy ra lỗi hệ thống</h1>" in page
    assert 'class="topbar"' in page and '<a href="/">Về trang chủ</a>' in page


def test_the_consolidation_picks_a_period_by_its_name_and_keeps_the_code_in_the_url(
    login_client,
):
    client = login_client("dn.dieuphoi")
    response = client.get("/tong-hop/", {"don-vi": "DN-TU", "ky": "2022S1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert '<optgroup label="Năm 2022">' in page
    assert '<option value="2022S1" selected>6 tháng đầu năm 2022</option>' in page
    assert "<h1>Tổng hợp số liệu: Thành ủy Đà Nẵng, 6 tháng đầu năm 2022</h1>" in page
    assert "so sánh với 6 tháng đầu năm 2021." in page


def test_the_catalogue_page_says_which_indicators_take_whole_numbers(login_client):
    page = login_client("dn.baocao").get("/bao-cao/chi-tieu/").content.decode()
    assert (
        "<td>Tiếp công dân (lượt)</td><td>tiep-cong-dan-luot</td><td>lượt</td><td>Số nguyên</td>"
    ) in page
    assert (
        "<td>Kinh phí hỗ trợ Tết</td><td>ho-tro-tet-kinh-phi</td><td>đồng</td><td>Số thập phân</td>"
    ) in page


def test_the_api_compares_no_revision_past_64_bits(client, demo_user, report):
    client.force_login(demo_user("dn.baocao"))
    response = client.get(
        f"/api/reporting/assignments/{report.assignment_id}/compare",
        {"first": 1, "second": str(HUGE)},
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy phiên bản cần so sánh."
