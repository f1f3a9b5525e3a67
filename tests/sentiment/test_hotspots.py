"""Issues and hot spots: clustering with suggestions, the lifecycle, the notification of a new
"điểm nóng" to the level above and its one-click ad-hoc report request."""

import datetime as dt

import pytest

from danvan.accounts.permissions import ScopeDenied
from danvan.notifications.models import Notification
from danvan.orgs.models import OrgUnit
from danvan.reporting.models import ReportRequest
from danvan.sentiment import hotspots, selectors
from danvan.sentiment.models import Issue, Topic
from danvan.sentiment.services import SentimentError


@pytest.fixture
def issue(demo_user):
    return hotspots.open_issue(
        demo_user("ct.baocao"),
        unit=OrgUnit.objects.get(code="CT-DUCQD"),
        title="Bức xúc về ùn tắc trước trạm thu phí",
        topic=Topic.objects.get(code="giao-thong"),
        opened_on=dt.date(2026, 11, 1),
        area="Quốc lộ 91",
    )


def act(user, issue, level, status, day=dt.date(2026, 11, 20), text="Họp đối thoại với dân."):
    return hotspots.record_action(user, issue, date=day, text=text, level=level, status=status)


def test_suggestions_match_topic_area_and_words_without_diacritics(record, demo_user, issue):
    signal = record(text="Nguoi dan un tac truoc tram thu phi tren Quoc lo 91", area="")
    suggested = selectors.suggest_issues(demo_user("ct.baocao"), signal)
    assert suggested[0][0] == issue
    other = record(topic="ton-giao", text="Một nhóm lạ truyền đạo ở khu vực 5.")
    assert issue not in [i for i, _ in selectors.suggest_issues(demo_user("ct.baocao"), other)]


def test_signals_are_clustered_only_within_the_issues_subtree(record, demo_user, issue):
    ours = record()
    assert hotspots.attach_signals(demo_user("ct.baocao"), issue, [ours.pk]) == 1
    ours.refresh_from_db()
    assert ours.issue == issue
    theirs = record(username="dn.baocao", unit="DN-CATP")
    # Not visible to ct.baocao: nothing attached; and from above, outside the subtree is refused.
    assert hotspots.attach_signals(demo_user("ct.baocao"), issue, [theirs.pk]) == 0
    with pytest.raises(SentimentError):
        hotspots.attach_signals(demo_user("admin"), issue, [theirs.pk])


def test_lifecycle_resolve_recur_and_close(demo_user, issue):
    user = demo_user("ct.baocao")
    with pytest.raises(SentimentError, match="Chỉ vụ việc đã giải quyết"):
        act(user, issue, "theo_doi", "tai_phat")
    act(user, issue, "theo_doi", "da_giai_quyet", dt.date(2026, 11, 25))
    issue.refresh_from_db()
    assert issue.closed_on == dt.date(2026, 11, 25) and not issue.is_open
    act(user, issue, "nguy_co", "tai_phat", dt.date(2026, 11, 28), "Dân lại tụ tập.")
    issue.refresh_from_db()
    assert issue.closed_on is None and issue.is_open and issue.level == "nguy_co"
    assert [a.status for a in issue.actions.all()] == ["da_giai_quyet", "tai_phat"]
    with pytest.raises(SentimentError, match="trước ngày phát sinh"):
        act(user, issue, "nguy_co", "dang_xu_ly", dt.date(2026, 10, 1))


def test_a_new_hot_spot_tells_the_level_above_which_requests_a_report_in_one_click(
    demo_user, issue, login_client
):
    act(demo_user("ct.baocao"), issue, "diem_nong", "dang_xu_ly")
    notes = Notification.objects.filter(text__contains="Điểm nóng mới")
    # CT-DUCQD's parent is CT-TU: its coordinator is told, the unit's own reporter is not.
    assert set(notes.values_list("user__username", flat=True)) == {"ct.dieuphoi"}
    assert notes.get().url == f"/tinh-hinh-nhan-dan/vu-viec/{issue.pk}/"
    with pytest.raises(ScopeDenied):
        hotspots.request_adhoc_report(demo_user("ct.baocao"), issue)
    client = login_client("ct.dieuphoi")
    page = client.get(f"/tinh-hinh-nhan-dan/vu-viec/{issue.pk}/").content.decode()
    assert "báo cáo đột xuất (thay mặt Thành ủy Cần Thơ)" in page
    assert client.post(f"/tinh-hinh-nhan-dan/vu-viec/{issue.pk}/dot-xuat/").status_code == 302
    request = ReportRequest.objects.get(title__startswith="Báo cáo đột xuất tình hình điểm nóng")
    assert request.issuer.code == "CT-TU"
    assert [a.unit.code for a in request.assignments.all()] == ["CT-DUCQD"]
    assert request.template.sections[0]["title"] == "Tư tưởng, tâm trạng"
    with pytest.raises(SentimentError, match="Đã có yêu cầu"):
        hotspots.request_adhoc_report(demo_user("ct.dieuphoi"), Issue.objects.get(pk=issue.pk))


def test_the_issue_pages_and_forms(login_client, record):
    client = login_client("ct.baocao")
    signal = record()
    form = client.get(f"/tinh-hinh-nhan-dan/vu-viec/moi/?y-kien={signal.pk}").content.decode()
    assert "Người dân băn khoăn về trạm thu phí" in form
    response = client.post(
        "/tinh-hinh-nhan-dan/vu-viec/moi/",
        {
            "signal": signal.pk,
            "unit": "CT-DUCQD",
            "title": "Trạm BOT T2",
            "topic": Topic.objects.get(code="giao-thong").pk,
            "opened_on": "10/11/2026",
            "level": "nguy_co",
            "status": "moi",
            "coordinating": "CT-MTTQ, CT-UBND",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    created = Issue.objects.get(title="Trạm BOT T2")
    assert {u.code for u in created.coordinating_units.all()} == {"CT-MTTQ", "CT-UBND"}
    signal.refresh_from_db()
    assert signal.issue == created
    bad = client.post(
        "/tinh-hinh-nhan-dan/vu-viec/moi/",
        {
            "unit": "CT-DUCQD",
            "title": "X",
            "topic": created.topic_id,
            "opened_on": "10/11/2026",
            "level": "nguy_co",
            "status": "moi",
            "coordinating": "KHONG-CO",
        },
    )
    assert bad.status_code == 400 and "Không có đơn vị mã: KHONG-CO" in bad.content.decode()
    url = f"/tinh-hinh-nhan-dan/vu-viec/{created.pk}/"
    client.post(
        url + "dien-bien/",
        {"date": "20/11/2026", "text": "Đối thoại", "level": "nguy_co", "status": "dang_xu_ly"},
    )
    client.post(url + "lien-ket/", {"kind": "petition", "reference": "Đơn số 12/2026"})
    page = client.get(url).content.decode()
    assert "Đối thoại" in page and "Đơn số 12/2026" in page
    # Another province's user: not found, in Vietnamese.
    other = login_client("dn.dieuphoi").get(url)
    assert other.status_code == 404
