"""More than one machine: two application servers (each gunicorn + its own background worker)
on one PostgreSQL database and one shared data folder serve the same people correctly — a
session started on one goes on on the other and ends on both, a login throttled on one is
throttled on the other, two saves of one report through the two servers never lose a word,
every background task runs exactly once whichever worker takes it, and a file uploaded through
one server is read and confirmed through the other."""

from __future__ import annotations

import collections
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.db import connection

from deploy import cluster as deployment
from deploy.cluster import log_in, log_in_attempt

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="several servers share one PostgreSQL database"
    ),
]

SEED = Path(__file__).resolve().parents[3] / "shared" / "samples" / "seeds"
REPORT = (SEED / "danang-bdvtu-phoi-hop-6t-2022.txt").read_bytes()
RUNNING = {"queued", "reading", "structuring", "matching"}
SAVED_BY_OTHER = "Báo cáo đã được lưu bởi người khác lúc "
NOT_SAVED = (
    "sau khi bạn mở. Nội dung bạn vừa nhập chưa được lưu và vẫn còn trên trang; hãy sao chép "
    "lại, tải lại báo cáo rồi lưu lần nữa."
)


@pytest.fixture
def servers(tmp_path_factory):
    root = tmp_path_factory.mktemp("two-servers")
    cluster = deployment.prepare(root)
    try:
        deployment.start(cluster, root)
        yield cluster
    finally:
        deployment.finish(cluster)


def due_assignment(session: requests.Session, url: str) -> int:
    """The police's report due in the demo's current half-year cycle (dn.baocao's inbox)."""
    inbox = session.get(f"{url}/api/reporting/inbox", timeout=30).json()
    [due] = [row for row in inbox["due"] if row["unit_code"] == "DN-CATP"]
    return due["assignment_id"]


def report_api(url: str, assignment: int, action: str = "") -> str:
    return f"{url}/api/reporting/assignments/{assignment}" + (f"/{action}" if action else "")


def upload(session: requests.Session, url: str, assignment: int, data: bytes) -> int:
    answer = session.post(
        f"{url}/api/imports/assignments/{assignment}",
        files={"file": ("bao-cao-cong-an.txt", data, "text/plain")},
        timeout=60,
    )
    assert answer.status_code == 201, answer.text[:300]
    return answer.json()["id"]


def wait_for_jobs(session: requests.Session, url: str, job_ids: list[int]) -> dict[int, dict]:
    """Each job as it ends, read through `url` (the workers take them from the shared queue)."""
    done: dict[int, dict] = {}
    deadline = time.monotonic() + 120
    while len(done) < len(job_ids):
        assert time.monotonic() < deadline, f"jobs still running: {set(job_ids) - set(done)}"
        for job_id in set(job_ids) - set(done):
            job = session.get(f"{url}/api/imports/jobs/{job_id}", timeout=30).json()
            if job["status"] not in RUNNING:
                done[job_id] = job
        time.sleep(0.3)
    return done


def a_session_started_on_one_server_goes_on_and_ends_on_the_other(servers):
    a, b = servers.servers
    browser = log_in(a.url, "dn.lanhdao")
    # The load balancer sends the next requests to B, with the cookie A set.
    home = browser.get(f"{b.url}/", allow_redirects=False, timeout=30)
    assert home.status_code == 200
    assert "Xin chào, Mai Thị Thu" in home.text  # dn.lanhdao's own page
    assert browser.get(f"{b.url}/api/reporting/requests", timeout=30).status_code == 200
    # A stranger without the cookie is sent to the login page by either server.
    for server in (a, b):
        stranger = requests.get(f"{server.url}/", allow_redirects=False, timeout=30)
        assert stranger.status_code == 302
        assert stranger.headers["Location"].startswith("/tai-khoan/dang-nhap/")
    # Logging out on B ends the session on A too.
    out = browser.post(f"{b.url}/tai-khoan/dang-xuat/", allow_redirects=False, timeout=30)
    assert (out.status_code, out.headers["Location"]) == (302, "/tai-khoan/dang-nhap/")
    after = browser.get(f"{a.url}/", allow_redirects=False, timeout=30)
    assert after.status_code == 302
    assert after.headers["Location"].startswith("/tai-khoan/dang-nhap/")
    assert browser.get(f"{a.url}/api/reporting/requests", timeout=30).status_code == 401


