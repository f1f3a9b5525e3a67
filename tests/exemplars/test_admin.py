"""Administrators keep the criteria sets in the admin site; entries are read-only there."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_lists_criteria_and_entries_read_only(login_client):
    client = login_client("admin")
    criteria = client.get("/quan-tri/exemplars/criteriaset/")
    assert criteria.status_code == 200
    assert "Tiêu chí chung đánh giá mô hình" in criteria.content.decode()
    entries = client.get("/quan-tri/exemplars/entry/")
    assert entries.status_code == 200
    assert client.get("/quan-tri/exemplars/entry/add/").status_code == 403
