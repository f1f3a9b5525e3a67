"""Follow-up that the Đà Nẵng sample asks for (reads): for a programme, the commitments of the
current period by status and content area, each party's reporting timeliness over the
programme's life, the overdue commitments and the next review date; for a partner's staff,
their own commitments with due dates (the register's inbox items)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from danvan.accounts import permissions
from danvan.reporting.deadlines import effective_deadline
from danvan.reporting.models import Assignment, SubmissionStatus

from . import review_scope as scope
from .models import (
    Commitment,
    Instrument,
    InstrumentState,
    Progress,
    ProgressStatus,
    Review,
)

UNSIGNED = [InstrumentState.DU_THAO, InstrumentState.TRINH_XIN_CHU_TRUONG]
DONE = {ProgressStatus.HOAN_THANH, ProgressStatus.HUY}
NOT_REPORTED = "chua_bao_cao"
STATUS_COLUMNS = [(NOT_REPORTED, "Chưa có báo cáo được tiếp nhận"), *ProgressStatus.choices]
INBOX_AHEAD = dt.timedelta(days=45)


def half_year_of(day: dt.date) -> str:
    return f"{day.year}S{1 if day.month <= 6 else 2}"


def next_half(code: str) -> str:
    year, half = int(code[:4]), code[4:]
    if half == "S1":
        return f"{year}S2"
    return f"{year + 1}S1" if half == "S2" else str(year + 1)


def latest_accepted(commitments) -> dict[int, Progress]:
    """Each commitment's status as the accepted answers give it: the row of its latest review,
    the lead party's first."""
    rows = (
        Progress.objects.filter(commitment__in=commitments, accepted=True)
        .select_related("party__unit", "reported_by", "review", "commitment")
        .order_by("commitment_id", "-review__period_code", "-review_id")
    )
    result: dict[int, Progress] = {}
    for row in rows:
        best = result.get(row.commitment_id)
        is_lead = row.party_id == row.commitment.lead_id
        if best is None or (
            best.review_id == row.review_id and is_lead and best.party_id != row.party_id
        ):
            result[row.commitment_id] = row
    return result


@dataclass
class AreaRow:
    area: str
    counts: list[int]
    total: int


@dataclass
class Timeliness:
    party: str
    on_time: int = 0
    late: int = 0
    missing: int = 0
    history: list[str] = field(default_factory=list)


@dataclass
class Followup:
    period_code: str
    columns: list[str]
    areas: list[AreaRow]
    timeliness: list[Timeliness]
    overdue: list[tuple[Commitment, str]]
    next_review: str
    reviews: list[Review]


def _status_matrix(commitments, states) -> list[AreaRow]:
    keys = [key for key, _ in STATUS_COLUMNS]
    rows: dict[str, list[int]] = {}
    for commitment in commitments:
        state = states.get(commitment.pk)
        key = state.status if state else NOT_REPORTED
        counts = rows.setdefault(commitment.content_area.name, [0] * len(keys))
        counts[keys.index(key)] += 1
    return [AreaRow(area, counts, sum(counts)) for area, counts in rows.items()]


def _timeliness(instrument: Instrument, reviews: list[Review], today: dt.date) -> list[Timeliness]:
    by_unit: dict[int, Timeliness] = {}
    for party in instrument.parties.select_related("unit").order_by("order", "pk"):
        if party.unit_id != instrument.owner_id:
            by_unit.setdefault(party.unit_id, Timeliness(party.unit.short_name or party.unit.name))
    request_ids = {r.report_request_id for r in reviews if r.report_request_id}
    assignments = (
        Assignment.objects.filter(request_id__in=request_ids, unit_id__in=by_unit)
        .select_related("request__period", "submission")
        .order_by("request__period__start")
    )
    for assignment in assignments:
        line = by_unit[assignment.unit_id]
        last_day = effective_deadline(assignment.request)
        first = assignment.submission.first_submitted_at
        period = assignment.request.period.name
        if first is None:
            if last_day < today:
                line.missing += 1
                line.history.append(f"{period}: chưa báo cáo")
            continue
        day = timezone.localtime(first).date()
        if day <= last_day:
            line.on_time += 1
            line.history.append(f"{period}: đúng hạn ({day:%d/%m/%Y})")
        else:
            line.late += 1
            line.history.append(f"{period}: chậm {(day - last_day).days} ngày ({day:%d/%m/%Y})")
    return list(by_unit.values())


