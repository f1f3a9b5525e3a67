"""Section labels: "Phần thứ nhất", "Bước một", "Chương I", "A.", "I.", "Điều 1.", "1.", "2.1."
(and the Party's "1.1-"), "a)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_LABEL = re.compile(
    rf"""^\s*(?:
        (?P<part>(?:PHẦN|Phần)\s+(?:THỨ|thứ)\s+\w+|PHẦN\s+{_ROMAN}\b|Phần\s+{_ROMAN}\b)\s*[.:\-–]?\s*
      | (?P<step>(?:BƯỚC|Bước)\s+(?:MỘT|HAI|BA|BỐN|NĂM|SÁU|BẢY|TÁM|CHÍN|MƯỜI|\d{{1,2}}))\s*[.:\-–]?\s*
      | (?P<chapter>(?:CHƯƠNG|Chương)\s+(?:[IVXL]+|\d{{1,2}})\b)\s*[.:\-–]?\s*
      | (?P<article>Điều\s+\d{{1,3}})\s*[.:]\s+
      | (?P<roman>(?=[IVX]){_ROMAN})\s*[.\-–]\s+
      | (?P<upper>[A-HJ-PR-UWYZĐ])\s*[.)]\s+
      | (?P<deep>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})(?:\.|\s*[-–])?\s+
      | (?P<arabic>\d{{1,2}})\s*[.\-–)]\s+
      | (?P<alpha>[a-zđ])\s*[).]\s+
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Label:
    style: str  # part, step, chapter, upper, roman, article, arabic, deep2…deep4, alpha
    label: str
    rest: str


def find_label(text: str) -> Label | None:
    match = _LABEL.match(text)
    if not match or match.end() >= len(text):
        return None
    rest = text[match.end() :].strip()
    if match.group("part"):
        return Label("part", " ".join(match.group("part").split()), rest)
    if match.group("step"):  # "BƯỚC MỘT: CHUẨN BỊ" in plans and guides
        return Label("step", " ".join(match.group("step").split()), rest)
    if match.group("chapter"):
        return Label("chapter", " ".join(match.group("chapter").split()), rest)
    if match.group("article"):
        return Label("article", " ".join(match.group("article").split()), rest)
    if match.group("roman"):
        return Label("roman", match.group("roman"), rest)
    if match.group("upper"):
        # "A. KẾT QUẢ" parts are set in capitals; "Q. CHÁNH VĂN PHÒNG" (quyền) is excluded
        # above, and a capital letter before ordinary text is not a part.
        if any(c.islower() for c in rest):
            return None
        return Label("upper", match.group("upper"), rest)
    if match.group("deep"):
        depth = match.group("deep").count(".") + 1
        return Label(f"deep{depth}", match.group("deep"), rest)
    if match.group("arabic"):
        return Label("arabic", match.group("arabic"), rest)
    if match.group("alpha"):
        return Label("alpha", match.group("alpha"), rest)
    return None
