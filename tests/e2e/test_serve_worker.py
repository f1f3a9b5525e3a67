"""The application started exactly as `make run` starts it — `danvan migrate`, `danvan demo`,
`danvan serve` on a free port with a data folder of its own — imports a file with no further
command: a reporter uploads the Cần Thơ report through "Nhập từ tệp" on a report to send,
the background worker that `serve` started beside the web server reads it, and the page shows
the proposals. Stopping `serve` stops the web server and the worker.

On PostgreSQL (DATABASE_URL set) the application gets a database of its own, dropped after."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
SEED = (
    Path(__file__).resolve().parents[3] / "shared/samples/seeds/cantho-dukhoi-dan-van-6t-2019.txt"
)
DANVAN = str(Path(sys.executable).with_name("danvan"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def own_database():
    """The DATABASE_URL for the application: none (SQLite in its data folder) or a new
    PostgreSQL database beside the suite's, dropped at the end."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield None
        return
    import psycopg

    base, _, _name = url.rpartition("/")
    name = f"danvan_serve_{os.getpid()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def children(pid: int) -> set[int]:
    """Every process below `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
                )
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until_up(url: str, server: subprocess.Popen) -> None:
    for _ in range(600):
        assert server.poll() is None, "danvan serve stopped while starting"
        try:
            urllib.request.urlopen(f"{url}/tai-khoan/dang-nhap/", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    pytest.fail("danvan serve did not answer within five minutes")


def test_make_run_imports_an_uploaded_file_with_no_further_command(page, log_in, tmp_path):
    with own_database() as database_url:
        env = {**os.environ, "DANVAN_DATA_DIR": str(tmp_path / "var")}
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
        for command in (["migrate"], ["demo", "--quiet"]):
            subprocess.run([DANVAN, *command], env=env, check=True, capture_output=True)
        port = free_port()
        site = f"http://127.0.0.1:{port}"
        log = (tmp_path / "serve.log").open("w")
        server = subprocess.Popen(
            [DANVAN, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_until_up(site, server)
            processes = children(server.pid)
            assert len(processes) >= 2, "a web server and a worker beside it"

            log_in(page, site, "dn.baocao")
            page.click("nav a:has-text('Báo cáo cần nộp')")
            page.click("a:has-text('Nhập từ tệp')")  # on the first report still to send
            page.set_input_files("#import-file", str(SEED))
            with page.expect_navigation():
                page.click("#import-form button")
            assert "/nhap-tep/" in page.url
            # htmx polls the job; when the worker is done the page reloads with the proposals.
            page.wait_for_selector("form.report-form", timeout=120_000)
            assert page.inner_text("h1") == "Nhập từ tệp “cantho-dukhoi-dan-van-6t-2019.txt”"
            assert page.locator("form.report-form textarea").count() >= 1
            assert "Không đọc được" not in page.inner_text("main")
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(60)
            finally:
                log.close()
        assert not [pid for pid in processes if alive(pid)], "stopping serve stops everything"
