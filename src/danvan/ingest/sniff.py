"""File type from the first bytes, never from the name."""

from __future__ import annotations

import zipfile
from io import BytesIO

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


IMAGE_FORMATS = ("png", "jpeg", "tiff")  # pages read by OCR


def sniff(data: bytes) -> str | None:
    """ "pdf", "docx", "doc", "txt", "png", "jpeg", "tiff" or None (not a format we read)."""
    head = data[:8]
    if head == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if (
        data[:1024].lstrip(b"\r\n\t \x00\xef\xbb\xbf").startswith(b"%PDF-")
        or b"%PDF-" in data[:1024]
    ):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return "docx"  # a broken zip: let the DOCX reader say it is corrupt
        if "word/document.xml" in names or "[Content_Types].xml" in names:
            return "docx"
        return None
    if head == OLE_MAGIC:
        return "doc"
    if b"{\\rtf" in data[:16]:
        return None
    if _looks_markup(data[:2048]):
        return None  # HTML or Word 2003 XML saved under a .doc name
    return "txt" if _looks_text(data[:65536]) else None


def _looks_markup(sample: bytes) -> bool:
    head = sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<html", b"<!doctype html", b"<?xml")) or b"<html" in head[:512]


def _looks_text(sample: bytes) -> bool:
    if not sample:
        return True
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control <= len(sample) // 100
