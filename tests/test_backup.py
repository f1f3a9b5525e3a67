"""`danvan backup` and `danvan restore` on the database in use (SQLite or PostgreSQL): back up,
change the data and the files, restore into an empty database and an empty folder, and find
every table row and every file exactly as they were when the backup was made."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from danvan.cli import main
from danvan.demo.loader import load_demo
from danvan.imports import services as import_services
from danvan.reporting import services as reporting_services
from danvan.reporting.models import Submission
from reporting.cycle import issue, user

SEED = Path(__file__).resolve().parents[2] / "shared" / "samples" / "seeds"


def postgres_url(name: str) -> str:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def tables_of(url_or_path: str) -> dict[str, list[str]]:
    """Every row of every table, as text, sorted: read the same way for both databases."""
    if connection.vendor == "sqlite":
        with sqlite3.connect(url_or_path) as db:
            names = [
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {
                name: sorted(repr(row) for row in db.execute(f'SELECT * FROM "{name}"'))
                for name in names
            }
    import psycopg

    with psycopg.connect(url_or_path) as db:
        names = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            name: sorted(
                row[0] for row in db.execute(f'SELECT row_to_json(t)::text FROM "{name}" t')
            )
            for name in names
        }


def files_of(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def own_media(settings, tmp_path) -> None:
    """A folder of stored files for this test alone, holding what the database refers to."""
    media = tmp_path / "media"
    if Path(settings.MEDIA_ROOT).is_dir():
        shutil.copytree(settings.MEDIA_ROOT, media)
    settings.MEDIA_ROOT = media


@pytest.fixture
def empty_target(tmp_path):
    """Where a restore goes: an empty database and an empty data folder; env for the command."""
    made = []

    def make(label: str) -> tuple[dict, str, Path]:
        data_dir = tmp_path / f"{label}-data"
        if connection.vendor == "sqlite":
            target = str(tmp_path / f"{label}.sqlite3")
            url = f"sqlite:///{target}"
        else:
            name = f"{connection.settings_dict['NAME']}_{label}"
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
                cursor.execute(f'CREATE DATABASE "{name}"')
            made.append(name)
            target = url = postgres_url(name)
        env = {key: value for key, value in os.environ.items() if key != "DANVAN_SECRET_KEY"}
        env |= {"DATABASE_URL": url, "DANVAN_DATA_DIR": str(data_dir)}
        return env, target, data_dir

    yield make
    for name in made:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def danvan(*args, env):
    return subprocess.run(
        [str(Path(sys.executable).with_name("danvan")), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def current_database() -> str:
    if connection.vendor == "sqlite":
        return connection.settings_dict["NAME"]
    return postgres_url(connection.settings_dict["NAME"])


@pytest.mark.django_db(transaction=True)
def test_backup_change_restore_gives_back_every_table_and_file(
    tmp_path, settings, empty_target, capsys
):
    load_demo()  # a transactional test may find the database emptied by an earlier one
    own_media(settings, tmp_path)
    reporter = user("dn.baocao")
    request = issue(units=["DN-CATP"])
    police = Submission.objects.get(assignment__request=request)
    reporting_services.save_draft(
        reporter, police.pk, police.version, {"ket-qua": "Trước khi sao lưu."}, {"tin-bai": "5"}
    )
    kept = [
        import_services.keep_file(reporter, seed.read_bytes() + marker, seed.name)[0].file
        for seed in sorted(SEED.glob("*.txt"))
        for marker in (f"\nSao lưu {uuid.uuid4()}\n".encode(),)
    ]

    archive = tmp_path / "sao-luu.tar.gz"
    assert main(["backup", "-o", str(archive)]) == 0
    assert f"Đã sao lưu vào {archive}" in capsys.readouterr().out
    saved_tables = tables_of(current_database())
    saved_files = files_of(settings.MEDIA_ROOT)
    assert {f"files/{stored.storage_path}" for stored in kept} <= set(saved_files)
    assert saved_tables["reporting_revision"]

    # Life goes on after the backup: a new revision, one stored file lost, another added.
    police.refresh_from_db()
    reporting_services.save_draft(
        reporter, police.pk, police.version, {"ket-qua": "Sau khi sao lưu."}, {"tin-bai": "6"}
    )
    (Path(settings.MEDIA_ROOT) / "files" / kept[0].storage_path).unlink()
    import_services.keep_file(reporter, b"Van ban moi sau khi sao luu.\n", "moi.txt")
    assert tables_of(current_database()) != saved_tables

    env, target, data_dir = empty_target("khoi-phuc")
    restored = danvan("restore", str(archive), env=env)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "tổng kiểm tra khớp" in restored.stdout
    assert "Đã khôi phục khóa DANVAN_SECRET_KEY" in restored.stdout
    assert tables_of(target) == saved_tables
    assert files_of(data_dir / "media") == saved_files
    assert (data_dir / "secret_key").read_text() == django_settings.SECRET_KEY

    # A second restore into the now filled database is refused, and changes nothing.
    again = danvan("restore", str(archive), env=env)
    assert again.returncode == 2
    assert "Cơ sở dữ liệu đích không trống" in again.stdout
    assert "Không có gì bị thay đổi." in again.stdout
    assert tables_of(target) == saved_tables


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_is_refused_and_keys_kept_apart_are_named(
    tmp_path, settings, empty_target, capsys
):
    own_media(settings, tmp_path)
    data = (SEED / "danang-bdvtu-phoi-hop-6t-2022.txt").read_bytes() + str(uuid.uuid4()).encode()
    import_services.keep_file(None, data, "a.txt")
    archive = tmp_path / "khoa-rieng.tar.gz"
    assert main(["backup", "-o", str(archive), "--keys-apart"]) == 0
    out = capsys.readouterr().out
    assert "KHÔNG nằm trong bản sao lưu" in out
    with tarfile.open(archive) as source:
        manifest = json.loads(source.extractfile("manifest.json").read())
        names = source.getnames()
    assert "keys/secret_key" not in names
    [key] = manifest["keys"]
    assert (key["name"], key["included"]) == ("DANVAN_SECRET_KEY", False)
    expected = "sha256:" + hashlib.sha256(django_settings.SECRET_KEY.encode()).hexdigest()[:16]
    assert key["fingerprint"] == expected

    # One stored file changed inside the archive: its checksum no longer matches.
    damaged = tmp_path / "hong.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as out_archive:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data.replace(b"a", b"b", 1)
            member.size = len(data)
            out_archive.addfile(member, io.BytesIO(data))
    env, target, data_dir = empty_target("hong")
    refused = danvan("restore", str(damaged), env=env)
    assert refused.returncode == 2
    assert "Tổng kiểm tra không khớp: media/files/" in refused.stdout
    assert "Không có gì bị thay đổi." in refused.stdout
    assert not (data_dir / "media").exists()

    fresh = danvan("restore", str(archive), env=env)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert f"Cần khóa DANVAN_SECRET_KEY có dấu vân tay {expected}" in fresh.stdout
