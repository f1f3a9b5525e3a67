"""Programme reviews over the API (personal tokens): issuing, reading and writing a party's
progress, refused writes that change nothing, who may do what."""

from __future__ import annotations

import pytest

from danvan.programmes.models import Instrument, Progress

pytestmark = pytest.mark.django_db


def issue(client, headers, **changes):
    body = {
        "instruments": [Instrument.objects.get(symbol="07-CTr/BDVTU-CATP").pk],
        "period_code": "2022S2",
        "kind": "half_year",
        "deadline": "2026-12-30",
    } | changes
    return client.post(
        "/api/programmes/reviews", body, content_type="application/json", headers=headers
    )


def test_issue_then_report_progress(client, bearer):
    board = bearer("dn.dieuphoi")
    response = issue(client, board)
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["units"] == ["DN-CATP"]
    assert issue(client, board).status_code == 400  # the same period twice
    from danvan.reporting.models import Assignment

    assignment = Assignment.objects.get(request_id=made["request"], unit__code="DN-CATP")
    url = f"/api/programmes/assignments/{assignment.pk}/progress"
    police = bearer("dn.baocao")
    rows = client.get(url, headers=police).json()
    assert [r["status"] for r in rows] == [None]
    key = rows[0]["commitment"]
    bad = client.put(
        url,
        [{"commitment": key, "status": "hoan_thanh", "value": "nhiều"}],
        content_type="application/json",
        headers=police,
    )
    assert bad.status_code == 400
    assert "không phải là một số hợp lệ" in bad.json()["detail"]
    assert not Progress.objects.filter(review__report_request_id=made["request"]).exists()
    good = client.put(
        url,
        [{"commitment": key, "status": "hoan_thanh", "value": "8.692", "evidence": []}],
        content_type="application/json",
        headers=police,
    )
    assert good.status_code == 200
    assert float(good.json()[0]["value"]) == 8692
    assert client.get(url, headers=bearer("ct.baocao")).status_code == 403
    assert (
        client.get("/api/programmes/assignments/999999/progress", headers=police).status_code == 404
    )


def test_a_reporter_or_another_province_cannot_issue(client, bearer):
    assert issue(client, bearer("dn.baocao")).status_code == 404
    assert issue(client, bearer("ct.dieuphoi")).status_code == 404
