"""Page numbers and running headers or footers at the edges of PDF pages."""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*|Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", re.IGNORECASE
)


def strip_edges(lines: list, running: set[str]) -> list:
    """Drop page numbers and running headers/footers from the top and bottom of a page
    (a footer may sit below the page number, so keep peeling while either matches)."""

    def edge(line) -> bool:
        return bool(_PAGE_NUMBER.match(line.text)) or _running_key(line.text) in running

    start, end = 0, len(lines)
    while start < end and edge(lines[start]):
        start += 1
    while end > start and edge(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _running_key(text: str) -> str:
    """A running header or footer with its page number blanked out."""
    return re.sub(r"\d+", "#", text.strip())


def running_headers(pages) -> set[str]:
    """Texts printed as the first or last line of at least half the pages (three or more)."""
    if len(pages) < 3:
        return set()
    edges = Counter()
    for lines, _, _ in pages:
        keys = {_running_key(lines[0].text), _running_key(lines[-1].text)} if lines else set()
        edges.update(key for key in keys if not _PAGE_NUMBER.match(key.replace("#", "1")))
    return {key for key, n in edges.items() if n >= max(3, len(pages) // 2)}
