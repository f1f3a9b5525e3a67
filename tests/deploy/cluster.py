"""Two application servers on one PostgreSQL database, as a deployment behind a load balancer
runs them: each is gunicorn (two web workers) plus `danvan worker`, started with the same
command lines as `danvan serve`, sharing the database, the data folder (the uploads and the
keys) and the secret key; each keeps its static files on its own disk.

The database is a fresh one made for the run (`danvan migrate` then `danvan demo`), dropped at
the end; every process is stopped, by its process group, whatever happens."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import requests
from django.db import connection

from danvan.demo.loader import DEMO_PASSWORD

BIN = Path(sys.executable).parent
WORKER_READY = "Tiến trình nền đã sẵn sàng"
START_TIMEOUT_S = 180


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_settings() -> dict:
    db = connection.settings_dict
    return {
        "host": db["HOST"] or "127.0.0.1",
        "port": int(db["PORT"] or 5432),
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }


def admin_sql(statement: str) -> None:
    """A statement on the server's maintenance database (CREATE/DROP DATABASE)."""
    with psycopg.connect(dbname="postgres", autocommit=True, **_server_settings()) as conn:
        conn.execute(statement)


@dataclass
class Server:
    name: str
    url: str
    worker_log: Path
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def worker_pid(self) -> int:
        return self.processes[1].pid


@dataclass
class Cluster:
    database: str
    data_dir: Path
    env: dict
    servers: list[Server] = field(default_factory=list)

    def sql(self, query: str, params=()) -> list[tuple]:
        """Rows read straight from the shared database (what both servers see)."""
        with psycopg.connect(dbname=self.database, **_server_settings()) as conn:
            return conn.execute(query, params).fetchall()

    def danvan(self, *args: str) -> str:
        done = subprocess.run(
            [str(BIN / "danvan"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        return done.stdout

    def start_server(self, name: str, run_dir: Path) -> Server:
        port = free_port()
        env = {**self.env, "DANVAN_STATIC_DIR": str(run_dir / "static")}
        log = run_dir / "worker.log"
        server = Server(name, f"http://127.0.0.1:{port}", log)
        self.servers.append(server)
        common = {"env": env, "start_new_session": True, "cwd": run_dir}
        server.processes.append(
            subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "danvan.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--preload",
                    "--timeout",
                    "120",
                    "--log-level",
                    "warning",
                ],
                **common,
            )
        )
        with log.open("w") as out:
            server.processes.append(
                subprocess.Popen(
                    [str(BIN / "danvan"), "worker", "--poll", "0.5"],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    **common,
                )
            )
        return server

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        for server in self.servers:
            while True:
                assert time.monotonic() < deadline, f"{server.name} did not start"
                for process in server.processes:
                    assert process.poll() is None, f"{server.name}: {process.args} ended"
                try:
                    web = requests.get(f"{server.url}/healthz", timeout=10).status_code == 200
                except requests.RequestException:
                    web = False
                if web and WORKER_READY in server.worker_log.read_text():
                    break
                time.sleep(0.2)

    def stop(self) -> None:
        for server in self.servers:
            for process in server.processes:
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
        for server in self.servers:
            for process in server.processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


def prepare(root: Path) -> Cluster:
    """A new empty database and a shared data folder; `finish` removes the database."""
    database = f"danvan_twoservers_{os.getpid()}"
    settings = _server_settings()
    credentials = settings["user"] + (f":{settings['password']}" if settings["password"] else "")
    data_dir = root / "shared-data"  # stands for the network mount every server has
    data_dir.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{credentials}@{settings['host']}:{settings['port']}/{database}",
        "DANVAN_DATA_DIR": str(data_dir),
        "DANVAN_SECRET_KEY": secrets.token_urlsafe(50),
        "DANVAN_ALLOWED_HOSTS": "127.0.0.1",
        "DANVAN_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DANVAN_EMAIL_DIR": str(data_dir / "mail"),
    }
    # The petitions key comes from the shared folder here (made by the first process that
    # needs it); a deployment may set DANVAN_PETITIONS_KEY on every server instead.
    env.pop("DANVAN_PETITIONS_KEY", None)
    admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    admin_sql(f'CREATE DATABASE "{database}"')
    return Cluster(database, data_dir, env)


def start(cluster: Cluster, root: Path) -> None:
    """The database migrated and filled with the demo, then two servers started."""
    cluster.danvan("migrate")
    cluster.danvan("demo")
    for name in ("A", "B"):
        run_dir = root / f"server-{name}"
        run_dir.mkdir()
        cluster.start_server(name, run_dir)
    cluster.wait_ready()


def finish(cluster: Cluster) -> None:
    try:
        cluster.stop()
    finally:
        admin_sql(f'DROP DATABASE IF EXISTS "{cluster.database}" WITH (FORCE)')


def log_in(url: str, username: str, password: str = DEMO_PASSWORD) -> requests.Session:
    """A browser-like session signed in through the real login page of one server; its API
    writes carry the CSRF token."""
    session = requests.Session()
    session.get(f"{url}/tai-khoan/dang-nhap/", timeout=30)
    answer = log_in_attempt(session, url, username, password)
    assert answer.status_code == 302, answer.text[:300]
    session.headers["X-CSRFToken"] = session.cookies["csrftoken"]
    return session


def log_in_attempt(session: requests.Session, url: str, username: str, password: str):
    if "csrftoken" not in session.cookies:
        session.get(f"{url}/tai-khoan/dang-nhap/", timeout=30)
    return session.post(
        f"{url}/tai-khoan/dang-nhap/",
        {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        allow_redirects=False,
        timeout=30,
    )
