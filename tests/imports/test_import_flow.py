"""A unit's file becomes its submission: kept once by content, read in the background, its
figures proposed and confirmed by a person, provenance kept. Bad files change nothing."""

import datetime as dt
import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model

from danvan.accounts.permissions import SYSTEM, ScopeDenied
from danvan.accounts.services import create_user, grant_role
from danvan.imports import services
from danvan.imports.models import ImportJob, StoredFile, Upload
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import Assignment, DataValue, Revision

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seeds"
JUNE_2019 = dt.datetime(2019, 6, 5, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def reporter(db):
    create_user(SYSTEM, "ct.ubnd", "Song-Han#2026")
    grant_role(SYSTEM, "ct.ubnd", "CT-UBND", "reporter")
    return get_user_model().objects.get(username="ct.ubnd")


@pytest.fixture
def assignment(db):
    # The Cần Thơ 2019 request's People's Committee never answered: its report is still a draft.
    return Assignment.objects.get(request__period__code="2019S1", unit__code="CT-UBND")


def seed_bytes():
    return (SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt").read_bytes()


def test_a_text_report_becomes_proposals_then_a_confirmed_draft(reporter, assignment):
    with recorded_at(JUNE_2019):
        job = services.start_import(reporter, assignment.pk, seed_bytes(), "bao-cao-6-thang.txt")
    assert job.status == "queued"
    job = services.process_job(job.pk)
    assert job.status == "ready", job.error
    proposals = {p["key"]: p for p in job.result["values"]}
    assert proposals["dvk-tccs-duy-tri-mo-hinh"]["value"] == 97
    assert proposals["tccs-dang-tong-so"]["value"] == 97
    assert proposals["dvk-tccs-duy-tri-mo-hinh"]["source"]["text"] == "97/97 tổ chức"
    matched = {m["template_section"] for m in job.result["sections"]}
    assert {"dac-diem", "danh-gia", "nhiem-vu"} <= matched
    assert Revision.objects.filter(submission=assignment.submission).count() == 0, (
        "nothing saved before confirming"
    )

    with recorded_at(JUNE_2019):
        services.confirm_import(
            reporter,
            job.pk,
            assignment.submission.version,
            {"dvk-tccs-duy-tri-mo-hinh": "97", "tccs-dang-tong-so": "97"},
            {"dac-diem": "Tình hình ổn định."},
        )
    revision = Revision.objects.get(submission=assignment.submission)
    assert revision.kind == "import" and revision.author == reporter
    assert revision.values == {"dvk-tccs-duy-tri-mo-hinh": "97", "tccs-dang-tong-so": "97"}
    assert revision.source["file"]["name"] == "bao-cao-6-thang.txt"
    assert revision.source["values"]["dvk-tccs-duy-tri-mo-hinh"]["text"] == "97/97 tổ chức"
    stored = DataValue.objects.get(
        submission=assignment.submission, indicator__code="dvk-tccs-duy-tri-mo-hinh"
    )
    assert stored.source["context"].startswith("Đến nay có 97/97 tổ chức cơ sở đảng")
    job.refresh_from_db()
    assert job.status == "confirmed" and job.revision == revision


def test_the_same_file_twice_is_kept_once(reporter, assignment):
    # The demo itself imported this seed once already (the bloc committee's answer).
    stored_before = StoredFile.objects.count()
    with recorded_at(JUNE_2019):
        services.start_import(reporter, assignment.pk, seed_bytes(), "lan-1.txt")
        services.start_import(reporter, assignment.pk, seed_bytes(), "lan-2.txt")
    assert StoredFile.objects.count() == stored_before
    names = Upload.objects.filter(
        file__sha256=StoredFile.objects.get(size=len(seed_bytes())).sha256
    )
    assert list(names.order_by("id").values_list("original_name", flat=True)) == [
        "cantho-dukhoi-dan-van-6t-2019.txt",
        "lan-1.txt",
        "lan-2.txt",
    ]


def test_a_corrupt_pdf_fails_with_one_message_and_changes_nothing(reporter, assignment):
    with recorded_at(JUNE_2019):
        job = services.start_import(
            reporter, assignment.pk, b"%PDF-1.7\n" + b"\x00garbage" * 50, "hong.pdf"
        )
    job = services.process_job(job.pk)
    assert job.status == "failed"
    assert job.error and "\n" not in job.error
    assert Revision.objects.filter(submission=assignment.submission).count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Tệp rỗng."),
        (b"GIF89a" + bytes(range(256)) * 4, "Định dạng tệp không được hỗ trợ"),
    ],
)
def test_empty_and_unsupported_files_are_refused_before_storing(
    reporter, assignment, data, message
):
    before = (StoredFile.objects.count(), ImportJob.objects.count())
    with recorded_at(JUNE_2019), pytest.raises(services.ImportRefused, match=message):
        services.start_import(reporter, assignment.pk, data, "tep.bin")
    assert (StoredFile.objects.count(), ImportJob.objects.count()) == before


