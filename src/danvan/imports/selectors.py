from __future__ import annotations

from danvan.accounts import permissions
from danvan.reporting.models import Assignment
from danvan.reporting.outline import flat_sections
from danvan.reporting.services import EDITABLE, is_locked

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


def batch_rows(batch, user=None):
    """The batch's rows and how many are read; with `user`, each file still without a report
    carries the reports that user may pick for it (`row.choices`)."""
    rows = list(batch.files.select_related("assignment__request", "assignment__unit", "job"))
    done = sum(1 for row in rows if row.status != "queued")
    pickable = [
        row
        for row in rows
        if user and row.status == "unroutable" and row.upload_id and row.job_id is None
    ]
    open_ones = open_assignments(user) if pickable else []
    for row in rows:
        row.choices = assignment_choices(row, open_ones) if row in pickable else []
    return rows, done


MAX_CHOICES = 200


def open_assignments(user) -> list[Assignment]:
    """The open reports `user` may import a file for (newest requests first), fetched once
    for a whole batch page."""
    scope = permissions.units_in_scope(user, "reporting.review")
    return [
        a
        for a in Assignment.objects.filter(
            request__issuer__in=scope, unit__in=scope, submission__status__in=EDITABLE
        )
        .select_related("request__period", "unit", "submission")
        .order_by("-request__issued_at", "unit_name", "pk")[: MAX_CHOICES * 2]
        if not is_locked(a)
    ]


def assignment_choices(row, open_ones: list[Assignment]) -> list[tuple[str, list]]:
    """Reports a coordinator may pick by hand for a file of a batch, among `open_ones`: those
    of the units the routing named (or hesitated between) first, then the rest of the same
    period, then the others; at most MAX_CHOICES."""
    route = row.route or {}
    named = {c["code"] for c in route.get("choices") or []}
    if route.get("unit"):
        named.add(route["unit"]["code"])
    period = route.get("period")
    groups = [
        ("Đơn vị nhận ra từ tệp", [a for a in open_ones if a.unit.code in named]),
        (
            "Cùng kỳ báo cáo",
            [a for a in open_ones if a.unit.code not in named and a.request.period.code == period],
        ),
        (
            "Các báo cáo khác",
            [a for a in open_ones if a.unit.code not in named and a.request.period.code != period],
        ),
    ]
    kept, result = 0, []
    for label, items in groups:
        items = items[: MAX_CHOICES - kept]
        kept += len(items)
        if items:
            result.append((label, items))
    return result
