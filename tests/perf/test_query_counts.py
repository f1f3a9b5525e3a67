"""Query counts of the main pages on the demo data (issue 17; Zulip's habit): each page under a
cap written down from its count on the demo (SQLite and PostgreSQL alike) with a margin of a
few queries, and the lists' counts do not grow with their rows — the status board with one
unit or every Đà Nẵng unit, the inbox with one request or four, the report page with one
saved version or four. An N+1 breaks the second kind at once, whatever the cap."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.orgs.models import OrgUnit
from danvan.reporting import clock, services
from danvan.reporting.models import Assignment, ReportRequest

# (page, user, path, cap); {dn} is the Đà Nẵng 2022 request, {catp} the police's open draft.
PAGES = [
    ("status board", "dn.dieuphoi", "/bao-cao/yeu-cau/{dn}/", 22),
    ("consolidation of a request", "dn.dieuphoi", "/tong-hop/?yeu-cau={dn}", 55),
    ("consolidation of a unit", "dn.lanhdao", "/tong-hop/?don-vi=DN-TU&ky=2022S1", 56),
    ("inbox", "dn.baocao", "/bao-cao/hop-thu/", 32),
    ("home, reporter", "dn.baocao", "/", 32),
    ("home, leader", "dn.lanhdao", "/", 60),
    ("home, coordinator", "dn.dieuphoi", "/", 62),
    ("submission edit page", "dn.baocao", "/bao-cao/nop/{catp}/", 33),
    ("submission review page", "dn.dieuphoi", "/bao-cao/nop/{catp}/", 33),
    ("search", "dn.dieuphoi", "/tim-kiem/?q=d%C3%A2n+v%E1%BA%ADn", 48),
    ("search, reporter", "dn.baocao", "/tim-kiem/?q=d%C3%A2n", 46),
]


@pytest.fixture
def ids(db):
    dn = ReportRequest.objects.get(issuer__code="DN-BDVTU", period__code="2022S1")
    catp = Assignment.objects.get(unit__code="DN-CATP", submission__status="draft")
    return {"dn": dn.pk, "catp": catp.pk}


def count(client, path: str) -> int:
    client.get(path)  # the first request of a session writes it; count the second
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content.decode()[:300]
    return len(queries.captured_queries)


@pytest.mark.parametrize(("page", "username", "path", "cap"), PAGES, ids=[p[0] for p in PAGES])
def test_page_stays_under_its_cap(
    login_client, ids, page, username, path, cap, django_assert_max_num_queries
):
    client = login_client(username)
    path = path.format(**ids)
    client.get(path)
    with django_assert_max_num_queries(cap):
        assert client.get(path).status_code == 200


def _issue(actor, unit_codes: list[str], title: str) -> ReportRequest:
    dn = ReportRequest.objects.get(issuer__code="DN-BDVTU", period__code="2022S1")
    return services.issue_request(
        actor,
        issuer=dn.issuer,
        title=title,
        template=dn.template,
        period_code="2026S2",
        unit_codes=unit_codes,
        deadline=clock.today() + dt.timedelta(days=30),
    )


def _dn_units() -> list[str]:
    today = clock.today()
    city = OrgUnit.objects.get(code="DN-TU")
    units = OrgUnit.objects.filter(path__startswith=city.path).exclude(pk=city.pk)
    return [u.code for u in units if u.is_valid_on(today)]


def test_board_count_does_not_grow_with_its_units(login_client, demo_user):
    coordinator = demo_user("dn.dieuphoi")
    units = _dn_units()
    assert len(units) >= 5
    small = _issue(coordinator, units[:1], "Báo cáo nhanh một đơn vị")
    large = _issue(coordinator, units, "Báo cáo nhanh mọi đơn vị")
    client = login_client("dn.dieuphoi")
    assert count(client, f"/bao-cao/yeu-cau/{large.pk}/") == count(
        client, f"/bao-cao/yeu-cau/{small.pk}/"
    )


def test_inbox_count_does_not_grow_with_its_requests(login_client, demo_user):
    client = login_client("dn.baocao")
    before = count(client, "/bao-cao/hop-thu/")
    coordinator = demo_user("dn.dieuphoi")
    for n in range(3):
        _issue(coordinator, ["DN-CATP"], f"Báo cáo nhanh số {n + 1}")
    assert count(client, "/bao-cao/hop-thu/") == before


def test_report_page_count_does_not_grow_with_its_versions(login_client, demo_user, ids):
    client = login_client("dn.baocao")
    path = f"/bao-cao/nop/{ids['catp']}/"
    submission = Assignment.objects.get(pk=ids["catp"]).submission
    services.save_draft(demo_user("dn.baocao"), submission.pk, submission.version, {}, {})
    before = count(client, path)
    for _ in range(3):
        submission.refresh_from_db()
        services.save_draft(demo_user("dn.baocao"), submission.pk, submission.version, {}, {})
    assert count(client, path) == before
