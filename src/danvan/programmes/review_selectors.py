"""Reads of programme reviews: who may see a review, its progress form for one party, and the
facts of its joint report (answers by part and group, lateness, commitments, figures)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Max, Min, Sum
from django.utils import timezone

from danvan.accounts import permissions
from danvan.consolidation.selectors import plain
from danvan.indicators.models import Aggregation
from danvan.issuing.selectors import unit_as_of
from danvan.reporting import selectors as reporting_selectors
from danvan.reporting.deadlines import effective_deadline
from danvan.reporting.errors import NotFound
from danvan.reporting.models import DataValue, ReportRequest, SubmissionStatus
from danvan.reporting.outline import flat_sections
from danvan.vn.formatting import format_number, format_short_date

from . import followup
from . import review_scope as scope
from .models import Commitment, Progress, ProgressStatus
from .review_facts import Answer, CommitmentLine, Group, JointReview, ProgressLine
from .review_template import STRENGTHS, part_of, period_words

COUNTED = {SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED}


def review_request(user, request_id) -> ReportRequest:
    """A request some review answers, for a coordinator, leader or viewer of its board."""
    try:
        number = int(request_id)
    except (TypeError, ValueError):
        number = 0
    request = (
        ReportRequest.objects.select_related("issuer__parent", "period", "template")
        .filter(pk=number if 0 < number < 2**62 else 0, programme_reviews__isnull=False)
        .distinct()
        .first()
    )
    if request is None:
        raise NotFound("Không tìm thấy kỳ sơ kết chương trình phối hợp.")
    permissions.require(user, "reporting.board", request.issuer)
    return request


def reviews_for(user):
    """The review requests of the boards the user coordinates, leads or views."""
    units = permissions.units_in_scope(user, "reporting.board")
    return (
        ReportRequest.objects.filter(programme_reviews__isnull=False, issuer__in=units)
        .select_related("period", "issuer")
        .distinct()
        .order_by("-period__start", "-pk")
    )


@dataclass
class ProgressRow:
    commitment: Commitment
    role: str
    progress: Progress | None
    evidence: str


def progress_rows(assignment) -> list[ProgressRow]:
    owned = scope.unit_commitments(assignment)
    saved = {
        (p.commitment_id, p.review_id, p.party_id): p
        for p in Progress.objects.filter(
            review__report_request_id=assignment.request_id, party__unit_id=assignment.unit_id
        ).prefetch_related("evidence")
    }
    rows = []
    for commitment, review, party in owned:
        progress = saved.get((commitment.pk, review.pk, party.pk))
        evidence = "\n".join(d.symbol for d in progress.evidence.all()) if progress else ""
        role = "Chủ trì" if party.pk == commitment.lead_id else "Phối hợp"
        rows.append(ProgressRow(commitment, role, progress, evidence))
    return rows


def progress_page(user, assignment_id):
    """The assignment (NotFound; ScopeDenied unless the user may see the unit's report)."""
    assignment = scope.assignment(assignment_id)
    if not scope.reviews_of(assignment.request_id):
        raise NotFound("Báo cáo này không thuộc kỳ sơ kết chương trình phối hợp nào.")
    permissions.require(user, "reporting.view", assignment.unit)
    return assignment


# The joint report's facts ------------------------------------------------------------------


# Abbreviations of short names spelled out in running text ("UBND thành phố").
SPELLED = {"UBND ": "Ủy ban nhân dân ", "BCH ": "Bộ Chỉ huy ", "MTTQ ": "Mặt trận Tổ quốc "}


def spelled(name: str) -> str:
    for short, full in SPELLED.items():
        if name.startswith(short):
            return full + name[len(short) :]
    return name


def _name(unit, day: dt.date) -> tuple[str, str]:
    unit = unit_as_of(unit, day)
    return spelled(unit.short_name or unit.name), unit.name


def _texts(sections: list[dict], texts: dict[str, str]) -> dict[str, list[str]]:
    by_part: dict[str, list[str]] = {}
    for section in flat_sections(sections):
        text = (texts.get(section["key"]) or "").strip()
        if not text:
            continue
        part = part_of(section["key"])
        if part == "III":
            part = "III-uu-diem" if section["key"] == STRENGTHS else "III-han-che"
        by_part.setdefault(part, []).append(text)
    if (texts.get("khac") or "").strip():
        by_part.setdefault("II", []).append(texts["khac"].strip())
    return by_part


def _progress_lines(request_id: int, unit_id: int) -> list[ProgressLine]:
    rows = (
        Progress.objects.filter(review__report_request_id=request_id, party__unit_id=unit_id)
        .select_related("commitment__indicator")
        .order_by("commitment__content_area__order", "commitment__order", "commitment_id")
    )
    return [
        ProgressLine(
            row.commitment.content,
            row.status,
            row.get_status_display(),
            row.value,
            row.commitment.target,
            row.commitment.indicator.unit_of_measure if row.commitment.indicator_id else "",
            row.narrative,
            row.accepted,
        )
        for row in rows
    ]


def _figures(request: ReportRequest) -> list[list[str]]:
    """The figures of the request's answers (submitted or accepted), each indicator added up by
    its catalogue rule as every consolidation does, whatever tree the parties are in."""
    rows = (
        DataValue.objects.filter(
            submission__assignment__request=request, submission__status__in=COUNTED
        )
        .values("indicator_id", "option_id")
        .annotate(
            total=Sum("value"), average=Avg("value"), smallest=Min("value"), largest=Max("value")
        )
    )
    pick = {
        Aggregation.SUM: "total",
        Aggregation.LAST: "total",
        Aggregation.AVERAGE: "average",
        Aggregation.MIN: "smallest",
        Aggregation.MAX: "largest",
    }
    found = {(r["indicator_id"], r["option_id"]): r for r in rows}
    table = [["Chỉ tiêu", "Đơn vị tính", request.period.name]]
    for indicator in reporting_selectors.template_indicators(request.template):
        options = [(None, indicator.name)]
        if indicator.category_id:
            options += [(o.pk, f"- {o.name}") for o in indicator.category.options.all()]
        for option_id, label in options:
            row = found.get((indicator.pk, option_id))
            if row is None or row[pick[indicator.aggregation]] is None:
                continue
            value = plain(Decimal(row[pick[indicator.aggregation]]).quantize(Decimal("0.01")))
            table.append([label, indicator.unit_of_measure, format_number(value)])
    return table


def _central(reviews) -> list[str]:
    documents = {}
    for review in reviews:
        for document in review.instrument.based_on.order_by("date", "symbol"):
            documents[document.pk] = document
    lines = []
    for document in documents.values():
        when = f" ngày {format_short_date(document.date)}" if document.date else ""
        about = f" {document.title}" if document.title else ""
        lines.append(f"{document.kind or 'Văn bản'} số {document.symbol}{when}{about}")
    return lines


def answered_states(request: ReportRequest, commitments) -> dict[int, Progress]:
    """Each commitment's status for the joint report: this review's answers as sent (submitted
    or accepted, as every consolidation counts them, the lead party's first), else the latest
    accepted answer of an earlier review."""
    states = followup.latest_accepted(commitments)
    rows = Progress.objects.filter(
        review__report_request=request,
        submission__status__in=COUNTED,
        commitment__in=commitments,
    ).select_related("commitment")
    for row in rows:
        current = states.get(row.commitment_id)
        if (
            current is None
            or current.review_id != row.review_id
            or row.party_id == row.commitment.lead_id
        ):
            states[row.commitment_id] = row
    return states


def joint_review(user, request: ReportRequest, day: dt.date | None = None) -> JointReview:
    """Everything the joint report of `request` says (the caller checked the user's rights)."""
    day = day or request.period.end
    reviews = scope.reviews_of(request.pk)
    instruments = [r.instrument for r in reviews]
    period_code = request.period.code
    words, next_words = period_words(period_code)
    last_day = effective_deadline(request)
    parties = list(scope.parties_of(instruments, period_code))
    group_of: dict[int, str] = {}
    for party in parties:
        group_of.setdefault(party.unit_id, party.group or f"don-vi-{party.unit_id}")
    assignments = {
        a.unit_id: a
        for a in request.assignments.select_related("submission", "unit").order_by("unit_path")
    }
    answers: list[Answer] = []
    for unit_id in group_of:
        assignment = assignments.get(unit_id)
        party_unit = (
            assignment.unit if assignment else next(p.unit for p in parties if p.unit_id == unit_id)
        )
        name, full_name = _name(party_unit, day)
        reported, late, submitted_on, texts, status_label = False, False, None, {}, "Chưa được giao"
        if assignment is not None:
            submission = assignment.submission
            status_label = submission.get_status_display()
            first = submission.first_submitted_at
            if submission.status in COUNTED:
                reported = True
                texts = _texts(
                    request.template.sections,
                    reporting_selectors.current_content(submission).sections,
                )
            if first is not None:
                submitted_on = timezone.localtime(first).date()
                late = submitted_on > last_day
        answers.append(
            Answer(
                party_unit.code,
                name,
                full_name,
                group_of[unit_id],
                reported,
                late,
                submitted_on,
                status_label,
                texts,
                _progress_lines(request.pk, unit_id),
                assignment.pk if assignment else None,
            )
        )
    groups: dict[str, Group] = {}
    for answer in answers:
        groups.setdefault(answer.group, Group(answer.group, [])).answers.append(answer)
    commitments = scope.commitments_of(instruments, period_code)
    states = answered_states(request, commitments)
    counts: dict[str, int] = {}
    for commitment in commitments:
        state = states.get(commitment.pk)
        label = state.get_status_display() if state else "Chưa có báo cáo được tiếp nhận"
        counts[label] = counts.get(label, 0) + 1
    order = [label for _, label in ProgressStatus.choices]
    status_counts = sorted(
        counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99
    )
    overdue = [
        CommitmentLine(c.content, _name(c.lead.unit, day)[0], c.due_on)
        for c in commitments
        if c.due_on
        and c.due_on <= request.period.end
        and (states.get(c.pk) is None or states[c.pk].status not in followup.DONE)
    ]
    next_code = (
        followup.next_half(period_code) if len(period_code) > 4 else str(int(period_code) + 1)
    )
    upcoming = [
        CommitmentLine(c.content, _name(c.lead.unit, day)[0], c.due_on)
        for c in scope.commitments_of(instruments, next_code)
        if c.due_on and c.due_on > request.period.end
    ]
    board_name, _ = _name(request.issuer, day)
    partner_names = [a.full_name for a in answers]
    ranges = sorted(
        {
            f"{i.valid_from.year} - {i.valid_to.year}"
            for i in instruments
            if i.valid_from and i.valid_to
        }
    )
    programmes = (
        f"các Chương trình phối hợp công tác dân vận giữa {board_name} với "
        f"{_joined(partner_names)}" + (f" giai đoạn {', '.join(ranges)}" if ranges else "")
    )
    return JointReview(
        review_id=reviews[0].pk if reviews else 0,
        request_id=request.pk,
        board=request.issuer,
        board_name=board_name,
        period_code=period_code,
        period_words=words,
        next_words=next_words,
        deadline=request.deadline,
        programmes_phrase=programmes,
        central=_central(reviews),
        plan_count=len(scope.plans_of(instruments, period_code)),
        commitment_count=len(commitments),
        parties=answers,
        groups=list(groups.values()),
        status_counts=status_counts,
        overdue=overdue,
        upcoming=upcoming,
        figures=_figures(request),
    )


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"
