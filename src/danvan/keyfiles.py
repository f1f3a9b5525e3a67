"""Keys kept as files in the data folder (the secret key, the petitions key), made on first
use. Several app servers may share that folder (a network mount) and start at the same moment:
the file appears whole, once, and every process reads the same key — never an empty file
half-written by another process, never a crash because another process was first."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def read_or_create(path: Path, make: Callable[[], bytes]) -> bytes:
    """The key in `path`; when there is none yet, `make()` is written there (readable by the
    owner only) unless another process wrote its own first, which then wins."""
    if not path.exists():
        # Written whole to a private temporary file, then linked into place: link() is atomic
        # (also over NFS) and fails if the name exists, so the first process's key stays.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(make())
                out.flush()
                os.fsync(out.fileno())
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass
        finally:
            os.unlink(temporary)
    return path.read_bytes().strip()
