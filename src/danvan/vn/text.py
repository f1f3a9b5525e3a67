"""Repair of the usual faults in Vietnamese text extracted from PDF and Word files."""

from __future__ import annotations

import re
import unicodedata

# Glyph faults seen in real extractions: PDF fonts that map ư/Ư to the Latin letters
# ƣ/Ƣ (U+01A3/U+01A2, "oi"), and Đ typed as the Icelandic Eth (U+00D0/U+00F0).
_GLYPH_FIXES = str.maketrans(
    {
        "\u01a3": "ư",
        "\u01a2": "Ư",
        "\u00d0": "Đ",
        "\u00f0": "đ",
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,  # stray byte-order mark
        "\u00ad": None,  # soft hyphen
        # pdfium reports a hyphen that ends a line as U+FFFE or U+0002.
        "\ufffe": "-",
        "\u0002": "-",
    }
)

_CONTROL = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]")


def repair(text: str) -> str:
    """Return `text` with glyph faults fixed, control characters dropped, and NFC applied.

    NFC runs after the glyph fixes so that "ƣ" + combining dot below becomes "ự".
    """
    text = text.translate(_GLYPH_FIXES)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


_FAULTS = re.compile("[\u01a3\u01a2\u00d0\u00f0]")


def glyph_faults(text: str) -> int:
    """How many ƣ/Ƣ/Ð/ð glyph faults `repair` would fix in `text`."""
    return len(_FAULTS.findall(text))


_SPACES = re.compile(r"[ \t]+")


def squeeze(text: str) -> str:
    """Collapse runs of spaces/tabs and trim the ends."""
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower-case and strip diacritics (đ→d): for matching keywords, never for output."""
    decomposed = unicodedata.normalize(
        "NFD", text.translate(_GLYPH_FIXES).lower().replace("đ", "d")
    )
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """True if `text` holds a UTF-16 surrogate code point, which no UTF-8 page or PostgreSQL
    text can carry (JSON's "\\ud800" escapes decode to one)."""
    return _SURROGATE.search(text) is not None


def without_surrogates(value):
    """`value` (a string, or lists and dicts of them) with surrogate pairs joined into their
    character and lone surrogates replaced by U+FFFD, so that it can be shown and stored."""
    if isinstance(value, str):
        if not has_surrogates(value):
            return value
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    return value
