"""Vietnamese syllables: is a word one, and does a text look like Vietnamese at all.

A Vietnamese word is written syllable by syllable: an optional initial consonant ("ngh",
"tr", "qu"…), a vowel cluster of one to three vowels (with at most one tone mark) and an
optional final ("ch", "nh", "ng", "c", "m", "n", "p", "t"). A text layer whose diacritics
were lost or mangled by a poor OCR ("No'i nhân", "Bang b tinh", "Uy ban nhan dan") either
breaks that shape or keeps the shape but carries almost no diacritics; `text_quality` measures
both, so that a reader can tell a usable text layer from garbage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_INITIAL = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_SYLLABLE = re.compile(rf"^(?:{_INITIAL})?[aăâeêioôơuưy]{{1,3}}(?:ch|nh|ng|c|m|n|p|t)?$")
_WORD = re.compile(r"[^\W\d_]+(?:['’`][^\W\d_]*)*")
_MARKED = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ]")


@lru_cache(maxsize=8192)
def is_syllable(word: str) -> bool:
    """True when `word` (any case) is spelled like one Vietnamese syllable."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


def _has_diacritic(word: str) -> bool:
    if _MARKED.search(word):
        return True
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word))


@dataclass(frozen=True)
class TextQuality:
    words: int  # lower-case words looked at (capitals are often abbreviations: UBND, HĐND)
    not_syllables: float  # share of them that are not Vietnamese syllables
    with_diacritics: float  # share of them carrying a diacritic or đ

    def garbled(self) -> bool:
        """Too few words to judge is not garbled; otherwise broken syllables or lost accents
        (real Vietnamese prose has well over a third of its words accented)."""
        if self.words < 20:
            return False
        return self.not_syllables > 0.25 or self.with_diacritics < 0.2


def text_quality(text: str, sample: int = 3000) -> TextQuality:
    """Measured on the first `sample` lower-case words (enough to judge, and fast)."""
    words = []
    for match in _WORD.finditer(text):
        word = match.group()
        if any(c.islower() for c in word):
            words.append(word)
            if len(words) >= sample:
                break
    if not words:
        return TextQuality(0, 0.0, 0.0)
    broken = sum(1 for w in words if not is_syllable(w))
    accented = sum(1 for w in words if _has_diacritic(w))
    return TextQuality(len(words), broken / len(words), accented / len(words))
