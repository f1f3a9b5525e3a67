"""Proposing indicator values for the figures of a parsed report.

Pure Python: no Django. `propose_values(parsed, specs)` takes the dictionary of
`danvan parse` (shared/spec/parsed-document.md) and the indicators to look for
(`specs_from_catalogue()` builds them from `danvan.indicators.catalogue`) and returns at most
one `Proposal` per figure, in reading order (a footnote's after the paragraph carrying its mark), each with a confidence in [0, 1] and its source.

A proposal's `source` names the figure as printed (`text`), `in` ("body" | "footnote"), the
sentence (`context`), and where it stands: `paragraph` ("II›1/2": section labels from the
top joined by "›", then the paragraph's number in that section, from 1; "preamble/1" before
the first heading) or `footnote` (its id), with `span`, the figure's [start, end) in that
paragraph's or footnote's text, for highlighting.

How a figure is scored against an indicator (see also docs/decisions.md):

- Where it stands. Each figure is found again in its paragraph or footnote. Its *clause*
  is the text from the previous figure (or the start of the clause: ";", ".", "…") up to it,
  plus the words after it up to the next figure or the end of the clause; a figure written
  right after a slash ("1.868 lượt/1.817 người") shares the clause of the one before. The
  text of the paragraph or footnote before the clause is the *surroundings*.
- Unit of measure: the same unit (after folding: "tin bài" = "tin, bài") 1.0, a word in
  common ("tổ tàu"/"tổ", "lượt"/"lượt người") 0.6, no unit written 0.4, another unit 0, and
  then the whole score is multiplied by 0.3.
- Cues: each cue phrase of the indicator found in the clause counts its number of words
  (less when far before the figure); found only in the surroundings, 0.3 of that fading
  with distance. Pairs of words of the indicator's name count 0.3 each the same way (they
  tell "khiếu nại" from "tố cáo" when both indicators share the cue "đã giải quyết").
- raw = 0.35 × unit + 0.65 × min(1, points / 2.5); without any cue in the clause, at most 0.4.
- Ambiguity: when the second-best indicator has more than 0.8 of the best one's raw score,
  the confidence is multiplied by 0.55 to 1 according to the gap in points.
- Structure: figures inside "(…)" or after "trong đó" right behind a figure, or in a footnote
  attached to its paragraph, that name options of the figure's category (and add up to it)
  become the breakdown of that indicator; a footnote figure that repeats a figure of its
  paragraph takes that figure's indicator; one that details a figure of its paragraph under
  the same indicator without naming an option is halved; "97/97" and "1.275/1275" give the
  count to one indicator and the total to the indicator it is a part of (`TOTALS`/`RULES`).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any

from danvan.vn.numbers import NUMBER_PATTERN, parse_number
from danvan.vn.text import fold

THRESHOLD = 0.5  # what the benchmark counts as proposed; the confirmation page shows all
MIN_CONFIDENCE = 0.2  # below this a figure is not proposed at all

UNIT_WEIGHT = 0.35
CUE_WEIGHT = 0.65
POINTS_FOR_FULL = 2.5
NO_CUE_CAP = 0.4
MISMATCH_FACTOR = 0.3
NAME_PAIR_POINTS = 0.3
DETAIL_FACTOR = 0.45
OCR_FACTOR = 0.8  # figures of a scan read by OCR: a digit may be misread


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    unit_of_measure: str
    category: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    cues: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()  # codes of indicators this one is a part of ("97/97")


@dataclass
class Proposal:
    indicator: IndicatorSpec
    options: dict[str, str]
    value: int | float
    total: int | float | None
    confidence: float
    source: dict[str, Any]
    total_indicator: IndicatorSpec | None = None
    reason: str = "cues"

    def to_dict(self) -> dict[str, Any]:
        spec = self.indicator
        out: dict[str, Any] = {
            "indicator": {"code": spec.code, "name": spec.name, "unit": spec.unit_of_measure},
            "options": dict(self.options),
            "value": self.value,
            "total": self.total,
            "confidence": self.confidence,
            "source": dict(self.source),
        }
        if self.total_indicator is not None:
            t = self.total_indicator
            out["total_indicator"] = {"code": t.code, "name": t.name, "unit": t.unit_of_measure}
        return out


def specs_from_catalogue() -> list[IndicatorSpec]:
    """The seed catalogue (danvan.indicators.catalogue) as specs, in catalogue order."""
    from danvan.indicators import catalogue

    categories = getattr(catalogue, "CATEGORIES", {})
    totals: dict[str, list[str]] = {}
    for _code, left, op, right, _msg in getattr(catalogue, "RULES", []):
        if op == "<=" and ":" not in left and ":" not in right:
            totals.setdefault(left, []).append(right)
    for part, whole in getattr(catalogue, "TOTALS", []):
        if whole not in totals.setdefault(part, []):
            totals[part].append(whole)
    specs = []
    for code, name, unit, _agg, category, _group, cues in catalogue.INDICATORS:
        options = tuple(categories[category][1]) if category in categories else ()
        specs.append(
            IndicatorSpec(
                code,
                name,
                unit,
                category if options else None,
                options,
                tuple(cues),
                tuple(totals.get(code, ())),
            )
        )
    return specs


def _frozen(spec: IndicatorSpec) -> IndicatorSpec:
    """The same spec with tuples for lists (specs built from database rows may carry lists)."""
    return IndicatorSpec(
        str(spec.code),
        str(spec.name),
        str(spec.unit_of_measure or ""),
        spec.category or None,
        tuple((str(code), str(name)) for code, name in spec.options or ()),
        tuple(str(cue) for cue in spec.cues or ()),
        tuple(str(code) for code in spec.totals or ()),
    )


# ---------------------------------------------------------------- text helpers

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


def _fold_same_length(text: str) -> str:
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join((fold(c) or " ")[:1] for c in text)


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


_PATTERN_WORDS: dict[str, frozenset[str]] = {}


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    words = _words(phrase)
    if not words:
        return None
    pattern = re.compile(r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b")
    _PATTERN_WORDS[pattern.pattern] = frozenset(words)
    return pattern


@functools.lru_cache(maxsize=4096)
def _unit_key(unit: str | None) -> tuple[str, ...]:
    if unit and "%" in unit:
        return ("%",)
    return tuple(_words(unit or ""))


def _unit_score(figure_unit: str | None, spec_unit: str) -> float:
    fig, spec = _unit_key(figure_unit), _unit_key(spec_unit)
    if not fig:
        return 0.4
    if fig == spec:
        return 1.0
    if fig in _OTHER_UNITS or spec in _OTHER_UNITS:
        return 0.0
    if set(fig) & set(spec):
        return 0.6
    return 0.0


# Units that share a word with another unit without being a kind of it ("đơn vị" is no "đơn").
_OTHER_UNITS = {("don", "vi"), ("nguoi", "dan"), ("luot", "truy", "cap")}


@dataclass(eq=False)
class _Container:
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
        self.folded = _fold_same_length(self.text)
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
class _Fig:
    index: int
    text: str
    value: int | float
    unit: str | None
    total: int | float | None
    where: str
    context: str
    container: _Container | None = None
    start: int = -1
    end: int = -1
    # filled by scoring
    before: tuple[int, int] = (0, 0)
    after: tuple[int, int] = (0, 0)
    scores: list[tuple[float, float, bool, float]] = field(
        default_factory=list
    )  # raw, points, cue, unit
    assigned: tuple[int, dict[str, str], float, int | None, str] | None = None


def _containers(parsed: dict) -> list[_Container]:
    out: list[_Container] = []

    def para(p: Any, ref: str) -> None:
        if isinstance(p, dict) and isinstance(p.get("text"), str):
            ids = [f for f in p.get("footnotes") or [] if isinstance(f, int)]
            out.append(_Container("body", ref, p["text"], footnotes=ids))

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
            out.append(_Container("footnote", fn.get("id"), fn["text"]))
    # A table cell's figure stands in "row header | column header | value", read like a
    # sentence; its place is "table/row/column" (from 1).
    for f in parsed.get("figures") or []:
        where = f.get("table") if isinstance(f, dict) and f.get("in") == "table" else None
        if isinstance(where, dict) and isinstance(f.get("context"), str):
            place = [where.get(k) for k in ("index", "row", "column")]
            ref = "/".join(str(n + 1) if isinstance(n, int) else "?" for n in place)
            out.append(_Container("table", ref, f["context"]))
    return out


def _figures(parsed: dict, containers: list[_Container]) -> list[_Fig]:
    figs: list[_Fig] = []
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
        figs.append(_Fig(i, f["text"], value, unit, total, where, context))

    # Find each figure again, in order, in the paragraphs or footnotes of its kind.
    by_kind = {k: [c for c in containers if c.kind == k] for k in ("body", "footnote", "table")}
    cursor = {"body": (0, 0), "footnote": (0, 0), "table": (0, 0)}
    taken: set[tuple[int, int]] = set()
    for fig in figs:
        pool = by_kind[fig.where]
        ctx = _SPACE.sub(" ", fig.context).strip()
        found = _locate(pool, cursor[fig.where], fig.text, ctx, taken)
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
    extra: list[_Fig] = []
    for c in containers:
        here = spans.get(id(c), [])
        for m in _BARE.finditer(c.text):
            s, e = m.start(1), m.end(1)
            if _overlaps(here, s, e):
                continue
            value = parse_number(m.group(1))
            if value is None:
                continue
            a, b = c.clause_start(s), c.clause_end(e)
            fig = _Fig(-1, m.group(1), value, None, None, c.kind, c.text[a : b + 1].strip())
            fig.container, fig.start, fig.end = c, s, e
            extra.append(fig)
    return figs + extra


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the sorted, non-overlapping `spans`."""
    i = bisect.bisect_left(spans, (e, -1))
    return i > 0 and spans[i - 1][1] > s


