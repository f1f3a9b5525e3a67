"""The `danvan` command, run as a user runs it: from another directory, on a fresh SQLite
installation of its own (DANVAN_DATA_DIR), whatever database the suite itself uses."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DANVAN = str(Path(sys.executable).with_name("danvan"))


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("danvan-data")
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["DANVAN_DATA_DIR"] = str(data_dir)

    def run(*args, check=True, extra_env=None):
        result = subprocess.run(
            [DANVAN, *args],
            cwd=tmp_path_factory.getbasetemp(),
            env={**env, **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    run("migrate")
    return run, data_dir


def test_help_lists_the_commands(installation):
    run, _ = installation
    out = run("--help").stdout
    for command in ("serve", "demo", "migrate", "createadmin", "check"):
        assert command in out


def test_demo_is_idempotent(installation):
    run, _ = installation
    first = run("demo").stdout
    assert "tạo mới 60 đơn vị, 7 tài khoản" in first
    assert "dn.dieuphoi" in first and "Danvan@2026" in first
    again = run("demo", "--quiet").stdout
    assert "tạo mới 0 đơn vị, 0 tài khoản" in again


def test_check_reports_the_database(installation):
    run, _ = installation
    assert "Cơ sở dữ liệu: kết nối tốt." in run("check").stdout


def test_units_export_then_import_round_trips(installation, tmp_path):
    run, _ = installation
    run("demo", "--quiet")
    exported = tmp_path / "units.json"
    # Units: the demo tree's 60 and the 93 invented grassroots cells of Đảng ủy Khối Cần Thơ that
    # the exemplars register's demo adds (the demo's own count above is of its tree only).
    # Successions: Đà Nẵng 2 board mergers + 13 wards, Quảng Nam 4, Cần Thơ 5 + 4 transfers.
    assert (
        "Đã xuất 153 đơn vị và 28 quan hệ kế thừa"
        in run("units", "export", "-o", str(exported)).stdout
    )
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["schema"] == "danvan.org-units/1"
    assert run("units", "import", str(exported)).stdout.startswith(
        "Đã tạo 0 đơn vị, cập nhật 0, giữ nguyên 153"
    )
    csv_dir = tmp_path / "csv"
    run("units", "export", "--format", "csv", "-o", str(csv_dir))
    assert (csv_dir / "units.csv").read_text(encoding="utf-8").count("\n") == 154


def test_units_import_of_a_bad_file_exits_2_and_names_the_row(installation, tmp_path):
    run, _ = installation
    run("demo", "--quiet")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name,kind,parent_code,valid_from\nDN-X,Đơn vị X,agency,KHONG-CO,2024-01-01\n",
        encoding="utf-8",
    )
    result = run("units", "import", str(bad), check=False)
    assert result.returncode == 2
    assert "Đơn vị, dòng 2 (mã DN-X): đơn vị cấp trên 'KHONG-CO' không tồn tại." in result.stdout


def test_createadmin_enforces_the_password_policy(installation):
    run, _ = installation
    env_name = "DANVAN_TEST_ADMIN_PASSWORD"
    weak = run(
        "createadmin",
        "--username",
        "quantri2",
        "--password-env",
        env_name,
        check=False,
        extra_env={env_name: "12345678"},
    )
    assert weak.returncode == 2
    assert (
        "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in weak.stdout
        and "Mật khẩu này hoàn toàn là số." in weak.stdout
    )
    strong = run(
        "createadmin",
        "--username",
        "quantri2",
        "--password-env",
        env_name,
        extra_env={env_name: "Song-Han#2026"},
    )
    assert "Đã tạo tài khoản quản trị 'quantri2'." in strong.stdout
    again = run(
        "createadmin",
        "--username",
        "quantri2",
        "--password-env",
        env_name,
        check=False,
        extra_env={env_name: "Song-Han#2026"},
    )
    assert again.returncode == 2 and "Tên đăng nhập 'quantri2' đã tồn tại." in again.stdout
