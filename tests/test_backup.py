"""`danvan backup` and `danvan restore` on the database in use (SQLite or PostgreSQL): back up,
change the data and the files, restore into an empty database and an empty folder, and find
every table row and every file exactly as they were when the backup was made — and the
petitions' encrypted identities still readable there, their key having travelled with them (or
named, when kept apart or taken from the environment)."""

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
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.db import connection

from danvan.accounts.permissions import SYSTEM
from danvan.cli import main
from danvan.demo.loader import load_demo
from danvan.imports import services as import_services
from danvan.orgs.models import OrgUnit
from danvan.petitions import crypto
from danvan.petitions import services as petitions_services
from danvan.reporting import clock
from danvan.reporting import services as reporting_services
from danvan.reporting.models import Submission
from reporting.cycle import issue, user

SEED = Path(__file__).resolve().parents[2] / "shared" / "samples" / "seeds"
KEYS_FROM_ENV = ("DANVAN_SECRET_KEY", "DANVAN_PETITIONS_KEY", "DANVAN_PETITIONS_OLD_KEYS")
VISITOR, ADDRESS, NUMBER = "Lê Thị Sao Lưu", "12 Hùng Vương, Hải Châu", "048190005678"


def fp(key: str) -> str:
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()[:16]


@pytest.fixture
def petitions_key(settings, tmp_path, monkeypatch):
    """A data folder of this test's own where petitions' crypto makes its key file (no key from
    the environment); the key."""
    settings.DATA_DIR = tmp_path / "nguon-data"
    settings.DATA_DIR.mkdir()
    monkeypatch.delenv("DANVAN_PETITIONS_KEY", raising=False)
    monkeypatch.delenv("DANVAN_PETITIONS_OLD_KEYS", raising=False)
    crypto._fernet.cache_clear()
    assert crypto.decrypt(crypto.encrypt(VISITOR)) == VISITOR  # made the key file
    yield (settings.DATA_DIR / "petitions_key").read_text().strip()
    crypto._fernet.cache_clear()


def archive_bytes(archive: Path) -> bytes:
    with tarfile.open(archive) as source:
        return b"".join(
            source.extractfile(member).read() for member in source.getmembers() if member.isfile()
        )


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
        env = {key: value for key, value in os.environ.items() if key not in KEYS_FROM_ENV}
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


