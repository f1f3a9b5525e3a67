"""The consolidation shows, beside each reported total, what the registers compute for the same
root unit and data window, and flags the difference; nothing when no register computes it.

The register (tests/reporting/unit_register.py) counts the units below Công an thành phố
(DN-CATP) in force on 14/06/2023, the end of 2023S1 under the state regime: 3 (1 started in the
window, 2 older). The police report 4 units, 2 of them older: the total differs, "cu" agrees,
"moi" is computed (1) but not reported."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from danvan.accounts.permissions import SYSTEM
from danvan.orgs.models import OrgUnit
from danvan.reporting import services
from reporting.cycle import SECTIONS, issue, submission_of, user
from reporting.unit_register import UNITS, only, unit_register  # noqa: F401

pytestmark = pytest.mark.django_db

PROVENANCE = "tính từ 3 đơn vị trực thuộc Công an thành phố Đà Nẵng còn hiệu lực ngày 14/06/2023"


@pytest.fixture
def reported(unit_register):  # noqa: F811
    template = services.create_template(
        SYSTEM, OrgUnit.objects.get(code="DN-TU"), "kt-doi-chieu", "Đối chiếu", SECTIONS, [UNITS]
    )
    request = issue(units=["DN-CATP"], template=template)
    report = submission_of(request, "DN-CATP")
    services.submit(user("dn.baocao"), report.pk, 0, {}, {UNITS: "4", f"{UNITS}:cu": "2"})
    unit_register.calls.clear()
    request.register = unit_register  # the provider, to read the calls it answered
    return request


def _rows(html: str) -> dict[str, str]:
    import re

    table = html[html.index('id="totals"') : html.index("</table>", html.index('id="totals"'))]
    rows = re.findall(r'<tr[^>]*data-key="([^"]+)"[^>]*>(.*?)</tr>', table, re.S)
    return {key: " ".join(re.sub(r"<[^>]+>", " ", body).split()) for key, body in rows}


def test_the_page_puts_the_registers_value_beside_each_total_and_flags_differences(
    login_client, reported
):
    client = login_client("dn.dieuphoi")
    page = client.get(f"/tong-hop/?yeu-cau={reported.pk}&don-vi=DN-CATP")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<th>Sổ theo dõi</th>" in html
    rows = _rows(html)
    assert list(rows) == [UNITS, f"{UNITS}:cu", f"{UNITS}:moi"]
    assert rows[UNITS].startswith(
        f"Đơn vị trực thuộc đơn vị 4 3 Chênh lệch so với sổ theo dõi {PROVENANCE} Xem"
    )
    assert "Chênh lệch" not in rows[f"{UNITS}:cu"]
    assert rows[f"{UNITS}:cu"].startswith(
        "Có từ trước kỳ đơn vị 2 2 tính từ 2 đơn vị có từ trước kỳ"
    )
    assert rows[f"{UNITS}:moi"].startswith(
        "Thành lập trong kỳ đơn vị — 1 Chênh lệch so với sổ theo dõi "
        "tính từ 1 đơn vị thành lập trong kỳ"
    )
    # One compute call for the page, over the root and the request's data window.
    assert reported.register.calls == [
        (
            "DN-CATP",
            dt.date(2022, 12, 15),
            dt.date(2023, 6, 14),
            frozenset({UNITS, f"{UNITS}:moi", f"{UNITS}:cu"}),
        )
    ]


def test_by_unit_and_period_the_window_is_the_counted_requests(login_client, reported):
    client = login_client("dn.lanhdao")
    html = client.get("/tong-hop/?don-vi=DN-CATP&ky=2023S1").content.decode()
    assert "Chênh lệch so với sổ theo dõi" in html
    assert [call[1:3] for call in reported.register.calls] == [
        (dt.date(2022, 12, 15), dt.date(2023, 6, 14))
    ]


def test_the_xlsx_and_the_api_carry_the_comparison(login_client, bearer, reported):
    client = login_client("dn.dieuphoi")
    xlsx = client.get(f"/tong-hop/xuat.xlsx?yeu-cau={reported.pk}&don-vi=DN-CATP")
    sheet = load_workbook(io.BytesIO(xlsx.content))["Tổng hợp"]
    assert [c.value for c in sheet[3]][8:] == [
        "Sổ theo dõi tính được",
        "Báo cáo trừ sổ theo dõi",
        "Đối chiếu sổ theo dõi",
    ]
    total = [c.value for c in sheet[4]]
    assert total[0] == UNITS and total[4] == 4 and total[8:10] == [3, 1]
    assert total[10] == f"Chênh lệch so với sổ theo dõi; {PROVENANCE}"
    same = [c.value for c in sheet[5]]
    assert same[2] == "Có từ trước kỳ" and same[8:10] == [2, 0]
    assert same[10] == "tính từ 2 đơn vị có từ trước kỳ"

    api = client.get(
        f"/api/consolidation?unit=DN-CATP&period=2023S1&request_id={reported.pk}",
        headers=bearer("dn.dieuphoi"),
    ).json()
    lines = {(line["indicator"], line["option"]): line for line in api["lines"]}
    assert (lines[(UNITS, None)]["value"], lines[(UNITS, None)]["computed"]) == ("4", "3")
    assert lines[(UNITS, None)]["differs"] is True
    assert lines[(UNITS, None)]["computed_provenance"] == PROVENANCE
    assert lines[(UNITS, "cu")]["differs"] is False
    assert (lines[(UNITS, "moi")]["value"], lines[(UNITS, "moi")]["computed"]) == (None, "1")
    json.dumps(api)


def test_nothing_is_shown_when_no_register_computes_the_indicators(login_client, reported):
    client = login_client("dn.dieuphoi")
    with only():
        html = client.get(f"/tong-hop/?yeu-cau={reported.pk}&don-vi=DN-CATP").content.decode()
        xlsx = client.get(f"/tong-hop/xuat.xlsx?yeu-cau={reported.pk}&don-vi=DN-CATP")
    assert "Sổ theo dõi" not in html and "Chênh lệch" not in html
    assert list(_rows(html)) == [UNITS, f"{UNITS}:cu"]
    header = [c.value for c in load_workbook(io.BytesIO(xlsx.content))["Tổng hợp"][3]]
    assert header[-1] == "Tăng/giảm (%)"
