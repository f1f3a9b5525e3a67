"""A fast reader of PDF hex strings for pyHanko.

pyHanko reads a hex string (`<3082…>`) one byte at a time through Python generators; a
signature's `/Contents` is such a string of 16,000–40,000 digits, so an e-office file signed
eight times spends most of its verification time there (0.2 s on the 35-page Báo cáo 329).
`install()` replaces pyHanko's `read_hex_string_from_stream` with one that reads the string
in blocks and decodes it with `binascii`, giving the same object for every well-formed
string; anything unusual (a comment, a stray character, the end of the file) is handed back
to pyHanko's own reader from the same position, so its errors stay its own.
"""

from __future__ import annotations

import binascii

_WHITESPACE = b" \n\r\t\f\x00"
_HEX = b"0123456789abcdefABCDEF"
_BLOCK = 1 << 16
_installed = False
original_reader = None  # pyHanko's own reader, once `install()` has run


def install() -> None:
    """Idempotent: patch pyHanko's module-level hex-string reader once per process."""
    global _installed, original_reader
    if _installed:
        return
    from pyhanko.pdf_utils import generic

    original = original_reader = generic.read_hex_string_from_stream

    def read_hex_string_from_stream(stream):
        start = stream.tell()
        digits = _read_digits(stream)
        if digits is None:
            stream.seek(start)
            return original(stream)
        if len(digits) % 2:
            digits += b"0"
        return generic.pdf_string(binascii.unhexlify(digits))

    generic.read_hex_string_from_stream = read_hex_string_from_stream
    _installed = True


def _read_digits(stream) -> bytes | None:
    """The digits between "<" and ">" with the stream left after ">"; None when the string
    holds anything but hex digits and whitespace, or is not closed."""
    opening = stream.read(1)
    if opening != b"<":
        return None
    begin = stream.tell()
    parts: list[bytes] = []
    while True:
        block = stream.read(_BLOCK)
        if not block:
            return None
        end = block.find(b">")
        if end >= 0:
            parts.append(block[:end])
            consumed = sum(len(p) for p in parts) + 1
            stream.seek(begin + consumed)
            break
        parts.append(block)
    digits = b"".join(parts).translate(None, _WHITESPACE)
    if digits.translate(None, _HEX):
        return None
    return digits
