"""The forms that change an entry, through the pages: edit and register a draft, move along the
lifecycle, record an output, merge a duplicate; bad input shows Vietnamese messages."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.exemplars.models import Entry, Status

from .conftest import TEN_ITEMS

pytestmark = pytest.mark.django_db


def _form_data(**extra):
    data = {
        "kind": "mo_hinh",
        "subject": "tap_the",
        "channel": "co_quan",
        "field": "kinh_te",
        "name": "Mô hình thử sửa",
    }
    data |= {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in TEN_ITEMS.items()}
    return data | extra


@pytest.fixture
def draft(login_client):
    client = login_client("dn.baocao")
    response = client.post(
        "/dan-van-kheo/dang-ky/", {"owner_unit": "DN-CATP", **_form_data(situation="")}
    )
    assert response.status_code == 302
    return client, Entry.objects.get(name="Mô hình thử sửa")


def test_edit_a_draft_then_register_it(draft):
    client, entry = draft
    assert entry.status == Status.PLANNED
    assert client.get(f"/dan-van-kheo/{entry.pk}/sua/").status_code == 200
    response = client.post(
        f"/dan-van-kheo/{entry.pk}/sua/", _form_data(situation="Đã bổ sung", **{"dang-ky": "1"})
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.situation) == (Status.REGISTERED, "Đã bổ sung")


def test_registered_entry_cannot_lose_an_item(draft):
    client, entry = draft
    client.post(f"/dan-van-kheo/{entry.pk}/sua/", _form_data(situation="Đủ", **{"dang-ky": "1"}))
    response = client.post(f"/dan-van-kheo/{entry.pk}/sua/", _form_data(goals=""))
    assert response.status_code == 200
    assert "Chưa nhập mục “3. Mục tiêu, tiêu chí”" in response.content.decode()
    entry.refresh_from_db()
    assert entry.goals == TEN_ITEMS["goals"]


def test_transitions_outputs_and_refusals_on_the_page(draft):
    client, entry = draft
    url = f"/dan-van-kheo/{entry.pk}/"
    refused = client.post(
        url + "chuyen-trang-thai/",
        {"target": "dang_ky", "at": dt.date.today().isoformat()},
        follow=True,
    )
    assert "Chưa đăng ký được: cần đủ 10 nội dung đăng ký." in refused.content.decode()
    bad = client.post(
        url + "chuyen-trang-thai/", {"target": "khong-co", "at": "32/13/2030"}, follow=True
    )
    assert "Chuyển sang:" in bad.content.decode() and "Ngày:" in bad.content.decode()
    client.post(f"/dan-van-kheo/{entry.pk}/sua/", _form_data(situation="Đủ", **{"dang-ky": "1"}))
    moved = client.post(
        url + "chuyen-trang-thai/",
        {"target": "ra_mat", "at": dt.date.today().isoformat(), "note": "Cam kết"},
        follow=True,
    )
    assert "Đã chuyển sang “Ra mắt”" in moved.content.decode()
    output = client.post(
        url + "dau-ra/",
        {
            "metric": "ngay_cong",
            "value": "1.250",
            "period_from": "2026-01-01",
            "period_to": "2026-06-30",
            "evidence": "Bảng chấm công",
        },
        follow=True,
    )
    assert "Đã ghi kết quả đầu ra" in output.content.decode()
    assert str(entry.outputs.get().value) == "1250.00"
    wrong = client.post(
        url + "dau-ra/",
        {
            "metric": "ngay_cong",
            "value": "mười",
            "period_from": "2026-06-30",
            "period_to": "2026-01-01",
            "evidence": "x",
        },
        follow=True,
    )
    assert "Không phải là số" in wrong.content.decode()
    backwards = client.post(
        url + "dau-ra/",
        {
            "metric": "ngay_cong",
            "value": "5",
            "period_from": "2026-06-30",
            "period_to": "2026-01-01",
            "evidence": "x",
        },
        follow=True,
    )
    assert "Ngày kết thúc kỳ phải sau ngày bắt đầu." in backwards.content.decode()
    assert entry.outputs.count() == 1


def test_recognise_refusals_on_the_page(login_client):
    client = login_client("dn.dieuphoi")
    entry = Entry.objects.get(owner_unit__code="DN-CATP", name__contains="Công an thành phố")
    url = f"/dan-van-kheo/{entry.pk}/cong-nhan/"
    missing = client.post(
        url,
        {
            "level": "tinh",
            "form": "bang_khen",
            "decided_on": dt.date.today().isoformat(),
            "by_unit": "DN-BTGDVTU",
        },
        follow=True,
    )
    assert "Số ký hiệu quyết định: Chưa nhập." in missing.content.decode()
    bad_symbol = client.post(
        url,
        {
            "level": "tinh",
            "form": "bang_khen",
            "decided_on": dt.date.today().isoformat(),
            "by_unit": "DN-BTGDVTU",
            "decision_symbol": "abc",
        },
        follow=True,
    )
    assert "không hợp lệ" in bad_symbol.content.decode()
    before = entry.recognitions.count()
    ok = client.post(
        url,
        {
            "level": "tinh",
            "form": "bang_khen",
            "decided_on": dt.date.today().isoformat(),
            "by_unit": "DN-BTGDVTU",
            "decision_symbol": "77-QĐ/TU",
            "period_from": "2021",
            "period_to": "2025",
        },
        follow=True,
    )
    assert "Đã ghi quyết định" in ok.content.decode()
    assert entry.recognitions.count() == before + 1
    assessed = client.post(
        f"/dan-van-kheo/{entry.pk}/danh-gia/",
        {"assessed_on": "2030-01-01", "assessor_unit": "DN-BTGDVTU", "conclusion": "hieu_qua"},
        follow=True,
    )
    assert "Ngày không được sau hôm nay." in assessed.content.decode()


def test_merge_through_the_page(login_client, make_entry):
    from danvan.orgs.models import OrgUnit

    unit = OrgUnit.objects.get(code="DN-CATP")
    keep = make_entry(
        unit, "Mô hình Dân vận khéo camera an ninh tổ dân phố", at=dt.date(2024, 1, 5)
    )
    drop = make_entry(unit, "Camera an ninh tổ dân phố – Dân vận khéo", at=dt.date(2025, 1, 5))
    client = login_client("dn.dieuphoi")
    page = client.get(f"/dan-van-kheo/{drop.pk}/").content.decode()
    assert 'id="dvk-duplicates"' in page and keep.name in page
    missing = client.post(f"/dan-van-kheo/{drop.pk}/gop/", {"into": "999999999"}, follow=True)
    assert "Không tìm thấy mục để gộp vào." in missing.content.decode()
    response = client.post(f"/dan-van-kheo/{drop.pk}/gop/", {"into": keep.pk})
    assert response.status_code == 302
    drop.refresh_from_db()
    assert drop.merged_into == keep
    again = client.post(f"/dan-van-kheo/{drop.pk}/gop/", {"into": keep.pk}, follow=True)
    assert "Không gộp được" in again.content.decode()