def failed_logins_on_both_servers_count_together(servers):
    a, b = servers.servers
    guesser = requests.Session()
    # Five wrong passwords, spread over the two servers (DANVAN_LOGIN_MAX_FAILURES = 5)...
    for server in (a, b, a, b, a):
        refused = log_in_attempt(guesser, server.url, "dn.xem", "sai-mat-khau-2026")
        assert refused.status_code == 400
        assert "Đăng nhập sai nhiều lần" not in refused.text
    # ...and the right password waits on both, whichever server the next attempt reaches.
    for server in (b, a):
        throttled = log_in_attempt(guesser, server.url, "dn.xem", deployment.DEMO_PASSWORD)
        assert throttled.status_code == 400
        assert "Đăng nhập sai nhiều lần. Vui lòng chờ" in throttled.text


def two_saves_of_one_report_through_two_servers_lose_nothing(servers):
    a, b = servers.servers
    # Two people at the police headquarters, one reaching server A, the other server B.
    first, second = log_in(a.url, "dn.baocao"), log_in(b.url, "dn.baocao")
    assignment = due_assignment(first, a.url)
    base = second.get(report_api(b.url, assignment), timeout=30).json()["version"]
    saved = first.post(
        report_api(a.url, assignment, "save"),
        json={"base_version": base, "sections": {"ket-qua": "Bản của chị Lan (máy A)."}},
        timeout=30,
    )
    assert saved.status_code == 200, saved.text[:300]
    refused = second.post(
        report_api(b.url, assignment, "save"),
        json={"base_version": base, "sections": {"ket-qua": "Bản của anh Minh (máy B)."}},
        timeout=30,
    )
    assert refused.status_code == 409
    message = refused.json()["detail"]
    assert message.startswith(SAVED_BY_OTHER) and message.endswith(NOT_SAVED), message
    kept = second.get(report_api(b.url, assignment), timeout=30).json()
    assert (kept["version"], kept["sections"]) == (
        base + 1,
        {"ket-qua": "Bản của chị Lan (máy A)."},
    )
    # Now truly at once, five rounds: each round exactly one save lands, the other is told.
    for round_ in range(5):
        base = first.get(report_api(a.url, assignment), timeout=30).json()["version"]
        outcome: dict[str, requests.Response] = {}
        barrier = threading.Barrier(2)

        def save(name, session, url, base=base, round_=round_, outcome=outcome, barrier=barrier):
            text = f"Bản của máy {name}, lượt {round_}."
            barrier.wait(timeout=30)
            outcome[name] = session.post(
                report_api(url, assignment, "save"),
                json={"base_version": base, "sections": {"ket-qua": text}},
                timeout=60,
            )

        threads = [
            threading.Thread(target=save, args=("A", first, a.url)),
            threading.Thread(target=save, args=("B", second, b.url)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=90)
        statuses = sorted(answer.status_code for answer in outcome.values())
        assert statuses == [200, 409], {k: v.text[:200] for k, v in outcome.items()}
        [winner] = [name for name, answer in outcome.items() if answer.status_code == 200]
        [loser] = [answer for answer in outcome.values() if answer.status_code == 409]
        assert loser.json()["detail"].startswith(SAVED_BY_OTHER)
        state = second.get(report_api(b.url, assignment), timeout=30).json()
        assert state["version"] == base + 1
        assert state["sections"] == {"ket-qua": f"Bản của máy {winner}, lượt {round_}."}
    numbers = [revision["number"] for revision in state["revisions"]]
    assert sorted(numbers) == list(range(1, state["version"] + 1))


def every_background_task_runs_exactly_once_on_one_of_the_two_workers(servers):
    a, b = servers.servers
    on_a, on_b = log_in(a.url, "dn.baocao"), log_in(b.url, "dn.baocao")
    assignment = due_assignment(on_a, a.url)
    uploaded_through: dict[int, str] = {}
    for index in range(12):
        # New bytes each time (a line at the end), so each file is read on its own.
        data = REPORT + f"\nBản gửi lần {index} — {uuid.uuid4()}\n".encode()
        session, server = (on_a, a) if index % 2 == 0 else (on_b, b)
        uploaded_through[upload(session, server.url, assignment, data)] = server.name
    jobs = wait_for_jobs(on_b, b.url, list(uploaded_through))
    assert {job["status"] for job in jobs.values()} == {"ready"}
    rows = servers.sql(
        "SELECT (args_kwargs->'args'->>0)::int, status, worker_ids "
        "FROM django_tasks_database_dbtaskresult WHERE task_path = %s",
        ["danvan.imports.tasks.run_import"],
    )
    runs = collections.Counter(job_id for job_id, _, _ in rows)
    assert {job_id: runs[job_id] for job_id in jobs} == {job_id: 1 for job_id in jobs}
    workers = {a.worker_pid: "A", b.worker_pid: "B"}
    run_by: dict[int, str] = {}
    for job_id, status, worker_ids in rows:
        if job_id in jobs:
            assert status == "SUCCESSFUL"
            [worker] = worker_ids  # claimed once, by one worker
            run_by[job_id] = workers.get(int(worker.rpartition(":")[2]), worker)
    by_worker = collections.Counter(run_by.values())
    crossing = collections.Counter((uploaded_through[job_id], run_by[job_id]) for job_id in jobs)
    print("import jobs run by worker:", dict(by_worker), "(uploaded through, run by):", crossing)
    assert set(by_worker) == {"A", "B"}, "both workers take work from the one queue"
    # Each job's outcome was recorded once (one audit event per job).
    events = servers.sql(
        "SELECT object_id FROM audit_auditevent WHERE action = 'imports.job.ready'"
        " AND object_id = ANY(%s)",
        [[str(job_id) for job_id in jobs]],
    )
    assert sorted(int(object_id) for (object_id,) in events) == sorted(jobs)
    # Both workers started the reminders' chain, and there is still one chain.
    waiting = servers.sql(
        "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path = %s"
        " AND status = 'READY'",
        ["danvan.reporting.tasks.send_due_reminders"],
    )
    assert waiting == [(1,)]


def a_file_uploaded_through_one_server_is_read_and_confirmed_through_the_other(servers):
    a, b = servers.servers
    on_a, on_b = log_in(a.url, "dn.baocao"), log_in(b.url, "dn.baocao")
    assignment = due_assignment(on_a, a.url)
    data = REPORT + f"\nBản gửi qua máy A — {uuid.uuid4()}\n".encode()
    job_id = upload(on_a, a.url, assignment, data)
    job = wait_for_jobs(on_b, b.url, [job_id])[job_id]
    assert job["status"] == "ready", job["error"]
    # What the worker read from the shared folder, shown through B: the report's own figures.
    proposed = {row["key"]: row["value"] for row in job["result"]["values"]}
    assert proposed["dvc-muc-3-4"] == 1736
    assert proposed["dvc-muc-4"] == 1704
    page = on_b.get(f"{b.url}/nhap-tep/lan/{job_id}/", timeout=30)
    assert page.status_code == 200 and "bao-cao-cong-an.txt" in page.text
    base = on_b.get(report_api(b.url, assignment), timeout=30).json()["version"]
    confirmed = on_b.post(
        f"{b.url}/api/imports/jobs/{job_id}/confirm",
        json={"base_version": base, "values": {"dvc-muc-3-4": 1736, "dvc-muc-4": 1704}},
        timeout=60,
    )
    assert confirmed.status_code == 200, confirmed.text[:300]
    draft = on_a.get(report_api(a.url, assignment), timeout=30).json()
    assert (draft["version"], draft["values"]) == (
        base + 1,
        {"dvc-muc-3-4": "1736", "dvc-muc-4": "1704"},
    )
    stored = servers.data_dir / "media" / "files" / job["sha256"][:2] / job["sha256"]
    assert stored.read_bytes() == data


def identities_encrypted_by_one_server_are_read_by_the_other(servers):
    a, b = servers.servers
    on_a, on_b = log_in(a.url, "admin"), log_in(b.url, "admin")
    [session, *_] = on_a.get(f"{a.url}/api/petitions/sessions", timeout=30).json()["items"]
    entry = on_a.post(
        f"{a.url}/api/petitions/sessions/{session['id']}/entries",
        json={
            "visitor_name": "Nguyễn Thị Hoà",
            "identity_number": "048201001234",
            "summary": "Kiến nghị về đường kiệt bị ngập khi mưa lớn.",
            "kind": "kien_nghi",
        },
        timeout=30,
    )
    assert entry.status_code == 201, entry.text[:300]
    entries = on_b.get(f"{b.url}/api/petitions/sessions/{session['id']}/entries", timeout=30)
    [seen] = [row for row in entries.json() if row["id"] == entry.json()["id"]]
    assert (seen["visitor"], seen["identity"]) == ("Nguyễn Thị Hoà", "••••••••1234")
    assert all("không giải mã được" not in row["visitor"] for row in entries.json())


def test_two_servers_on_one_database(servers):
    """One pair of servers for every case: starting them (migrate, demo, four processes) is
    the slow part, and one test keeps the pair on one test process under pytest-xdist."""
    a_session_started_on_one_server_goes_on_and_ends_on_the_other(servers)
    failed_logins_on_both_servers_count_together(servers)
    two_saves_of_one_report_through_two_servers_lose_nothing(servers)
    every_background_task_runs_exactly_once_on_one_of_the_two_workers(servers)
    a_file_uploaded_through_one_server_is_read_and_confirmed_through_the_other(servers)
    identities_encrypted_by_one_server_are_read_by_the_other(servers)
