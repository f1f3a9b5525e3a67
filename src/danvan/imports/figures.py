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
import re
from dataclasses import dataclass
from typing import Any

from .figure_scores import (
    IndicatorSpec,
    ambiguity,
    best_index,
    clause_windows,
    compile_specs,
    option_limit,
    option_named,
    score,
)
from .figure_text import (
    MAX_PARTS,
    Container,
    Fig,
    containers_of,
    located_figures,
    unit_key,
    unit_score,
)

__all__ = ["IndicatorSpec", "Proposal", "propose_values", "specs_from_catalogue", "THRESHOLD"]

THRESHOLD = 0.5  # what the benchmark counts as proposed; the confirmation page shows all
MIN_CONFIDENCE = 0.2  # below this a figure is not proposed at all
DETAIL_FACTOR = 0.45
OCR_FACTOR = 0.8  # figures of a scan read by OCR: a digit may be misread


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


def propose_values(parsed: dict, indicators: list[IndicatorSpec]) -> list[Proposal]:
    """At most one proposal per figure of `parsed`, in reading order; see the module docstring."""
    if not isinstance(parsed, dict) or not indicators:
        return []
    compiled = compile_specs(tuple(_frozen(spec) for spec in indicators))
    origin = parsed.get("source")
    read_by_ocr = OCR_FACTOR if isinstance(origin, dict) and origin.get("ocr") else 1.0
    index = {comp.spec.code: j for j, comp in enumerate(compiled)}
    containers = containers_of(parsed)
    figs = located_figures(parsed, containers)
    clause_windows(figs)
    for f in figs:
        f.scores = [score(f, comp) for comp in compiled]

    # 1. Each figure on its own (a count with its total goes to a part/whole pair).
    for f in figs:
        j = best_index(f)
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
        conf = f.scores[j][0] * ambiguity(f.scores, j, skip)
        f.assigned = (j, {}, round(conf, 4), total_j, "cues")

    located = [f for f in figs if f.container is not None]
    by_container: dict[int, list[Fig]] = {}
    for f in located:
        by_container.setdefault(id(f.container), []).append(f)
    starts_of: dict[int, list[int]] = {}
    for key, group in by_container.items():
        group.sort(key=lambda f: f.start)
        starts_of[key] = [f.start for f in group]

    def breakdown(parent: Fig, children: list[Fig], region_end: int, starts: list[int]) -> bool:
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
                opt = option_named(ch, comp, option_limit(ch, starts, region_end))
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
                    not ch.unit or not parent.unit or unit_score(ch.unit, parent.unit) > 0
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
            pconf = raw * ambiguity(parent.scores, j, set())
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
    referrer: dict[Any, Container] = {}
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
                    g for g in group if unit_score(g.unit, parent.unit or "") > 0 or not g.unit
                ]
                if len(unit_ok) >= 2 and sum(g.value for g in unit_ok) == parent.value:
                    if breakdown(parent, unit_ok, len(c.text), starts_of[key]):
                        done = True
                        break
        # The paragraph's figures by value (the first confident one with a unit restates) and
        # by indicator (the first two values: is there one that differs?), in one pass.
        restated: dict[tuple, Fig] = {}
        by_indicator: dict[int, list] = {}
        for g in owners:
            if g.assigned is None:
                continue
            if g.assigned[2] >= THRESHOLD:
                restated.setdefault((g.value, unit_key(g.unit) if g.unit else None), g)
            values = by_indicator.setdefault(g.assigned[0], [])
            if len(values) < 2 and g.value not in values:
                values.append(g.value)
        for f in group:
            if done and f.assigned and f.assigned[4] == "breakdown":
                continue
            g = restated.get((f.value, unit_key(f.unit) if f.unit else None)) if f.unit else None
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
