"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC, the .VnTime fonts) and VNI (VNI-Times).

Before Unicode, Vietnamese documents were typed in fonts whose 8-bit code points stood for
Vietnamese letters. Read as Latin-1/cp1252 such text looks like "Céng hoµ x· héi" (TCVN3) or
"Coäng hoøa xaõ hoäi" (VNI). These tables are written from the published code charts:
TCVN 5712:1993 (VN3) has one byte per lower-case letter, and upper case only for the seven
base letters Ă Â Ê Ô Ơ Ư Đ (capitals with tones need the ".VnTimeH" fonts, which reuse the
lower-case codes); VNI writes a base letter followed by one modifier byte.

`detect` tells which encoding a text is in by how many common Vietnamese words appear after
converting; `to_unicode` converts. Both expect text whose bytes were decoded as Latin-1 or
cp1252 (as Word and most extractors do).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Encoding = Literal["unicode", "tcvn3", "vni"]

# --- TCVN3 -------------------------------------------------------------------------------

_TCVN3_CODES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

_TCVN3_DECODE: dict[str, str] = {chr(code): letter for code, letter in _TCVN3_CODES.items()}
# The same byte read through cp1252 (Word does this) lands on a different code point
# only in 0x80-0x9F, which TCVN3 lower case does not use; nothing more to add.
_TCVN3_ENCODE: dict[str, str] = {letter: chr(code) for code, letter in _TCVN3_CODES.items()}


def tcvn3_to_unicode(text: str, *, capitals: bool = False) -> str:
    """Convert TCVN3 text to Unicode; `capitals` for runs in a ".VnTimeH"-style font."""
    out = "".join(_TCVN3_DECODE.get(ch, ch) for ch in text)
    return out.upper() if capitals else out


