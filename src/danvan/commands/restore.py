"""`danvan restore FILE`: check a backup made by `danvan backup` and restore it into an empty
database (and an empty folder of stored files). Every checksum is verified before anything
is written; a database that already holds tables is refused, so nothing is ever overwritten.
Afterwards it says which keys the restored instance needs."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from .backup import (
    FORMAT,
    FORMAT_VERSION,
    POSTGRES_MEMBER,
    SECRET_KEY_MEMBER,
    SQLITE_MEMBER,
    fingerprint,
    pg_env,
    pg_tool,
    sha256_of,
)


class RestoreRefused(Exception):
    """The archive or the target is not fit; the message is Vietnamese."""


def add_arguments(parser) -> None:
    parser.add_argument("archive", metavar="TỆP", help="Tệp sao lưu do lệnh danvan backup tạo")


def _safe(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts


def unpack_checked(archive_path: Path, into: Path) -> dict:
    """Unpack into `into` and return the manifest, or refuse if anything does not match."""
    try:
        archive = tarfile.open(archive_path, "r:*")
    except (OSError, tarfile.TarError) as exc:
        raise RestoreRefused(f"Không đọc được tệp sao lưu {archive_path}: {exc}.") from exc
    with archive:
        try:
            manifest = json.loads(archive.extractfile("manifest.json").read())
        except (KeyError, AttributeError, ValueError, tarfile.TarError) as exc:
            raise RestoreRefused(
                "Tệp này không phải bản sao lưu Danvan (thiếu manifest.json)."
            ) from exc
        if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
            raise RestoreRefused("Bản sao lưu có định dạng không hỗ trợ.")
        expected = manifest.get("members", {})
        seen = set()
        for member in archive:
            if member.name == "manifest.json":
                continue
            if not member.isfile() or not _safe(member.name) or member.name not in expected:
                raise RestoreRefused(
                    f"Bản sao lưu có mục lạ không có trong danh mục: {member.name}."
                )
            target = into / member.name
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)
            if sha256_of(target) != expected[member.name]:
                raise RestoreRefused(
                    f"Tổng kiểm tra không khớp: {member.name} đã bị hỏng hoặc bị sửa."
                )
            seen.add(member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise RestoreRefused(f"Bản sao lưu thiếu {len(missing)} mục: {', '.join(missing[:5])}.")
    return manifest


def _check_empty(connection, media: Path) -> None:
    tables = connection.introspection.table_names()
    if tables:
        raise RestoreRefused(
            f"Cơ sở dữ liệu đích không trống (có {len(tables)} bảng). Chỉ khôi phục vào một cơ sở "
            "dữ liệu trống: tạo cơ sở dữ liệu mới (không chạy danvan migrate) rồi chạy lại lệnh."
        )
    if media.is_dir() and any(path.is_file() for path in media.rglob("*")):
        raise RestoreRefused(
            f"Thư mục tệp đã lưu {media} không trống. Chỉ khôi phục vào một thư mục trống."
        )


def _restore_database(connection, manifest: dict, unpacked: Path) -> None:
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise RestoreRefused(
            f"Bản sao lưu là của cơ sở dữ liệu {vendor}, nơi khôi phục là {connection.vendor}: "
            "hãy khôi phục vào cùng loại cơ sở dữ liệu."
        )
    db = connection.settings_dict
    if vendor == "sqlite":
        connection.close()
        source = sqlite3.connect(unpacked / SQLITE_MEMBER)
        target = sqlite3.connect(db["NAME"])
        with target:
            source.backup(target)
        source.close()
        target.close()
        return
    options, env = pg_env(db)
    done = subprocess.run(
        [pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--single-transaction", *options]
        + [str(unpacked / POSTGRES_MEMBER)],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RestoreRefused(f"pg_restore không khôi phục được: {done.stderr.strip()}")


def _restore_files(manifest: dict, unpacked: Path, media: Path) -> int:
    count = 0
    for name in manifest["members"]:
        if name.startswith("media/"):
            target = media / name.removeprefix("media/")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(unpacked / name, target)
            count += 1
    return count


def _keys(manifest: dict, unpacked: Path, data_dir: Path, current_key: str) -> list[str]:
    """Put back the keys the archive holds; say which ones it needs from elsewhere."""
    lines = []
    for key in manifest.get("keys", []):
        if key.get("included"):
            secret = (unpacked / SECRET_KEY_MEMBER).read_text().strip()
            if os.environ.get("DANVAN_SECRET_KEY") and os.environ["DANVAN_SECRET_KEY"] != secret:
                lines.append(
                    f"Chú ý: biến môi trường {key['name']} đang đặt một khóa khác với khóa trong "
                    f"bản sao lưu ({key['fingerprint']}); bỏ biến này để dùng khóa đã khôi phục."
                )
            key_file = data_dir / "secret_key"
            handle = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(handle, "w") as out:
                out.write(secret)
            lines.append(f"Đã khôi phục khóa {key['name']} ({key['fingerprint']}) vào {key_file}.")
        elif fingerprint(current_key) == key["fingerprint"]:
            lines.append(f"Khóa {key['name']} ({key['fingerprint']}) của máy này khớp bản sao lưu.")
        else:
            lines.append(
                f"Cần khóa {key['name']} có dấu vân tay {key['fingerprint']} (được giữ riêng, không "
                f"nằm trong bản sao lưu; dùng cho: {key['protects']}). Đặt biến môi trường "
                f"{key['name']} hoặc ghi khóa vào {data_dir / 'secret_key'} trước khi chạy ứng dụng; "
                "thiếu khóa, dữ liệu vẫn đủ nhưng mọi phiên đăng nhập và liên kết đặt lại mật "
                "khẩu cũ hết hiệu lực."
            )
    return lines


def restore(archive_path: Path) -> list[str]:
    """Restore the archive here; return what to tell the person (Vietnamese lines)."""
    from django.conf import settings
    from django.db import connection

    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="danvan-restore-") as work:
        unpacked = Path(work)
        manifest = unpack_checked(archive_path, unpacked)
        _check_empty(connection, media)
        _restore_database(connection, manifest, unpacked)
        files = _restore_files(manifest, unpacked, media)
        lines = [
            f"Đã kiểm tra {len(manifest['members'])} mục của bản sao lưu ({manifest['created_at']}): "
            "tổng kiểm tra khớp.",
            f"Đã khôi phục cơ sở dữ liệu ({manifest['database']['vendor']}) và {files} tệp đã lưu.",
        ]
        lines += _keys(manifest, unpacked, Path(settings.DATA_DIR), settings.SECRET_KEY)
    return lines


def run(args) -> int:
    from ._django import setup

    setup()
    try:
        lines = restore(Path(args.archive))
    except RestoreRefused as exc:
        print(f"Lỗi: {exc} Không có gì bị thay đổi.")
        return 2
    print("\n".join(lines))
    return 0
