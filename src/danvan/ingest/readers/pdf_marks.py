"""Footnote marks raised above the line without being set smaller: pdfium then prints the
number on a line of its own (above or below the line it belongs to in text order), or glued
to the line at body size. Told by position: a lone number of a footnote the page has,
whose baseline sits above a neighbouring line's baseline by less than that line's height."""

from __future__ import annotations

import ctypes
import re

import pypdfium2.raw as pdfium_raw

from ..layout import mark

_LONE_NUMBER = re.compile(r"^\d{1,3}$")
RAISE = 0.2  # of the line's type size: a baseline this much higher is raised


def raised_number(line, previous, following, known, textpage) -> tuple[str, int] | None:
    """("previous" | "following", number) when `line` is a lone raised footnote number of
    the neighbouring line on that side; None otherwise."""
    if not _LONE_NUMBER.match(line.text) or int(line.text) not in known:
        return None
    for side, other in (("previous", previous), ("following", following)):
        if other is None or _LONE_NUMBER.match(other.text):
            continue
        rise = _baseline(textpage, line.start) - _baseline(textpage, other.start)
        if other.size * RAISE <= rise < other.size and other.x0 - 2 <= line.x0 <= other.x1 + 8:
            return side, int(line.text)
    return None


def place_mark(text: str, line, textpage, x: float, number: int) -> str:
    """`text` (the printed `line`, maybe already rewritten) with the mark put where the
    raised number stands: after the character left of `x`, glued to the word before it."""
    at = len(text)
    if text == line.text:
        for index in range(len(text)):
            try:
                left = textpage.get_charbox(line.start + index)[0]
            except Exception:  # a generated character without a box
                continue
            if left >= x - 0.5:
                at = index
                break
    while 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        at += 1  # never inside a word: after it
    while at > 0 and text[at - 1] == " ":
        at -= 1
    return text[:at] + mark(number) + text[at:]


def raised_in_line(line, textpage, begin: int, end: int, known) -> bool:
    """Whether the digits text[begin:end] of a printed line, set at body size, stand raised
    above the baseline of the character before them, as a footnote mark the page has."""
    text = line.text
    if begin == 0 or end - begin > 3 or int(text[begin:end]) not in known:
        return False
    before = begin - 1
    while before > 0 and text[before] == " ":
        before -= 1
    if not text[before].isalpha() and text[before] not in ')”"':
        return False  # "1.743", "2025-2030": a number, not a mark after a word
    rise = _baseline(textpage, line.start + end - 1) - _baseline(textpage, line.start + before)
    return line.size * RAISE <= rise < line.size


def _baseline(textpage, index: int) -> float:
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium_raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y)):
        return float("nan")  # compares false: not raised
    return y.value
