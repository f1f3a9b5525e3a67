"""The coordinator's board: where to look. Signals by topic and direction over time, open
hot spots by level with their age and last action, areas with rising negative signals, and
units that logged nothing in the window (a silence is also information)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from danvan.orgs.models import OrgUnit

from . import selectors
from .drafting import previous_window
from .models import OPEN_STATUSES, Direction, Level

NEGATIVE = (Direction.PHAN_DOI, Direction.BAN_KHOAN)


@dataclass
class Board:
    unit: OrgUnit
    date_from: dt.date
    date_to: dt.date
    months: list[str] = field(default_factory=list)
    by_month: dict[str, dict[str, int]] = field(default_factory=dict)  # direction -> month -> n
    by_topic: list[tuple[str, dict[str, int], int]] = field(default_factory=list)
    hot_spots: list[tuple] = field(default_factory=list)  # (issue, age days, last action)
    rising: list[tuple[str, int, int]] = field(default_factory=list)  # place, now, before
    silent: list[OrgUnit] = field(default_factory=list)
    total: int = 0

    @property
    def direction_labels(self) -> list[str]:
        return [label for _, label in Direction.choices]

    def month_rows(self) -> list[tuple[str, list[int]]]:
        return [(m, [self.by_month[d].get(m, 0) for d in Direction.values]) for m in self.months]

    def topic_rows(self) -> list[tuple[str, int, list[int]]]:
        return [
            (name, total, [counts.get(d, 0) for d in Direction.values])
            for name, counts, total in self.by_topic
        ]

    def chart_data(self) -> dict:
        labels = dict(Direction.choices)
        return {
            "months": self.months,
            "directions": [
                {"name": labels[d], "data": [self.by_month[d].get(m, 0) for m in self.months]}
                for d in Direction.values
            ],
            "topics": [name for name, _, _ in self.by_topic],
            "topic_directions": [
                {"name": labels[d], "data": [counts.get(d, 0) for _, counts, _ in self.by_topic]}
                for d in Direction.values
            ],
        }


def _months(date_from: dt.date, date_to: dt.date) -> list[str]:
    months, day = [], date_from.replace(day=1)
    while day <= date_to and len(months) < 240:
        months.append(f"{day:%m/%Y}")
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def build(user, unit: OrgUnit, date_from: dt.date, date_to: dt.date, today: dt.date) -> Board:
    board = Board(unit, date_from, date_to, months=_months(date_from, date_to))
    mine = selectors.visible_signals(user).filter(unit__path__startswith=unit.path)
    rows = list(
        mine.filter(observed_on__gte=date_from, observed_on__lte=date_to).values_list(
            "observed_on",
            "direction",
            "topic__name",
            "topic__order",
            "unit__name",
            "area",
            "unit__path",
        )
    )
    board.total = len(rows)
    board.by_month = {d: defaultdict(int) for d in Direction.values}
    topics: dict[str, Counter] = defaultdict(Counter)
    order: dict[str, int] = {}
    for day, direction, topic, topic_order, *_rest in rows:
        board.by_month[direction][f"{day:%m/%Y}"] += 1
        topics[topic][direction] += 1
        order[topic] = topic_order
    board.by_topic = sorted(
        ((name, dict(c), sum(c.values())) for name, c in topics.items()),
        key=lambda t: (-t[2], order[t[0]]),
    )
    issues = list(
        selectors.visible_issues(user).filter(
            unit__path__startswith=unit.path,
            status__in=OPEN_STATUSES,
            level__in=[Level.NGUY_CO, Level.DIEM_NONG],
        )
    )
    latest = selectors.last_actions(issues)
    board.hot_spots = sorted(
        ((i, (today - i.opened_on).days, latest.get(i.pk)) for i in issues),
        key=lambda t: (-Level.values.index(t[0].level), -t[1]),
    )
    board.rising = _rising(mine, rows, date_from, date_to)
    board.silent = _silent(unit, rows, date_from, date_to)
    return board


def _place(unit_name: str, area: str) -> str:
    return f"{area} ({unit_name})" if area else unit_name


def _rising(mine, rows, date_from, date_to) -> list[tuple[str, int, int]]:
    now = Counter(_place(r[4], r[5]) for r in rows if r[1] in NEGATIVE)
    before_from, before_to = previous_window(date_from, date_to)
    before = Counter(
        _place(name, area)
        for name, area in mine.filter(
            observed_on__gte=before_from, observed_on__lte=before_to, direction__in=NEGATIVE
        ).values_list("unit__name", "area")
    )
    rising = [(place, n, before[place]) for place, n in now.items() if n > before[place]]
    rising.sort(key=lambda t: (-(t[1] - t[2]), t[0]))
    return rising[:20]


def _silent(unit: OrgUnit, rows, date_from, date_to) -> list[OrgUnit]:
    children = OrgUnit.objects.filter(parent=unit, valid_from__lte=date_to).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=date_from)
    )
    paths = [r[6] for r in rows]
    return [c for c in children if not any(p.startswith(c.path) for p in paths)]