def _around(pool: list[_Container], cursor: tuple[int, int], extra: int):
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


def _locate(pool, cursor, text: str, ctx: str, taken) -> tuple[int, int] | None:
    """Where the figure printed as `text` stands: near the cursor, first where its context
    matches, then anywhere not taken yet; None when not within LOOKAROUND characters."""
    for strict in (True, False):
        for ci, lo, hi in _around(pool, cursor, len(text)):
            c = pool[ci]
            pos = c.text.find(text, lo, hi)
            while pos >= 0:
                if (id(c), pos) not in taken and (
                    not strict or _in_context(c.text, ctx, pos, text)
                ):
                    return ci, pos
                pos = c.text.find(text, pos + 1, hi)
    return None


def _in_context(text: str, ctx: str, pos: int, figure: str) -> bool:
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


# ---------------------------------------------------------------- scoring


@dataclass
class _Compiled:
    spec: IndicatorSpec
    cues: list[tuple[re.Pattern[str], int]]
    pairs: list[re.Pattern[str]]
    options: list[tuple[str, list[re.Pattern[str]]]]


@functools.lru_cache(maxsize=16)
def _compile(specs: tuple[IndicatorSpec, ...]) -> list[_Compiled]:
    out = []
    for spec in specs:
        cues = []
        for cue in spec.cues:
            pat = _phrase_pattern(cue)
            if pat is not None:
                cues.append((pat, len(_words(cue))))
        name_words = _words(re.sub(r"\(.*?\)", " ", spec.name))
        pairs = []
        for a, b in zip(name_words, name_words[1:], strict=False):
            pat = _phrase_pattern(f"{a} {b}")
            if pat is not None and pat.pattern not in [p.pattern for p in pairs]:
                pairs.append(pat)
        options = []
        for code, name in spec.options:
            pats = [p for p in (_phrase_pattern(part) for part in name.split(",")) if p is not None]
            options.append((code, pats))
        out.append(_Compiled(spec, cues, pairs, options))
    return out


