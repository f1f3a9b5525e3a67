"""Running an import job (the background task `imports.tasks.run_import`): read the file,
recognise its structure, match its figures — all within the job's time and memory budget
(`budget.run_bounded`) — and keep the proposals, or the Vietnamese reason it failed.

A job is run by its id and only while it is still waiting or was interrupted mid-way: a job
already done (ready, confirmed, failed) is left as it is, so running the task twice (a
worker restarted, a task queued twice) never has a double effect. Its outcome is audited."""

from __future__ import annotations

from django.db import transaction

from danvan.audit.services import record_event
from danvan.ingest import DocumentError, parse_bytes

from . import budget, proposals, storage
from .models import ImportJob, JobStatus

# Waiting, or interrupted in one of its steps (the worker died): to be run (again).
UNFINISHED = (JobStatus.QUEUED, *ImportJob.STEPS)
UNEXPECTED = (
    "Có lỗi ngoài dự kiến khi xử lý tệp; lỗi đã được ghi lại để quản trị viên kiểm tra. "
    "Hãy thử tải lại tệp sau hoặc nhập số liệu trực tiếp."
)


def max_upload_bytes() -> int:
    from .services import max_upload_bytes as limit

    return limit()


def _read_and_match(report, data: bytes, name: str, max_bytes: int, template_sections, on_form):
    """The pure part of a job, in the bounded child process (no database here)."""
    from django.conf import settings

    from danvan.ingest.signatures import for_display

    anchors = settings.DANVAN_TRUST_ANCHORS
    parsed = parse_bytes(data, name, max_bytes=max_bytes, trust_anchors=anchors).to_dict()
    report(JobStatus.STRUCTURING)
    sections = proposals.section_proposals(parsed, template_sections)
    report(JobStatus.MATCHING)
    values = proposals.value_proposals(parsed, None, on_form=on_form)
    return {
        "header": parsed["header"],
        "sections": sections,
        "values": values,
        "references": proposals.reference_list(parsed),
        "source": parsed["source"],
        "signatures": for_display(parsed.get("signatures") or []),
    }


def _parse(report, data: bytes, name: str, max_bytes: int) -> dict:
    return parse_bytes(data, name, max_bytes=max_bytes).to_dict()


def parse_within_budget(data: bytes, name: str) -> dict:
    """The parsed document (as `danvan parse` prints it), read within the job budget;
    raises DocumentError or budget.BudgetExceeded (both with a Vietnamese `message`)."""
    return budget.run_bounded(_parse, data, name, max_upload_bytes())


def _step(job: ImportJob, status: str) -> None:
    ImportJob.objects.filter(pk=job.pk, status__in=UNFINISHED).update(status=status)


def _finish(job: ImportJob, status: str, *, result=None, error: str = "") -> bool:
    """Record the outcome once: False when the job was finished meanwhile (by another run)."""
    with transaction.atomic():
        done = ImportJob.objects.filter(pk=job.pk, status__in=UNFINISHED).update(
            status=status, result=result, error=error[:500]
        )
        if done:
            record_event(
                None,
                "imports.job.ready" if status == JobStatus.READY else "imports.job.failed",
                "ImportJob",
                job.pk,
                summary=(error or job.upload.original_name)[:200],
                after={"status": status, "error": error[:500]},
            )
    return bool(done)


def process_job(job_id: int) -> ImportJob | None:
    """Run one job to its end. Never raises for a bad, huge or slow file: the job ends `failed`
    with the Vietnamese reason. An unexpected error fails the job too, then is raised (the
    task records its traceback)."""
    job = (
        ImportJob.objects.select_related("upload__file", "assignment__request__template")
        .filter(pk=job_id)
        .first()
    )
    if job is None or job.status not in UNFINISHED:
        return job
    try:
        _step(job, JobStatus.READING)
        template = job.assignment.request.template
        args = (
            storage.read(job.upload.file.storage_path),
            job.upload.original_name,
            max_upload_bytes(),
            template.sections,
            proposals.form_codes(template),
        )
        result = budget.run_bounded(_read_and_match, *args, progress=lambda s: _step(job, s))
    except (DocumentError, budget.BudgetExceeded) as exc:
        _finish(job, JobStatus.FAILED, error=exc.message)
    except Exception:
        _finish(job, JobStatus.FAILED, error=UNEXPECTED)
        raise
    else:
        _finish(job, JobStatus.READY, result=result)
    job.refresh_from_db()
    return job
