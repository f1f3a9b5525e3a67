"""The register over the API: the same rules and scopes as the pages."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.exemplars.demo import BAO_CAN_THO_MODEL
from danvan.exemplars.models import Entry

from .conftest import TEN_ITEMS

pytestmark = pytest.mark.django_db


def _body(**extra):
    items = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in TEN_ITEMS.items()}
    return {
        "owner_unit": "DN-CATP",
        "kind": "mo_hinh",
        "subject": "tap_the",
        "channel": "co_quan",
        "field": "quoc_phong_an_ninh",
        "name": "Mô hình qua API",
        **items,
        **extra,
    }


def test_list_search_and_scope(client, bearer):
    response = client.get(
        "/api/exemplars/entries", {"q": "an sinh bao can tho"}, headers=bearer("ct.dieuphoi")
    )
    assert response.status_code == 200
    assert [i["name"] for i in response.json()["items"]] == [BAO_CAN_THO_MODEL]
    other = client.get(
        "/api/exemplars/entries", {"q": "an sinh bao can tho"}, headers=bearer("dn.dieuphoi")
    )
    assert other.json()["items"] == []
    entry = Entry.objects.get(name=BAO_CAN_THO_MODEL)
    assert (
        client.get(f"/api/exemplars/entries/{entry.pk}", headers=bearer("dn.xem")).status_code
        == 404
    )
    detail = client.get(f"/api/exemplars/entries/{entry.pk}", headers=bearer("ct.baocao")).json()
    assert [e["status"] for e in detail["events"]] == ["du_kien", "dang_ky", "ra_mat", "trien_khai"]


def test_register_and_move(client, bearer):
    headers = bearer("dn.baocao")
    created = client.post(
        "/api/exemplars/entries", _body(), content_type="application/json", headers=headers
    )
    assert created.status_code == 201, created.content
    entry_id = created.json()["id"]
    moved = client.post(
        f"/api/exemplars/entries/{entry_id}/status",
        {"target": "hieu_qua", "at": "2026-01-05"},
        content_type="application/json",
        headers=headers,
    )
    assert moved.status_code == 400 and "qua một lần đánh giá" in moved.json()["detail"]
    moved = client.post(
        f"/api/exemplars/entries/{entry_id}/status",
        {"target": "ra_mat", "at": dt.date.today().isoformat(), "note": "Cam kết"},
        content_type="application/json",
        headers=headers,
    )
    assert moved.status_code == 200 and moved.json()["status"] == "ra_mat"


def test_invalid_registration_is_400_and_writes_nothing(client, bearer):
    before = Entry.objects.count()
    response = client.post(
        "/api/exemplars/entries",
        _body(situation="", tags=["khong-co"]),
        content_type="application/json",
        headers=bearer("dn.baocao"),
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"situation", "tags"}
    foreign = client.post(
        "/api/exemplars/entries",
        _body(owner_unit="CT-DUCQD-BAOCT"),
        content_type="application/json",
        headers=bearer("dn.baocao"),
    )
    assert foreign.status_code == 403
    assert Entry.objects.count() == before


def test_figures_for_the_bloc(client, bearer):
    response = client.get(
        "/api/exemplars/figures",
        {"unit": "CT-DUK", "date_from": "2019-01-01", "date_to": "2019-06-30"},
        headers=bearer("ct.dieuphoi"),
    )
    values = {f["key"]: f["value"] for f in response.json()}
    assert values["dvk_tccs_co_mo_hinh"] == 97 and values["dvk_tccs_tong_so"] == 97
    hidden = client.get(
        "/api/exemplars/figures",
        {"unit": "CT-DUK", "date_from": "2019-01-01", "date_to": "2019-06-30"},
        headers=bearer("dn.dieuphoi"),
    )
    assert hidden.status_code == 404
