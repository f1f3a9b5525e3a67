"""Content-addressed file storage: a file's bytes live once, at a path made of their SHA-256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from .models import StoredFile


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


def keep(data: bytes, sha256: str, file_format: str) -> tuple[StoredFile, bool]:
    """The record of these bytes, stored first if new; True when they were there already.

    The same new file uploaded twice at once (a double click) succeeds both times: the upload
    that loses the race to insert the record finds the winner's record instead of failing."""
    stored = StoredFile.objects.filter(sha256=sha256).first()
    if stored is not None:
        return stored, True
    path = save(data, sha256)
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction survives the clash
            created = StoredFile.objects.create(
                sha256=sha256, size=len(data), format=file_format, storage_path=path
            )
    except IntegrityError:
        return StoredFile.objects.get(sha256=sha256), True
    return created, False


def read(relative: str) -> bytes:
    return (root() / relative).read_bytes()
