"""Opening a .zip of reports safely: bounded entry count, sizes and compression ratio, no
paths, no nested archives. Plain Python."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

MAX_ENTRIES = 200
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 100


# What reading a damaged archive or member raises (bad CRC, truncated or undecodable data).
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError)


class ArchiveRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def is_plain_zip(data: bytes) -> bool:
    """A zip that is not itself a Word document."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except DAMAGED:
        return False
    return "word/document.xml" not in names and "[Content_Types].xml" not in names


def expand(name: str, data: bytes, max_file_bytes: int) -> list[tuple[str, bytes | None, str]]:
    """(name, bytes or None, problem) for each file inside, in the archive's order."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except DAMAGED as exc:
        raise ArchiveRefused(f"Tệp nén {name} bị hỏng.") from exc
    entries = [info for info in archive.infolist() if not info.is_dir()]
    if len(entries) > MAX_ENTRIES:
        raise ArchiveRefused(
            f"Tệp nén {name} có {len(entries)} tệp; tối đa {MAX_ENTRIES} tệp một lần."
        )
    if sum(info.file_size for info in entries) > MAX_TOTAL_BYTES:
        raise ArchiveRefused(f"Tệp nén {name} khi giải nén quá lớn.")
    result = []
    for info in entries:
        inner = posixpath.basename(info.filename.replace("\\", "/")) or info.filename
        if info.flag_bits & 0x1:
            result.append((inner, None, "Tệp trong tệp nén được đặt mật khẩu."))
        elif info.file_size > max_file_bytes:
            result.append((inner, None, "Tệp quá lớn."))
        elif info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            result.append((inner, None, "Tệp nén bất thường (tỷ lệ nén quá cao), không giải nén."))
        else:
            try:
                content = archive.read(info)
            except DAMAGED:
                # A damaged member (bad CRC, truncated data, unknown compression): this file
                # is reported, the others in the archive are still read.
                result.append((inner, None, "Tệp trong tệp nén bị hỏng, không giải nén được."))
                continue
            if is_plain_zip(content):
                result.append((inner, None, "Không mở tệp nén lồng trong tệp nén."))
            else:
                result.append((inner, content, ""))
    return result
