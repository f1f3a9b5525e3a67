"""A coordinator drops many files (or a .zip): each is kept, routed to its unit and request,
reviewed, and imported at most once. Nothing is lost."""

import datetime as dt
import io
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model

from danvan.accounts.permissions import ScopeDenied
from danvan.imports import services
from danvan.imports.models import BatchFile, ImportJob

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seeds"
JUNE_2019 = dt.datetime(2019, 6, 6, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
UBND_REPORT = """ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ

BÁO CÁO

công tác dân vận 6 tháng đầu năm 2019

Thực hiện Công văn số 644-CV/BDVTU, ngày 07/5/2019 của Ban Dân vận Thành ủy về việc báo cáo công tác dân vận 6 tháng đầu năm 2019, Ủy ban nhân dân thành phố báo cáo như sau:

I. ĐẶC ĐIỂM TÌNH HÌNH

Tình hình kinh tế - xã hội ổn định.
""".encode()


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def coordinator(db):
    return get_user_model().objects.get(username="ct.dieuphoi")


def statuses(batch):
    return {row.name: (row.status, row.error) for row in batch.files.all()}


def test_a_zip_of_reports_is_kept_routed_and_imported_once(coordinator):
    can_tho = (SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt").read_bytes()
    archive = zipped(
        {
            "ubnd/bao-cao-ubnd.txt": UBND_REPORT,
            "dukhoi.txt": can_tho,
            "dukhoi-ban-sao.txt": can_tho,
            "danang.txt": (SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt").read_bytes(),
            "hong.pdf": b"%PDF-1.7\n" + b"\x00hong" * 40,
            "anh.gif": b"GIF89a" + bytes(range(256)) * 2,
            "bom.txt": b"0" * (20 * 1024 * 1024),
        }
    )
    with time_machine.travel(JUNE_2019, tick=True):
        batch = services.start_batch(coordinator, [("tuan-nay.zip", archive)])
        services.run_queued()
    result = statuses(batch)
    assert len(result) == 7, "every file of the archive has its row"
    assert result["bao-cao-ubnd.txt"] == ("routed", "")
    # The demo already imported this very file as the bloc committee's answer.
    demo_job = ImportJob.objects.get(assignment__unit__code="CT-DUK")
    assert result["dukhoi.txt"] == (
        "duplicate",
        f"Tệp này đã được nhập cho báo cáo này (lần nhập {demo_job.pk}).",
    )
    assert result["dukhoi-ban-sao.txt"] == ("duplicate", "Trùng nội dung với tệp dukhoi.txt.")
    assert result["danang.txt"][0] == "unroutable"
    assert result["hong.pdf"][0] == "failed" and result["hong.pdf"][1]
    assert result["anh.gif"] == (
        "failed",
        "Định dạng tệp không được hỗ trợ; chỉ nhận .docx, .doc, .pdf, .txt và ảnh trang .png, .jpg, .tif.",
    )
    assert result["bom.txt"] == (
        "failed",
        "Tệp nén bất thường (tỷ lệ nén quá cao), không giải nén.",
    )

    routed = BatchFile.objects.get(batch=batch, name="bao-cao-ubnd.txt")
    assert routed.assignment.unit.code == "CT-UBND"
    assert routed.route["request"]["document"] == "Công văn 644-CV/BDVTU ngày 07/05/2019"
    with time_machine.travel(JUNE_2019, tick=True):
        assert services.import_batch(coordinator, batch.pk, [routed.pk]) == 1
        assert services.import_batch(coordinator, batch.pk, [routed.pk]) == 0, (
            "never imported twice"
        )
        services.run_queued()
    job = ImportJob.objects.get(assignment=routed.assignment)
    assert job.status == "ready" and job.created_by == coordinator

    with time_machine.travel(JUNE_2019, tick=True):
        again = services.start_batch(coordinator, [("lai.txt", UBND_REPORT)])
        services.run_queued()
    assert statuses(again)["lai.txt"] == (
        "duplicate",
        f"Tệp này đã được nhập cho báo cáo này (lần nhập {job.pk}).",
    )


def test_reporters_cannot_start_batches(db):
    with pytest.raises(ScopeDenied):
        services.start_batch(
            get_user_model().objects.get(username="ct.baocao"), [("a.txt", UBND_REPORT)]
        )


def test_the_pages_show_progress_and_the_review_list(client, coordinator):
    with time_machine.travel(JUNE_2019, tick=True):
        client.force_login(coordinator)
        response = client.post("/nhap-tep/lo/moi/", {"files": [io.BytesIO(UBND_REPORT)]})
        assert response.status_code == 302
        url = response["Location"]
        assert (
            "Đã nhận dạng 0/1 tệp"
            in client.get(url, headers={"HX-Request": "true"}).content.decode()
        )
        services.run_queued()
        assert client.get(url, headers={"HX-Request": "true"})["HX-Refresh"] == "true"
        page = client.get(url).content.decode()
        assert "Ủy ban nhân dân thành phố Cần Thơ" in page and 'name="row"' in page
    client.force_login(get_user_model().objects.get(username="dn.dieuphoi"))
    assert client.get(url).status_code == 403


def test_a_hundred_files_are_all_accounted_for(coordinator):
    files = {
        f"bao-cao-{n:03d}.txt": UBND_REPORT + f"\nPhụ lục số {n}.\n".encode() for n in range(100)
    }
    with time_machine.travel(JUNE_2019, tick=True):
        batch = services.start_batch(coordinator, [("lo-100.zip", zipped(files))])
        while services.run_queued(limit=25):
            pass
    rows = list(batch.files.order_by("position"))
    assert [row.name for row in rows] == sorted(files)
    assert {row.status for row in rows} == {"routed"}
    with time_machine.travel(JUNE_2019, tick=True):
        assert services.import_batch(coordinator, batch.pk, [row.pk for row in rows]) == 100
    # One unit's report, a hundred candidate files: a hundred jobs to confirm, none twice.
    assert ImportJob.objects.filter(assignment=rows[0].assignment).count() == 100


def test_a_docx_with_an_external_entity_fails_cleanly(coordinator):
    docx = zipped(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>",
        }
    )
    with time_machine.travel(JUNE_2019, tick=True):
        batch = services.start_batch(coordinator, [("xxe.docx", docx)])
        services.run_queued()
    row = batch.files.get()
    assert row.status == "failed"
    assert "root:" not in row.error and row.error


UNCITED_REPORT = UBND_REPORT.replace(
    "Thực hiện Công văn số 644-CV/BDVTU, ngày 07/5/2019 của Ban Dân vận Thành ủy về việc báo cáo công tác dân vận 6 tháng đầu năm 2019, ".encode(),
    b"",
).replace("6 tháng đầu năm 2019".encode(), "năm 2018".encode())


def test_a_file_without_its_request_is_imported_into_a_report_picked_by_hand(client, coordinator):
    """The UBND report with its request citation cut and another period: the unit is recognised,
    the request is not. The review list offers the coordinator's open reports, the recognised
    unit's first; the one picked receives the import, once; a report outside the coordinator's
    scope cannot be picked."""
    from danvan.reporting.models import Assignment

    with time_machine.travel(JUNE_2019, tick=True):
        batch = services.start_batch(coordinator, [("khong-ro.txt", UNCITED_REPORT)])
        services.run_queued()
        row = BatchFile.objects.get(batch=batch)
        assert row.status == "unroutable"
        assert row.route["unit"]["code"] == "CT-UBND"
        client.force_login(coordinator)
        page = client.get(f"/nhap-tep/lo/{batch.pk}/").content.decode()
        assert "Chọn báo cáo mà tệp này trả lời" in page
        target = Assignment.objects.get(unit__code="CT-UBND", request__period__code="2019S1")
        first_group = page.split('<optgroup label="Đơn vị nhận ra từ tệp">')[1].split(
            "</optgroup>"
        )[0]
        assert f'value="{target.pk}"' in first_group
        elsewhere = Assignment.objects.filter(unit__code__startswith="DN-").first()
        url = f"/nhap-tep/lo/{batch.pk}/tep/{row.pk}/chon/"
        assert client.post(url, {"assignment": elsewhere.pk}).status_code == 403
        response = client.post(url, {"assignment": target.pk}, follow=True)
        assert "Đã đưa tệp vào nhập" in response.content.decode()
        again = client.post(url, {"assignment": target.pk}, follow=True).content.decode()
        assert "Tệp này không còn chờ chọn nơi nhận" in again
    row.refresh_from_db()
    assert row.status == "imported" and row.assignment == target
    assert ImportJob.objects.filter(assignment=target, upload=row.upload).count() == 1


def test_a_file_for_a_report_already_answered_is_offered_as_its_next_version(coordinator):
    with time_machine.travel(JUNE_2019, tick=True):
        first = services.start_batch(coordinator, [("dau.txt", UBND_REPORT)])
        services.run_queued()
        row = BatchFile.objects.get(batch=first)
        services.import_batch(coordinator, first.pk, [row.pk])
        services.run_queued()
        job = ImportJob.objects.get(assignment=row.assignment, upload=row.upload)
        services.confirm_import(coordinator, job.pk, 0, {}, {})
        later = services.start_batch(
            coordinator, [("bo-sung.txt", UBND_REPORT + "\nBổ sung số liệu.\n".encode())]
        )
        services.run_queued()
    again = BatchFile.objects.get(batch=later)
    assert again.status == "routed" and again.assignment == row.assignment
    assert (
        "Báo cáo này đã có bản 1; tệp sẽ được nhập thành bản mới để xác nhận."
        in again.route["reasons"]
    )


def test_the_review_page_costs_the_same_queries_for_one_or_six_unrouted_files(client, coordinator):
    """The reports to pick from are fetched once per page, not once per unrouted file."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    with time_machine.travel(JUNE_2019, tick=True):
        client.force_login(coordinator)
        for n in (1, 6):
            files = [
                (f"khong-ro-{n}-{i}.txt", UNCITED_REPORT + f"\nGhi chú {n}-{i}.\n".encode())
                for i in range(n)
            ]
            batch = services.start_batch(coordinator, files)
            services.run_queued()
            assert {row.status for row in batch.files.all()} == {"unroutable"}
            with CaptureQueriesContext(connection) as queries:
                page = client.get(f"/nhap-tep/lo/{batch.pk}/").content.decode()
            assert page.count("Chọn báo cáo mà tệp này trả lời") == n
            counts.append(len(queries))
    assert counts[0] == counts[1]
