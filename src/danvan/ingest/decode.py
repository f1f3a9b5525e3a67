"""Bytes of a text file → Unicode text (UTF-8/UTF-16 by BOM or validity, else TCVN3/VNI
8-bit). Glyph repair happens later, in `layout.finish`, for every format alike."""

from __future__ import annotations

from ..vn import legacy


def decode_raw(data: bytes) -> tuple[str, str | None]:
    """Decoded text before repair, and the legacy encoding it was converted from (if any)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        # 8-bit text: every byte maps to the Latin-1 code point of the same value, which
        # is what the legacy tables are written against.
        latin = data.decode("latin-1")
        encoding = legacy.detect(latin)
        return legacy.to_unicode(latin, encoding), (encoding if encoding != "unicode" else None)
