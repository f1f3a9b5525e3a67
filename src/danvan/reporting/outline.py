"""A template's outline written as text, one section a line, the way a board writes a đề
cương: "I. Đặc điểm tình hình", "1. …", "2.1. …", "a) …". The numbering gives the level."""

from __future__ import annotations

import re

from danvan.vn.text import fold

from .errors import ReportingError

ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
PATTERNS = [
    (1, re.compile(rf"^(?P<label>{ROMAN})\.\s+(?P<title>.+)$")),
    (3, re.compile(r"^(?P<label>\d+\.\d+)\.?\s+(?P<title>.+)$")),
    (2, re.compile(r"^(?P<label>\d+)\.\s+(?P<title>.+)$")),
    (4, re.compile(r"^(?P<label>[a-zđ])\)\s+(?P<title>.+)$")),
]


def _slug(title: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:40].rstrip("-") or "muc"
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    used.add(key)
    return key


def parse_outline(text: str) -> list[dict]:
    roots: list[dict] = []
    stack: list[tuple[int, dict]] = []
    used: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        level, label, title = 1, "", line
        for pattern_level, pattern in PATTERNS:
            match = pattern.match(line)
            if match and match["label"]:
                level, label, title = pattern_level, match["label"], match["title"].strip()
                break
        if len(title) > 300:
            raise ReportingError(f"Dòng {number} của đề cương quá dài (tối đa 300 ký tự).")
        node = {"key": _slug(title, used), "label": label, "title": title, "children": []}
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1]["children"] if stack else roots).append(node)
        stack.append((level, node))
    if not roots:
        raise ReportingError("Đề cương cần ít nhất một đề mục.")
    return roots


def outline_text(sections: list[dict], depth: int = 0) -> str:
    lines = []
    for item in sections:
        label = item.get("label", "")
        separator = ")" if re.fullmatch(r"[a-zđ]", label) else "."
        lines.append(("  " * depth) + (f"{label}{separator} " if label else "") + item["title"])
        child_text = outline_text(item.get("children", []), depth + 1)
        if child_text:
            lines.append(child_text)
    return "\n".join(lines)


def flat_sections(sections: list[dict], level: int = 1) -> list[dict]:
    """The outline in reading order, each section with its level (1 for I., 2 for 1., …)."""
    flat = []
    for item in sections:
        flat.append(
            {
                "key": item["key"],
                "label": item.get("label", ""),
                "title": item["title"],
                "level": level,
            }
        )
        flat.extend(flat_sections(item.get("children", []), level + 1))
    return flat
