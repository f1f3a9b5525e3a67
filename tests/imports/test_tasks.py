"""Background work on django-tasks (database backend), run by the real worker code in this
process (`background.run_pending`), on whichever database the suite runs on: an upload queues
a task that reads the file; a failure keeps its Vietnamese reason; a task run twice changes
nothing the second time; a job over its time or memory budget fails and keeps nothing; every
outcome is audited; the reminders keep one chain however often the worker starts."""

import datetime as dt
import os
import socket
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from danvan import background
from danvan.accounts.permissions import SYSTEM
from danvan.accounts.services import create_user, grant_role
from danvan.audit.models import AuditEvent
from danvan.imports import services, tasks
from danvan.imports.models import BatchFileStatus, ImportJob, JobStatus
from danvan.reporting import tasks as reporting_tasks
from danvan.reporting.models import Assignment

SEED = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seeds"
SEED_FILE = SEED / "cantho-dukhoi-dan-van-6t-2019.txt"
JUNE_2019 = dt.datetime(2019, 6, 5, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(autouse=True)
def empty_queue(db):
    """The queue as a fresh worker finds it (the demo's own imports ran when it was loaded)."""
    DBTaskResult.objects.all().delete()


@pytest.fixture
def reporter(db):
    create_user(SYSTEM, "ct.ubnd", "Song-Han#2026")
    grant_role(SYSTEM, "ct.ubnd", "CT-UBND", "reporter")
    return get_user_model().objects.get(username="ct.ubnd")


@pytest.fixture
def upload(reporter, django_capture_on_commit_callbacks):
    """Upload bytes as the Cần Thơ People's Committee's 2019 answer (the task is queued when
    the upload commits, as in production)."""
    assignment = Assignment.objects.get(request__period__code="2019S1", unit__code="CT-UBND")

    def go(data: bytes, name: str) -> ImportJob:
        with time_machine.travel(JUNE_2019, tick=True):
            with django_capture_on_commit_callbacks(execute=True):
                return services.start_import(reporter, assignment.pk, data, name)

    return go


def task_rows(task, object_id: int):
    return [
        row
        for row in DBTaskResult.objects.filter(task_path=task.module_path)
        if row.args_kwargs["args"] == [object_id]
    ]


def outcomes(job: ImportJob) -> list[tuple[str, str]]:
    return list(
        AuditEvent.objects.filter(object_type="ImportJob", object_id=str(job.pk))
        .exclude(action="imports.job.create")
        .values_list("action", "summary")
    )


def test_an_upload_queues_a_task_that_the_worker_runs_once(upload):
    job = upload(SEED_FILE.read_bytes(), "bao-cao.txt")
    (row,) = task_rows(tasks.run_import, job.pk)
    assert row.status == TaskResultStatus.READY and job.status == JobStatus.QUEUED

    assert background.run_pending() == 1
    job.refresh_from_db()
    row.refresh_from_db()
    assert job.status == JobStatus.READY and row.status == TaskResultStatus.SUCCESSFUL
    assert "97/97 tổ chức" in [v["source"]["text"] for v in job.result["values"]]
    assert outcomes(job) == [("imports.job.ready", "bao-cao.txt")]

    # The same task again (a worker restarted after running it): the job is done, nothing
    # is redone and nothing is audited twice.
    result, updated = job.result, job.updated_at
    tasks.run_import.enqueue(job.pk)
    assert background.run_pending() == 1
    job.refresh_from_db()
    assert (job.result, job.updated_at) == (result, updated)
    assert outcomes(job) == [("imports.job.ready", "bao-cao.txt")]


def test_a_failed_task_records_its_vietnamese_reason_on_the_job(upload):
    job = upload(b"%PDF-1.7\n" + b"\x00hong" * 200, "hong.pdf")
    background.run_pending()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.result is None
    assert "hỏng" in job.error, job.error
    assert outcomes(job) == [("imports.job.failed", job.error)]


@pytest.mark.parametrize(
    "limit, message",
    [
        ({"DANVAN_JOB_TIME_LIMIT_S": 1}, "vượt quá thời gian cho phép (1 giây)"),
        ({"DANVAN_JOB_MEMORY_MB": 40}, "cần nhiều bộ nhớ hơn mức cho phép (40 MB)"),
    ],
)
def test_a_job_over_its_budget_fails_and_keeps_nothing(upload, settings, limit, message):
    # Eight megabytes of a real report: several seconds and hundreds of megabytes to read.
    job = upload(SEED_FILE.read_bytes() * 300, "bao-cao-rat-lon.txt")
    for name, value in limit.items():
        setattr(settings, name, value)
    background.run_pending()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.result is None
    assert message in job.error and "Hãy tách tệp" in job.error
    assert outcomes(job) == [("imports.job.failed", job.error)]


def test_a_batch_file_is_routed_by_its_task_and_the_outcome_audited(
    db, django_capture_on_commit_callbacks
):
    coordinator = get_user_model().objects.get(username="ct.dieuphoi")
    with time_machine.travel(JUNE_2019, tick=True):
        with django_capture_on_commit_callbacks(execute=True):
            batch = services.start_batch(coordinator, [("hong.pdf", b"%PDF-1.7\n" + b"\x00" * 99)])
        (row,) = batch.files.all()
        assert len(task_rows(tasks.route_file, row.pk)) == 1
        background.run_pending()
    row.refresh_from_db()
    assert row.status == BatchFileStatus.FAILED and row.error
    assert list(
        AuditEvent.objects.filter(object_type="BatchFile", object_id=str(row.pk)).values_list(
            "action", "summary"
        )
    ) == [("imports.batch_file.failed", row.error)]


def test_a_job_whose_task_was_lost_is_queued_when_the_worker_starts(upload, reporter):
    # Queued before the upgrade to tasks (or its queueing lost with its process): no task.
    job = upload(SEED_FILE.read_bytes(), "cu.txt")
    DBTaskResult.objects.filter(task_path=tasks.run_import.module_path).delete()
    assert tasks.queue_waiting() == 1
    assert tasks.queue_waiting() == 0, "a job with a task waiting gets no second one"
    background.run_pending()
    job.refresh_from_db()
    assert job.status == JobStatus.READY


def test_the_reminders_keep_one_chain_however_often_the_worker_starts(db):
    reminders = DBTaskResult.objects.filter(
        task_path=reporting_tasks.send_due_reminders.module_path
    )
    assert reporting_tasks.schedule_reminders() is True
    assert reporting_tasks.schedule_reminders() is False  # a second worker starting
    assert reminders.count() == 1

    before = timezone.now()
    assert background.run_pending() == 1  # the run due now, which queues the next one
    done, following = reminders.order_by("enqueued_at")
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert following.status == TaskResultStatus.READY
    assert following.run_after >= before + dt.timedelta(hours=1)
    assert background.run_pending() == 0, "the next run waits for its hour"

    assert reporting_tasks.schedule_reminders() is False  # the worker restarted: same chain
    assert reminders.filter(status=TaskResultStatus.READY).count() == 1


def test_the_worker_start_requeues_what_a_dead_worker_left_running_and_runs_it_once(upload):
    job = upload(SEED_FILE.read_bytes(), "bi-ngat.txt")
    other = upload(SEED_FILE.read_bytes(), "dang-chay.txt")
    # A worker on this host took the first task and was killed while reading the file: its
    # row stays "running" under its id, the job stays at its first step.
    gone = subprocess.Popen(["true"])
    gone.wait()
    (interrupted,) = task_rows(tasks.run_import, job.pk)
    interrupted.claim(f"{socket.gethostname()[:40]}:{gone.pid}")
    ImportJob.objects.filter(pk=job.pk).update(status=JobStatus.READING)
    # Another worker, alive (this test's parent process), is running the second one.
    (running,) = task_rows(tasks.run_import, other.pk)
    running.claim(f"{socket.gethostname()[:40]}:{os.getppid()}")

    assert background.sweep_interrupted() == 1
    interrupted.refresh_from_db()
    running.refresh_from_db()
    assert interrupted.status == TaskResultStatus.READY
    assert running.status == TaskResultStatus.RUNNING, "a live worker's task is left to it"

    assert background.run_pending() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.READY and job.result["values"]
    assert outcomes(job) == [("imports.job.ready", "bi-ngat.txt")]
    assert background.sweep_interrupted() == 0


def test_finished_tasks_older_than_the_keeping_time_are_pruned_and_nothing_else(upload, settings):
    settings.DANVAN_TASK_KEEP_DAYS = 30
    done, failed, waiting = (upload(SEED_FILE.read_bytes(), f"{n}.txt") for n in ("a", "b", "c"))
    now = timezone.now()
    (done_row,) = task_rows(tasks.run_import, done.pk)
    (failed_row,) = task_rows(tasks.run_import, failed.pk)
    DBTaskResult.objects.filter(pk=done_row.pk).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=now - dt.timedelta(days=31)
    )
    DBTaskResult.objects.filter(pk=failed_row.pk).update(
        status=TaskResultStatus.FAILED, finished_at=now - dt.timedelta(days=29)
    )
    assert background.prune_finished(now) == 1
    assert not task_rows(tasks.run_import, done.pk)
    assert len(task_rows(tasks.run_import, failed.pk)) == 1, "failed 29 days ago: kept"
    assert len(task_rows(tasks.run_import, waiting.pk)) == 1, "never finished: kept"
    # 2 days later the failed one is past 30 days too.
    assert background.prune_finished(now + dt.timedelta(days=2)) == 1
