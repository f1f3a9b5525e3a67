"""The per-unit breakdown of a consolidation is read a page at a time (a country's root has
thousands of units): pages follow the path order, together they are the whole breakdown, and
the page and the API show one page with the sources of its values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from danvan.consolidation.selectors import consolidate
from danvan.orgs.models import OrgUnit
from danvan.reporting.models import ReportRequest
from reporting.cycle import DA_NANG_TITLE, user

pytestmark = pytest.mark.django_db

# The four agencies that answered Đà Nẵng's 2022 request, in the order of their paths
# (DN-TU/DN-BCHQS/, DN-TU/DN-BDBP/, DN-TU/DN-CATP/, DN-TU/DN-UBND/).
AGENCIES = [
    "Bộ Chỉ huy Quân sự thành phố Đà Nẵng",
    "Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng",
    "Công an thành phố Đà Nẵng",
    "Ủy ban nhân dân thành phố Đà Nẵng",
]


@pytest.fixture
def result():
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    return consolidate(user("dn.dieuphoi"), OrgUnit.objects.get(code="DN-TU"), "2022S1", request)


def test_pages_of_three_units_make_up_the_whole_breakdown(result):
    first, second = result.units_page(1, size=3), result.units_page(2, size=3)
    assert [name for name, _ in first.units] == AGENCIES[:3]
    assert first.units + second.units == result.units
    assert (first.first, first.last, second.first, second.last) == (1, 3, 4, 4)
    assert (second.page.number, second.page.paginator.num_pages, second.page.paginator.count) == (
        2,
        2,
        4,
    )
    # A page past the last, or not a number, is the nearest page there is.
    assert result.units_page(9, size=3).page.number == 2
    assert result.units_page("x", size=3).page.number == 1
    police = dict(first.units + second.units)["Công an thành phố Đà Nẵng"]
    assert police["duong-day-nong"] == Decimal(4433)


def test_the_page_and_the_api_show_the_first_page(login_client):
    client = login_client("dn.dieuphoi")
    request = ReportRequest.objects.get(title=DA_NANG_TITLE)
    html = client.get(f"/tong-hop/?yeu-cau={request.pk}&trang=2").content.decode()
    shown = html[html.index('<div id="units">') :]
    assert [name for name in AGENCIES if f"<summary>{name}</summary>" in shown] == AGENCIES
    assert 'id="units-range"' not in html and 'aria-label="Phân trang"' not in html
    data = client.get(
        f"/api/consolidation?unit=DN-TU&period=2022S1&request_id={request.pk}&page=1"
    ).json()
    assert [u["unit_name"] for u in data["units"]] == AGENCIES
    assert (data["units_page"], data["units_pages"], data["units_count"]) == (1, 1, 4)
