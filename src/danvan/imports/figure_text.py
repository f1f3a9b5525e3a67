"""Where each figure of a parsed report stands: the paragraphs, footnotes and table cells
(`Container`), the figures found again in them in reading order (`Fig`), and the word and
unit helpers the scoring shares. Pure Python; see `danvan.imports.figures`."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from danvan.vn.numbers import NUMBER_PATTERN, parse_number
from danvan.vn.text import fold

_WORD = re.compile(r"\w+")
_BOUNDARY = re.compile(r"[;!?…\n]|\.(?!\d)")
_SPACE = re.compile(r"\s+")
_SCALE = re.compile(r"\d\s*(?:trieu|ty|ti|nghin|ngan)\b")
_BARE = re.compile(rf":\s*({NUMBER_PATTERN})(?=\s*(?:[;.)]|$))")
_PAREN = re.compile(r"[()]")
# A figure is looked for this far (characters) around where the previous one was found, so
# that a figure printed nowhere in the text (a table cell) costs a bounded search.
LOOKAROUND = 20_000
# A breakdown names at most this many parts (the options of one category, a few); more
# figures in a bracket or after "trong đó" are not read as one figure's parts.
MAX_PARTS = 12


def fold_same_length(text: str) -> str:
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join((fold(c) or " ")[:1] for c in text)


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold(text))


PATTERN_WORDS: dict[str, frozenset[str]] = {}


@functools.lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    words = words_of(phrase)
    if not words:
        return None
    pattern = re.compile(r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b")
    PATTERN_WORDS[pattern.pattern] = frozenset(words)
    return pattern


@functools.lru_cache(maxsize=4096)
def unit_key(unit: str | None) -> tuple[str, ...]:
    if unit and "%" in unit:
        return ("%",)
    return tuple(words_of(unit or ""))


def unit_score(figure_unit: str | None, spec_unit: str) -> float:
    fig, spec = unit_key(figure_unit), unit_key(spec_unit)
    if not fig:
        return 0.4
    if fig == spec:
        return 1.0
    if fig in OTHER_UNITS or spec in OTHER_UNITS:
        return 0.0
    if set(fig) & set(spec):
        return 0.6
    return 0.0


# Units that share a word with another unit without being a kind of it ("đơn vị" is no "đơn").
OTHER_UNITS = {("don", "vi"), ("nguoi", "dan"), ("luot", "truy", "cap")}


@dataclass(eq=False)
class Container:
    kind: str  # "body" | "footnote"
    ref: Any  # paragraph id (str) or footnote id (int)
    text: str
    folded: str = ""
    footnotes: list[int] = field(default_factory=list)
    boundaries: list[int] = field(default_factory=list)
    word_starts: list[int] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    found: dict[str, tuple[list[int], list[tuple[int, int]]]] = field(default_factory=dict)
    _closing: dict[int, int] | None = None

    def __post_init__(self) -> None:
        self.folded = fold_same_length(self.text)
        self.words = frozenset(_WORD.findall(self.folded))
        self.boundaries = [m.start() for m in _BOUNDARY.finditer(self.text)]
        self.word_starts = [m.start() for m in _WORD.finditer(self.folded)]

    def words_between(self, a: int, b: int) -> int:
        if b <= a:
            return 0
        return bisect.bisect_left(self.word_starts, b) - bisect.bisect_left(self.word_starts, a)

    def clause_start(self, pos: int) -> int:
        i = bisect.bisect_left(self.boundaries, pos)
        return self.boundaries[i - 1] + 1 if i else 0

    def clause_end(self, pos: int) -> int:
        i = bisect.bisect_left(self.boundaries, pos)
        return self.boundaries[i] if i < len(self.boundaries) else len(self.text)

    def closing(self, opening: int) -> int:
        """Where the "(" at `opening` is closed (the end of the text when it is not): every
        bracket of the text paired in one pass, the first time it is asked."""
        if self._closing is None:
            self._closing, stack = {}, []
            for m in _PAREN.finditer(self.text):
                if m.group() == "(":
                    stack.append(m.start())
                elif stack:
                    self._closing[stack.pop()] = m.start()
        return self._closing.get(opening, len(self.text))


@dataclass(eq=False)
class Fig:
    index: int
    text: str
    value: int | float
    unit: str | None
    total: int | float | None
    where: str
    context: str
    container: Container | None = None
    start: int = -1
    end: int = -1
    # filled by scoring
    before: tuple[int, int] = (0, 0)
    after: tuple[int, int] = (0, 0)
    scores: list[tuple[float, float, bool, float]] = field(
        default_factory=list
    )  # raw, points, cue, unit
    assigned: tuple[int, dict[str, str], float, int | None, str] | None = None


def containers_of(parsed: dict) -> list[Container]:
    out: list[Container] = []

    def para(p: Any, ref: str) -> None:
        if isinstance(p, dict) and isinstance(p.get("text"), str):
            ids = [f for f in p.get("footnotes") or [] if isinstance(f, int)]
            out.append(Container("body", ref, p["text"], footnotes=ids))

    for i, p in enumerate(parsed.get("preamble") or [], 1):
        para(p, f"preamble/{i}")

    def walk(nodes: Any, path: tuple[str, ...]) -> None:
        if not isinstance(nodes, list):
            return
        for n, node in enumerate(nodes, 1):
            if not isinstance(node, dict):
                continue
            label = str(node.get("label") or n)
            here = path + (label,)
            for i, p in enumerate(node.get("paragraphs") or [], 1):
                para(p, "›".join(here) + f"/{i}")
            walk(node.get("children"), here)

    walk(parsed.get("outline"), ())
    for fn in parsed.get("footnotes") or []:
        if isinstance(fn, dict) and isinstance(fn.get("text"), str):
            out.append(Container("footnote", fn.get("id"), fn["text"]))
    # A table cell's figure stands in "row header | column header | value", read like a
    # sentence; its place is "table/row/column" (from 1).
    for f in parsed.get("figures") or []:
        where = f.get("table") if isinstance(f, dict) and f.get("in") == "table" else None
        if isinstance(where, dict) and isinstance(f.get("context"), str):
            place = [where.get(k) for k in ("index", "row", "column")]
            ref = "/".join(str(n + 1) if isinstance(n, int) else "?" for n in place)
            out.append(Container("table", ref, f["context"]))
    return out


def located_figures(parsed: dict, containers: list[Container]) -> list[Fig]:
    figs: list[Fig] = []
    for i, f in enumerate(parsed.get("figures") or []):
        if not isinstance(f, dict) or not isinstance(f.get("text"), str):
            continue
        value = f.get("value")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            continue
        total = f.get("total")
        if not isinstance(total, (int, float)) or isinstance(total, bool):
            total = None
        unit = f.get("unit") if isinstance(f.get("unit"), str) else None
        if unit is None and _SCALE.search(fold(f["text"])):
            unit = "đồng"  # "ủng hộ 130,1 triệu": money
        where = f["in"] if f.get("in") in ("footnote", "table") else "body"
        context = f.get("context") if isinstance(f.get("context"), str) else ""
        figs.append(Fig(i, f["text"], value, unit, total, where, context))

    # Find each figure again, in order, in the paragraphs or footnotes of its kind.
    by_kind = {k: [c for c in containers if c.kind == k] for k in ("body", "footnote", "table")}
    cursor = {"body": (0, 0), "footnote": (0, 0), "table": (0, 0)}
    taken: set[tuple[int, int]] = set()
    for fig in figs:
        pool = by_kind[fig.where]
        ctx = _SPACE.sub(" ", fig.context).strip()
        found = locate(pool, cursor[fig.where], fig.text, ctx, taken)
        if found:
            ci, pos = found
            c = pool[ci]
            fig.container, fig.start, fig.end = c, pos, pos + len(fig.text)
            taken.add((id(c), pos))
            cursor[fig.where] = (ci, pos + 1)

    # Numbers the reader leaves without a unit ("mức độ 3, 4: 1.736;") after a colon.
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in figs:
        if f.container is not None:
            spans.setdefault(id(f.container), []).append((f.start, f.end))
    for found_here in spans.values():
        found_here.sort()
    extra: list[Fig] = []
    for c in containers:
        here = spans.get(id(c), [])
        for m in _BARE.finditer(c.text):
            s, e = m.start(1), m.end(1)
            if overlaps(here, s, e):
                continue
            value = parse_number(m.group(1))
            if value is None:
                continue
            a, b = c.clause_start(s), c.clause_end(e)
            fig = Fig(-1, m.group(1), value, None, None, c.kind, c.text[a : b + 1].strip())
            fig.container, fig.start, fig.end = c, s, e
            extra.append(fig)
    return figs + extra


def overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the sorted, non-overlapping `spans`."""
    i = bisect.bisect_left(spans, (e, -1))
    return i > 0 and spans[i - 1][1] > s