def _next_review(reviews: list[Review], today: dt.date, current: str) -> str:
    open_deadlines = sorted(
        r.report_request.deadline
        for r in reviews
        if r.report_request_id and r.report_request.deadline >= today
    )
    if open_deadlines:
        return f"hạn báo cáo {open_deadlines[0]:%d/%m/%Y}"
    if reviews:
        last = max(reviews, key=lambda r: r.period_code)
        code = next_half(last.period_code)
        if code < current:
            code = current
        return f"kỳ {code} (chưa ban hành yêu cầu báo cáo)"
    return f"kỳ {current} (chưa ban hành yêu cầu báo cáo)"


def programme_followup(instrument: Instrument, today: dt.date) -> Followup:
    """`instrument`: a programme (or a plan) the caller may already see."""
    reviews = list(
        Review.objects.filter(instrument=instrument)
        .select_related("report_request__period")
        .order_by("period_code")
    )
    current = half_year_of(today)
    commitments = scope.commitments_of([instrument], current)
    if not commitments and reviews:
        # A programme with no plan this half-year (ended, or not planned yet): its last review.
        current = reviews[-1].period_code
        commitments = scope.commitments_of([instrument], current)
    states = latest_accepted(commitments)
    overdue = []
    for commitment in commitments:
        state = states.get(commitment.pk)
        if (
            commitment.due_on
            and commitment.due_on < today
            and (not state or state.status not in DONE)
        ):
            label = state.get_status_display() if state else "chưa có báo cáo được tiếp nhận"
            overdue.append((commitment, label))
    return Followup(
        period_code=current,
        columns=[label for _, label in STATUS_COLUMNS],
        areas=_status_matrix(commitments, states),
        timeliness=_timeliness(instrument, reviews, today),
        overdue=overdue,
        next_review=_next_review(reviews, today, half_year_of(today)),
        reviews=reviews,
    )


# The partners' inbox ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    due: dt.date | None
    overdue: bool
    note: str = ""


def in_force_on(day: dt.date) -> Q:
    """Commitments of plans signed and in force on `day` (their state is today's, so a plan
    of 2022 looked at as of 2022 is taken by its dates)."""
    return (
        Q(plan__signed_on__isnull=False, plan__signed_on__lte=day)
        & ~Q(plan__state__in=UNSIGNED)
        & (Q(plan__valid_to__isnull=True) | Q(plan__valid_to__gte=day))
    )


def _my_commitments(user, today: dt.date):
    units = permissions.units_in_scope(user, "reporting.submit")
    return (
        Commitment.objects.filter(
            Q(lead__unit__in=units) | Q(partners__unit__in=units),
            in_force_on(today),
            due_on__isnull=False,
        )
        .select_related("plan", "lead__unit")
        .distinct()
    )


def inbox_commitments(user, today: dt.date) -> list[Item]:
    """The user's units' commitments due within 45 days or overdue and not done, and the open
    reviews whose progress they have not entered."""
    if not permissions.acts_anywhere(user, "reporting.submit"):
        return []
    commitments = list(_my_commitments(user, today).filter(due_on__lte=today + INBOX_AHEAD))
    states = latest_accepted(commitments)
    items = []
    for commitment in commitments:
        state = states.get(commitment.pk)
        if state and state.status in DONE:
            continue
        items.append(
            Item(
                f"Nhiệm vụ phối hợp: {commitment.content[:90]}",
                _open_progress_url(user, commitment) or reverse("programmes:reviews"),
                commitment.due_on,
                commitment.due_on < today,
                f"{commitment.plan.symbol or commitment.plan.title[:40]}; chủ trì: "
                f"{commitment.lead.unit.short_name or commitment.lead.unit.name}",
            )
        )
    return items


def _open_progress_url(user, commitment: Commitment) -> str:
    units = permissions.units_in_scope(user, "reporting.submit")
    assignment = (
        Assignment.objects.filter(
            unit__in=units,
            request__programme_reviews__instrument__in=[
                commitment.plan_id,
                commitment.plan.parent_id,
            ],
            submission__status__in=[SubmissionStatus.DRAFT, SubmissionStatus.RETURNED],
        )
        .order_by("-request__deadline")
        .first()
    )
    return reverse("programmes:review_progress", args=[assignment.pk]) if assignment else ""


def overdue_count(user, today: dt.date) -> int | None:
    """Overdue, undone commitments of the programmes the user's board keeps (None: not a
    coordinator anywhere)."""
    if not permissions.acts_anywhere(user, "reporting.issue"):
        return None
    owners = permissions.units_in_scope(user, "reporting.issue")
    commitments = list(
        Commitment.objects.filter(in_force_on(today), plan__owner__in=owners, due_on__lt=today)
    )
    states = latest_accepted(commitments)
    return sum(1 for c in commitments if not states.get(c.pk) or states[c.pk].status not in DONE)
