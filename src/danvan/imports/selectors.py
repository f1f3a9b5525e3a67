from __future__ import annotations

from danvan.accounts import permissions
from danvan.reporting.outline import flat_sections

from .access import require_import_for
from .models import Batch, ImportJob


class JobNotFound(Exception):
    pass


def get_job(user, job_id: int) -> ImportJob:
    job = (
        ImportJob.objects.select_related(
            "upload__file",
            "assignment__request__template",
            "assignment__request__issuer",
            "assignment__submission",
            "assignment__unit",
        )
        .filter(pk=job_id)
        .first()
    )
    if job is None or job.assignment is None:
        raise JobNotFound("Không tìm thấy lần nhập tệp này.")
    require_import_for(user, job.assignment)
    return job


def confirmation_rows(job: ImportJob) -> tuple[list[dict], list[dict]]:
    """Sections (template order, proposed text) and value proposals, ready for the page."""
    result = job.result or {}
    texts: dict[str, list[str]] = {}
    for match in result.get("sections", []):
        key = match.get("template_key") or match.get("template_section") or "khac"
        if match.get("text"):
            texts.setdefault(key, []).append(match["text"])
    sections = [
        dict(s, text="\n\n".join(texts.pop(s["key"], [])))
        for s in flat_sections(job.assignment.request.template.sections)
    ]
    leftover = "\n\n".join(text for chunks in texts.values() for text in chunks)
    if leftover:
        sections.append(
            {"key": "khac", "label": "", "title": "Nội dung khác", "level": 1, "text": leftover}
        )
    values = []
    for proposal in result.get("values", []):
        source = proposal.get("source") or {}
        context, figure = source.get("context") or "", source.get("text") or ""
        before, found, after = (
            context.partition(figure) if figure and figure in context else (context, "", "")
        )
        values.append(
            dict(
                proposal,
                before=before,
                found=found,
                after=after,
                checked=(proposal.get("confidence") or 0) >= 0.8,
            )
        )
    return sections, values


def get_batch(user, batch_id: int) -> Batch:
    batch = Batch.objects.filter(pk=batch_id).first()
    if batch is None:
        raise JobNotFound("Không tìm thấy lô tệp.")
    if batch.created_by_id != user.pk and not user.is_superuser:
        raise permissions.ScopeDenied("Lô tệp này do người khác tải lên.")
    return batch


def batch_rows(batch):
    rows = list(batch.files.select_related("assignment__request", "assignment__unit", "job"))
    done = sum(1 for row in rows if row.status != "queued")
    return rows, done
