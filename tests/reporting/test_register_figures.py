"""Register figures fill a report: on a submission, "Lấy số liệu từ sổ theo dõi" proposes what
the registers compute for the unit over the request's data window, beside the current values,
with their provenance; confirming saves a draft through the real save path, each value with a
"register" source; only the unit's reporters may confirm; the same over the API.

The register is tests/reporting/unit_register.py: it counts OrgUnit rows below the unit. Under
Công an thành phố (DN-CATP) the tests add two units from 2020, one from 01/03/2023 and one that
ended 31/01/2023; the 2023S1 request under the state regime covers 15/12/2022–14/06/2023, so
the register computes 3 units (1 new in the period, 2 older)."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan import registers
from danvan.accounts.permissions import SYSTEM
from danvan.audit.models import AuditEvent
from danvan.orgs.models import OrgUnit
from danvan.reporting import register_figures, services
from danvan.reporting.models import DataValue, Revision
from reporting.cycle import PASSWORD, SECTIONS, issue, make_user, snapshot, submission_of, user
from reporting.unit_register import LABEL, NOBODY, UNITS, only, unit_register  # noqa: F401

pytestmark = pytest.mark.django_db

PROVENANCE = "tính từ 3 đơn vị trực thuộc Công an thành phố Đà Nẵng còn hiệu lực ngày 14/06/2023"


def _template(code: str, indicators: list[str]):
    return services.create_template(
        SYSTEM,
        OrgUnit.objects.get(code="DN-TU"),
        code,
        "Đề cương sổ theo dõi",
        SECTIONS,
        indicators,
    )


@pytest.fixture
def report(unit_register):  # noqa: F811
    """A 2023S1 request (state regime) to the police and the Front, form: the register's
    indicator and one no register computes (typed by hand)."""
    request = issue(
        units=["DN-CATP", "DN-MTTQ"], template=_template("kt-so-theo-doi", [UNITS, NOBODY])
    )
    return submission_of(request, "DN-CATP")


def _page(client, report):
    return f"/bao-cao/nop/{report.assignment_id}/so-theo-doi/"


def _rows(html: str) -> dict[str, str]:
    """{data-key: the row's text without tags}."""
    rows = re.findall(r'<tr data-key="([^"]+)"[^>]*>(.*?)</tr>', html, re.S)
    return {key: " ".join(re.sub(r"<[^>]+>", " ", body).split()) for key, body in rows}


def test_the_proposals_show_each_value_with_its_provenance_beside_the_current_one(
    login_client, report
):
    client = login_client("dn.baocao")
    services.save_draft(user("dn.baocao"), report.pk, 0, {}, {UNITS: "5", f"{UNITS}:cu": "2"})
    page = client.get(_page(client, report))
    assert page.status_code == 200
    rows = _rows(page.content.decode())
    assert list(rows) == [
        UNITS,
        f"{UNITS}:moi",
        f"{UNITS}:cu",
    ]  # form order; NOBODY is computed by no register
    assert rows[UNITS] == (
        f"Đơn vị trực thuộc 5 3 đơn vị (khác giá trị hiện tại) {LABEL}: {PROVENANCE} Xem"
    )
    assert rows[f"{UNITS}:moi"] == (
        f"Đơn vị trực thuộc — Thành lập trong kỳ — 1 đơn vị {LABEL}: "
        "tính từ 1 đơn vị thành lập trong kỳ Xem"
    )
    assert "2 2 đơn vị (trùng giá trị hiện tại)" in rows[f"{UNITS}:cu"]
    assert 'href="/don-vi/DN-CATP/"' in page.content.decode()
    # The submission page offers the action and the register's own entry page.
    sub = client.get(f"/bao-cao/nop/{report.assignment_id}/").content.decode()
    assert f'href="/bao-cao/nop/{report.assignment_id}/so-theo-doi/"' in sub
    assert "Lấy số liệu từ sổ theo dõi" in sub
    assert re.search(r'id="register-links".*href="/don-vi/DN-CATP/"', sub)


def test_confirming_chosen_values_saves_a_draft_with_the_register_as_their_source(
    login_client, report
):
    client = login_client("dn.baocao")
    response = client.post(
        _page(client, report),
        {
            "base_version": "0",
            "accept": [UNITS, f"{UNITS}:moi"],
            f"value:{UNITS}": "3",
            f"value:{UNITS}:moi": "1",
            f"value:{UNITS}:cu": "2",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/bao-cao/nop/{report.assignment_id}/"
    stored = {
        (dv.option.code if dv.option_id else None): dv
        for dv in DataValue.objects.filter(submission=report).select_related("option")
    }
    assert {k: int(v.value) for k, v in stored.items()} == {None: 3, "moi": 1}
    source = stored[None].source
    assert source["kind"] == "register" and source["register"] == "kt_units"
    assert source["text"] == PROVENANCE and source["url"] == "/don-vi/DN-CATP/"
    assert (source["data_from"], source["data_to"]) == ("2022-12-15", "2023-06-14")
    revision = Revision.objects.get(submission=report)
    assert revision.kind == "save" and revision.values == {UNITS: "3", f"{UNITS}:moi": "1"}
    assert revision.source["kind"] == "register" and set(revision.source["values"]) == {
        UNITS,
        f"{UNITS}:moi",
    }
    assert AuditEvent.objects.filter(
        action="reporting.register_figures.confirm", object_id=str(report.pk)
    ).exists()
    page = client.get(f"/bao-cao/nop/{report.assignment_id}/").content.decode()
    assert "Đã lấy 2 số liệu từ sổ theo dõi vào bản nháp báo cáo." in page
    assert f"từ sổ theo dõi {LABEL}: {PROVENANCE}" in page
    assert "(lấy từ sổ theo dõi)" in page
    # A value typed over a register's loses its source; the other keeps it.
    services.save_draft(user("dn.baocao"), report.pk, 1, {}, {UNITS: "4"})
    sources = dict(
        DataValue.objects.filter(submission=report).values_list("option__code", "source")
    )
    assert sources[None] is None and sources["moi"]["kind"] == "register"


def test_accept_all_takes_every_proposal(login_client, report):
    client = login_client("dn.baocao")
    response = client.post(_page(client, report), {"base_version": "0", "tat-ca": "1"})
    assert response.status_code == 302
    assert dict(
        DataValue.objects.filter(submission=report).values_list("option__code", "value")
    ) == {None: 3, "moi": 1, "cu": 2}


def test_a_reporter_of_another_unit_gets_403_and_nothing_changes(login_client, report):
    before = snapshot(report)
    make_user("mttq.baocao", "reporter", "DN-MTTQ")
    front = Client()
    assert front.login(username="mttq.baocao", password=PASSWORD)
    for client in (front, login_client("ct.baocao")):
        assert client.get(_page(client, report)).status_code == 403
        post = client.post(_page(client, report), {"base_version": "0", "tat-ca": "1"})
        assert post.status_code == 403
    assert snapshot(report) == before


def test_a_viewer_or_a_coordinator_reads_but_cannot_confirm(login_client, report):
    before = snapshot(report)
    viewer = login_client("dn.xem")
    assert viewer.get(_page(viewer, report)).status_code == 403  # a draft: viewers do not read it
    assert viewer.post(_page(viewer, report), {"tat-ca": "1"}).status_code == 403
    coordinator = login_client("dn.dieuphoi")
    page = coordinator.get(_page(coordinator, report)).content.decode()
    assert "cannot-confirm" in page and 'name="accept"' not in page
    assert coordinator.post(_page(coordinator, report), {"tat-ca": "1"}).status_code == 403
    assert snapshot(report) == before


def test_a_recount_that_differs_or_a_bad_choice_saves_nothing(login_client, report):
    client = login_client("dn.baocao")
    before = snapshot(report)
    stale = client.post(
        _page(client, report), {"base_version": "0", "accept": [UNITS], f"value:{UNITS}": "7"}
    )
    assert stale.status_code == 409
    assert "Số liệu trong sổ theo dõi đã thay đổi sau khi bạn mở trang" in stale.content.decode()
    assert "Đơn vị trực thuộc: 7 → 3" in stale.content.decode()
    none = client.post(_page(client, report), {"base_version": "0"})
    assert none.status_code == 400
    assert "Chưa chọn số liệu nào để lấy từ sổ theo dõi." in none.content.decode()
    unknown = client.post(_page(client, report), {"base_version": "0", "accept": [NOBODY]})
    assert unknown.status_code == 400
    assert f"Sổ theo dõi không tính số liệu cho: {NOBODY}" in unknown.content.decode()
    old = client.post(_page(client, report), {"base_version": "5", "tat-ca": "1"})
    assert old.status_code == 409
    assert snapshot(report) == before


def test_a_submitted_report_refuses_register_figures(login_client, report):
    services.submit(user("dn.baocao"), report.pk, 0, {"ket-qua": "Nội dung."}, {})
    before = snapshot(report)
    client = login_client("dn.baocao")
    page = client.get(_page(client, report)).content.decode()
    assert "cannot-confirm" in page
    refused = client.post(_page(client, report), {"base_version": "1", "tat-ca": "1"})
    assert refused.status_code == 400
    assert "Báo cáo đã nộp; chỉ sửa được khi bị trả lại." in refused.content.decode()
    assert snapshot(report) == before


def test_empty_state_when_no_register_computes_the_form(login_client, unit_register):  # noqa: F811
    request = issue(units=["DN-CATP"], template=_template("kt-khong-so", [NOBODY]))
    report = submission_of(request, "DN-CATP")
    client = login_client("dn.baocao")
    page = client.get(_page(client, report)).content.decode()
    assert register_figures.EMPTY_MESSAGE in page and "register-figures" not in page
    assert unit_register.calls == []  # nothing asked of a register that computes none of it


def test_without_the_register_the_page_is_empty_and_no_links_show(login_client, report):
    registers.unregister("kt_units")
    client = login_client("dn.baocao")
    assert register_figures.EMPTY_MESSAGE in client.get(_page(client, report)).content.decode()
    with only():
        page = client.get(f"/bao-cao/nop/{report.assignment_id}/").content.decode()
    assert "register-links" not in page


# The API ------------------------------------------------------------------------------------


def _api(report):
    return f"/api/reporting/assignments/{report.assignment_id}/register-figures"


def test_the_api_proposes_and_confirms_with_documented_statuses(client, bearer, report):
    headers = bearer("dn.baocao")
    got = client.get(_api(report), headers=headers)
    assert got.status_code == 200
    body = got.json()
    assert (body["version"], body["data_from"], body["data_to"], body["can_confirm"]) == (
        0,
        "2022-12-15",
        "2023-06-14",
        True,
    )
    assert [(f["key"], f["value"], f["current"]) for f in body["figures"]] == [
        (UNITS, "3", None),
        (f"{UNITS}:moi", "1", None),
        (f"{UNITS}:cu", "2", None),
    ]
    assert body["figures"][0]["provenance"] == PROVENANCE
    assert body["figures"][0]["register_label"] == LABEL

    def post(payload, who=headers):
        return client.post(
            _api(report), json.dumps(payload), content_type="application/json", headers=who
        )

    before = snapshot(report)
    assert post({"base_version": 0, "accept": []}).status_code == 400
    assert post({"base_version": 0, "accept": ["khong-co"]}).status_code == 400
    assert post({"base_version": 3, "accept": [UNITS]}).status_code == 409
    assert post({"base_version": 0, "accept": [UNITS], "expected": {UNITS: 4}}).status_code == 409
    assert post({"base_version": 0, "accept": "x"}).status_code == 422
    assert post({"base_version": 0, "accept": [UNITS]}, bearer("ct.baocao")).status_code == 403
    assert post({"base_version": 0, "accept": [UNITS]}, bearer("dn.dieuphoi")).status_code == 403
    assert client.get(_api(report), headers=bearer("ct.baocao")).status_code == 403
    assert (
        client.get(
            "/api/reporting/assignments/999999999/register-figures", headers=headers
        ).status_code
        == 404
    )
    assert snapshot(report) == before

    done = post({"base_version": 0, "accept": [f"{UNITS}:cu"], "expected": {f"{UNITS}:cu": 2}})
    assert done.status_code == 200
    assert done.json()["revision"] == 1 and done.json()["version"] == 1
    assert [f["current"] for f in done.json()["figures"]] == [None, None, "2"]
    saved = DataValue.objects.get(submission=report)
    assert (saved.option.code, saved.value, saved.source["kind"]) == ("cu", 2, "register")


# The inbox --------------------------------------------------------------------------------


def test_the_inbox_lists_the_registers_items_with_dates(login_client, bearer, unit_register):  # noqa: F811
    with only(unit_register):  # the real registers' items are theirs to test
        _inbox_items_shown(login_client, bearer)
    # Nothing due in any register: the empty state.
    with only():
        other = login_client("ct.baocao")
        empty = other.get("/bao-cao/hop-thu/").content.decode()
        assert "Không có việc nào cần cập nhật trong sổ theo dõi." in empty
        assert other.get("/api/reporting/inbox").json()["register_items"] == []


def _inbox_items_shown(login_client, bearer):
    client = login_client("dn.baocao")
    page = client.get("/bao-cao/hop-thu/").content.decode()
    section = page[page.index('id="inbox-registers"') :]
    assert "Việc cần cập nhật trong sổ theo dõi" in section
    text = " ".join(re.sub(r"<[^>]+>", " ", section).split())
    assert f"Xác nhận đơn vị trực thuộc: Phòng An ninh mạng {LABEL} 31/03/2023 Quá hạn" in text
    items = [
        i
        for i in client.get("/api/reporting/inbox", headers=bearer("dn.baocao")).json()[
            "register_items"
        ]
        if i["register_label"] == LABEL
    ]
    # Overdue first, then by due date: three units from 01/01/2020, one from 01/03/2023.
    assert [(i["due"], i["overdue"]) for i in items] == [
        ("2020-01-31", True),
        ("2020-01-31", True),
        ("2020-01-31", True),
        ("2023-03-31", True),
    ]
    assert items[-1]["title"] == "Xác nhận đơn vị trực thuộc: Phòng An ninh mạng"
    assert items[-1]["url"] == "/don-vi/KT-PC03/"


# No input reaches a server error ------------------------------------------------------------

AWKWARD = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["3", "1.868", "95,5", "-1", str(2**70), "\ud800", "", "x" * 500, UNITS]),
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    accept=st.lists(
        st.one_of(st.sampled_from([UNITS, f"{UNITS}:moi", f"{UNITS}:cu", NOBODY]), AWKWARD),
        max_size=4,
    ),
    values=st.dictionaries(
        st.sampled_from([UNITS, f"{UNITS}:moi", f"{UNITS}:cu"]).map(lambda k: f"value:{k}"),
        AWKWARD,
    ),
    base_version=AWKWARD,
    all_=st.booleans(),
)
def test_the_confirm_form_never_answers_a_server_error(
    login_client, report, accept, values, base_version, all_
):
    client = login_client("dn.baocao")
    before = snapshot(report)
    data = {"accept": accept, "base_version": base_version, **values}
    if all_:
        data["tat-ca"] = "1"
    try:
        response = client.post(_page(client, report), data)
    except UnicodeEncodeError:  # the test client cannot even encode a lone surrogate
        return
    assert response.status_code in (302, 400, 409), response.status_code
    if response.status_code != 302:
        assert snapshot(report) == before
    else:
        # Saved: restore the draft state for the next example.
        Revision.objects.filter(submission=report).delete()
        DataValue.objects.filter(submission=report).delete()
        type(report).objects.filter(pk=report.pk).update(version=0)
