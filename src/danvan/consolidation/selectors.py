"""Roll-ups over a unit's subtree for a period: totals with disaggregations, the per-unit
breakdown, the same period a year earlier, and the narrative assembled per template section.
Values are aggregated in the database (GROUP BY over the materialised path), not in Python."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Avg, Max, Min, Sum

from danvan.accounts import permissions
from danvan.indicators.models import Aggregation, Indicator
from danvan.orgs.models import OrgUnit
from danvan.registers import ComputedFigure
from danvan.reporting import periods
from danvan.reporting.models import (
    Assignment,
    DataValue,
    ReportRequest,
    Revision,
    Submission,
    SubmissionStatus,
)
from danvan.reporting.selectors import template_indicators

from . import breakdown, narrative, register_check, totals
from .breakdown import PAGE_SIZE, UnitsPage
from .narrative import Passage, Section
from .totals import plain

__all__ = ["Consolidation", "Coverage", "Line", "Passage", "Section", "consolidate", "plain"]

COUNTED = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)
AGGREGATES = {
    Aggregation.SUM: Sum,
    Aggregation.LAST: Sum,
    Aggregation.AVERAGE: Avg,
    Aggregation.MIN: Min,
    Aggregation.MAX: Max,
}


@dataclass
class Line:
    indicator: Indicator
    option_name: str | None
    option_code: str | None
    value: Decimal | None
    previous: Decimal | None
    computed: ComputedFigure | None = None  # what the registers compute (same unit, window)

    @property
    def computed_value(self) -> Decimal | None:
        return register_check.as_number(self.computed.value) if self.computed else None

    @property
    def differs(self) -> bool:
        """The value reported is not what the registers compute (nothing reported: 0)."""
        return self.computed is not None and (self.value or 0) != self.computed_value

    @property
    def change(self) -> Decimal | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def change_percent(self) -> Decimal | None:
        if self.change is None or not self.previous:
            return None
        return (100 * self.change / self.previous).quantize(Decimal("0.1"))


@dataclass
class Coverage:
    """Who was asked and who answered, over the counted requests' units in the subtree."""

    assigned: int
    reported: int
    missing: list[str]  # units that have submitted nothing (still drafting, or returned)

    @property
    def text(self) -> str:
        """ "tổng hợp từ 1/3 đơn vị; chưa báo cáo: Ủy ban nhân dân …, Ủy ban Mặt trận …" """
        if not self.assigned:
            return "chưa có đơn vị nào được giao báo cáo kỳ này"
        text = f"tổng hợp từ {self.reported}/{self.assigned} đơn vị"
        if self.missing:
            text += "; chưa báo cáo: " + ", ".join(self.missing)
        return text


@dataclass
class Consolidation:
    root: OrgUnit
    period_code: str
    previous_code: str
    request: ReportRequest | None
    lines: list[Line]
    counted_submissions: int
    coverage: Coverage
    # The narrative is gathered on first use of `sections` (a dashboard reads only the totals).
    narrative: Callable[[], list[Section]] = field(repr=False, compare=False, default=list)
    # The per-unit breakdown is read on first use of `units`: over a large subtree it is most
    # of the cost (5,000 units × 78 values = 390,000 rows), and not every reader needs it.
    breakdown: Callable[[], list[tuple[str, dict[str, Decimal]]]] = field(
        repr=False, compare=False, default=list
    )

    provenance: Callable[[], dict[str, dict[str, dict]]] = field(
        repr=False, compare=False, default=dict
    )
    register_figures: Callable[[], dict] = field(repr=False, compare=False, default=dict)
    paged: Callable[[object, int], UnitsPage] | None = field(
        repr=False, compare=False, default=None
    )

    @cached_property
    def sections(self) -> list[Section]:
        return self.narrative()

    def units_page(self, number=1, size: int = PAGE_SIZE) -> UnitsPage:
        """One page of the per-unit breakdown (`size` units, in path order) with the sources
        of its values: what a page or the API shows of a large subtree."""
        return self.paged(number, size)

    @cached_property
    def figures(self) -> dict:
        """{value key: ComputedFigure}: what the registers compute for the root and window."""
        return self.register_figures()

    @cached_property
    def compared(self) -> list[Line]:
        """The lines, each with the registers' value beside it (`computed`, `differs`)."""
        return register_check.compared(self.lines, self.figures)

    @cached_property
    def units(self) -> list[tuple[str, dict[str, Decimal]]]:
        """[(unit name, {"code" or "code:option": value})], in path order."""
        return self.breakdown()

    @cached_property
    def sources(self) -> dict[str, dict[str, dict]]:
        """{unit name: {value key: where in which file it was read}} for values from files."""
        return self.provenance()


