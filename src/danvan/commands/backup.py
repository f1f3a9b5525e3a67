"""`danvan backup`: one archive (.tar.gz) of the database, the stored files and the keys.

Inside: `manifest.json` (what is where, with the SHA-256 of every member), `database/` (a
copy made by SQLite's online backup, or `pg_dump`'s custom format on PostgreSQL),
`media/` (every stored file) and the keys kept as files in the data folder, `keys/secret_key`
and `keys/petitions_key` (the Fernet key of petitions' identity fields) — or, with --keys-apart
or for a key that comes from the environment, no key but its name and fingerprint in the
manifest, so that the restore can say which key it needs. Old petitions keys
(DANVAN_PETITIONS_OLD_KEYS) are only ever named. `danvan restore` reads the same layout."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

FORMAT = "danvan-backup"
# 2: the petitions keys are in `keys` too (a version-1 restore would have put them nowhere).
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
SQLITE_MEMBER = "database/danvan.sqlite3"
POSTGRES_MEMBER = "database/danvan.pgdump"
SECRET_KEY_MEMBER = "keys/secret_key"
PETITIONS_KEY_MEMBER = "keys/petitions_key"
OLD_PETITIONS_KEYS = "DANVAN_PETITIONS_OLD_KEYS"
# What the instance's keys protect, for the restore's message (API tokens are stored as
# plain SHA-256 digests and need no key).
SECRET_KEY_USE = "phiên đăng nhập, liên kết đặt lại mật khẩu, cookie được ký"
PETITIONS_KEY_USE = (
    "họ tên, địa chỉ, số CCCD/hộ chiếu của người được tiếp và người gửi đơn (tiếp công dân, "
    "đơn thư)"
)
OLD_PETITIONS_KEY_USE = (
    "nhân thân người được tiếp, người gửi đơn ghi trước lần đổi khóa, chưa mã hóa lại"
)
# A key kept as a file: its name → (file in the data folder, archive member, what it protects).
KEY_FILES = {
    "DANVAN_SECRET_KEY": ("secret_key", SECRET_KEY_MEMBER, SECRET_KEY_USE),
    "DANVAN_PETITIONS_KEY": ("petitions_key", PETITIONS_KEY_MEMBER, PETITIONS_KEY_USE),
}


def add_arguments(parser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="TỆP",
        help="Tệp sao lưu (mặc định: danvan-sao-luu-<ngày giờ>.tar.gz trong thư mục hiện tại)",
    )
    parser.add_argument(
        "--keys-apart",
        action="store_true",
        help="Không ghi khóa (khóa bí mật, khóa mã hóa nhân thân) vào bản sao lưu (giữ riêng); "
        "bản sao lưu chỉ ghi tên và dấu vân tay",
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(key: str) -> str:
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def pg_tool(name: str) -> str:
    """pg_dump or pg_restore, or a Vietnamese reason why there is none."""
    found = shutil.which(name)
    if found is None:
        raise SystemExit(
            f"Lỗi: không tìm thấy lệnh {name}. Cài gói postgresql-client cùng phiên bản với "
            "máy chủ PostgreSQL rồi chạy lại."
        )
    return found


def pg_env(db: dict) -> tuple[list[str], dict]:
    """Connection options for pg_dump/pg_restore from Django's settings (password by env)."""
    options = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        options += ["--host", db["HOST"]]
    if db.get("PORT"):
        options += ["--port", str(db["PORT"])]
    if db.get("USER"):
        options += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return options, env


