"""Which units' figures make up a unit's series across reorganisations (the 2025 reform).

A merger (and a rename or a transfer) sums its predecessors into the successor for the
periods before the succession; a split is not comparable (no shares are declared), so those
periods show no value and say why. The rule is returned in Vietnamese, for the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan.orgs.models import OrgSuccession, OrgUnit, SuccessionKind

MAX_DEPTH = 4


@dataclass
class Part:
    """A predecessor subtree counted for the periods that end before `until`."""

    unit: OrgUnit
    until: dt.date  # the succession's date: periods ending before it take this part


@dataclass
class Lineage:
    root: OrgUnit
    parts: list[Part] = field(default_factory=list)
    split_before: dt.date | None = None  # periods ending before it are not comparable
    rules: list[str] = field(default_factory=list)

    def comparable(self, period_end: dt.date) -> bool:
        return self.split_before is None or period_end >= self.split_before


def _day(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def lineage(root: OrgUnit) -> Lineage:
    result = Lineage(root=root)
    seen = {root.pk}

    def walk(unit: OrgUnit, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        incoming = OrgSuccession.objects.filter(successor=unit).select_related("predecessor")
        for succession in incoming:
            predecessor = succession.predecessor
            if predecessor.pk in seen:
                continue
            seen.add(predecessor.pk)
            if succession.kind == SuccessionKind.SPLIT:
                if unit.pk == root.pk:
                    result.split_before = max(
                        result.split_before or succession.date, succession.date
                    )
                    result.rules.append(
                        f"{unit.name} được chia tách từ {predecessor.name} ngày "
                        f"{_day(succession.date)}: số liệu các kỳ trước không so sánh được "
                        "(chưa khai báo tỷ lệ phân chia)."
                    )
                continue
            if predecessor.path.startswith(root.path):
                continue  # already inside the subtree: counted once
            result.parts.append(Part(predecessor, succession.date))
            result.rules.append(
                f"Các kỳ trước {_day(succession.date)}: cộng số liệu của {predecessor.name} "
                f"({succession.get_kind_display().lower()} vào {unit.name})."
            )
            walk(predecessor, depth + 1)

    walk(root, 0)
    return result