def around(pool: list[Container], cursor: tuple[int, int], extra: int):
    """(container index, lo, hi) to search: forward from the cursor, then backward from it,
    each for at most LOOKAROUND characters (and a few containers more when they are empty)."""
    ci0, off0 = cursor
    budget, ci, lo = LOOKAROUND, ci0, off0
    while ci < len(pool) and budget > 0:
        size = len(pool[ci].text)
        hi = min(size, lo + budget)
        yield ci, lo, hi + extra
        budget -= hi - lo + 200
        ci, lo = ci + 1, 0
    budget, ci, hi = LOOKAROUND, min(ci0, len(pool) - 1), off0 + extra
    while ci >= 0 and budget > 0:
        if ci != ci0:
            hi = len(pool[ci].text)
        lo = max(0, hi - budget)
        yield ci, lo, hi
        budget -= hi - lo + 200
        ci -= 1


def locate(pool, cursor, text: str, ctx: str, taken) -> tuple[int, int] | None:
    """Where the figure printed as `text` stands: near the cursor, first where its context
    matches, then anywhere not taken yet; None when not within LOOKAROUND characters."""
    for strict in (True, False):
        for ci, lo, hi in around(pool, cursor, len(text)):
            c = pool[ci]
            pos = c.text.find(text, lo, hi)
            while pos >= 0:
                if (id(c), pos) not in taken and (not strict or in_context(c.text, ctx, pos, text)):
                    return ci, pos
                pos = c.text.find(text, pos + 1, hi)
    return None


def in_context(text: str, ctx: str, pos: int, figure: str) -> bool:
    """Whether the figure at `pos` stands in its context: the words just before and after it
    in the text (spaces folded) are those around it in the context (a bounded comparison)."""
    if not ctx:
        return True
    k = ctx.find(figure)
    while k >= 0:
        before, after = ctx[max(0, k - 30) : k], ctx[k : k + len(figure) + 30]
        near_before = _SPACE.sub(" ", text[max(0, pos - 3 * len(before) - 8) : pos])
        near_after = _SPACE.sub(" ", text[pos : pos + 3 * len(after) + 8])
        if near_before.endswith(before) and near_after.startswith(after):
            return True
        k = ctx.find(figure, k + 1)
    return False