def identity_there(env, pk: int) -> list[str]:
    """The reception entry's identity fields as the instance described by `env` reads them."""
    code = (
        "from danvan.commands._django import setup; setup()\n"
        "from danvan.petitions.models import ReceptionEntry\n"
        f"e = ReceptionEntry.objects.get(pk={pk})\n"
        "print(e.visitor_name, e.visitor_address, e.identity_number, sep='|')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().split("|")


def reception_entry() -> int:
    session = petitions_services.create_session(
        SYSTEM,
        unit=OrgUnit.objects.get(code="DN-UBND"),
        date=clock.today(),
        host_name="Cán bộ tiếp dân",
        host_role="can_bo",
        kind="thuong_xuyen",
    )
    return petitions_services.add_entry(
        SYSTEM,
        session=session,
        visitor_name=VISITOR,
        visitor_address=ADDRESS,
        identity_number=NUMBER,
        summary="Đề nghị ghi trước khi sao lưu.",
        kind="kien_nghi",
    ).pk


@pytest.mark.django_db(transaction=True)
def test_backup_change_restore_gives_back_every_table_and_file(
    tmp_path, settings, empty_target, capsys, petitions_key, monkeypatch
):
    load_demo()  # a transactional test may find the database emptied by an earlier one
    own_media(settings, tmp_path)
    old_key = Fernet.generate_key().decode()  # from before a rotation: only ever named
    monkeypatch.setenv("DANVAN_PETITIONS_OLD_KEYS", old_key)
    crypto._fernet.cache_clear()
    entry = reception_entry()
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
    with tarfile.open(archive) as source:
        manifest = json.loads(source.extractfile("manifest.json").read())
        assert source.extractfile("keys/petitions_key").read().decode() == petitions_key
    keys = {key["name"]: key for key in manifest["keys"]}
    petitions = keys["DANVAN_PETITIONS_KEY"]
    assert (petitions["included"], petitions["fingerprint"]) == (True, fp(petitions_key))
    old = keys["DANVAN_PETITIONS_OLD_KEYS"]
    assert (old["included"], old["fingerprint"], old["source"]) == (
        False,
        fp(old_key),
        "environment",
    )
    assert old_key.encode() not in archive_bytes(archive)

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
    # The identities written before the backup read back on the new machine, whose data folder
    # got the petitions key; the old key is named, as it was never in the archive.
    assert (data_dir / "petitions_key").read_text() == petitions_key
    assert f"Đã khôi phục khóa DANVAN_PETITIONS_KEY ({fp(petitions_key)})" in restored.stdout
    assert f"Cần khóa cũ có dấu vân tay {fp(old_key)}" in restored.stdout
    assert identity_there(env, entry) == [VISITOR, ADDRESS, NUMBER]

    # A second restore into the now filled database is refused, and changes nothing.
    again = danvan("restore", str(archive), env=env)
    assert again.returncode == 2
    assert "Cơ sở dữ liệu đích không trống" in again.stdout
    assert "Không có gì bị thay đổi." in again.stdout
    assert tables_of(target) == saved_tables


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_is_refused_and_keys_kept_apart_are_named(
    tmp_path, settings, empty_target, capsys, petitions_key
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
    assert "keys/secret_key" not in names and "keys/petitions_key" not in names
    keys = {key["name"]: (key["included"], key["fingerprint"]) for key in manifest["keys"]}
    expected = "sha256:" + hashlib.sha256(django_settings.SECRET_KEY.encode()).hexdigest()[:16]
    assert keys == {
        "DANVAN_SECRET_KEY": (False, expected),
        "DANVAN_PETITIONS_KEY": (False, fp(petitions_key)),
    }
    assert petitions_key.encode() not in archive_bytes(archive)

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
    assert f"Cần khóa DANVAN_PETITIONS_KEY có dấu vân tay {fp(petitions_key)}" in fresh.stdout
    assert not (data_dir / "petitions_key").exists()


@pytest.mark.django_db(transaction=True)
def test_an_environment_key_stays_out_and_a_different_key_there_is_never_overwritten(
    tmp_path, settings, empty_target, capsys, petitions_key, monkeypatch
):
    own_media(settings, tmp_path)
    from_env = Fernet.generate_key().decode()
    monkeypatch.setenv("DANVAN_PETITIONS_KEY", from_env)
    crypto._fernet.cache_clear()
    with_env_key = tmp_path / "khoa-moi-truong.tar.gz"
    assert main(["backup", "-o", str(with_env_key)]) == 0
    assert f"Khóa DANVAN_PETITIONS_KEY ({fp(from_env)}) KHÔNG nằm" in capsys.readouterr().out
    with tarfile.open(with_env_key) as source:
        manifest = json.loads(source.extractfile("manifest.json").read())
        assert "keys/petitions_key" not in source.getnames()
    [petitions] = [key for key in manifest["keys"] if key["name"] == "DANVAN_PETITIONS_KEY"]
    assert (petitions["source"], petitions["included"]) == ("environment", False)
    assert petitions["fingerprint"] == fp(from_env)
    assert from_env.encode() not in archive_bytes(with_env_key)
    assert from_env.encode() not in with_env_key.read_bytes()

    monkeypatch.delenv("DANVAN_PETITIONS_KEY")
    crypto._fernet.cache_clear()
    with_file_key = tmp_path / "khoa-tep.tar.gz"
    assert main(["backup", "-o", str(with_file_key)]) == 0

    # The new machine's data folder already holds another petitions key: refused, untouched.
    env, target, data_dir = empty_target("khoa-khac")
    data_dir.mkdir()
    theirs = Fernet.generate_key().decode()
    (data_dir / "petitions_key").write_text(theirs)
    refused = danvan("restore", str(with_file_key), env=env)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "đã có khóa DANVAN_PETITIONS_KEY khác khóa trong bản sao lưu" in refused.stdout
    assert fp(theirs) in refused.stdout and fp(petitions_key) in refused.stdout
    assert "Không có gì bị thay đổi." in refused.stdout
    assert (data_dir / "petitions_key").read_text() == theirs
    assert tables_of(target) == {}

    # The archive without the key restores, and names the environment's key it needs.
    fresh = danvan("restore", str(with_env_key), env=env)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert f"Cần khóa DANVAN_PETITIONS_KEY có dấu vân tay {fp(from_env)}" in fresh.stdout
    assert f"Khóa cần có trước khi chạy ứng dụng: DANVAN_PETITIONS_KEY ({fp(from_env)})" in (
        fresh.stdout
    )
    assert (data_dir / "petitions_key").read_text() == theirs
