"""bench/scale.py as a smoke test: a 1% country (two half-years, ten indicators) generated
on SQLite in a scratch folder, every operation timed once, the goals table printed, exit 0."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform != "linux", reason="the bench runs on the server's platform")
def test_scale_bench_runs_at_one_percent(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "scale.py"),
            "--scale",
            "0.01",
            "--periods",
            "2",
            "--indicators",
            "10",
            "--repeat",
            "1",
            "--only",
            "sqlite",
            "--cache-dir",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    # 34 provinces × (committee, board, 3 agencies) + 34 communes (1% of 3,321, at least one
    # per province) + the root and its board = 206 units.
    assert "sqlite: 206 units" in out
    for operation in (
        "board",
        "consolidation root",
        "consolidation province, no breakdown",
        "series root (ten years)",
        "search 'quy che dan chu Hoa Xuan'",
        "dashboard coordinator (root)",
    ):
        assert f"  {operation} " in out
    assert "goal" in out