# Where a figure's own words end when another figure follows in the clause.
_AFTER_STOP = re.compile(r"[,;():]|\b(?:và|với|trị giá|gồm|đạt|là|cho|tổng|trong đó)\b", re.I)


def _windows(figs: list[_Fig]) -> None:
    """The clause of each figure: `before` (its cue phrase) and `after` (its noun phrase).

    Between two figures of one clause, the words up to the first ",", "và", "với", "(" …
    after the first figure are its own ("1.870 dịch vụ toàn trình và 357 …"); the rest leads
    to the second ("2.300 đối tượng với tổng kinh phí 1,5 tỷ đồng"). A figure right after a slash shares the clause of the one before it.
    """
    by_container: dict[int, list[_Fig]] = {}
    for f in figs:
        if f.container is not None:
            by_container.setdefault(id(f.container), []).append(f)
    for group in by_container.values():
        group.sort(key=lambda f: f.start)
        for i, f in enumerate(group):
            c = f.container
            assert c is not None
            clause = c.clause_start(f.start)
            prev = group[i - 1] if i else None
            start = clause
            if prev is not None and prev.end > clause:
                between = c.text[prev.end : f.start].strip()
                start = prev.before[0] if between == "/" else max(prev.after[1], prev.end)
                start = min(start, f.start)
            end_clause = c.clause_end(f.end)
            nxt = group[i + 1] if i + 1 < len(group) else None
            stop = end_clause
            if nxt is not None and nxt.start < end_clause:
                stop = nxt.start
                m = _AFTER_STOP.search(c.text, f.end, stop)
                if m:
                    stop = m.start()
            else:
                for ch in "():":
                    k = c.text.find(ch, f.end, stop)
                    if k >= 0:
                        stop = k
            f.before = (start, f.start)
            f.after = (f.start, max(f.end, stop))


