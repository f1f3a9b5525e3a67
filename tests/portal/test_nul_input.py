"""NUL characters (which PostgreSQL text columns refuse) get a 400, on both databases alike."""

import json

from django.contrib.auth import get_user_model

from danvan.orgs.models import OrgUnit


def test_nul_in_a_query_parameter(client, db):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get("/api/consolidation", {"unit": "DN-TU\x00", "period": "2022S1"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Yêu cầu chứa ký tự không hợp lệ (NUL)."


def test_nul_in_a_json_body_changes_nothing(client, db):
    client.force_login(get_user_model().objects.get(username="admin"))
    before = OrgUnit.objects.count()
    body = json.dumps(
        {
            "units": [
                {
                    "code": "DN-NUL",
                    "name": "Tên\x00lỗi",
                    "kind": "agency",
                    "parent_code": "DN-TU",
                    "valid_from": "2024-01-01",
                }
            ]
        }
    )
    response = client.post("/api/orgs/import", body, content_type="application/json")
    assert response.status_code == 400
    assert OrgUnit.objects.count() == before


def test_nul_in_a_form_field(client, db):
    response = client.post("/tai-khoan/dang-nhap/", {"username": "admin\x00", "password": "x"})
    assert response.status_code == 400
