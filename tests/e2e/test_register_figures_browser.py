"""In Chromium: a reporter opens "Lấy số liệu từ sổ theo dõi" on a report, sees the register's
figures beside the current values with where they come from, keeps two of three, confirms, and
finds them in the draft with their provenance (the register: tests/reporting/unit_register.py,
counting the units below the police; 3 in force at 14/06/2023, 1 of them new, 2 older)."""

from __future__ import annotations

import pytest

from danvan import registers
from danvan.accounts.permissions import SYSTEM
from danvan.orgs.models import OrgUnit
from danvan.reporting import services
from danvan.reporting.models import DataValue
from reporting.cycle import SECTIONS, issue, submission_of
from reporting.unit_register import UNITS, UnitRegister, catalogue, units_below_police

pytestmark = pytest.mark.browser


@pytest.fixture
def register_site(site):
    catalogue()
    units_below_police()
    provider = UnitRegister()
    registers.register(provider)
    yield site
    registers.unregister(provider.key)


def test_a_reporter_takes_two_register_figures_into_the_draft(page, register_site, log_in):
    site = register_site
    template = services.create_template(
        SYSTEM, OrgUnit.objects.get(code="DN-TU"), "kt-so", "Đề cương", SECTIONS, [UNITS]
    )
    report = submission_of(issue(units=["DN-CATP"], template=template), "DN-CATP")
    log_in(page, site, "dn.baocao")
    page.goto(f"{site}/bao-cao/nop/{report.assignment_id}/")
    with page.expect_navigation():
        page.click("#register-figures-link")
    rows = page.locator("#register-figures tbody tr")
    assert rows.count() == 3
    assert page.inner_text(f"tr[data-key='{UNITS}'] td.proposed") == "3 đơn vị"
    assert page.inner_text(f"tr[data-key='{UNITS}'] td.current") == "—"
    assert "tính từ 3 đơn vị trực thuộc Công an thành phố Đà Nẵng còn hiệu lực ngày 14/06/2023" in (
        page.inner_text(f"tr[data-key='{UNITS}']")
    )
    page.uncheck(f"input[name=accept][value='{UNITS}:cu']")
    with page.expect_navigation():
        page.click("#confirm-chosen")
    assert "Đã lấy 2 số liệu từ sổ theo dõi vào bản nháp báo cáo." in page.inner_text("main")
    assert page.input_value(f"input[name='value:{UNITS}']") == "3"
    assert page.input_value(f"input[name='value:{UNITS}:moi']") == "1"
    assert page.input_value(f"input[name='value:{UNITS}:cu']") == ""
    sources = page.locator(".register-source")
    assert sources.count() == 2
    assert sources.first.inner_text().startswith(
        "từ sổ theo dõi Sổ đơn vị trực thuộc (thử nghiệm): tính từ 3 đơn vị"
    )
    assert "(lấy từ sổ theo dõi)" in page.inner_text("#revisions")
    assert sorted(
        (dv.option.code if dv.option_id else "", dv.source["kind"])
        for dv in DataValue.objects.filter(submission=report).select_related("option")
    ) == [("", "register"), ("moi", "register")]
