"""A registration campaign is a report request of the existing cycle; units register entries
linked to their assignment (from the submission page's link), and the campaign's board counts
entries, not submissions."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan import registers
from danvan.accounts.permissions import SYSTEM
from danvan.exemplars import campaigns
from danvan.orgs.models import OrgUnit
from danvan.reporting import services as reporting

from .conftest import TEN_ITEMS

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(demo_user):
    template = reporting.create_template(
        SYSTEM,
        OrgUnit.objects.get(code="DN-BTGDVTU"),
        "dvk-dang-ky-thu",
        "Đăng ký mô hình Dân vận khéo",
        [{"key": "ghi-chu", "label": "I", "title": "Ghi chú"}],
        [],
    )
    return reporting.issue_request(
        demo_user("dn.dieuphoi"),
        issuer=OrgUnit.objects.get(code="DN-BTGDVTU"),
        title="Đăng ký mô hình, điển hình “Dân vận khéo” năm 2026",
        template=template,
        period_code="2026S2",
        unit_codes=["DN-CATP", "DN-MTTQ"],
        deadline=dt.date.today() + dt.timedelta(days=10),
    )


def test_the_submission_page_links_to_registration(campaign, demo_user):
    assignment = campaign.assignments.get(unit__code="DN-CATP")
    links = [
        link
        for link in registers.assignment_links(demo_user("dn.baocao"), assignment)
        if link[1].startswith("/dan-van-kheo/")
    ]
    assert links == [
        (
            "Đăng ký mô hình, điển hình “Dân vận khéo”",
            f"/dan-van-kheo/dang-ky/?giao={assignment.pk}",
        )
    ]
    # Another unit's reporter gets no link; an ordinary report gets none either.
    other = campaign.assignments.get(unit__code="DN-MTTQ")
    assert not [
        link
        for link in registers.assignment_links(demo_user("dn.baocao"), other)
        if link[1].startswith("/dan-van-kheo/")
    ]


def test_board_counts_entries_not_submissions(campaign, login_client):
    assignment = campaign.assignments.get(unit__code="DN-CATP")
    client = login_client("dn.baocao")
    data = {
        "owner_unit": "DN-CATP",
        "kind": "mo_hinh",
        "subject": "tap_the",
        "channel": "co_quan",
        "field": "kinh_te",
        "name": "Mô hình đợt 2026",
        "giao": str(assignment.pk),
        "dang-ky": "1",
    }
    data |= {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in TEN_ITEMS.items()}
    response = client.post(f"/dan-van-kheo/dang-ky/?giao={assignment.pk}", data)
    assert response.status_code == 302
    board = login_client("dn.dieuphoi").get(f"/dan-van-kheo/dot-dang-ky/{campaign.pk}/")
    html = board.content.decode()
    assert board.status_code == 200
    assert 'id="dvk-campaign-done">1/2<' in html
    assert 'id="dvk-campaign-registered">1<' in html
    request, rows = campaigns.board(SYSTEM, campaign.pk)
    assert [(r.assignment.unit.code, r.registered, r.late, r.drafts) for r in rows] == [
        ("DN-CATP", 1, 0, 0),
        ("DN-MTTQ", 0, 0, 0),
    ]


def test_other_province_may_not_see_the_board(campaign, login_client):
    response = login_client("ct.dieuphoi").get(f"/dan-van-kheo/dot-dang-ky/{campaign.pk}/")
    assert response.status_code == 403
    listing = login_client("ct.dieuphoi").get("/dan-van-kheo/dot-dang-ky/").content.decode()
    assert campaign.title not in listing
    assert (
        campaign.title
        in login_client("dn.lanhdao").get("/dan-van-kheo/dot-dang-ky/").content.decode()
    )
