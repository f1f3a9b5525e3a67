"""Re-joining printed lines into paragraphs.

Extracted text loses paragraph boundaries. A paragraph ends where a line ends a sentence
(".", ":", ";", "!", "?", "…", possibly followed by a closing quote or bracket) and the next
line starts like a new one (capital letter, digit, dash, opening quote, a section label);
a section label also starts one. A labelled heading ends at the first line starting with a
capital, because headings do not end in a full stop. A line ending in "-" right after a
letter or digit is glued to the next one without a space ("4392/QĐ-" + "UBND").
"""

from __future__ import annotations

import re

from ..layout import Line
from .labels import find_label

_ENDS_SENTENCE = re.compile(r"[.:;!?…][”\"’)\]]*\s*$|\.\s*/\s*\.?\s*$")
_STARTS_NEW = re.compile(r"^\s*(?:[A-ZĐÀ-ỸÂĂÊÔƠƯ“\"(\[+•*]|-\s|–\s)")
_UPPER_START = re.compile(r"^\s*[A-ZĐÀ-ỸÂĂÊÔƠƯ“\"]")
_PUNCT_START = re.compile(r"^[.,;:!?)\]…\ue000]")
_GLUE_HYPHEN = re.compile(r"[\w)][-–]$")
# A heading line never ends on one of these words: the title goes on.
_OPEN_WORDS = frozenset(
    "của và với các cho theo tại số ngày về trên trong những đối là để từ đến".split()
)


def _looks_heading(text: str) -> bool:
    if len(text) > 300:
        return False  # headings are short; also keeps line joining linear
    label = find_label(text)
    if label is None:
        return is_caps_line(text)
    body = label.rest
    if len(body) > 220 or re.search(r"\.\s+\S", body) or body.rstrip().endswith((".", ";")):
        return False
    # A heading may join two topics with ";" ("1. Công tác tuyên truyền; vận động nhân dân",
    # "I. LÃNH ĐẠO, CHỈ ĐẠO; TUYÊN TRUYỀN"); a longer sentence with ";" is a paragraph.
    return not re.search(r";\s+\S", body) or is_caps_line(body) or len(body) <= 100


def is_caps_line(text: str) -> bool:
    if len(text) > 400:
        return False  # headings are short; keeps the check cheap on long paragraphs
    return not any(c.islower() for c in text) and sum(1 for c in text if c.isalpha()) >= 4


def _glues(left: str) -> bool:
    """A line ending in "-" right after a letter, digit or bracket continues without a space."""
    return bool(_GLUE_HYPHEN.search(left[-3:]))


def join_lines(lines: list[Line]) -> list[str]:
    """Paragraph texts from printed lines (whole-paragraph lines pass through).

    The paragraph being built is kept as a list of pieces and the rules look only at its
    start and its last few hundred characters, so a huge paragraph joins in linear time."""
    paragraphs: list[str] = []
    pieces: list[str] = []
    previous: Line | None = None

    def current() -> str:
        return "".join(pieces)

    def start() -> str:
        text = ""
        for piece in pieces:
            text += piece
            if len(text) > 400:
                break
        return text

    def tail() -> str:
        text = ""
        for piece in reversed(pieces):
            text = piece + text
            if len(text) > 400:
                break
        return text

    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if not pieces:
            pieces, previous = [text], line
            continue
        head = start()
        end = tail()
        if _PUNCT_START.match(text):
            pieces[-1] = pieces[-1].rstrip()
            pieces.append(text)  # "ngành1" + "." split by a raised mark
            previous = line
            continue
        if line.layout_known:
            # A visible indent, a label, or a short line ending a sentence (a paragraph
            # printed without first-line indent).
            breaks = (
                line.starts_paragraph
                or _label_break(head, end, text)
                or (
                    previous is not None
                    and previous.ends_short
                    and bool(_ENDS_SENTENCE.search(end))
                    and bool(_STARTS_NEW.match(text))
                )
            )
        else:
            breaks = line.whole or line.starts_paragraph or _breaks(head, end, text)
        if breaks:
            paragraphs.append(current())
            pieces = [text]
        else:
            pieces[-1] = pieces[-1].rstrip()
            pieces.append(text if _glues(pieces[-1]) else f" {text}")
        previous = line
    if pieces:
        paragraphs.append(current())
    return paragraphs


def _label_break(head: str, end: str, text: str) -> bool:
    """`head`/`end`: the start and the last characters of the paragraph being built."""
    if find_label(text) and not _glues(end):
        return True
    return (
        len(head) < 300
        and _looks_heading(head)
        and bool(find_label(head))
        and bool(_UPPER_START.match(text))
        and is_caps_line(head)
        and not is_caps_line(text)
    )


def _breaks(head: str, end: str, text: str) -> bool:
    """`head`/`end`: the start and the last characters of the paragraph being built (the
    whole of it when it is short, which is when heading rules apply)."""
    current = head if len(head) < 300 else ""
    if find_label(text) and not _glues(end):
        return True
    if _ENDS_SENTENCE.search(end) and _STARTS_NEW.match(text):
        return True
    if current and _looks_heading(current) and not _ENDS_SENTENCE.search(current):
        last_word = current.split()[-1].lower() if current.split() else ""
        if is_caps_line(current) and not find_label(current):
            return not is_caps_line(text)
        if is_caps_line(current):
            # "IV. NHIỆM VỤ … CUỐI NĂM" + "2019": capitals and digits go on.
            return not is_caps_line(text) and not text.strip().isdigit()
        return bool(_UPPER_START.match(text)) and last_word not in _OPEN_WORDS
    return False
