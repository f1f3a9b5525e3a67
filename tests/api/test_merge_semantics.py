"""`save` and `submit` merge per key: a section or figure left out keeps what was saved, one
sent as "" or null is cleared, and `submit` with only `base_version` submits the saved draft.
Called as the police's reporter with a personal token (no session, no CSRF)."""

import json

import pytest

pytestmark = pytest.mark.django_db


def _post(client, headers, path, payload):
    return client.post(
        f"/api/reporting/assignments/{path}",
        json.dumps(payload),
        content_type="application/json",
        headers=headers,
    )


@pytest.fixture
def reporter(bearer):
    return bearer("dn.baocao")


def _save_first_draft(client, reporter, draft):
    response = _post(
        client,
        reporter,
        f"{draft.pk}/save",
        {
            "base_version": draft.submission.version,
            "sections": {"ket-qua": "Tuyên truyền trên báo, đài.", "han-che": "Còn chậm."},
            "values": {"tin-bai": "8.692", "thu-to-giac": 67},
        },
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_a_key_left_out_keeps_its_saved_value(client, reporter, draft):
    saved = _save_first_draft(client, reporter, draft)
    # A script that only updates one figure: the narrative and the other figure stay.
    response = _post(
        client,
        reporter,
        f"{draft.pk}/save",
        {"base_version": saved["version"], "values": {"tin-bai": "9.001"}},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["sections"] == {"ket-qua": "Tuyên truyền trên báo, đài.", "han-che": "Còn chậm."}
    assert body["values"] == {"tin-bai": "9001", "thu-to-giac": "67"}


def test_a_key_sent_empty_or_null_is_cleared(client, reporter, draft):
    saved = _save_first_draft(client, reporter, draft)
    response = _post(
        client,
        reporter,
        f"{draft.pk}/save",
        {
            "base_version": saved["version"],
            "sections": {"han-che": ""},
            "values": {"thu-to-giac": None, "tin-bai": ""},
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["sections"] == {"ket-qua": "Tuyên truyền trên báo, đài."}
    assert body["values"] == {}


def test_submit_with_only_the_base_version_submits_the_saved_draft(client, reporter, draft):
    saved = _save_first_draft(client, reporter, draft)
    response = _post(client, reporter, f"{draft.pk}/submit", {"base_version": saved["version"]})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "submitted"
    assert body["sections"] == {"ket-qua": "Tuyên truyền trên báo, đài.", "han-che": "Còn chậm."}
    assert body["values"] == {"tin-bai": "8692", "thu-to-giac": "67"}
    assert [r["kind"] for r in body["revisions"]][-1] == "submit"


def test_submitting_an_empty_draft_is_refused_in_vietnamese(client, reporter, draft):
    response = _post(
        client, reporter, f"{draft.pk}/submit", {"base_version": draft.submission.version}
    )
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Báo cáo trống: cần nhập nội dung hoặc số liệu trước khi nộp."
    )
    draft.submission.refresh_from_db()
    assert draft.submission.status == "draft"
