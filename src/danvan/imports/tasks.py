"""The background tasks of imports (django-tasks): running an import job and routing one file
of a batch. Each takes the id of its row and is idempotent by it: a row already done is left
as it is, so a task run twice (a worker restarted mid-way) never doubles its effect.

Callers queue them with `queue_job` / `queue_batch_file`, which wait for the caller's
transaction to commit (a worker never looks for a row that is not there yet)."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django_tasks import task

from danvan import background

from .models import BatchFile, BatchFileStatus, ImportJob


@task()
def run_import(job_id: int) -> str | None:
    from .jobs import process_job

    job = process_job(job_id)
    return job.status if job is not None else None


@task()
def route_file(row_id: int) -> str | None:
    from .services import route_batch_file

    row = route_batch_file(row_id)
    return row.status if row is not None else None


def queue_job(job_id: int) -> None:
    transaction.on_commit(partial(run_import.enqueue, job_id))


def queue_batch_file(row_id: int) -> None:
    transaction.on_commit(partial(route_file.enqueue, row_id))


def queue_waiting() -> int:
    """Queue a task for every job or batch file still waiting that has none waiting or running
    (queued before an upgrade, or whose queueing was lost with its process); returns how many.
    The worker does this when it starts."""
    from .jobs import UNFINISHED

    def ids(task_) -> set[int]:
        return {
            row["args"][0]
            for row in background.pending(task_).values_list("args_kwargs", flat=True)
            if row.get("args")
        }

    queued = 0
    # Under a lock: two workers starting at once (two servers restarted together) would each
    # see the same job without a task and queue it twice.
    with background.schedule_lock("imports.queue_waiting"):
        waiting_jobs = ImportJob.objects.filter(status__in=UNFINISHED).values_list("pk", flat=True)
        have = ids(run_import)
        for job_id in waiting_jobs:
            if job_id not in have:
                run_import.enqueue(job_id)
                queued += 1
        waiting_rows = BatchFile.objects.filter(status=BatchFileStatus.QUEUED).values_list(
            "pk", flat=True
        )
        have = ids(route_file)
        for row_id in waiting_rows:
            if row_id not in have:
                route_file.enqueue(row_id)
                queued += 1
    return queued
