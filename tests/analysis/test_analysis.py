"""Indicator analysis on the real database: a series crossing the 2025 reform (Quảng Nam's
figures summed into Đà Nẵng's before 01/07/2025, the rule shown), year on year, provenance,
a split ward not comparable, children ranked, the page and its permissions."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from danvan.accounts.permissions import SYSTEM
from danvan.analysis import selectors
from danvan.analysis.lineage import lineage
from danvan.indicators.models import Indicator
from danvan.orgs.models import OrgUnit
from danvan.reporting import clock, services
from danvan.reporting.models import ReportTemplate

INDICATOR = "tiep-cong-dan-luot"


def report(board: str, unit: str, period: str, value: str, on: dt.date):
    """`board` asks `unit` for `period` on day `on`, which answers the same day."""
    template = ReportTemplate.objects.filter(code="phoi-hop-dan-van-6-thang").latest("version")
    moment = timezone.make_aware(dt.datetime.combine(on, dt.time(9)))
    with clock.recorded_at(moment):
        request = services.issue_request(
            SYSTEM,
            issuer=OrgUnit.objects.get(code=board),
            title=f"Báo cáo thử {period} {unit}",
            template=template,
            period_code=period,
            unit_codes=[unit],
            deadline=on + dt.timedelta(days=10),
        )
        submission = request.assignments.get().submission
        services.submit(SYSTEM, submission.pk, submission.version, {}, {INDICATOR: value})


@pytest.fixture
def history(db):
    # Before the reform: Quảng Nam's and Đà Nẵng's People's Committees, two half-years.
    report("QNA-BDVTU", "QNA-UBND", "2024S1", "300", dt.date(2024, 6, 20))
    report("DN-BDVTU", "DN-UBND", "2024S1", "200", dt.date(2024, 6, 20))
    report("QNA-BTGDVTU", "QNA-UBND", "2025S1", "350", dt.date(2025, 6, 20))
    report("DN-BTGDVTU", "DN-UBND", "2025S1", "300", dt.date(2025, 6, 20))
    # After: one Đà Nẵng.
    report("DN-BTGDVTU", "DN-UBND", "2026S1", "800", dt.date(2026, 6, 20))


def point(analysis, code):
    return next(p for p in analysis.points if p.period.code == code)


def test_series_sums_predecessors_before_the_merger(history, demo_user):
    root = OrgUnit.objects.get(code="DN-TU")
    analysis = selectors.series(
        demo_user("dn.lanhdao"), root, Indicator.objects.get(code=INDICATOR), None, "half"
    )
    # 300 + 200 before the merger, 350 + 300 the half-year before it, then 800.
    assert point(analysis, "2024S1").value == 500
    assert point(analysis, "2025S1").value == 650
    assert point(analysis, "2026S1").value == 800
    assert "Tỉnh ủy Quảng Nam" in point(analysis, "2024S1").note
    assert point(analysis, "2026S1").note == ""
    # Year on year: 650 against 500 is +150, 30%; 2026 against 2025: +150, 23,1%.
    assert point(analysis, "2025S1").previous == 500
    assert point(analysis, "2025S1").change == 150
    assert str(point(analysis, "2025S1").change_percent) == "30.0"
    assert str(point(analysis, "2026S1").change_percent) == "23.1"
    assert point(analysis, "2024S1").sources.typed == 2
    assert any("01/07/2025" in r and "Quảng Nam" in r for r in analysis.lineage.rules)


def test_a_split_ward_is_not_comparable_before_the_split(db):
    ward = OrgUnit.objects.get(code="DN-DUP-HAICHAU")
    found = lineage(ward)
    assert found.split_before == dt.date(2025, 7, 1)
    assert not found.comparable(dt.date(2025, 6, 30))
    assert found.comparable(dt.date(2025, 12, 31))
    assert "không so sánh được" in found.rules[0]


def test_children_ranked(history, demo_user):
    root = OrgUnit.objects.get(code="DN-TU")
    from danvan.reporting.models import Period

    ranks = selectors.children(
        demo_user("dn.lanhdao"),
        root,
        Indicator.objects.get(code=INDICATOR),
        None,
        Period.objects.get(code="2026S1"),
    )
    assert [(r.unit.code, r.value, r.previous) for r in ranks] == [("DN-UBND", 800, 300)]


def test_page_and_xlsx(history, login_client, django_assert_max_num_queries):
    client = login_client("dn.lanhdao")
    query = {"chi-tieu": INDICATOR, "don-vi": "DN-TU", "loai-ky": "half"}
    with django_assert_max_num_queries(40):
        response = client.get("/phan-tich/", query)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Quy tắc qua sắp xếp đơn vị" in html and "Tỉnh ủy Quảng Nam" in html
    assert "30%" in html  # the year-on-year column, Vietnamese format
    workbook = client.get("/phan-tich/xuat/chuoi-thoi-gian.xlsx", query)
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    rows = {r[0]: r[1] for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]}
    assert rows["6 tháng đầu năm 2024"] == 500
    assert rows["6 tháng đầu năm 2026"] == 800


def test_permissions_and_bad_input(login_client):
    assert login_client("ct.dieuphoi").get("/phan-tich/", {"don-vi": "DN-TU"}).status_code == 403
    client = login_client("dn.lanhdao")
    assert client.get("/phan-tich/", {"chi-tieu": "khong-co"}).status_code == 404
    assert client.get("/phan-tich/", {"don-vi": "KHONG"}).status_code == 404
    assert client.get("/phan-tich/", {"loai-ky": "x", "ky": "zz"}).status_code == 200
    assert login_client("dn.baocao").get("/phan-tich/").status_code == 403
