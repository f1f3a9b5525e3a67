"""How a located figure is scored against each indicator: its clause windows, cue phrases
and name pairs, unit of measure, options of its category, and ambiguity between indicators.
Pure Python; the rules are told in `danvan.imports.figures`."""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

from .figure_text import PATTERN_WORDS, Container, Fig, phrase_pattern, unit_score, words_of

UNIT_WEIGHT = 0.35
CUE_WEIGHT = 0.65
POINTS_FOR_FULL = 2.5
NO_CUE_CAP = 0.4
MISMATCH_FACTOR = 0.3
NAME_PAIR_POINTS = 0.3


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
class Compiled:
    spec: IndicatorSpec
    cues: list[tuple[re.Pattern[str], int]]
    pairs: list[re.Pattern[str]]
    options: list[tuple[str, list[re.Pattern[str]]]]


@functools.lru_cache(maxsize=16)
def compile_specs(specs: tuple[IndicatorSpec, ...]) -> list[Compiled]:
    out = []
    for spec in specs:
        cues = []
        for cue in spec.cues:
            pat = phrase_pattern(cue)
            if pat is not None:
                cues.append((pat, len(words_of(cue))))
        name_words = words_of(re.sub(r"\(.*?\)", " ", spec.name))
        pairs = []
        for a, b in zip(name_words, name_words[1:], strict=False):
            pat = phrase_pattern(f"{a} {b}")
            if pat is not None and pat.pattern not in [p.pattern for p in pairs]:
                pairs.append(pat)
        options = []
        for code, name in spec.options:
            pats = [p for p in (phrase_pattern(part) for part in name.split(",")) if p is not None]
            options.append((code, pats))
        out.append(Compiled(spec, cues, pairs, options))
    return out


# Where a figure's own words end when another figure follows in the clause.
AFTER_STOP = re.compile(r"[,;():]|\b(?:và|với|trị giá|gồm|đạt|là|cho|tổng|trong đó)\b", re.I)


def clause_windows(figs: list[Fig]) -> None:
    """The clause of each figure: `before` (its cue phrase) and `after` (its noun phrase).

    Between two figures of one clause, the words up to the first ",", "và", "với", "(" …
    after the first figure are its own ("1.870 dịch vụ toàn trình và 357 …"); the rest leads
    to the second ("2.300 đối tượng với tổng kinh phí 1,5 tỷ đồng"). A figure right after a slash shares the clause of the one before it.
    """
    by_container: dict[int, list[Fig]] = {}
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
                m = AFTER_STOP.search(c.text, f.end, stop)
                if m:
                    stop = m.start()
            else:
                for ch in "():":
                    k = c.text.find(ch, f.end, stop)
                    if k >= 0:
                        stop = k
            f.before = (start, f.start)
            f.after = (f.start, max(f.end, stop))


def occurrences(pattern: re.Pattern[str], c: Container, lo: int, hi: int):
    """Where `pattern` stands in `c` between lo and hi (each pattern searched once per text)."""
    cached = c.found.get(pattern.pattern)
    if cached is None:
        needed = PATTERN_WORDS.get(pattern.pattern, frozenset())
        spans = []
        if needed <= c.words:
            spans = [(m.start(), m.end()) for m in pattern.finditer(c.folded)]
        cached = c.found[pattern.pattern] = ([s for s, _e in spans], spans)
    starts, spans = cached
    for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
        s, e = spans[i]
        if e <= hi:
            yield s, e


def score(f: Fig, comp: Compiled) -> tuple[float, float, bool, float]:
    c = f.container
    unit = unit_score(f.unit, comp.spec.unit_of_measure)
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
        for s, e in occurrences(pat, c, wide0, a1):
            w = weight(s, e, float(n), 0.3)
            if w > best:
                best = w
            if (a0 <= s and e <= a1) or (b0 <= s and e <= b1 + 1):
                has_cue = True
        points += best
    for pat in comp.pairs:
        best = 0.0
        for s, e in occurrences(pat, c, wide0, a1):
            best = max(best, weight(s, e, NAME_PAIR_POINTS, 1.0))
        points += best
    raw = UNIT_WEIGHT * unit + CUE_WEIGHT * min(1.0, points / POINTS_FOR_FULL)
    if not has_cue:
        raw = min(raw, NO_CUE_CAP)
    if unit == 0.0 and f.unit:
        raw *= MISMATCH_FACTOR
    return (round(raw, 4), round(points, 4), has_cue, unit)


def option_named(f: Fig, comp: Compiled, hi: int) -> str | None:
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


def option_limit(f: Fig, starts: list[int], region_end: int) -> int:
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


def ambiguity(scores: list[tuple[float, float, bool, float]], best: int, skip: set[int]) -> float:
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


def best_index(f: Fig) -> int | None:
    best = None
    for j, s in enumerate(f.scores):
        if best is None or s[:2] > f.scores[best][:2]:
            best = j
    return best
