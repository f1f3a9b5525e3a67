"""The background worker: django-tasks with the database backend (django-tasks-db).

`danvan worker` (and `danvan serve`, beside the web server) calls `run_worker`. The library has
no retries and no periodic tasks of its own, so this module adds what the worker needs at
start: `prune_finished` drops old finished rows, `sweep_interrupted` puts back in the queue the tasks a dead worker left running (every
task is idempotent by its job id, so running one again never doubles its effect), and
`schedule_lock` lets a self-rescheduling task (the reminders) keep exactly one chain however
many workers start. Tests and the demo run the same worker in this process (`run_pending`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import zlib

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

BACKEND = "default"


def worker_id() -> str:
    """host:pid — enough for the next worker on this host to tell whether this one is gone."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a row "run by us" before we started: an earlier process with our number
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _left_by_dead_worker(row: DBTaskResult, now: dt.datetime) -> bool:
    # Every job ends within its time budget, so a row running for much longer than that has
    # lost its worker, wherever that worker ran.
    stale_after = dt.timedelta(seconds=2 * settings.DANVAN_JOB_TIME_LIMIT_S + 60)
    if row.started_at is None or row.started_at < now - stale_after:
        return True
    host, _, pid = (row.worker_ids or [""])[-1].rpartition(":")
    if host == socket.gethostname()[:40] and pid.isdigit():
        return not _process_alive(int(pid))
    return False  # another host's worker, still within its budget: leave it be


def sweep_interrupted() -> int:
    """Put the tasks left running by a worker that died (killed, host restarted) back in the
    queue; returns how many."""
    now = timezone.now()
    requeued = 0
    for row in DBTaskResult.objects.running().filter(backend_name=BACKEND):
        if _left_by_dead_worker(row, now):
            requeued += DBTaskResult.objects.filter(
                pk=row.pk, status=TaskResultStatus.RUNNING
            ).update(status=TaskResultStatus.READY, started_at=None)
    return requeued


def prune_finished(now: dt.datetime | None = None) -> int:
    """Delete the rows of tasks that ended (done or failed) more than
    DANVAN_TASK_KEEP_DAYS ago; what a user sees (an import's state and reason) lives in the
    app's own tables, so the queue only keeps recent history. Returns how many rows went."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.DANVAN_TASK_KEEP_DAYS)
    deleted, _ = DBTaskResult.objects.filter(
        backend_name=BACKEND,
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=cutoff,
    ).delete()
    return deleted


def pending(task) -> DBTaskResult:
    """The rows of `task` waiting or running (a QuerySet)."""
    return DBTaskResult.objects.filter(
        task_path=task.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    )


@contextlib.contextmanager
def schedule_lock(name: str):
    """A transaction that one process at a time holds for `name` (SQLite: an exclusive
    transaction; PostgreSQL: a transaction-level advisory lock)."""
    with exclusive_transaction():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(name.encode())])
        yield


def _worker(*, batch: bool, interval: float, max_tasks: int | None = None) -> Worker:
    return Worker(
        queue_names=["*"],
        interval=interval,
        batch=batch,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=worker_id(),
        excluded_queue_names=[],
    )


def run_worker(interval: float = 1.0) -> None:
    """Run tasks as they come until SIGTERM/SIGINT (the current task is finished first)."""
    worker = _worker(batch=False, interval=interval)
    worker.configure_signals()
    worker.run()


def run_pending(limit: int | None = None) -> int:
    """Run the tasks that are due now in this process, one after the other, and return how
    many ran: the library worker's claim-and-run step, without its loop, which closes the
    database connections between tasks (and so would end a test's transaction)."""
    worker = _worker(batch=True, interval=0)
    ran = 0
    while limit is None or ran < limit:
        with exclusive_transaction():
            row = DBTaskResult.objects.ready().filter(backend_name=BACKEND).get_locked()
            if row is None:
                break
            row.claim(worker.worker_id)
        worker.run_task(row)
        ran += 1
    return ran