def counted_requests(root: OrgUnit, period_code: str, request: ReportRequest | None) -> list[int]:
    """Which requests' answers a roll-up adds up, so that no figure is counted twice.

    A board's own report to its superior already sums what its partners reported to it: for
    one period, only the requests issued highest in the root's subtree count (the requests that
    reached the subtree from outside, when none was issued inside it)."""
    if request is not None and request.period.code == period_code:
        return [request.pk]
    asked = list(
        ReportRequest.objects.filter(
            period__code=period_code, assignments__unit_path__startswith=root.path
        )
        .select_related("issuer")
        .distinct()
    )
    own = [r for r in asked if r.issuer.path.startswith(root.path)] or asked
    if not own:
        return []
    top = min(r.issuer.depth for r in own)
    return sorted(r.pk for r in own if r.issuer.depth == top)


def _values(root: OrgUnit, period_code: str, counted: list[int], statuses):
    return DataValue.objects.filter(
        period__code=period_code,
        unit_path__startswith=root.path,
        submission__status__in=statuses,
        submission__assignment__request_id__in=counted,
    )


def _indicators(request: ReportRequest | None, values, request_ids, root_path, statuses):
    if request is not None:
        return template_indicators(request.template)
    ids = totals.indicator_ids(values, request_ids, root_path, statuses)
    return list(
        Indicator.objects.filter(id__in=ids)
        .select_related("category")
        .prefetch_related("category__options")
    )


def consolidate(
    user,
    root: OrgUnit,
    period_code: str,
    request: ReportRequest | None = None,
    accepted_only: bool = False,
) -> Consolidation:
    permissions.require(user, "consolidation.view", root)
    period_code = periods.parse_period(period_code).code
    previous_code = periods.same_period_previous_year(period_code)
    statuses = (SubmissionStatus.ACCEPTED,) if accepted_only else COUNTED
    # Which requests count is asked once: every part of the consolidation filters on it.
    counted = counted_requests(root, period_code, request)
    current = _values(root, period_code, counted, statuses)
    indicators = _indicators(request, current, counted, root.path, statuses)
    by_id = {i.id: i for i in indicators}
    now = totals.totals(current, counted, root.path, statuses, by_id)
    earlier = counted_requests(root, previous_code, None)
    previous = totals.totals(
        _values(root, previous_code, earlier, statuses), earlier, root.path, statuses, by_id
    )
    lines = []
    for indicator in indicators:
        lines.append(
            Line(
                indicator,
                None,
                None,
                now.get((indicator.id, None)),
                previous.get((indicator.id, None)),
            )
        )
        if indicator.category_id:
            for option in indicator.category.options.all():
                key = (indicator.id, option.id)
                if key in now or key in previous:
                    lines.append(
                        Line(indicator, option.name, option.code, now.get(key), previous.get(key))
                    )
    return Consolidation(
        root=root,
        period_code=period_code,
        previous_code=previous_code,
        request=request,
        lines=lines,
        narrative=lambda: _narrative(root, period_code, request, counted, statuses),
        counted_submissions=_submissions(root, period_code, counted, statuses).count(),
        coverage=_coverage(root, counted, statuses),
        breakdown=lambda: breakdown.per_unit(current, by_id),
        provenance=lambda: breakdown.sources(current, by_id),
        paged=lambda number, size: breakdown.page(
            _submissions(root, period_code, counted, statuses),
            lambda paths: _values_at(paths, period_code, counted, statuses),
            by_id,
            number,
            size,
        ),
        register_figures=lambda: register_check.figures(
            root,
            period_code,
            request,
            indicators,
            lambda: counted,
        ),
    )


def _values_at(paths: set[str], period_code: str, counted: list[int], statuses):
    return DataValue.objects.filter(
        period__code=period_code,
        unit_path__in=paths,
        submission__status__in=statuses,
        submission__assignment__request_id__in=counted,
    )


def _submissions(root: OrgUnit, period_code: str, counted: list[int], statuses):
    """The submissions counted, with figures or not (a report may be text alone)."""
    submissions = Submission.objects.filter(
        assignment__unit_path__startswith=root.path,
        assignment__request__period__code=period_code,
        status__in=statuses,
        assignment__request_id__in=counted,
    )
    return submissions


def _narrative(
    root: OrgUnit, period_code: str, request: ReportRequest | None, counted: list[int], statuses
) -> list[Section]:
    revisions = Revision.objects.filter(
        submission__assignment__unit_path__startswith=root.path,
        submission__assignment__request__period__code=period_code,
        submission__status__in=statuses,
        submission__assignment__request_id__in=counted,
    )
    return narrative.gather(revisions, request, counted)


def _coverage(root: OrgUnit, counted: list[int], statuses) -> Coverage:
    """A unit asked by two counted requests is one unit: it has reported when either counts."""
    rows = (
        Assignment.objects.filter(
            unit_path__startswith=root.path,
            request_id__in=counted,
        )
        .order_by("unit_path", "unit_name")
        .values_list("unit_id", "unit_name", "submission__status")
    )
    units: dict[int, tuple[str, set[str]]] = {}
    for unit_id, name, status in rows:
        units.setdefault(unit_id, (name, set()))[1].add(status)
    return Coverage(
        assigned=len(units),
        reported=sum(1 for _, found in units.values() if found & set(statuses)),
        missing=[name for name, found in units.values() if not found & set(COUNTED)],
    )
