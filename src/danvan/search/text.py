"""Folding for the index and the query, and highlighted excerpts (pure functions, no Django).

Both sides go through `vn.text.fold` (lower case, no diacritics, đ→d) and then keep only
letters a–z and digits as syllables, so "Dân vận khéo" is indexed as "dan van kheo" and
"dan van kheo" finds it on SQLite's FTS5 and PostgreSQL's full-text search alike.
"""

from __future__ import annotations

import html
import re

from danvan.vn.text import fold

_NOT_SYLLABLE = re.compile(r"[^a-z0-9]+")
_QUOTED = re.compile(r'"([^"]*)"')
MAX_TERMS = 12


def folded(text: str) -> str:
    """ "Quy chế dân chủ ở xã Hòa Xuân" -> "quy che dan chu o xa hoa xuan"."""
    return _NOT_SYLLABLE.sub(" ", fold(text or "")).strip()


def terms(query: str) -> list[tuple[str, ...]]:
    """The query as terms, each a tuple of syllables: a quoted phrase is one term whose
    syllables must follow each other; every other syllable is a term of its own."""
    result: list[tuple[str, ...]] = []
    for phrase in _QUOTED.findall(query or ""):
        syllables = tuple(folded(phrase).split())
        if syllables:
            result.append(syllables)
    rest = _QUOTED.sub(" ", query or "")
    result.extend((s,) for s in folded(rest).split())
    unique = list(dict.fromkeys(result))
    return unique[:MAX_TERMS]


def fts5_query(query_terms: list[tuple[str, ...]]) -> str:
    """SQLite FTS5 MATCH text: every term, each a quoted phrase (syllables are a-z0-9 only)."""
    return " AND ".join('"' + " ".join(t) + '"' for t in query_terms)


def tsquery(query_terms: list[tuple[str, ...]]) -> str:
    """PostgreSQL to_tsquery text: terms joined by &, a phrase's syllables by <->."""
    return " & ".join(
        "(" + " <-> ".join(f"'{s}'" for s in t) + ")" if len(t) > 1 else f"'{t[0]}'"
        for t in query_terms
    )


def _folded_map(text: str) -> tuple[str, list[int]]:
    """The text folded character by character, with the original index of each folded one."""
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        f = fold(c)
        f = f if len(f) == 1 and ("a" <= f <= "z" or "0" <= f <= "9") else " "
        chars.append(f)
        where.append(i)
    return "".join(chars), where


def excerpt(text: str, query_terms: list[tuple[str, ...]], size: int = 240) -> str:
    """An HTML-escaped window of `text` around the first match, matched syllables in <mark>."""
    text = text or ""
    flat, _ = _folded_map(text)
    spans: list[tuple[int, int]] = []
    for term in query_terms:
        pattern = re.compile(r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(term) + r"(?![a-z0-9])")
        spans.extend(m.span() for m in pattern.finditer(flat))
    spans.sort()
    first = spans[0][0] if spans else 0
    start = max(0, first - size // 3)
    end = min(len(text), start + size)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    pieces: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for a, b in spans:
        if a < cursor or b > end:
            continue
        pieces.append(html.escape(text[cursor:a]))
        pieces.append("<mark>" + html.escape(text[a:b]) + "</mark>")
        cursor = b
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return "".join(pieces)
