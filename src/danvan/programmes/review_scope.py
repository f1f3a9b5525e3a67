"""Which plans, commitments and parties a review covers (reads shared by the review's services
and selectors)."""

from __future__ import annotations

from django.db.models import Q

from danvan.orgs.models import OrgUnit
from danvan.reporting.errors import NotFound
from danvan.reporting.models import Assignment
from danvan.reporting.periods import parse_period
from danvan.vn.numbers import MAX_WHOLE

from .models import Commitment, Instrument, InstrumentState, Party, Review


def plans_of(instruments: list[Instrument], period_code: str) -> list[Instrument]:
    """The plans a review of `instruments` covers: each instrument that is itself a plan, and
    the signed plans under the others whose validity overlaps the period."""
    spec = parse_period(period_code)
    plans = [i for i in instruments if i.is_plan]
    parents = [i.pk for i in instruments if not i.is_plan]
    if parents:
        plans += list(
            Instrument.objects.filter(parent_id__in=parents)
            .exclude(state__in=[InstrumentState.DU_THAO, InstrumentState.TRINH_XIN_CHU_TRUONG])
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=spec.end))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=spec.start))
            .order_by("valid_from", "pk")
        )
    return plans


def in_period(commitment_period: str, period_code: str) -> bool:
    """A commitment of no period, of the review's period, or of its whole year is reported."""
    return commitment_period in ("", period_code, period_code[:4]) or (
        len(period_code) == 4 and commitment_period.startswith(period_code)
    )


def commitments_of(instruments: list[Instrument], period_code: str) -> list[Commitment]:
    plans = plans_of(instruments, period_code)
    rows = (
        Commitment.objects.filter(plan__in=plans)
        .select_related("content_area", "indicator", "lead__unit", "plan")
        .prefetch_related("partners__unit")
        .order_by("content_area__order", "plan_id", "order", "pk")
    )
    return [c for c in rows if in_period(c.period_code, period_code)]


def parties_of(instruments: list[Instrument], period_code: str):
    """The parties of the instruments and of their plans for the period, but the thường trực
    board's (which issues the review), in the instruments' party order."""
    owners = {i.owner_id for i in instruments}
    covered = [*instruments, *plans_of(instruments, period_code)]
    return (
        Party.objects.filter(instrument__in=covered)
        .exclude(unit_id__in=owners)
        .select_related("unit")
        .order_by("instrument_id", "order", "pk")
    )


def reporting_units(instruments: list[Instrument], period_code: str) -> list[OrgUnit]:
    """Every party's unit but the board's, once each."""
    return list({p.unit_id: p.unit for p in parties_of(instruments, period_code)}.values())


def assignment(assignment_id) -> Assignment:
    try:
        number = int(assignment_id)
    except (TypeError, ValueError):
        number = 0
    found = (
        Assignment.objects.select_related(
            "request__period", "request__issuer", "request__template", "submission", "unit"
        )
        .filter(pk=number if 0 < number <= MAX_WHOLE else 0)
        .first()
    )
    if found is None:
        raise NotFound("Không tìm thấy báo cáo.")
    return found


def reviews_of(request_id: int) -> list[Review]:
    return list(
        Review.objects.filter(report_request_id=request_id)
        .select_related("instrument__owner")
        .order_by("instrument_id")
    )


def unit_commitments(assignment: Assignment) -> list[tuple[Commitment, Review, Party]]:
    """The commitments the assignment's unit leads or joins in the reviews its report answers,
    each with the review and the unit's party on it (lead first)."""
    result = []
    for review in reviews_of(assignment.request_id):
        for commitment in commitments_of([review.instrument], review.period_code):
            party = None
            if commitment.lead.unit_id == assignment.unit_id:
                party = commitment.lead
            else:
                party = next(
                    (p for p in commitment.partners.all() if p.unit_id == assignment.unit_id),
                    None,
                )
            if party is not None:
                result.append((commitment, review, party))
    return result
