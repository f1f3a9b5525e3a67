"""`danvan restore FILE`: check a backup made by `danvan backup` and restore it into an empty
database (and an empty folder of stored files). Every checksum is verified before anything
is written; a database that already holds tables is refused, so nothing is ever overwritten.
The keys the archive holds go back into the data folder — a different petitions key already
there is never overwritten (the restore is refused, naming both fingerprints) — and it says
which keys the restored instance still needs."""

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
    KEY_FILES,
    OLD_PETITIONS_KEYS,
    POSTGRES_MEMBER,
    READABLE_VERSIONS,
    SQLITE_MEMBER,
    fingerprint,
    petitions_keys,
    pg_env,
    pg_tool,
    sha256_of,
)

# What is lost without a key, for the restore's message.
WITHOUT_KEY = {
    "DANVAN_SECRET_KEY": "dữ liệu vẫn đủ nhưng mọi phiên đăng nhập và liên kết đặt lại mật khẩu "
    "cũ hết hiệu lực",
    "DANVAN_PETITIONS_KEY": "họ tên, địa chỉ, số CCCD của người được tiếp và người gửi đơn hiện "
    "“(không giải mã được: sai khóa)”",
}


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
        if manifest.get("format") != FORMAT or manifest.get("version") not in READABLE_VERSIONS:
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


def _plan_keys(manifest: dict, unpacked: Path, data_dir: Path) -> list[tuple[dict, str, Path]]:
    """(entry, key, file) of every key the archive holds, checked before anything is written:
    a different petitions key already in the data folder is refused, never overwritten (what
    it encrypted would be lost). The secret key file may be replaced: starting this command
    made one if the folder had none."""
    planned = []
    for key in manifest.get("keys", []):
        if not key.get("included"):
            continue
        if key.get("name") not in KEY_FILES:
            raise RestoreRefused(f"Bản sao lưu mang một khóa lạ: {key.get('name')}.")
        file_name, member, _ = KEY_FILES[key["name"]]
        if member not in manifest["members"]:
            raise RestoreRefused(f"Bản sao lưu thiếu mục {member}.")
        value = (unpacked / member).read_text().strip()
        target = data_dir / file_name
        if key["name"] != "DANVAN_SECRET_KEY" and target.is_file():
            existing = fingerprint(target.read_text().strip())
            if existing != key["fingerprint"]:
                raise RestoreRefused(
                    f"Thư mục dữ liệu đã có khóa {key['name']} khác khóa trong bản sao lưu: "
                    f"{target} có dấu vân tay {existing}, bản sao lưu mang khóa "
                    f"{key['fingerprint']}. Không ghi đè khóa đang có (dữ liệu mã hóa bằng nó sẽ "
                    "không đọc được nữa): nếu chắc không còn cần, chuyển tệp đó đi nơi khác rồi "
                    "chạy lại."
                )
        planned.append((key, value, target))
    return planned


def _put_keys(planned: list[tuple[dict, str, Path]]) -> list[str]:
    lines = []
    old_keys = {k.strip() for k in os.environ.get(OLD_PETITIONS_KEYS, "").split(",")}
    for key, value, target in planned:
        if target.is_file() and target.read_text().strip() == value:
            lines.append(f"Khóa {key['name']} ({key['fingerprint']}) trong {target} đã khớp.")
        else:
            handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(handle, "w") as out:
                out.write(value)
            lines.append(f"Đã khôi phục khóa {key['name']} ({key['fingerprint']}) vào {target}.")
        env_key = os.environ.get(key["name"], "").strip()
        if env_key and env_key != value and value not in old_keys:
            also = (
                f" hoặc thêm khóa đó vào {OLD_PETITIONS_KEYS}" if "PETITIONS" in key["name"] else ""
            )
            lines.append(
                f"Chú ý: biến môi trường {key['name']} đang đặt một khóa khác "
                f"({fingerprint(env_key)}) với khóa trong bản sao lưu; bỏ biến này{also} để dùng "
                "khóa đã khôi phục."
            )
    return lines


def _needed(manifest: dict, data_dir: Path, secret_key: str) -> list[str]:
    """The keys kept apart: matched by this machine's, or named with where to put them."""
    have = {fingerprint(secret_key)} | {fingerprint(k) for _, k, _ in petitions_keys(data_dir)}
    lines, missing = [], []
    for key in manifest.get("keys", []):
        if key.get("included"):
            continue
        if key["fingerprint"] in have:
            lines.append(f"Khóa {key['name']} ({key['fingerprint']}) của máy này khớp bản sao lưu.")
            continue
        missing.append(f"{key['name']} ({key['fingerprint']})")
        if key["name"] == OLD_PETITIONS_KEYS:
            lines.append(
                f"Cần khóa cũ có dấu vân tay {key['fingerprint']} trong biến môi trường "
                f"{OLD_PETITIONS_KEYS} (các khóa cũ cách nhau bằng dấu phẩy; dùng cho: "
                f"{key['protects']}); thiếu khóa, những giá trị đó hiện “(không giải mã được: "
                "sai khóa)”."
            )
            continue
        file_name = KEY_FILES[key["name"]][0]
        lines.append(
            f"Cần khóa {key['name']} có dấu vân tay {key['fingerprint']} (được giữ riêng, không "
            f"nằm trong bản sao lưu; dùng cho: {key['protects']}). Đặt biến môi trường "
            f"{key['name']} hoặc ghi khóa vào {data_dir / file_name} trước khi chạy ứng dụng; "
            f"thiếu khóa, {WITHOUT_KEY.get(key['name'], 'dữ liệu đó không đọc được')}."
        )
    if missing:
        lines.append(f"Khóa cần có trước khi chạy ứng dụng: {'; '.join(missing)}.")
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
        data_dir = Path(settings.DATA_DIR)
        planned = _plan_keys(manifest, unpacked, data_dir)
        _restore_database(connection, manifest, unpacked)
        files = _restore_files(manifest, unpacked, media)
        lines = [
            f"Đã kiểm tra {len(manifest['members'])} mục của bản sao lưu ({manifest['created_at']}): "
            "tổng kiểm tra khớp.",
            f"Đã khôi phục cơ sở dữ liệu ({manifest['database']['vendor']}) và {files} tệp đã lưu.",
        ]
        lines += _put_keys(planned)
        lines += _needed(manifest, data_dir, settings.SECRET_KEY)
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
