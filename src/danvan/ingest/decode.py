"""Bytes of a text file → repaired Unicode text (UTF-8/UTF-16, or TCVN3/VNI 8-bit)."""

from __future__ import annotations

from ..vn import legacy
from ..vn.text import repair


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # 8-bit text: every byte maps to the Latin-1 code point of the same value,
            # which is what the legacy tables are written against.
            text = legacy.to_unicode(data.decode("latin-1"))
    return repair(text)
