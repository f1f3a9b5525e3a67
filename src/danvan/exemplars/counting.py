"""Counts for a unit subtree and a data window, by status at the window's end.

Every measure is kept per category cell (kind × subject × field, level, form, metric); a total
is only ever the sum of one measure's own cells, never of two measures ("mô hình, điển hình"
registered and effective are never added). Entries merged into another are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from danvan.orgs.models import OrgUnit, UnitKind

from .lifecycle import MAINTAINED
from .models import (
    Assessment,
    Conclusion,
    CriteriaSet,
    Entry,
    Kind,
    Output,
    Recognition,
    RecognitionForm,
    StatusEvent,
)

Cell = tuple[str, str, str]  # (kind, subject, field)
AWARD_FORMS = (RecognitionForm.PRAISE, RecognitionForm.CERTIFICATE, RecognitionForm.MERIT)


@dataclass
class Counts:
    unit: OrgUnit
    date_from: dt.date
    date_to: dt.date
    since_year: int | None = None
    registered_new: Counter = field(default_factory=Counter)
    maintained: Counter = field(default_factory=Counter)
    effective: Counter = field(default_factory=Counter)
    outstanding: Counter = field(default_factory=Counter)
    cumulative: Counter = field(default_factory=Counter)
    recognised_by_level: Counter = field(default_factory=Counter)
    awards_by_form: Counter = field(default_factory=Counter)
    outputs: dict[str, Decimal] = field(default_factory=dict)
    grassroots: list[OrgUnit] = field(default_factory=list)
    grassroots_with_model: list[OrgUnit] = field(default_factory=list)
    assessed_recently: int = 0

    @property
    def maintained_total(self) -> int:
        return sum(self.maintained.values())

    @property
    def grassroots_without_model(self) -> list[OrgUnit]:
        having = {u.pk for u in self.grassroots_with_model}
        return [u for u in self.grassroots if u.pk not in having]

    @property
    def assessed_share(self) -> Decimal | None:
        if not self.maintained_total:
            return None
        share = Decimal(100 * self.assessed_recently) / Decimal(self.maintained_total)
        return share.quantize(Decimal("0.1"))

    def by(self, measure: str, position: int) -> Counter:
        """One measure split along one dimension (0 kind, 1 subject, 2 field)."""
        result: Counter = Counter()
        for cell, value in getattr(self, measure).items():
            result[cell[position]] += value
        return result

    def by_kind_subject(self, measure: str) -> Counter:
        result: Counter = Counter()
        for (kind, subject, _), value in getattr(self, measure).items():
            result[(kind, subject)] += value
        return result


def _status_at_end(entry_ids: list[int], day: dt.date) -> dict[int, str]:
    status: dict[int, str] = {}
    events = StatusEvent.objects.filter(entry_id__in=entry_ids, at__lte=day).order_by("at", "id")
    for entry_id, value in events.values_list("entry_id", "status"):
        status[entry_id] = value
    return status


def _yearly_rule(paths: dict[int, str], day: dt.date) -> dict[int, bool]:
    """Whether the criteria set in force on `day` for each entry's unit requires a yearly
    re-assessment (a province's own set over the general one)."""
    sets = [
        c
        for c in CriteriaSet.objects.select_related("scope_unit").filter(valid_from__lte=day)
        if c.valid_to is None or c.valid_to >= day
    ]
    sets.sort(key=lambda c: (c.scope_unit.depth + 1 if c.scope_unit else 0, c.valid_from))
    result = {}
    for entry_id, path in paths.items():
        rule = False
        for criteria in sets:  # later (more specific) sets override earlier ones
            if criteria.scope_unit is None or path.startswith(criteria.scope_unit.path):
                rule = criteria.yearly_reassessment
        result[entry_id] = rule
    return result


def year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28) + dt.timedelta(days=1)


