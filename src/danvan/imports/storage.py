"""Content-addressed file storage: a file's bytes live once, at a path made of their SHA-256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / "files"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def relative_path(sha256: str) -> str:
    return f"{sha256[:2]}/{sha256}"


def save(data: bytes, sha256: str) -> str:
    """Write the bytes if they are not there yet (atomically: a reader never sees half a file)."""
    path = root() / relative_path(sha256)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    return relative_path(sha256)


def read(relative: str) -> bytes:
    return (root() / relative).read_bytes()
