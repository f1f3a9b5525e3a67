"""bench/load.py drives a site only on this machine: any other address for the site or for
PostgreSQL is refused before anything is prepared, started or sent. Run in a child process
(Locust patches the standard library with gevent when imported)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "arguments",
    [
        ["--host", "10.0.0.5"],
        ["--host", "localhost"],
        ["--pg-url", "postgres://postgres@db.example.org:5432/"],
    ],
    ids=["other address", "a name, not the address", "remote PostgreSQL"],
)
def test_load_bench_refuses_any_host_but_127_0_0_1(arguments):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "this bench runs against 127.0.0.1 only" in proc.stderr
    assert "generating" not in proc.stdout and "starting danvan serve" not in proc.stdout