def test_an_oversized_file_is_refused(reporter, assignment, settings):
    settings.DANVAN_MAX_UPLOAD_BYTES = 1024
    before = StoredFile.objects.count()
    with recorded_at(JUNE_2019), pytest.raises(services.ImportRefused, match="Tệp quá lớn"):
        services.start_import(reporter, assignment.pk, b"a" * 2048, "lon.txt")
    assert StoredFile.objects.count() == before


def test_a_reporter_imports_only_for_their_own_unit(db, assignment):
    other = get_user_model().objects.get(username="dn.baocao")
    before = Upload.objects.count()
    with recorded_at(JUNE_2019), pytest.raises(ScopeDenied):
        services.start_import(other, assignment.pk, seed_bytes(), "x.txt")
    assert Upload.objects.count() == before


def test_a_locked_report_cannot_be_imported_into(reporter, assignment):
    # Today the 2019 request has been locked for years.
    with pytest.raises(services.ImportRefused, match="đã khóa số liệu"):
        services.start_import(reporter, assignment.pk, seed_bytes(), "x.txt")


def test_the_pages_upload_poll_and_confirm(client, reporter, assignment):
    with time_machine.travel(JUNE_2019, tick=True):
        client.force_login(reporter)
        with open(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt", "rb") as handle:
            response = client.post(f"/nhap-tep/bao-cao/{assignment.pk}/", {"file": handle})
        assert response.status_code == 302
        job_url = response["Location"]
        polling = client.get(job_url, headers={"HX-Request": "true"})
        assert "Đang chờ" in polling.content.decode()
        services.run_queued()
        done = client.get(job_url, headers={"HX-Request": "true"})
        assert done.status_code == 204 and done["HX-Refresh"] == "true"
        page = client.get(job_url).content.decode()
        assert "<mark>97/97 tổ chức</mark>" in page
        job = ImportJob.objects.get(assignment=assignment)
        response = client.post(
            f"{job_url}xac-nhan/",
            {
                "base_version": assignment.submission.version,
                "accept": ["dvk-tccs-duy-tri-mo-hinh"],
                "value:dvk-tccs-duy-tri-mo-hinh": "97",
                "section:dac-diem": "Ổn định.",
            },
        )
        assert response.status_code == 302, response.content.decode()[:400]
    job.refresh_from_db()
    assert job.status == "confirmed"
    assert job.revision.values == {"dvk-tccs-duy-tri-mo-hinh": "97"}, "only what the person ticked"


def test_dry_run_routes_and_proposes_without_saving(db):
    from danvan.imports import cli_import
    from danvan.registry.models import Document

    before = (StoredFile.objects.count(), ImportJob.objects.count(), Document.objects.count())
    outcome = cli_import.run(SYSTEM, seed_bytes(), "cantho.txt", dry_run=True)
    assert outcome["unit"] == {
        "code": "CT-DUK",
        "name": "Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ",
    }
    assert outcome["request"]["document"] == "Công văn 644-CV/BDVTU ngày 07/05/2019"
    assert {(v["indicator"]["code"], v["value"]) for v in outcome["values"]} == {
        ("dvk-tccs-duy-tri-mo-hinh", 97),
        ("tccs-dang-tong-so", 97),
    }
    cited = {r["symbol"]: r["registry_id"] for r in outcome["references"]}
    assert cited["644-CV/BDVTU"] == Document.objects.get(symbol="644-CV/BDVTU").pk
    # The demo's own import of this file registered what it cites.
    assert (
        cited["290-QĐ/TW"] == Document.objects.get(symbol="290-QĐ/TW", date=dt.date(2010, 2, 25)).pk
    )
    assert (
        StoredFile.objects.count(),
        ImportJob.objects.count(),
        Document.objects.count(),
    ) == before


def test_confirming_fills_the_registry_once(reporter, assignment):
    from danvan.registry.models import Document

    with recorded_at(JUNE_2019):
        job = services.process_job(
            services.start_import(reporter, assignment.pk, seed_bytes(), "a.txt").pk
        )
        services.confirm_import(
            reporter, job.pk, assignment.submission.version, {}, {"dac-diem": "x"}
        )
    assert Document.objects.filter(symbol="290-QĐ/TW", date=dt.date(2010, 2, 25)).count() == 1
    assert Document.objects.filter(symbol="644-CV/BDVTU").count() == 1, (
        "the request document is not duplicated"
    )


def test_the_api_uploads_reports_progress_and_confirms(client, reporter, assignment):
    with time_machine.travel(JUNE_2019, tick=True):
        client.force_login(reporter)
        with open(SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt", "rb") as handle:
            created = client.post(f"/api/imports/assignments/{assignment.pk}", {"file": handle})
        assert created.status_code == 201, created.content.decode()[:300]
        job_id = created.json()["id"]
        assert created.json()["status"] == "queued"
        services.run_queued()
        ready = client.get(f"/api/imports/jobs/{job_id}").json()
        assert (ready["status"], ready["step"]) == ("ready", 3)
        confirmed = client.post(
            f"/api/imports/jobs/{job_id}/confirm",
            json.dumps(
                {"base_version": assignment.submission.version, "values": {"tccs-dang-tong-so": 97}}
            ),
            content_type="application/json",
        )
        assert confirmed.status_code == 200, confirmed.content.decode()[:300]
        assert confirmed.json()["revision"] == 1
        submission = client.get(f"/api/reporting/assignments/{assignment.pk}").json()
    assert submission["values"] == {"tccs-dang-tong-so": "97"}
    assert (
        submission["revisions"][0]["source"]["values"]["tccs-dang-tong-so"]["text"]
        == "97/97 tổ chức"
    )


def test_the_api_refuses_another_units_upload(client, assignment):
    client.force_login(get_user_model().objects.get(username="dn.baocao"))
    before = Upload.objects.count()
    response = client.post(
        f"/api/imports/assignments/{assignment.pk}", {"file": io.BytesIO(seed_bytes())}
    )
    assert response.status_code == 403
    assert Upload.objects.count() == before


def test_provenance_survives_a_later_manual_save_and_shows_on_the_page(
    client, reporter, assignment
):
    from danvan.reporting import services as reporting_services

    with recorded_at(JUNE_2019):
        job = services.process_job(
            services.start_import(reporter, assignment.pk, seed_bytes(), "a.txt").pk
        )
        services.confirm_import(
            reporter,
            job.pk,
            assignment.submission.version,
            {"dvk-tccs-duy-tri-mo-hinh": "97", "tccs-dang-tong-so": "97"},
            {},
        )
        assignment.submission.refresh_from_db()
        # The person changes one figure by hand; the other keeps its source.
        reporting_services.save_draft(
            reporter,
            assignment.submission.pk,
            assignment.submission.version,
            {},
            {"dvk-tccs-duy-tri-mo-hinh": "96", "tccs-dang-tong-so": "97"},
        )
    sources = {
        dv.indicator.code: dv.source
        for dv in DataValue.objects.filter(submission=assignment.submission)
    }
    assert sources["dvk-tccs-duy-tri-mo-hinh"] is None
    assert sources["tccs-dang-tong-so"]["text"] == "97/97 tổ chức"
    client.force_login(reporter)
    page = client.get(f"/bao-cao/nop/{assignment.pk}/").content.decode()
    assert "từ tệp: “97/97 tổ chức”" in page
