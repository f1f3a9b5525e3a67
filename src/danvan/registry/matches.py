"""Why a registry row matched a search: the searched words found in its own fields or in a
sentence of a report citing it (that the user may read), diacritics and case ignored, and
shown highlighted in the original text (HTML escaped)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from danvan.vn.text import fold

FIELDS = ("symbol", "kind", "title", "issued_by")
SNIPPET_RADIUS = 80


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character, with each folded character's index in `text`."""
    folded, where = [], []
    for index, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            where.append(index)
    return "".join(folded), where


def spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the (folded) `words` occur in `text`, as merged (start, end) spans of `text`."""
    folded, where = _folded_with_map(text or "")
    found = []
    for word in words:
        start = folded.find(word)
        while word and start != -1:
            found.append((where[start], where[start + len(word) - 1] + 1))
            start = folded.find(word, start + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, words: list[str], limit: int | None = None) -> SafeString:
    """`text` with every match in <mark>, everything escaped; with `limit`, only the part
    around the first match."""
    text = text or ""
    found = spans(text, words)
    start, end = 0, len(text)
    if limit is not None and found:
        start = max(0, found[0][0] - limit)
        end = min(len(text), found[0][1] + limit)
    parts, cursor = ["…" if start else ""], start
    for left, right in found:
        if left < start or right > end:
            continue
        parts += [escape(text[cursor:left]), "<mark>", escape(text[left:right]), "</mark>"]
        cursor = right
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 — every piece of text above is escaped


@dataclass
class Match:
    """A document found by a search, with the words of each field highlighted, and the citing
    sentences that hold words its own fields lack."""

    document: object
    marked: dict[str, SafeString] = field(default_factory=dict)
    sentences: list[SafeString] = field(default_factory=list)


def match(document, words: list[str], sentences: list[str]) -> Match | None:
    """The document's match when every word is in its fields or in one of `sentences` (the
    citing sentences the user may read); None otherwise."""
    own = " ".join(getattr(document, name) or "" for name in FIELDS)
    folded_own = fold(own)
    missing = [word for word in words if word not in folded_own]
    quoted = []
    for sentence in sentences:
        folded = fold(sentence)
        if any(word in folded for word in missing):
            quoted.append(sentence)
            missing = [word for word in missing if word not in folded]
    if missing:
        return None
    marked = {name: highlight(getattr(document, name) or "", words) for name in FIELDS}
    return Match(document, marked, [highlight(s, words, limit=SNIPPET_RADIUS) for s in quoted[:2]])
