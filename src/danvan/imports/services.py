"""Every write of a document import: keeping the file, queueing the job, running it, and
confirming its proposals into the submission through the reporting services."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from danvan import background
from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.ingest import DocumentError
from danvan.ingest.sniff import sniff
from danvan.reporting import selectors as reporting_selectors
from danvan.reporting import services as reporting_services
from danvan.reporting.models import Assignment

from . import archives, proposals, routing, storage, tasks
from .access import confirms_on_behalf, require_import_for
from .budget import BudgetExceeded
from .jobs import parse_within_budget, process_job  # noqa: F401 — process_job: run a job now
from .models import Batch, BatchFile, BatchFileStatus, ImportJob, JobStatus, Upload


class ImportRefused(Exception):
    """The file or the action was refused; the message is one Vietnamese line."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def max_upload_bytes() -> int:
    return getattr(settings, "DANVAN_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)


def keep_file(actor, data: bytes, name: str) -> tuple[Upload, bool]:
    """Store the bytes once (by SHA-256) and record this upload; True when seen before."""
    limit = max_upload_bytes()
    if len(data) > limit:
        raise ImportRefused(
            f"Tệp quá lớn ({len(data) // (1024 * 1024)} MB); giới hạn {limit // (1024 * 1024)} MB."
        )
    if not data.strip():
        raise ImportRefused("Tệp rỗng.")
    file_format = sniff(data)
    if file_format is None:
        raise ImportRefused(
            "Định dạng tệp không được hỗ trợ; chỉ nhận .docx, .doc, .pdf, .txt và ảnh trang .png, .jpg, .tif."
        )
    sha256 = storage.digest(data)
    with transaction.atomic():
        stored, seen_before = storage.keep(data, sha256, file_format)
        upload = Upload.objects.create(
            file=stored,
            original_name=name[:255],
            uploaded_by=actor if getattr(actor, "pk", None) else None,
        )
        record_event(
            actor,
            "imports.upload",
            "StoredFile",
            sha256,
            summary=name[:200],
            after={"format": file_format, "size": len(data), "seen_before": seen_before},
        )
    return upload, seen_before


def start_import(actor, assignment_id: int, data: bytes, name: str) -> ImportJob:
    """Queue a file as the answer of one unit's report; the job runs in the background."""
    assignment = reporting_selectors.get_assignment(actor, assignment_id, "reporting.submit")
    require_import_for(actor, assignment)
    if not _open_for_import(assignment):
        raise ImportRefused(
            "Báo cáo này đã nộp, đã tiếp nhận hoặc đã khóa số liệu nên không nhập từ tệp được."
        )
    upload, _ = keep_file(actor, data, name)
    job = ImportJob.objects.create(
        upload=upload,
        assignment=assignment,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record_event(actor, "imports.job.create", "ImportJob", job.pk, summary=name[:200])
    tasks.queue_job(job.pk)
    return job


def run_queued(limit: int | None = None) -> int:
    """Do here and now what the background worker does (`danvan worker`): queue what waits,
    run the tasks that are due; returns how many ran (the demo and the tests use it)."""
    tasks.queue_waiting()
    return background.run_pending(limit)


def confirm_import(
    actor, job_id: int, base_version: int, accepted: dict[str, str], sections: dict[str, str]
) -> ImportJob:
    """Save what the person accepted or corrected as a draft revision marked as imported.

    `accepted` maps a value key ("code" or "code:option") to the confirmed number; proposals
    left out are rejected. Nothing unconfirmed enters the submission."""
    job = (
        ImportJob.objects.select_related(
            "assignment__submission", "assignment__request__issuer", "upload__file"
        )
        .filter(pk=job_id)
        .first()
    )
    if job is None or job.assignment is None:
        raise ImportRefused("Không tìm thấy lần nhập tệp này.")
    require_import_for(actor, job.assignment)
    if job.status != JobStatus.READY:
        raise ImportRefused(
            f"Lần nhập này không còn chờ xác nhận (hiện: {job.get_status_display()})."
        )
    provenance = proposals.provenance(job, accepted)
    on_behalf = confirms_on_behalf(actor, job.assignment)
    if on_behalf:
        provenance["on_behalf_of_unit"] = True
    with transaction.atomic():
        revision = reporting_services.save_draft(
            actor,
            job.assignment.submission.pk,
            base_version,
            sections,
            accepted,
            source=provenance,
            on_behalf=on_behalf,
        )
        proposals.register_references(actor, job)
        ImportJob.objects.filter(pk=job.pk).update(status=JobStatus.CONFIRMED, revision=revision)
        record_event(
            actor, "imports.job.confirm", "ImportJob", job.pk, summary=f"bản {revision.number}"
        )
    job.refresh_from_db()
    return job


# Batches: many files (or a .zip) from a coordinator, routed before anything is imported ------


def start_batch(actor, files: list[tuple[str, bytes]]) -> Batch:
    """Keep every file (archives opened), one row each, in the order given; nothing is lost:
    a file that cannot be kept gets a row saying why."""
    permissions.require(actor, "reporting.review")
    if not files:
        raise ImportRefused("Chưa chọn tệp nào.")
    entries: list[tuple[str, bytes | None, str]] = []
    for name, data in files:
        if archives.is_plain_zip(data):
            try:
                entries.extend(archives.expand(name, data, max_upload_bytes()))
            except archives.ArchiveRefused as exc:
                entries.append((name, None, exc.message))
        else:
            entries.append((name, data, ""))
    with transaction.atomic():
        batch = Batch.objects.create(created_by=actor if getattr(actor, "pk", None) else None)
        seen: dict[str, str] = {}
        for position, (name, data, problem) in enumerate(entries, start=1):
            row = BatchFile(batch=batch, position=position, name=name[:255])
            if problem:
                row.status, row.error = BatchFileStatus.FAILED, problem
            else:
                try:
                    row.upload, _ = keep_file(actor, data, name)
                except ImportRefused as exc:
                    row.status, row.error = BatchFileStatus.FAILED, exc.message
                else:
                    sha = row.upload.file.sha256
                    if sha in seen:
                        row.status, row.error = (
                            BatchFileStatus.DUPLICATE,
                            f"Trùng nội dung với tệp {seen[sha]}.",
                        )
                    seen.setdefault(sha, name)
            row.save()
            if row.status == BatchFileStatus.QUEUED:
                tasks.queue_batch_file(row.pk)
        record_event(
            actor, "imports.batch.create", "Batch", batch.pk, summary=f"{len(entries)} tệp"
        )
    return batch


def route_batch_file(row_id: int) -> BatchFile:
    """Read one queued file of a batch and propose its unit and request (never raises for a bad file)."""
    row = BatchFile.objects.select_related("batch__created_by", "upload__file").get(pk=row_id)
    if row.status != BatchFileStatus.QUEUED:
        return row
    try:
        parsed = parse_within_budget(storage.read(row.upload.file.storage_path), row.name)
    except (DocumentError, BudgetExceeded) as exc:
        with transaction.atomic():
            if BatchFile.objects.filter(pk=row.pk, status=BatchFileStatus.QUEUED).update(
                status=BatchFileStatus.FAILED, error=exc.message[:500]
            ):
                record_event(
                    None, "imports.batch_file.failed", "BatchFile", row.pk, summary=exc.message
                )
        row.refresh_from_db()
        return row
    found = routing.route(row.batch.created_by, parsed)
    assignment = None
    if found.unit and found.request:
        assignment = found.request.assignments.filter(unit=found.unit).first()
        if assignment is None:
            found.problems.append(
                f"{found.unit.name} không có trong danh sách đơn vị của yêu cầu này."
            )
    previous = None
    if assignment is not None:
        previous = (
            ImportJob.objects.filter(assignment=assignment, upload__file=row.upload.file)
            .exclude(status=JobStatus.FAILED)
            .first()
        )
    if previous is not None:
        status, error = (
            BatchFileStatus.DUPLICATE,
            f"Tệp này đã được nhập cho báo cáo này (lần nhập {previous.pk}).",
        )
    elif assignment is not None and not _open_for_import(assignment):
        status = BatchFileStatus.UNROUTABLE
        error = (
            f"Báo cáo của {assignment.unit_name} {assignment.submission.get_status_display().lower()}"
            f"{' và đã khóa số liệu' if reporting_services.is_locked(assignment) else ''}; không nhập thêm được."
        )
    elif assignment is not None:
        status, error = BatchFileStatus.ROUTED, ""
        if assignment.submission.version:
            # Already answered (a draft saved, or returned): the file becomes its next version.
            found.reasons.append(
                f"Báo cáo này đã có bản {assignment.submission.version}; "
                "tệp sẽ được nhập thành bản mới để xác nhận."
            )
    else:
        status, error = BatchFileStatus.UNROUTABLE, " ".join(found.problems)[:500]
    with transaction.atomic():  # once, however many times the task runs
        if BatchFile.objects.filter(pk=row.pk, status=BatchFileStatus.QUEUED).update(
            status=status, error=error, route=found.as_dict(), assignment=assignment
        ):
            record_event(
                None, f"imports.batch_file.{status}", "BatchFile", row.pk, summary=error or row.name
            )
    row.refresh_from_db()
    return row


def _open_for_import(assignment) -> bool:
    return (
        assignment.submission.status in reporting_services.EDITABLE
        and not reporting_services.is_locked(assignment)
    )


def import_batch(actor, batch_id: int, row_ids: list[int]) -> int:
    """Queue the chosen routed files as imports of their units' reports; each at most once."""
    batch = Batch.objects.filter(pk=batch_id).first()
    if batch is None:
        raise ImportRefused("Không tìm thấy lô tệp.")
    if batch.created_by_id != getattr(actor, "pk", None) and not getattr(
        actor, "is_superuser", False
    ):
        raise permissions.ScopeDenied("Lô tệp này do người khác tải lên.")
    queued = 0
    with transaction.atomic():
        rows = (
            BatchFile.objects.select_for_update(of=("self",))
            .select_related(
                "assignment__request__issuer",
                "assignment__unit",
                "assignment__submission",
                "upload",
            )
            .filter(batch=batch, pk__in=row_ids, status=BatchFileStatus.ROUTED, job__isnull=True)
        )
        for row in rows:
            require_import_for(actor, row.assignment)
            if not _open_for_import(row.assignment):
                continue
            job = ImportJob.objects.create(
                upload=row.upload,
                assignment=row.assignment,
                created_by=actor if getattr(actor, "pk", None) else None,
            )
            BatchFile.objects.filter(pk=row.pk).update(status=BatchFileStatus.IMPORTED, job=job)
            tasks.queue_job(job.pk)
            queued += 1
        record_event(actor, "imports.batch.import", "Batch", batch.pk, summary=f"{queued} tệp")
    return queued


def choose_route(actor, batch_id: int, row_id: int, assignment_id: int) -> int:
    """The coordinator names by hand the report a file answers (its unit or request was not
    recognised, or was ambiguous), then the file is queued for import like a routed one.
    Only reports the coordinator may import for, still open; at most once per file."""
    batch = Batch.objects.filter(pk=batch_id).first()
    if batch is None:
        raise ImportRefused("Không tìm thấy lô tệp.")
    assignment = (
        Assignment.objects.select_related("request__issuer", "unit", "submission")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        raise ImportRefused("Không tìm thấy báo cáo đã chọn.")
    require_import_for(actor, assignment)
    if not _open_for_import(assignment):
        raise ImportRefused(
            f"Báo cáo của {assignment.unit_name} {assignment.submission.get_status_display().lower()}; "
            "không nhập thêm được."
        )
    with transaction.atomic():
        changed = BatchFile.objects.filter(
            pk=row_id,
            batch=batch,
            status__in=(BatchFileStatus.UNROUTABLE, BatchFileStatus.ROUTED),
            job__isnull=True,
        ).update(status=BatchFileStatus.ROUTED, assignment=assignment, error="")
        if not changed:
            raise ImportRefused(
                "Tệp này không còn chờ chọn nơi nhận (đã nhập hoặc không đọc được)."
            )
        record_event(
            actor,
            "imports.batch_file.chosen",
            "BatchFile",
            row_id,
            summary=f"{assignment.unit_name} — {assignment.request.title}"[:200],
        )
    return import_batch(actor, batch_id, [row_id])
