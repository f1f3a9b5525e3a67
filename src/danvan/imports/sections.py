"""Placing the sections of a parsed report under the sections of a report template.

Pure Python: no Django. `match_sections(outline, template_sections)` takes the `outline` of
`danvan parse` (see shared/spec/parsed-document.md) and a template's section tree
(`[{"key", "label", "title", "children": [...]}]`) and returns one `SectionMatch` per parsed
section, in reading order.

How a title is compared: both titles are folded (no diacritics, lower case), stripped of any
numbering ("II.", "2.1.", "a)"), of wording every report repeats ("công tác dân vận",
"6 tháng đầu năm", years, "trong Đảng bộ Khối"…) and of function words; what is left is two
sets of words. The score is the mean of their Dice coefficient and of the share of the
template title's words found in the parsed title (a short template title such as "Kết quả"
is fully present in "Kết quả công tác dân vận 6 tháng đầu năm 2019"), plus a small bonus
when both begin with the same head word pair ("kết quả", "nhiệm vụ"). A parsed section is
first compared with the children of the template section its parent went to, then with
every template section (times 0.9). At or above `THRESHOLD` it is matched by title; below,
a child follows its parent's template section; otherwise it goes to `OTHER_KEY`
("Nội dung khác") for a person to place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from danvan.vn.text import fold

OTHER_KEY = "khac"
OTHER_TITLE = "Nội dung khác"
THRESHOLD = 0.5
FOLLOW_FACTOR = 0.8  # a child placed under its parent's section carries this share of its score
GLOBAL_FACTOR = 0.9  # a match outside the parent's template children is discounted

# Wording that says nothing about which section this is; removed after folding.
_NOISE = [
    r"cong tac dan van",
    r"(?:6|sau) thang (?:dau|cuoi) nam",
    r"(?:6|sau) thang",
    r"nam \d{4}",
    r"\b(?:19|20)\d{2}\b",
    r"trong dang bo khoi",
    r"tren dia ban thanh pho",
    r"thanh pho",
]
# "6 tháng cuối năm" matters ("Nhiệm vụ 6 tháng cuối năm"): keep "cuoi nam" as a word.
_KEEP = [(re.compile(r"(?:6|sau) thang cuoi nam"), " cuoinam ")]
_NOISE_RE = re.compile("|".join(f"(?:{p})" for p in _NOISE))
_STOP = {
    "cua",
    "cac",
    "va",
    "ve",
    "trong",
    "tren",
    "mot",
    "so",
    "voi",
    "la",
    "cho",
    "nhung",
    "doi",
    "den",
    "tai",
    "theo",
    "nam",
    "thang",
    "dau",
}
_NUMBERING = re.compile(
    r"^\s*(?:(?:phan|chuong|muc)\s+)?(?:[ivxlcdm]+|\d+(?:\.\d+)*|[a-zđ])\s*[\.\):\-]\s*", re.I
)
_WORD = re.compile(r"\w+")


def title_words(title: str) -> tuple[str, ...]:
    """The words of `title` that tell a section apart, in order."""
    text = fold(title or "")
    text = _NUMBERING.sub("", text, count=1)
    for pattern, repl in _KEEP:
        text = pattern.sub(repl, text)
    text = _NOISE_RE.sub(" ", text)
    return tuple(w for w in _WORD.findall(text) if w not in _STOP)


def title_score(source_title: str, template_title: str) -> float:
    """How well a parsed title names a template section, in [0, 1]."""
    src, tpl = title_words(source_title), title_words(template_title)
    if not src or not tpl:
        return 0.0
    s, t = set(src), set(tpl)
    common = len(s & t)
    dice = 2 * common / (len(s) + len(t))
    contained = common / len(t)
    score = (dice + contained) / 2
    if src[:2] == tpl[:2] and len(tpl) >= 2:
        score += 0.1
    return round(min(1.0, score), 4)


@dataclass
class SectionMatch:
    template_key: str
    template_title: str
    source_label: str | None
    source_title: str
    level: int
    score: float
    matched_by: str  # "title" | "parent" | "none"
    text: str
    footnotes: list[int] = field(default_factory=list)
    paragraphs: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "template_section": self.template_key,
            "template_title": self.template_title,
            "source_label": self.source_label,
            "source_title": self.source_title,
            "level": self.level,
            "score": self.score,
            "matched_by": self.matched_by,
            "text": self.text,
            "footnotes": list(self.footnotes),
            "paragraphs": self.paragraphs,
        }


def _flatten(sections: list[dict], out: list[dict]) -> list[dict]:
    for section in sections or []:
        if isinstance(section, dict) and section.get("key"):
            out.append(section)
            _flatten(section.get("children") or [], out)
    return out


def _best(title: str, candidates: list[dict], factor: float) -> tuple[float, dict | None]:
    best_score, best = 0.0, None
    for candidate in candidates:
        score = round(title_score(title, str(candidate.get("title") or "")) * factor, 4)
        if score > best_score:  # strict: the first of equals wins, so the result is stable
            best_score, best = score, candidate
    return best_score, best


def match_sections(outline: list[dict], template_sections: list[dict]) -> list[SectionMatch]:
    """One match per parsed section (depth first, reading order); see the module docstring."""
    everything = _flatten(template_sections, [])
    matches: list[SectionMatch] = []

    def visit(nodes: list[dict], parent: dict | None, parent_match: SectionMatch | None) -> None:
        for node in nodes or []:
            if not isinstance(node, dict):
                continue
            title = str(node.get("title") or "")
            local = template_sections if parent is None else (parent.get("children") or [])
            score, target = _best(title, local, 1.0)
            score_all, target_all = _best(title, everything, GLOBAL_FACTOR)
            if score_all > score:
                score, target = score_all, target_all
            if target is not None and score >= THRESHOLD:
                key, tpl_title, how = target["key"], str(target.get("title") or ""), "title"
            elif parent_match is not None and parent_match.template_key != OTHER_KEY:
                key, tpl_title, how = (
                    parent_match.template_key,
                    parent_match.template_title,
                    "parent",
                )
                score = round(parent_match.score * FOLLOW_FACTOR, 4)
                target = parent
            else:
                key, tpl_title, how, target = OTHER_KEY, OTHER_TITLE, "none", None
            paragraphs = [p for p in node.get("paragraphs") or [] if isinstance(p, dict)]
            footnotes: list[int] = []
            for p in paragraphs:
                for fid in p.get("footnotes") or []:
                    if fid not in footnotes:
                        footnotes.append(fid)
            match = SectionMatch(
                template_key=key,
                template_title=tpl_title,
                source_label=node.get("label"),
                source_title=title,
                level=int(node.get("level") or 1) if str(node.get("level") or "1").isdigit() else 1,
                score=score if how != "none" else round(score, 4),
                matched_by=how,
                text="\n\n".join(str(p.get("text") or "") for p in paragraphs).strip(),
                footnotes=footnotes,
                paragraphs=len(paragraphs),
            )
            matches.append(match)
            visit(node.get("children") or [], target, match if how != "none" else None)

    visit(outline, None, None)
    return matches


def section_texts(matches: list[SectionMatch]) -> dict[str, str]:
    """The text for each template section key, parsed sections under one key joined in order."""
    texts: dict[str, str] = {}
    for match in matches:
        if match.text:
            previous = texts.get(match.template_key)
            texts[match.template_key] = f"{previous}\n\n{match.text}" if previous else match.text
    return texts
