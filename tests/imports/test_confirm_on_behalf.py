"""A coordinator of the request's board imports a file a unit sent and confirms it on the
unit's behalf: the service, the page and the API agree, and the revision says so. Other roles
that may read the report (leaders, viewers) and coordinators elsewhere may not."""

import json

import pytest
from django.contrib.auth import get_user_model

from danvan.accounts.permissions import ScopeDenied
from danvan.demo.current import BOARD, half_year_title
from danvan.imports import services
from danvan.imports.models import ImportJob
from danvan.reporting.clock import today
from danvan.reporting.models import Assignment, Revision

from .conftest import SEEDS

NOTE = "Xác nhận thay mặt đơn vị (cán bộ điều phối của ban ra yêu cầu)"
SEED = SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt"


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def police(db):
    """The police's assignment in the demo's current half-year request (a draft, due ahead)."""
    return Assignment.objects.get(
        request__title=half_year_title(today()),
        request__issuer__code=BOARD,
        unit__code="DN-CATP",
    )


def ready_job(actor, assignment) -> ImportJob:
    job = services.start_import(actor, assignment.pk, SEED.read_bytes(), "cong-an-gui.txt")
    job = services.process_job(job.pk)
    assert job.status == "ready", job.error
    return job


def test_the_service_records_a_coordinators_confirmation_as_on_behalf_of_the_unit(police):
    coordinator = user("dn.dieuphoi")
    job = ready_job(coordinator, police)
    services.confirm_import(coordinator, job.pk, police.submission.version, {"tin-bai": "8692"}, {})
    revision = Revision.objects.get(submission=police.submission)
    assert (revision.kind, revision.author, revision.comment) == ("import", coordinator, NOTE)
    assert revision.source["on_behalf_of_unit"] is True
    assert revision.values == {"tin-bai": "8692"}
    police.submission.refresh_from_db()
    assert police.submission.status == "draft", "the unit still submits its own report"


def test_a_reporter_confirming_for_their_own_unit_is_not_on_behalf(police):
    reporter = user("dn.baocao")
    job = ready_job(reporter, police)
    services.confirm_import(reporter, job.pk, police.submission.version, {"tin-bai": "8692"}, {})
    revision = Revision.objects.get(submission=police.submission)
    assert revision.comment == "" and "on_behalf_of_unit" not in revision.source


def test_the_page_shows_and_accepts_the_confirmation_on_behalf(client, police):
    coordinator = user("dn.dieuphoi")
    job = ready_job(coordinator, police)
    client.force_login(coordinator)
    page = client.get(f"/nhap-tep/lan/{job.pk}/").content.decode()
    assert 'id="on-behalf"' in page and "thay mặt Công an thành phố Đà Nẵng" in page
    assert "Xác nhận và lưu vào bản nháp" in page
    response = client.post(
        f"/nhap-tep/lan/{job.pk}/xac-nhan/",
        {
            "base_version": police.submission.version,
            "accept": ["tin-bai"],
            "value:tin-bai": "8.692",
        },
    )
    text = response.content.decode()
    assert response.status_code == 302, text[text.find('id="confirm-errors"') :][:400]
    assert response["Location"] == f"/bao-cao/nop/{police.pk}/"
    history = client.get(response["Location"]).content.decode()
    assert NOTE in history


def test_the_api_confirms_on_behalf_too(client, police):
    coordinator = user("dn.dieuphoi")
    job = ready_job(coordinator, police)
    client.force_login(coordinator)
    response = client.post(
        f"/api/imports/jobs/{job.pk}/confirm",
        json.dumps({"base_version": police.submission.version, "values": {"tin-bai": "8692"}}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content.decode()[:400]
    assert response.json()["status"] == "confirmed"
    revision = Revision.objects.get(submission=police.submission)
    assert revision.comment == NOTE


@pytest.mark.parametrize("username", ["dn.lanhdao", "dn.xem", "ct.dieuphoi"])
def test_others_may_neither_import_nor_confirm(client, police, username):
    with pytest.raises(ScopeDenied):
        services.start_import(user(username), police.pk, SEED.read_bytes(), "x.txt")
    job = ready_job(user("dn.dieuphoi"), police)
    client.force_login(user(username))
    assert client.get(f"/nhap-tep/lan/{job.pk}/").status_code == 403
    page = client.post(
        f"/nhap-tep/lan/{job.pk}/xac-nhan/",
        {"base_version": police.submission.version, "accept": ["tin-bai"], "value:tin-bai": "1"},
    )
    assert page.status_code == 403 and "quyền" in page.content.decode()
    api = client.post(
        f"/api/imports/jobs/{job.pk}/confirm",
        json.dumps({"base_version": police.submission.version, "values": {"tin-bai": "1"}}),
        content_type="application/json",
    )
    assert api.status_code == 403 and "quyền" in api.json()["detail"]
    assert not Revision.objects.filter(submission=police.submission).exists()
