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
    label = find_label(text)
    if label is None:
        return is_caps_line(text)
    body = label.rest
    return (
        len(body) <= 220
        and not re.search(r"[.;]\s+\S", body)
        and not body.rstrip().endswith((".", ";"))
    )


def is_caps_line(text: str) -> bool:
    if len(text) > 400:
        return False  # headings are short; keeps the check cheap on long paragraphs
    return not any(c.islower() for c in text) and sum(1 for c in text if c.isalpha()) >= 4


def join_pair(left: str, right: str) -> str:
    left = left.rstrip()
    right = right.strip()
    if _GLUE_HYPHEN.search(left):
        return left + right
    return f"{left} {right}" if left else right


def join_lines(lines: list[Line]) -> list[str]:
    """Paragraph texts from printed lines (whole-paragraph lines pass through)."""
    paragraphs: list[str] = []
    current = ""
    previous: Line | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if not current:
            current, previous = text, line
            continue
        if _PUNCT_START.match(text):
            current = current.rstrip() + text  # "ngành1" + "." split by a raised mark
            previous = line
            continue
        if line.layout_known:
            # A visible indent, a label, or a short line ending a sentence (a paragraph
            # printed without first-line indent).
            breaks = (
                line.starts_paragraph
                or _label_break(current, text)
                or (
                    previous is not None
                    and previous.ends_short
                    and bool(_ENDS_SENTENCE.search(current))
                    and bool(_STARTS_NEW.match(text))
                )
            )
        else:
            breaks = line.whole or line.starts_paragraph or _breaks(current, text)
        if breaks:
            paragraphs.append(current)
            current = text
        else:
            current = join_pair(current, text)
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _label_break(current: str, text: str) -> bool:
    if find_label(text) and not _GLUE_HYPHEN.search(current):
        return True
    return (
        _looks_heading(current)
        and bool(find_label(current))
        and bool(_UPPER_START.match(text))
        and is_caps_line(current)
        and not is_caps_line(text)
    )


def _breaks(current: str, text: str) -> bool:
    if find_label(text) and not _GLUE_HYPHEN.search(current):
        return True
    if _ENDS_SENTENCE.search(current) and _STARTS_NEW.match(text):
        return True
    if _looks_heading(current) and not _ENDS_SENTENCE.search(current):
        last_word = current.split()[-1].lower() if current.split() else ""
        if is_caps_line(current) and not find_label(current):
            return not is_caps_line(text)
        if is_caps_line(current):
            # "IV. NHIỆM VỤ … CUỐI NĂM" + "2019": capitals and digits go on.
            return not is_caps_line(text) and not text.strip().isdigit()
        return bool(_UPPER_START.match(text)) and last_word not in _OPEN_WORDS
    return False
