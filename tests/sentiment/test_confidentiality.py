"""Confidentiality through every path: page, API, export, drafted report, search, figures.

A named source: read by the recording unit and by people an administrator names (audited),
never by superuser status. A restricted signal: seen only inside its unit's subtree, and
never in an export, a report or a figure."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from danvan import registers
from danvan.audit.models import AuditEvent
from danvan.orgs.models import OrgUnit
from danvan.sentiment import drafting, services
from danvan.sentiment.models import SourceGrant

SOURCE = "Lê Thị Mai"
SECRET_TEXT = "Tin báo riêng về nhóm người dự định tụ tập tại cổng trạm BOT T2."


@pytest.fixture
def named(record):
    return record(source_name=SOURCE)


@pytest.fixture
def restricted(record):
    return record(text=SECRET_TEXT, restricted=True, topic="an-ninh")


def page(client, signal):
    return client.get(f"/tinh-hinh-nhan-dan/y-kien/{signal.pk}/")


def test_the_recording_unit_reads_the_name_and_the_read_is_logged(login_client, named):
    response = page(login_client("ct.baocao"), named)
    assert SOURCE in response.content.decode()
    assert AuditEvent.objects.filter(
        action="sentiment.source.read", object_id=str(named.pk)
    ).exists()


@pytest.mark.parametrize("username", ["ct.dieuphoi", "admin"])
def test_above_the_unit_the_signal_is_seen_without_the_name(login_client, named, username):
    client = login_client(username)
    body = page(client, named).content.decode()
    assert "trạm thu phí BOT T2" in body
    assert SOURCE not in body and "(đã ẩn)" in body
    listing = client.get("/tinh-hinh-nhan-dan/y-kien/?q=BOT").content.decode()
    assert "trạm thu phí BOT T2" in listing and SOURCE not in listing
    answer = client.get(f"/api/sentiment/signals/{named.pk}").json()
    assert answer["source"] == "(đã ẩn)"


def test_a_grant_names_the_person_and_a_revocation_ends_it(login_client, named, demo_user):
    client = login_client("admin")
    response = client.post(
        "/tinh-hinh-nhan-dan/quyen-xem-nguon/",
        {"username": "ct.dieuphoi", "unit": "CT-DUCQD", "reason": "Xác minh tin báo"},
    )
    assert response.status_code == 302
    grant = AuditEvent.objects.get(action="sentiment.source.grant")
    assert grant.after["user"] == "ct.dieuphoi" and grant.actor.username == "admin"
    # The administrator who granted it still does not read the name (no bypass).
    assert SOURCE not in page(client, named).content.decode()
    coordinator = login_client("ct.dieuphoi")
    assert SOURCE in page(coordinator, named).content.decode()
    assert coordinator.get(f"/api/sentiment/signals/{named.pk}").json()["source"] == SOURCE
    grant_id = SourceGrant.objects.get(user__username="ct.dieuphoi").pk
    admin = login_client("admin")
    assert admin.post(f"/tinh-hinh-nhan-dan/quyen-xem-nguon/{grant_id}/thu-hoi/").status_code == 302
    coordinator = login_client("ct.dieuphoi")
    assert SOURCE not in page(coordinator, named).content.decode()


def test_only_an_administrator_grants(login_client):
    response = login_client("ct.dieuphoi").get("/tinh-hinh-nhan-dan/quyen-xem-nguon/")
    assert response.status_code == 403
    assert "chỉ quản trị viên" in response.content.decode()


@pytest.mark.parametrize("username", ["ct.dieuphoi", "admin"])
def test_a_restricted_signal_never_leaves_the_units_subtree(login_client, restricted, username):
    client = login_client(username)
    assert page(client, restricted).status_code == 404
    assert client.get(f"/api/sentiment/signals/{restricted.pk}").status_code == 404
    assert SECRET_TEXT not in client.get("/tinh-hinh-nhan-dan/y-kien/?q=BOT").content.decode()
    api = client.get("/api/sentiment/signals?q=BOT").json()
    assert all(item["text"] != SECRET_TEXT for item in api["items"])
    user = restricted.recorded_by.__class__.objects.get(username=username)
    assert all(hit.excerpt != SECRET_TEXT[:200] for hit in registers.search(user, "cổng trạm"))


def test_inside_the_unit_it_is_read_but_never_exported_or_reported(login_client, restricted):
    client = login_client("ct.baocao")
    assert page(client, restricted).status_code == 200
    export = client.get("/tinh-hinh-nhan-dan/y-kien/xuat/?q=BOT")
    cells = [
        str(c.value)
        for row in load_workbook(io.BytesIO(export.content)).worksheets[0].iter_rows()
        for c in row
    ]
    assert SECRET_TEXT not in cells
    unit = OrgUnit.objects.get(code="CT-DUCQD")
    draft = drafting.draft(unit, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert SECRET_TEXT not in " ".join(draft.sections.values())
    assert draft.signal_count == 0
    figures = registers.compute(
        unit=unit, date_from=dt.date(2026, 11, 1), date_to=dt.date(2026, 11, 30)
    )
    assert figures["tt_y_kien_chu_de:an-ninh"].value == 0


def test_exports_and_reports_never_name_a_source(login_client, named):
    client = login_client("ct.baocao")  # the recording unit itself
    export = client.get("/tinh-hinh-nhan-dan/y-kien/xuat/?q=BOT")
    cells = " ".join(
        str(c.value)
        for row in load_workbook(io.BytesIO(export.content)).worksheets[0].iter_rows()
        for c in row
    )
    assert "trạm thu phí BOT T2" in cells and SOURCE not in cells
    draft = drafting.draft(named.unit, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    text = " ".join(draft.sections.values())
    assert "BOT T2" in text and SOURCE not in text
    api = client.get("/api/sentiment/report?unit=CT-DUCQD&period=202611").json()
    assert SOURCE not in str(api) and api["signal_count"] == 1


def test_the_collaborator_roster_is_read_like_a_source(login_client, demo_user):
    # The demo's CTV belongs to CT-DUK; its reporter reads the roster, the coordinator not.
    assert (
        "Trần Văn Minh"
        in login_client("ct.baocao").get("/tinh-hinh-nhan-dan/cong-tac-vien/").content.decode()
    )
    assert (
        "Trần Văn Minh"
        not in login_client("ct.dieuphoi")
        .get("/tinh-hinh-nhan-dan/cong-tac-vien/")
        .content.decode()
    )
    assert services.readable_sources(demo_user("admin")) == set()
