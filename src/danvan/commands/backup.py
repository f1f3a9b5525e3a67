"""`danvan backup`: one archive (.tar.gz) of the database, the stored files and the keys.

Inside: `manifest.json` (what is where, with the SHA-256 of every member), `database/` (a
copy made by SQLite's online backup, or `pg_dump`'s custom format on PostgreSQL),
`media/` (every stored file) and `keys/secret_key` — or, with --keys-apart or when the key
comes from the environment, no key but its name and fingerprint in the manifest, so that the
restore can say which key it needs. `danvan restore` reads the same layout."""

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
FORMAT_VERSION = 1
SQLITE_MEMBER = "database/danvan.sqlite3"
POSTGRES_MEMBER = "database/danvan.pgdump"
SECRET_KEY_MEMBER = "keys/secret_key"
# What the instance's keys protect, for the restore's message (API tokens are stored as
# plain SHA-256 digests and need no key).
SECRET_KEY_USE = "phiên đăng nhập, liên kết đặt lại mật khẩu, cookie được ký"


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
        help="Không ghi khóa bí mật vào bản sao lưu (giữ riêng); bản sao lưu chỉ ghi tên và dấu vân tay",
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


def _secret_key_source() -> str:
    return "environment" if os.environ.get("DANVAN_SECRET_KEY") else "file"


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
        source = _secret_key_source()
        include_key = not keys_apart and source == "file"
        key_entry = {
            "name": "DANVAN_SECRET_KEY",
            "protects": SECRET_KEY_USE,
            "fingerprint": fingerprint(settings.SECRET_KEY),
            "source": source,
            "included": include_key,
        }
        if include_key:
            key_file = work_dir / "secret_key"
            key_file.write_text(settings.SECRET_KEY)
            members[SECRET_KEY_MEMBER] = key_file
            key_entry["member"] = SECRET_KEY_MEMBER
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": {"vendor": connection.vendor, "member": database_member},
            "keys": [key_entry],
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
        if key["included"]:
            print(
                f"  Khóa {key['name']} nằm trong bản sao lưu: hãy cất tệp này ở nơi an toàn "
                "như chính khóa."
            )
        else:
            print(
                f"  Khóa {key['name']} ({key['fingerprint']}) KHÔNG nằm trong bản sao lưu: "
                "hãy giữ riêng; khi khôi phục cần đặt lại đúng khóa này."
            )
    sys.stdout.flush()
    return 0