def compute(
    unit: OrgUnit, date_from: dt.date, date_to: dt.date, *, since_year: int | None = None
) -> Counts:
    counts = Counts(unit=unit, date_from=date_from, date_to=date_to, since_year=since_year)
    rows = list(
        Entry.objects.filter(owner_unit__path__startswith=unit.path, merged_into=None).values_list(
            "id", "kind", "subject", "field", "registered_on", "owner_unit__path"
        )
    )
    cells: dict[int, Cell] = {r[0]: (r[1], r[2], r[3]) for r in rows}
    paths = {r[0]: r[5] for r in rows}
    ids = list(cells)
    status = _status_at_end(ids, date_to)
    maintained = {i for i in ids if status.get(i) in MAINTAINED}
    since = dt.date(since_year, 1, 1) if since_year else None
    for entry_id, _, _, _, registered_on, _ in rows:
        if registered_on and date_from <= registered_on <= date_to:
            counts.registered_new[cells[entry_id]] += 1
        if registered_on and registered_on <= date_to and (since is None or registered_on >= since):
            counts.cumulative[cells[entry_id]] += 1
    for entry_id in maintained:
        counts.maintained[cells[entry_id]] += 1

    latest: dict[int, tuple[dt.date, str]] = {}
    assessments = Assessment.objects.filter(entry_id__in=ids, assessed_on__lte=date_to)
    for entry_id, on, conclusion in assessments.order_by("assessed_on", "id").values_list(
        "entry_id", "assessed_on", "conclusion"
    ):
        latest[entry_id] = (on, conclusion)
    rule = _yearly_rule({i: paths[i] for i in maintained}, date_to)
    recent_from = year_before(date_to)
    for entry_id in maintained:
        found = latest.get(entry_id)
        if found is None:
            continue
        on, conclusion = found
        recent = on >= recent_from
        counts.assessed_recently += recent
        if conclusion == Conclusion.EFFECTIVE and (recent or not rule[entry_id]):
            counts.effective[cells[entry_id]] += 1

    recognitions = Recognition.objects.filter(
        entry_id__in=ids, decided_on__gte=date_from, decided_on__lte=date_to
    )
    by_level: dict[str, set[int]] = defaultdict(set)
    outstanding: set[int] = set()
    for entry_id, level, form in recognitions.values_list("entry_id", "level", "form"):
        if form == RecognitionForm.RECOGNITION:
            by_level[level].add(entry_id)
        elif form == RecognitionForm.OUTSTANDING:
            outstanding.add(entry_id)
        else:
            counts.awards_by_form[form] += 1
    counts.recognised_by_level = Counter({k: len(v) for k, v in by_level.items()})
    for entry_id in outstanding:
        counts.outstanding[cells[entry_id]] += 1

    sums = (
        Output.objects.filter(entry_id__in=ids, period_to__gte=date_from, period_to__lte=date_to)
        .values("metric")
        .annotate(total=Sum("value"))
    )
    counts.outputs = {row["metric"]: row["total"] for row in sums}

    counts.grassroots = list(
        OrgUnit.objects.subtree_of(unit)
        .valid_on(date_to)
        .filter(kind=UnitKind.GRASSROOTS_PARTY)
        .order_by("path")
    )
    model_paths = [paths[i] for i in maintained if cells[i][0] == Kind.MODEL]
    counts.grassroots_with_model = [
        g for g in counts.grassroots if any(p.startswith(g.path) for p in model_paths)
    ]
    return counts


def entry_ids_for(
    unit: OrgUnit, date_to: dt.date, measure: str, date_from: dt.date | None = None
) -> list[int]:
    """The entries behind a count ("duy_tri", "dang_ky_moi"), for the register's list."""
    qs = Entry.objects.filter(owner_unit__path__startswith=unit.path, merged_into=None)
    if measure == "dang_ky_moi" and date_from:
        return list(
            qs.filter(registered_on__gte=date_from, registered_on__lte=date_to).values_list(
                "id", flat=True
            )
        )
    ids = list(qs.values_list("id", flat=True))
    status = _status_at_end(ids, date_to)
    return [i for i in ids if status.get(i) in MAINTAINED]
