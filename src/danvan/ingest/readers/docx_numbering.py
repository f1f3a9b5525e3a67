"""Word automatic numbering: the labels ("I.", "1.", "a)") Word draws from numbering.xml
are not in the paragraph text, so they are rebuilt here from each paragraph's numPr."""

from __future__ import annotations

from dataclasses import dataclass, field

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """Levels per numId, and running counters per numId."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root) -> Numbering:
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(_q("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in node.iter(_q("lvl")):
                level = _Level()
                fmt = lvl.find(_q("numFmt"))
                text = lvl.find(_q("lvlText"))
                start = lvl.find(_q("start"))
                if fmt is not None:
                    level.fmt = fmt.get(_q("val"), "decimal")
                if text is not None:
                    level.text = text.get(_q("val"), "")
                if start is not None and (start.get(_q("val")) or "").isdigit():
                    level.start = int(start.get(_q("val")))
                levels[int(lvl.get(_q("ilvl"), "0") or 0)] = level
            abstract[node.get(_q("abstractNumId"), "")] = levels
        numbering = cls()
        for num in root.iter(_q("num")):
            ref = num.find(_q("abstractNumId"))
            if ref is not None:
                numbering.levels[num.get(_q("numId"), "")] = abstract.get(
                    ref.get(_q("val"), ""), {}
                )
        return numbering

    def bullet(self, paragraph) -> str:
        """ "- " for a paragraph Word shows with a bullet (a list in a table cell), else ""."""
        props = paragraph.find(_q("pPr"))
        num_pr = props.find(_q("numPr")) if props is not None else None
        if num_pr is None:
            return ""
        num_id = num_pr.find(_q("numId"))
        ilvl = num_pr.find(_q("ilvl"))
        key = num_id.get(_q("val"), "") if num_id is not None else ""
        level = int(ilvl.get(_q("val"), "0") or 0) if ilvl is not None else 0
        spec = self.levels.get(key, {}).get(level)
        return "- " if spec is not None and spec.fmt == "bullet" else ""

    def label(self, paragraph) -> str:
        """The label Word shows before `paragraph` ("" when it is not numbered)."""
        props = paragraph.find(_q("pPr"))
        num_pr = props.find(_q("numPr")) if props is not None else None
        if num_pr is None:
            return ""
        num_id = num_pr.find(_q("numId"))
        ilvl = num_pr.find(_q("ilvl"))
        key = num_id.get(_q("val"), "") if num_id is not None else ""
        level = int(ilvl.get(_q("val"), "0") or 0) if ilvl is not None else 0
        levels = self.levels.get(key)
        if not levels or level not in levels or not 0 <= level < 9:
            return ""
        counts = self.counters.setdefault(key, [0] * 9)
        counts[level] = counts[level] + 1 if counts[level] else levels[level].start
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        spec = levels[level]
        if spec.fmt == "bullet":
            return "- "
        if spec.fmt == "none":
            return ""
        text = spec.text
        for n in range(level, -1, -1):
            shown = levels.get(n, _Level())
            value = counts[n] or shown.start
            text = text.replace(f"%{n + 1}", _format(value, shown.fmt))
        return f"{text} " if text else ""


def _format(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)


def _roman(value: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    out = []
    for amount, numeral in numerals:
        while value >= amount:
            out.append(numeral)
            value -= amount
    return "".join(out)