def _occurrences(pattern: re.Pattern[str], c: _Container, lo: int, hi: int):
    """Where `pattern` stands in `c` between lo and hi (each pattern searched once per text)."""
    cached = c.found.get(pattern.pattern)
    if cached is None:
        needed = _PATTERN_WORDS.get(pattern.pattern, frozenset())
        spans = []
        if needed <= c.words:
            spans = [(m.start(), m.end()) for m in pattern.finditer(c.folded)]
        cached = c.found[pattern.pattern] = ([s for s, _e in spans], spans)
    starts, spans = cached
    for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
        s, e = spans[i]
        if e <= hi:
            yield s, e


def _score(f: _Fig, comp: _Compiled) -> tuple[float, float, bool, float]:
    c = f.container
    unit = _unit_score(f.unit, comp.spec.unit_of_measure)
    if c is None:
        return (min(NO_CUE_CAP, UNIT_WEIGHT * unit), 0.0, False, unit)
    b0, b1 = f.before
    a0, a1 = f.after
    wide0 = max(0, b0 - 600)
    points = 0.0
    has_cue = False

    def weight(s: int, e: int, full: float, wide_factor: float) -> float:
        if a0 <= s and e <= a1:
            return full
        if b0 <= s and e <= b1 + 1:
            d = c.words_between(e, b1)
            return full * (1.0 if d <= 8 else max(0.5, 1 - (d - 8) / 24))
        if e <= b0:
            d = c.words_between(e, b1)
            return full * wide_factor * math.exp(-d / 25)
        return 0.0

    for pat, n in comp.cues:
        best = 0.0
        for s, e in _occurrences(pat, c, wide0, a1):
            w = weight(s, e, float(n), 0.3)
            if w > best:
                best = w
            if (a0 <= s and e <= a1) or (b0 <= s and e <= b1 + 1):
                has_cue = True
        points += best
    for pat in comp.pairs:
        best = 0.0
        for s, e in _occurrences(pat, c, wide0, a1):
            best = max(best, weight(s, e, NAME_PAIR_POINTS, 1.0))
        points += best
    raw = UNIT_WEIGHT * unit + CUE_WEIGHT * min(1.0, points / POINTS_FOR_FULL)
    if not has_cue:
        raw = min(raw, NO_CUE_CAP)
    if unit == 0.0 and f.unit:
        raw *= MISMATCH_FACTOR
    return (round(raw, 4), round(points, 4), has_cue, unit)


def _option(f: _Fig, comp: _Compiled, hi: int) -> str | None:
    """The option of `comp`'s category named from the figure's number up to `hi`."""
    c = f.container
    if c is None or not comp.options:
        return None
    best: tuple[int, int, int] | None = None
    chosen = None
    for i, (code, pats) in enumerate(comp.options):
        for pat in pats:
            m = pat.search(c.folded, f.start, hi)
            if m:
                key = (m.end(), m.end() - m.start(), -i)
                if best is None or key > best:
                    best, chosen = key, code
    return chosen


def _option_limit(f: _Fig, starts: list[int], region_end: int) -> int:
    """Where the words naming `f`'s option end: the region's end, the next figure (`starts`:
    the sorted starts of its container's figures) or the first ";", "," or ")"."""
    c = f.container
    assert c is not None
    i = bisect.bisect_right(starts, f.start)
    hi = min(region_end, starts[i]) if i < len(starts) else region_end
    for ch in ";,)":
        k = c.text.find(ch, f.end, hi)
        if k >= 0:
            hi = k
    return hi


def _ambiguity(scores: list[tuple[float, float, bool, float]], best: int, skip: set[int]) -> float:
    raw, points = scores[best][0], scores[best][1]
    second = None
    for j, s in enumerate(scores):
        if j == best or j in skip:
            continue
        if second is None or s[0] > scores[second][0]:
            second = j
    if second is None or raw <= 0 or scores[second][0] <= 0.8 * raw:
        return 1.0
    gap = points - scores[second][1]
    return 0.55 + 0.45 * max(0.0, min(1.0, gap / 0.6))