def _dump_database(connection, into: Path) -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        target = sqlite3.connect(into / "danvan.sqlite3")
        connection.ensure_connection()
        with target:
            connection.connection.backup(target)  # consistent even while the site writes
        target.close()
        return SQLITE_MEMBER
    if connection.vendor == "postgresql":
        options, env = pg_env(db)
        done = subprocess.run(
            [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", *options]
            + ["--file", str(into / "danvan.pgdump")],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise SystemExit(f"Lỗi: pg_dump không sao lưu được: {done.stderr.strip()}")
        return POSTGRES_MEMBER
    raise SystemExit(f"Lỗi: chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")


def petitions_keys(data_dir: Path) -> list[tuple[str, str, str]]:
    """(name, key, source) of the petitions keys this instance reads with: the primary from
    the environment or the data folder's file (not made here when there is none yet), then the
    old ones from the environment."""
    keys = []
    if primary := os.environ.get("DANVAN_PETITIONS_KEY", "").strip():
        keys.append(("DANVAN_PETITIONS_KEY", primary, "environment"))
    elif (data_dir / "petitions_key").is_file():
        primary = (data_dir / "petitions_key").read_text().strip()
        keys.append(("DANVAN_PETITIONS_KEY", primary, "file"))
    old = os.environ.get(OLD_PETITIONS_KEYS, "").split(",")
    keys += [(OLD_PETITIONS_KEYS, key.strip(), "environment") for key in old if key.strip()]
    return keys


def _key_entries(work_dir: Path, keys_apart: bool) -> tuple[list[dict], dict[str, Path]]:
    """The manifest's `keys` and the members holding those that go into the archive."""
    from django.conf import settings

    source = "environment" if os.environ.get("DANVAN_SECRET_KEY") else "file"
    current = [("DANVAN_SECRET_KEY", settings.SECRET_KEY, source)]
    current += petitions_keys(Path(settings.DATA_DIR))
    entries, members = [], {}
    for name, key, source in current:
        file_name, member, protects = KEY_FILES.get(name, (None, None, OLD_PETITIONS_KEY_USE))
        entry = {
            "name": name,
            "protects": protects,
            "fingerprint": fingerprint(key),
            "source": source,
            "included": member is not None and source == "file" and not keys_apart,
        }
        if entry["included"]:
            (work_dir / file_name).write_text(key)
            members[member] = work_dir / file_name
            entry["member"] = member
        entries.append(entry)
    return entries, members


def write_backup(output: Path, *, keys_apart: bool = False) -> dict:
    """Write the archive; return its manifest."""
    from django.conf import settings
    from django.db import connection

    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="danvan-backup-") as work:
        work_dir = Path(work)
        database_member = _dump_database(connection, work_dir)
        members: dict[str, Path] = {database_member: work_dir / Path(database_member).name}
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                members[f"media/{path.relative_to(media).as_posix()}"] = path
        key_entries, key_members = _key_entries(work_dir, keys_apart)
        members |= key_members
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": {"vendor": connection.vendor, "member": database_member},
            "keys": key_entries,
            "members": {name: sha256_of(path) for name, path in members.items()},
        }
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".dang-ghi")
        # Readable by the owner only: the archive may hold the secret key and everyone's data.
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mode = len(data), 0o600
            archive.addfile(info, io.BytesIO(data))
            for name, path in members.items():
                archive.add(path, arcname=name, recursive=False)
        os.replace(partial, output)
    return manifest


def run(args) -> int:
    from ._django import setup

    setup()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    output = Path(args.output or f"danvan-sao-luu-{stamp}.tar.gz").resolve()
    manifest = write_backup(output, keys_apart=args.keys_apart)
    files = sum(1 for name in manifest["members"] if name.startswith("media/"))
    print(f"Đã sao lưu vào {output}")
    print(f"  Cơ sở dữ liệu: {manifest['database']['vendor']}; tệp đã lưu: {files}.")
    for key in manifest["keys"]:
        label = f"cũ trong {key['name']}" if key["name"] == OLD_PETITIONS_KEYS else key["name"]
        if key["included"]:
            print(
                f"  Khóa {label} nằm trong bản sao lưu: hãy cất tệp này ở nơi an toàn "
                "như chính khóa."
            )
        else:
            print(
                f"  Khóa {label} ({key['fingerprint']}) KHÔNG nằm trong bản sao lưu: "
                "hãy giữ riêng; khi khôi phục cần đặt lại đúng khóa này."
            )
    sys.stdout.flush()
    return 0
