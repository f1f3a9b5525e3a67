"""The one exception the ingest library raises for a file it cannot read."""

from __future__ import annotations


class DocumentError(Exception):
    """A file that cannot be parsed. `str(error)` is one Vietnamese line for the user;
    `reason` is a stable English code for programs ("corrupt", "encrypted", "empty",
    "no_text", "unsupported", "too_large", "too_many_pages", "zip_bomb", "unsafe_xml",
    "no_converter", "unreadable", "internal")."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
