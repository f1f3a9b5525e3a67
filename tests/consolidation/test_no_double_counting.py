"""The Đà Nẵng board reports to Ban Dân vận Trung ương what its four partners reported to it:
a roll-up must count those figures once, whichever unit it is rolled up at."""

from danvan.accounts.permissions import SYSTEM
from danvan.consolidation.selectors import consolidate, counted_requests
from danvan.orgs.models import OrgUnit
from danvan.reporting.models import ReportRequest


def total(root_code, code="tiep-cong-dan-luot"):
    result = consolidate(SYSTEM, OrgUnit.objects.get(code=root_code), "2022S1")
    return next(
        line.value
        for line in result.lines
        if line.indicator.code == code and line.option_code is None
    )


def test_the_city_counts_its_partners_once(db):
    assert total("DN-TU") == 1868
    assert counted_requests(OrgUnit.objects.get(code="DN-TU"), "2022S1", None) == [
        ReportRequest.objects.get(issuer__code="DN-BDVTU", period__code="2022S1").pk
    ]


def test_the_centre_counts_the_boards_answer_not_its_sources_again(db):
    # The board's answer was imported from danang-bdvtu-phoi-hop-6t-2022.txt.
    assert total("TW") == 1868
    assert total("TW", "don-tiep-nhan") == 2403
    assert counted_requests(OrgUnit.objects.get(code="TW"), "2022S1", None) == [
        ReportRequest.objects.get(issuer__code="TW-BDVTW").pk
    ]


def test_a_partner_alone_counts_what_it_was_asked(db):
    assert total("DN-CATP", "duong-day-nong") == 4433


def test_the_breakdown_says_which_values_came_from_a_file(client, db):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="admin"))
    request = ReportRequest.objects.get(issuer__code="TW-BDVTW")
    data = client.get(f"/api/consolidation?unit=TW&period=2022S1&request_id={request.pk}").json()
    board = next(u for u in data["units"] if u["unit_name"] == "Ban Dân vận Thành ủy Đà Nẵng")
    assert board["values"]["tiep-cong-dan-luot"] == "1868"
    assert board["sources"]["tiep-cong-dan-luot"]["text"].startswith("1.868 lượt")
    assert "đã tiếp 1.868 lượt/1.817 người" in board["sources"]["tiep-cong-dan-luot"]["context"]
    page = client.get(f"/tong-hop/?yeu-cau={request.pk}").content.decode()
    assert "từ tệp: “1.868 lượt" in page