def _best(f: _Fig) -> int | None:
    best = None
    for j, s in enumerate(f.scores):
        if best is None or s[:2] > f.scores[best][:2]:
            best = j
    return best


def propose_values(parsed: dict, indicators: list[IndicatorSpec]) -> list[Proposal]:
    """At most one proposal per figure of `parsed`, in reading order; see the module docstring."""
    if not isinstance(parsed, dict) or not indicators:
        return []
    compiled = _compile(tuple(_frozen(spec) for spec in indicators))
    origin = parsed.get("source")
    read_by_ocr = OCR_FACTOR if isinstance(origin, dict) and origin.get("ocr") else 1.0
    index = {comp.spec.code: j for j, comp in enumerate(compiled)}
    containers = _containers(parsed)
    figs = _figures(parsed, containers)
    _windows(figs)
    for f in figs:
        f.scores = [_score(f, comp) for comp in compiled]

    # 1. Each figure on its own (a count with its total goes to a part/whole pair).
    for f in figs:
        j = _best(f)
        if j is None:
            continue
        total_j = None
        if f.total is not None:
            pairs = []
            for pj, comp in enumerate(compiled):
                for whole in comp.spec.totals:
                    if whole in index and f.scores[pj][2]:
                        pairs.append((f.scores[pj][0], -pj, pj, index[whole]))
            if pairs:
                pairs.sort(reverse=True)
                raw, _neg, pj, tj = pairs[0]
                if raw >= f.scores[j][0] - 0.1:
                    j, total_j = pj, tj
        skip = {total_j} if total_j is not None else set()
        conf = f.scores[j][0] * _ambiguity(f.scores, j, skip)
        f.assigned = (j, {}, round(conf, 4), total_j, "cues")

    located = [f for f in figs if f.container is not None]
    by_container: dict[int, list[_Fig]] = {}
    for f in located:
        by_container.setdefault(id(f.container), []).append(f)
    starts_of: dict[int, list[int]] = {}
    for key, group in by_container.items():
        group.sort(key=lambda f: f.start)
        starts_of[key] = [f.start for f in group]

    def breakdown(parent: _Fig, children: list[_Fig], region_end: int, starts: list[int]) -> bool:
        """Give `children` the options of the parent's indicator when they name them."""
        if parent.assigned is not None and parent.assigned[1]:
            return False  # the parent is itself one option's value
        candidates = []
        for j, comp in enumerate(compiled):
            raw, _points, cue, unit = parent.scores[j]
            if not comp.options or unit == 0.0 and parent.unit or raw < 0.3:
                continue
            named = []
            for ch in children:
                opt = _option(ch, comp, _option_limit(ch, starts, region_end))
                if opt is not None:
                    named.append((ch, opt))
            if not named:
                continue
            total = sum(ch.value for ch, _ in named)
            if total == parent.value:
                fit = 1.0
            elif (
                total < parent.value
                and len(named) == len(children)
                and all(
                    not ch.unit or not parent.unit or _unit_score(ch.unit, parent.unit) > 0
                    for ch in children
                )
            ):
                fit = 0.8
            else:
                continue
            candidates.append((fit, len(named), raw, -j, j, named))
        if not candidates:
            return False
        candidates.sort(key=lambda t: t[:4], reverse=True)
        fit, _n, raw, _neg, j, named = candidates[0]
        pj, _opts, pconf, ptotal, _why = parent.assigned or (j, {}, raw, None, "cues")
        if pj != j:
            pconf = raw * _ambiguity(parent.scores, j, set())
        if fit == 1.0:
            pconf = min(1.0, pconf + 0.15)
        parent.assigned = (j, {}, round(pconf, 4), ptotal if pj == j else None, "breakdown total")
        category = compiled[j].spec.category or ""
        for ch, opt in named:
            ch.assigned = (j, {category: opt}, round(pconf * fit, 4), None, "breakdown")
        return True

    # 2. Breakdowns in the same paragraph: "43 đơn (31 đơn khiếu nại, 12 đơn tố cáo)".
    for key, group in by_container.items():
        c = group[0].container
        assert c is not None
        starts = starts_of[key]
        for i, parent in enumerate(group):
            rest = c.folded[parent.end : parent.end + 40]
            m = re.match(r"\s*\(", rest)
            region_end = None
            if m:
                region_end = c.closing(parent.end + m.end() - 1)
            elif re.match(r"\s*[,;:]?\s*\(?\s*trong do\b", rest):
                region_end = c.clause_end(parent.end)
                if c.text[region_end : region_end + 1] == ";":
                    region_end = len(c.text)
            if region_end is None:
                continue
            # At most MAX_PARTS figures: found by bisection, never by walking the rest.
            last = min(bisect.bisect_left(starts, region_end), i + 2 + MAX_PARTS)
            children = group[i + 1 : last]
            if children and len(children) <= MAX_PARTS:
                breakdown(parent, children, region_end, starts)

    # 3. Footnotes that break down, repeat or detail a figure of the paragraph they hang on.
    referrer: dict[Any, _Container] = {}
    for c in containers:
        if c.kind == "body":
            for fid in c.footnotes:
                referrer.setdefault(fid, c)
    for key, group in by_container.items():
        c = group[0].container
        assert c is not None
        if c.kind != "footnote" or c.ref not in referrer:
            continue
        owners = by_container.get(id(referrer[c.ref]), [])
        done = False
        # A footnote listing the parts of a figure is short (MAX_PARTS figures at most).
        for parent in owners if len(group) <= MAX_PARTS else ():
            if parent.assigned and not parent.assigned[1]:
                unit_ok = [
                    g for g in group if _unit_score(g.unit, parent.unit or "") > 0 or not g.unit
                ]
                if len(unit_ok) >= 2 and sum(g.value for g in unit_ok) == parent.value:
                    if breakdown(parent, unit_ok, len(c.text), starts_of[key]):
                        done = True
                        break
        # The paragraph's figures by value (the first confident one with a unit restates) and
        # by indicator (the first two values: is there one that differs?), in one pass.
        restated: dict[tuple, _Fig] = {}
        by_indicator: dict[int, list] = {}
        for g in owners:
            if g.assigned is None:
                continue
            if g.assigned[2] >= THRESHOLD:
                restated.setdefault((g.value, _unit_key(g.unit) if g.unit else None), g)
            values = by_indicator.setdefault(g.assigned[0], [])
            if len(values) < 2 and g.value not in values:
                values.append(g.value)
        for f in group:
            if done and f.assigned and f.assigned[4] == "breakdown":
                continue
            g = restated.get((f.value, _unit_key(f.unit) if f.unit else None)) if f.unit else None
            if g is not None and g.assigned is not None:
                j, opts, conf, _t, _w = g.assigned
                if f.assigned is None or f.assigned[2] < conf:
                    f.assigned = (j, dict(opts), round(conf * 0.95, 4), None, "restated")
            elif f.assigned is not None and f.assigned[4] == "cues":
                values = by_indicator.get(f.assigned[0], [])
                if any(value != f.value for value in values):
                    jj, opts, conf, t, _w = f.assigned
                    f.assigned = (jj, opts, round(conf * DETAIL_FACTOR, 4), t, "detail")

    proposals: list[Proposal] = []
    # Reading order, each footnote right after the paragraph that carries its mark.
    position: dict[int, int] = {}
    footnotes = {c.ref: c for c in containers if c.kind == "footnote"}
    for c in containers:
        if c.kind == "body":
            position[id(c)] = len(position)
            for fid in c.footnotes:
                note = footnotes.get(fid)
                if note is not None and id(note) not in position:
                    position[id(note)] = len(position)
    for c in containers:
        position.setdefault(id(c), len(position))
    ordered = sorted(
        (f for f in figs if f.assigned is not None),
        key=lambda f: (
            position[id(f.container)] if f.container is not None else len(position),
            f.start,
            f.index,
        ),
    )
    for f in ordered:
        assert f.assigned is not None
        j, opts, conf, total_j, why = f.assigned
        conf = round(max(0.0, min(1.0, conf * read_by_ocr)), 2)
        if conf < MIN_CONFIDENCE:
            continue
        source: dict[str, Any] = {"text": f.text, "in": f.where, "context": f.context}
        if f.container is not None:
            key = {"body": "paragraph"}.get(f.container.kind, f.container.kind)
            source[key] = f.container.ref
            source["span"] = [f.start, f.end]
        proposals.append(
            Proposal(
                indicator=compiled[j].spec,
                options=opts,
                value=f.value,
                total=f.total,
                confidence=conf,
                source=source,
                total_indicator=compiled[total_j].spec if total_j is not None else None,
                reason=why,
            )
        )
    return proposals
