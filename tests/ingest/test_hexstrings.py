"""The fast hex-string reader gives pyHanko exactly what pyHanko's own reader gives."""

from io import BytesIO

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfStreamError

from danvan.ingest import hexstrings

hexstrings.install()
ORIGINAL = hexstrings.original_reader
FAST = generic.read_hex_string_from_stream


def _both(raw: bytes):
    results = []
    for reader in (ORIGINAL, FAST):
        stream = BytesIO(raw)
        try:
            value = reader(stream)
            results.append((type(value), bytes(value.original_bytes), stream.tell()))
        except PdfStreamError:
            results.append(("error", stream.tell() if reader is FAST else None))
    return results


@given(
    payload=st.binary(max_size=300),
    spaces=st.lists(st.sampled_from([b" ", b"\n", b"\r\n", b"\t"]), max_size=5),
    odd=st.booleans(),
    tail=st.binary(max_size=20),
)
def test_same_object_and_position_as_pyhanko(payload, spaces, odd, tail):
    digits = payload.hex().upper().encode()
    if odd:
        digits += b"7"
    for space in spaces:
        middle = len(digits) // 2
        digits = digits[:middle] + space + digits[middle:]
    original, fast = _both(b"<" + digits + b">" + tail)
    assert fast == original


def test_a_signature_sized_string_is_read_whole():
    payload = bytes(range(256)) * 80  # 20,480 bytes: 40,960 digits, more than one block
    value = FAST(BytesIO(b"<" + payload.hex().encode() + b">  /Type"))
    assert bytes(value.original_bytes) == payload


@pytest.mark.parametrize("raw", [b"<48 % a comment\n49>", b"<48zz>", b"<4849"])
def test_anything_unusual_goes_to_pyhankos_reader(raw):
    original, fast = _both(raw)
    assert fast[0] == original[0]
    if original[0] != "error":
        assert fast == original
