"""The register's pages as the demo roles: they render, filter, page, refuse with Vietnamese
messages, and another province sees nothing."""

from __future__ import annotations

import pytest

from danvan.exemplars.demo import BAO_CAN_THO_MODEL
from danvan.exemplars.models import Entry

pytestmark = pytest.mark.django_db


def test_list_filters_and_paginates(login_client, django_assert_max_num_queries):
    client = login_client("ct.dieuphoi")
    with django_assert_max_num_queries(25):
        response = client.get("/dan-van-kheo/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "97 mục" in html or "mục" in html
    assert "Trang 1/" in html  # 97+ entries, 25 a page
    found = client.get("/dan-van-kheo/", {"q": "dan van kheo an sinh bao can tho"})
    assert BAO_CAN_THO_MODEL in found.content.decode()
    assert "1 mục" in found.content.decode()


def test_another_province_sees_nothing(login_client):
    client = login_client("dn.dieuphoi")
    html = client.get("/dan-van-kheo/", {"q": "bao can tho"}).content.decode()
    assert BAO_CAN_THO_MODEL not in html
    assert "Chưa có mô hình, điển hình nào khớp" in html
    entry = Entry.objects.get(name=BAO_CAN_THO_MODEL)
    assert client.get(f"/dan-van-kheo/{entry.pk}/").status_code == 404


def test_detail_shows_history_and_forms_by_role(login_client):
    entry = Entry.objects.get(name=BAO_CAN_THO_MODEL)
    coordinator = login_client("ct.dieuphoi").get(f"/dan-van-kheo/{entry.pk}/").content.decode()
    assert "Lịch sử" in coordinator and "Đang triển khai" in coordinator
    assert 'id="dvk-assess"' in coordinator


def test_reporter_may_not_assess(login_client):
    entry = Entry.objects.get(name=BAO_CAN_THO_MODEL)
    client = login_client("ct.baocao")
    html = client.get(f"/dan-van-kheo/{entry.pk}/").content.decode()
    assert 'id="dvk-assess"' not in html and 'id="dvk-transition"' in html
    response = client.post(
        f"/dan-van-kheo/{entry.pk}/danh-gia/",
        {"assessed_on": "2026-01-05", "conclusion": "hieu_qua", "assessor_unit": "CT-DUK"},
    )
    assert response.status_code == 403
    assert "không có quyền đánh giá" in response.content.decode()
    assert entry.assessments.count() == 0


def test_viewer_reads_but_may_not_register(login_client):
    client = login_client("dn.xem")
    assert client.get("/dan-van-kheo/").status_code == 200
    response = client.get("/dan-van-kheo/dang-ky/")
    assert response.status_code == 403
    assert "Bạn không có quyền đăng ký" in response.content.decode()


def test_counts_page_shows_the_share(login_client):
    client = login_client("ct.dieuphoi")
    response = client.get(
        "/dan-van-kheo/so-lieu/", {"don-vi": "CT-DUK", "tu": "2019-01-01", "den": "2019-06-30"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "97/97" in html


def test_bad_counts_parameters_fall_back(login_client):
    client = login_client("ct.dieuphoi")
    response = client.get(
        "/dan-van-kheo/so-lieu/", {"don-vi": "DN-TU", "tu": "x", "den": "32/13/2030"}
    )
    assert response.status_code == 200
