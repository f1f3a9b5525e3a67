"""Likely duplicates: the same model registered twice (by the Party cell and by the Front of
the same residential area, or in two years). Pure: compares folded word sets, so diacritics,
case and word order do not matter. Nothing here merges anything."""

from __future__ import annotations

import re

from danvan.vn.text import fold

# Words every entry shares; they say nothing about which model it is.
STOP = frozenset(
    "mo hinh dien hinh dan van kheo cua ve va voi tai trong nam the cac nhung la co duoc".split()
)
THRESHOLD = 0.6


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", fold(text or "")) if w not in STOP)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: dict, b: dict) -> float:
    """0..1 from name (weight 0.6), area (0.25) and forces (0.15); `a`/`b` hold "name",
    "area" and "forces" texts."""
    name = _jaccard(words(a.get("name", "")), words(b.get("name", "")))
    area = _jaccard(words(a.get("area", "")), words(b.get("area", "")))
    forces = _jaccard(words(a.get("forces", "")), words(b.get("forces", "")))
    return round(0.6 * name + 0.25 * area + 0.15 * forces, 3)


def likely_duplicates(target: dict, others: list[dict], threshold: float = THRESHOLD):
    """[(score, other)] for the others at least `threshold` alike, most alike first."""
    scored = [(similarity(target, other), other) for other in others]
    return sorted(
        ((s, o) for s, o in scored if s >= threshold), key=lambda pair: pair[0], reverse=True
    )
