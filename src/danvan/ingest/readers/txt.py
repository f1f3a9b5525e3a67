"""Plain-text reader, including the "PDF extracted to text" style of the seed files:
a blank line after every printed line, a line of spaces before the footnotes at the foot of
a page, footnotes numbered "N text" (or "N" alone on a line), marks glued to words (or alone
on the line right after the word), and page numbers alone on a line."""

from __future__ import annotations

import re
import unicodedata

from ..decode import decode_raw
from ..layout import Layout, Line

_SEPARATOR = re.compile(r"^(?:[ \t]{10,}|_{8,}|\s*_{8,}\s*)$")
_FOOTNOTE_START = re.compile(r"^[\[(]?(\d{1,3})[\])]?(?:\s+(\S.*))?$")
_LONE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _double_spaced(lines: list[str]) -> bool:
    """True when (nearly) every printed line is followed by an empty one."""
    printed = [i for i, line in enumerate(lines) if line.strip()]
    if len(printed) < 4:
        return False
    followed = sum(1 for i in printed if i + 1 < len(lines) and lines[i + 1] == "")
    return followed >= 0.6 * len(printed)


def _unwrapped(lines: list[str]) -> bool:
    """True for text saved from a word processor: one paragraph per line, so long lines."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return bool(lengths) and lengths[len(lengths) // 2] > 150


def read_txt(data: bytes) -> Layout:
    text, encoding = decode_raw(data)
    # NFC now, so that line rules see composed letters; the full repair runs in `finish`.
    text = unicodedata.normalize("NFC", text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = read_lines(lines)
    if encoding:
        layout.warnings.append(f"text converted from the legacy {encoding.upper()} encoding")
    return layout


def read_lines(lines: list[str]) -> Layout:
    layout = Layout(format="txt")
    double = _double_spaced(lines)
    unwrapped = _unwrapped(lines)
    footnotes: dict[int, list[str]] = {}
    in_footnotes = False
    current: int | None = None
    blank_before = False

    def next_id() -> int:
        return max(footnotes, default=0) + 1

    for raw in lines:
        if _SEPARATOR.match(raw):
            in_footnotes = True
            current = None
            continue
        if not raw.strip():
            blank_before = True
            continue
        stripped = raw.strip()
        if in_footnotes:
            start = _FOOTNOTE_START.match(stripped)
            # An indented line ends the footnotes (the body resumes), except right after the
            # separator, where some extractions indent the first footnote too.
            # The first footnote of an excerpt may not be number 1; after it they run on.
            expected = int(start.group(1)) if start and not footnotes else next_id()
            if (
                start
                and int(start.group(1)) == expected
                and 0 < expected < 1000
                and (current is None or not raw.startswith(" "))
            ):
                current = int(start.group(1))
                footnotes[current] = [start.group(2)] if start.group(2) else []
                continue
            if current is not None and not raw[:1].isspace() and not _LONE_NUMBER.match(raw):
                footnotes[current].append(stripped)
                continue
            if current is not None and not footnotes[current]:
                # "1" alone, then the text on the next line (which may be indented).
                footnotes[current].append(stripped)
                continue
            in_footnotes = False
            current = None
            if _LONE_NUMBER.match(raw):
                blank_before = False
                continue  # the page number closing the page
        if _LONE_NUMBER.match(raw):
            glued = double and not blank_before and layout.body
            if glued:
                # A superscript mark the extractor put on its own line, right after the word.
                layout.body[-1].text = layout.body[-1].text.rstrip() + stripped
            blank_before = False
            continue  # otherwise a page number
        layout.body.append(
            Line(text=raw.rstrip(), starts_paragraph=blank_before and not double, whole=unwrapped)
        )
        blank_before = False
    layout.footnotes = {k: _join_footnote(v) for k, v in footnotes.items()}
    return layout


def _join_footnote(lines: list[str]) -> str:
    from ..structure.paragraphs import join_lines

    return "\n".join(join_lines([Line(text=line) for line in lines]))
