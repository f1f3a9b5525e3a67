"""Fixtures for the API tests: a fresh request with a draft to write."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.permissions import SYSTEM
from danvan.orgs.models import OrgUnit
from danvan.reporting import services as reporting_services
from danvan.reporting.models import ReportTemplate


@pytest.fixture
def draft(db):
    """A request of the Đà Nẵng board to the city police (DN-CATP, reporter dn.baocao), with
    the demo's template, its deadline ahead: the police's assignment, still an empty draft."""
    request = reporting_services.issue_request(
        SYSTEM,
        issuer=OrgUnit.objects.get(code="DN-BDVTU"),
        title="Báo cáo kết quả phối hợp công tác dân vận năm 2030",
        template=ReportTemplate.objects.filter(code="phoi-hop-dan-van-6-thang").latest("version"),
        period_code="2030",
        unit_codes=["DN-CATP"],
        deadline=dt.date(2030, 12, 15),
    )
    return request.assignments.get(unit__code="DN-CATP")