def unicode_to_tcvn3(text: str) -> str:
    """Encode Unicode Vietnamese as TCVN3 (capitals with tones fall back to lower case,
    as they would be typed in a ".VnTimeH" font)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = _TCVN3_ENCODE.get(ch)
        if code is None and ch.lower() != ch:
            code = _TCVN3_ENCODE.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out)


# --- VNI ---------------------------------------------------------------------------------

_TONES = ("acute", "grave", "hook", "tilde", "dot")
_COMBINING = {
    "acute": "\u0301",
    "grave": "\u0300",
    "hook": "\u0309",
    "tilde": "\u0303",
    "dot": "\u0323",
}
# Modifier bytes (lower case; upper case is the Latin-1 capital of each).
_VNI_PLAIN_TONE = {"acute": "ù", "grave": "ø", "hook": "û", "tilde": "õ", "dot": "ï"}
_VNI_CIRCUMFLEX_TONE = {"acute": "á", "grave": "à", "hook": "å", "tilde": "ã", "dot": "ä"}
_VNI_BREVE_TONE = {"acute": "é", "grave": "è", "hook": "ú", "tilde": "ü", "dot": "ë"}
_VNI_I = {"": "i", "acute": "í", "grave": "ì", "hook": "æ", "tilde": "ó", "dot": "ò"}


def _vni_table() -> dict[str, str]:
    """Map each Vietnamese letter (NFC, lower and upper case) to its VNI byte string."""
    table: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}

    def add(letter: str, code: str) -> None:
        table[unicodedata.normalize("NFC", letter)] = code
        table[unicodedata.normalize("NFC", letter).upper()] = code.upper()

    for base in "aeouy":
        for tone in _TONES:
            add(base + _COMBINING[tone], base + _VNI_PLAIN_TONE[tone])
    for base in "aeo":
        add(base + "\u0302", base + "â")
        for tone in _TONES:
            add(base + "\u0302" + _COMBINING[tone], base + _VNI_CIRCUMFLEX_TONE[tone])
    add("a\u0306", "aê")
    for tone in _TONES:
        add("a\u0306" + _COMBINING[tone], "a" + _VNI_BREVE_TONE[tone])
    for horned, code in (("o\u031b", "ô"), ("u\u031b", "ö")):
        add(horned, code)
        for tone in _TONES:
            add(horned + _COMBINING[tone], code + _VNI_PLAIN_TONE[tone])
    for tone in _TONES:
        add("i" + _COMBINING[tone], _VNI_I[tone])
    add("y\u0323", "î")  # ỵ has its own byte in VNI
    return table


_VNI_ENCODE = _vni_table()
_VNI_DECODE = {code: letter for letter, code in _VNI_ENCODE.items()}
_VNI_DECODE["yï"] = "ỵ"
_VNI_DECODE["YÏ"] = "Ỵ"
_VNI_PATTERN = re.compile(
    "|".join(re.escape(c) for c in sorted(_VNI_DECODE, key=len, reverse=True))
)


def vni_to_unicode(text: str) -> str:
    """Convert VNI text (longest modifier sequence first) to Unicode NFC."""
    return _VNI_PATTERN.sub(lambda m: _VNI_DECODE[m.group(0)], text)


def unicode_to_vni(text: str) -> str:
    """Encode Unicode Vietnamese as VNI."""
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


# --- detection ---------------------------------------------------------------------------

# Frequent words of administrative Vietnamese; a right conversion produces many of them.
_COMMON = frozenset(
    "của và các được người năm trong với có không đã cho là những này theo về một tỉnh "
    "công tác đảng nhân dân việc thực hiện đồng chí nhà nước xã hội ban chủ nghĩa cộng hòa "
    "hoà quyết định số ngày tháng báo cáo ủy uỷ thành phố huyện cơ quan đơn vị tổ chức "
    "triển khai kết quả nội dung vận động".split()
)
_WORD = re.compile(r"[^\W\d_]+")


_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)


def _score(text: str) -> int:
    return sum(1 for word in _WORD.findall(text.lower()) if word in _COMMON)


def detect(text: str) -> Encoding:
    """Tell whether `text` is Unicode Vietnamese, or TCVN3/VNI read as Latin-1.

    Pure ASCII or proper Unicode text keeps "unicode". A legacy guess must at least double
    the count of common words to win, so that clean text is never "converted".
    """
    if not any("\u00a0" <= ch <= "\u00ff" for ch in text):
        return "unicode"
    # Letters only Unicode Vietnamese has (ă, đ, ơ, ư, ạ…ỹ) never come out of an 8-bit
    # decode, so a handful of them settles it without converting anything.
    if len(_UNICODE_ONLY.findall(text, 0, 20000)) >= 5:
        return "unicode"
    text = text[:20000]
    scores = {
        "unicode": _score(text),
        "tcvn3": _score(tcvn3_to_unicode(text)),
        "vni": _score(vni_to_unicode(text)),
    }
    best = max(("tcvn3", "vni"), key=lambda name: scores[name])
    if scores[best] >= 3 and scores[best] >= 2 * scores["unicode"] + 1:
        return best  # type: ignore[return-value]
    return "unicode"


def to_unicode(text: str, encoding: Encoding | None = None) -> str:
    """Convert `text` from `encoding` (detected when None) to Unicode NFC."""
    encoding = encoding or detect(text)
    if encoding == "tcvn3":
        text = tcvn3_to_unicode(text)
    elif encoding == "vni":
        text = vni_to_unicode(text)
    return unicodedata.normalize("NFC", text)


def font_encoding(font_name: str | None) -> Encoding | None:
    """Encoding implied by a font name: ".VnTime" → TCVN3, "VNI-Times" → VNI."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    if name.startswith(".vn") or name.startswith("vn3"):
        return "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def is_capitals_font(font_name: str | None) -> bool:
    """TCVN3 capital fonts end in "H" (".VnTimeH", ".VnArialH")."""
    return (
        bool(font_name) and font_name.strip().startswith(".Vn") and font_name.strip().endswith("H")
    )
