"""Assessments, recognitions, outputs, merging duplicates and the link to a coordination
programme's commitment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.vn.text import has_surrogates

from .. import authority, lifecycle, scoring
from ..lifecycle import TransitionRefused
from ..models import (
    Assessment,
    Conclusion,
    CriteriaSet,
    Entry,
    Level,
    Metric,
    Output,
    Recognition,
    RecognitionForm,
)
from ..permissions import ASSESS, RECOGNISE, REGISTER
from .entries import EntryInvalid, _check_day, _decision, _event


def criteria_for(entry: Entry, day: dt.date) -> CriteriaSet | None:
    """The criteria set in force for the entry's unit on `day`: a province's own set over the
    general one, the most specific and most recent first."""
    candidates = [
        c
        for c in CriteriaSet.objects.select_related("scope_unit").filter(valid_from__lte=day)
        if (c.valid_to is None or c.valid_to >= day)
        and (c.scope_unit is None or entry.owner_unit.path.startswith(c.scope_unit.path))
    ]
    candidates.sort(
        key=lambda c: (c.scope_unit.depth + 1 if c.scope_unit else 0, c.valid_from), reverse=True
    )
    return candidates[0] if candidates else None


def _scored(criteria, scores, conclusion: str, note: str) -> tuple[list, object, str, str]:
    """(scores as text, total, proposed conclusion, conclusion) for a scored set; a conclusion
    left empty takes the proposal, one that departs from it needs its reason in the note."""
    values, errors = scoring.check_scores(criteria, scores)
    if errors:
        raise EntryInvalid(errors)
    total = sum(values, Decimal(0))
    proposal = scoring.proposed(criteria, total)
    conclusion = conclusion or proposal
    if conclusion != proposal and not note.strip():
        top = scoring.as_text(scoring.max_total(criteria))
        raise EntryInvalid(
            {
                "note": f"Tổng điểm {scoring.as_text(total)}/{top} đề xuất kết luận "
                f"“{Conclusion(proposal).label}”; kết luận khác thì ghi lý do ở phần nhận xét."
            }
        )
    return [f"{v.normalize():f}" for v in values], total, proposal, conclusion


def assess(
    *,
    actor,
    entry: Entry,
    assessed_on: dt.date,
    conclusion: str,
    assessor_unit: OrgUnit,
    checklist: list[int] = (),
    scores: list | None = None,
    level: str = "",
    note: str = "",
) -> Assessment:
    """Record an assessment against the criteria set in force on `assessed_on`: the criteria
    met (a checklist set) or a score per criterion (a scored set, which proposes the
    conclusion from its threshold; an empty `conclusion` takes the proposal)."""
    if level and level not in Level.values:
        raise TransitionRefused("Cấp đánh giá không hợp lệ.")
    authority.require(actor, ASSESS, entry, level=level, day=assessed_on, unit=assessor_unit)
    if level == Level.DISTRICT and assessed_on >= dt.date(2025, 7, 1):
        raise TransitionRefused("Từ 01/7/2025 không còn cấp huyện; chọn cấp xã hoặc cấp tỉnh.")
    _check_day(assessed_on)
    criteria = criteria_for(entry, assessed_on)
    if criteria is None:
        raise TransitionRefused(f"Chưa có bộ tiêu chí áp dụng vào ngày {assessed_on:%d/%m/%Y}.")
    if has_surrogates(note) or len(note) > 2000:
        raise TransitionRefused("Nhận xét có ký tự không hợp lệ hoặc quá dài.")
    stored, total, proposal = [], None, ""
    if criteria.scored:
        stored, total, proposal, conclusion = _scored(criteria, scores, conclusion, note)
        checklist = []
    elif scores:
        raise TransitionRefused("Bộ tiêu chí đang áp dụng không chấm điểm; đánh dấu tiêu chí đạt.")
    if conclusion not in Conclusion.values:
        raise TransitionRefused("Chọn kết luận đánh giá.")
    count = len(criteria.criteria)
    checklist = list(checklist or [])
    if any(not isinstance(i, int) or i < 0 or i >= count for i in checklist):
        raise TransitionRefused("Tiêu chí đánh dấu không thuộc bộ tiêu chí đang áp dụng.")
    target = lifecycle.after_assessment(entry.status, conclusion)
    summary = Conclusion(conclusion).label
    if total is not None:
        summary += (
            f" (tổng điểm {scoring.as_text(total)}/{scoring.as_text(scoring.max_total(criteria))})"
        )
    with transaction.atomic():
        assessment = Assessment.objects.create(
            entry=entry,
            assessed_on=assessed_on,
            criteria_set=criteria,
            checklist=sorted(set(checklist)),
            scores=stored,
            total=total,
            proposed_conclusion=proposal,
            conclusion=conclusion,
            level=level,
            assessor_unit=assessor_unit,
            note=note,
            actor=actor if getattr(actor, "pk", None) else None,
        )
        if target != entry.status:
            _event(
                entry,
                actor=actor,
                target=target,
                at=assessed_on,
                by_unit=assessor_unit,
                level=level,
                note=f"Kết luận đánh giá: {summary}",
            )
        record_event(
            actor,
            "exemplars.assess",
            "Entry",
            entry.pk,
            summary=f"{entry.name[:150]}: {summary}",
            after={
                "assessment": assessment.pk,
                "conclusion": conclusion,
                "proposed": proposal,
                "scores": stored,
                "level": level,
                "on": assessed_on.isoformat(),
            },
        )
    return assessment


def recognise(
    *,
    actor,
    entry: Entry,
    level: str,
    form: str,
    decided_on: dt.date,
    decision_symbol: str,
    by_unit: OrgUnit,
    period_from: int | None = None,
    period_to: int | None = None,
) -> Recognition:
    if level not in Level.values:
        raise TransitionRefused("Chọn cấp công nhận.")
    authority.require(actor, RECOGNISE, entry, level=level, day=decided_on, unit=by_unit)
    if form not in RecognitionForm.values:
        raise TransitionRefused("Chọn hình thức công nhận, khen thưởng.")
    if level == Level.DISTRICT and decided_on >= dt.date(2025, 7, 1):
        raise TransitionRefused("Từ 01/7/2025 không còn cấp huyện; chọn cấp xã hoặc cấp tỉnh.")
    if period_from and period_to and period_to < period_from:
        raise TransitionRefused("Giai đoạn: năm kết thúc phải sau năm bắt đầu.")
    _check_day(decided_on)
    target = lifecycle.after_recognition(entry.status, form)
    with transaction.atomic():
        decision = _decision(actor, decision_symbol, decided_on, by_unit, required=True)
        recognition = Recognition.objects.create(
            entry=entry,
            level=level,
            form=form,
            decided_on=decided_on,
            decision=decision,
            period_from=period_from,
            period_to=period_to,
            by_unit=by_unit,
            actor=actor if getattr(actor, "pk", None) else None,
        )
        if target != entry.status:
            _event(
                entry,
                actor=actor,
                target=target,
                at=decided_on,
                by_unit=by_unit,
                level=level,
                decision=decision,
            )
        record_event(
            actor,
            "exemplars.recognise",
            "Entry",
            entry.pk,
            summary=f"{entry.name[:150]}: {RecognitionForm(form).label} ({Level(level).label})",
            after={"recognition": recognition.pk, "decision": decision.symbol},
        )
    return recognition


def add_output(
    *,
    actor,
    entry: Entry,
    metric: str,
    value,
    period_from: dt.date,
    period_to: dt.date,
    evidence: str,
) -> Output:
    permissions.require(actor, REGISTER, entry.owner_unit)
    errors = {}
    if metric not in Metric.values:
        errors["metric"] = "Chọn chỉ số đo."
    try:
        value = Decimal(str(value))
        if not value.is_finite() or value < 0 or value >= Decimal(10) ** 15:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors["value"] = "Giá trị phải là số không âm."
    if period_to < period_from:
        errors["period_to"] = "Ngày kết thúc kỳ phải sau ngày bắt đầu."
    if not evidence.strip() or has_surrogates(evidence) or len(evidence) > 2000:
        errors["evidence"] = "Cần ghi minh chứng (văn bản, biên bản, hình ảnh…), tối đa 2000 ký tự."
    if errors:
        raise EntryInvalid(errors)
    with transaction.atomic():
        output = Output.objects.create(
            entry=entry,
            metric=metric,
            value=value.quantize(Decimal("0.01")),
            period_from=period_from,
            period_to=period_to,
            evidence=evidence.strip(),
            actor=actor if getattr(actor, "pk", None) else None,
        )
        record_event(
            actor,
            "exemplars.output",
            "Entry",
            entry.pk,
            summary=f"{entry.name[:150]}: {Metric(metric).label} {value}",
            after={"output": output.pk},
        )
    return output


def merge(*, actor, keep: Entry, drop: Entry) -> Entry:
    """A person merges a duplicate into the entry that stays; the duplicate leaves the counts
    but keeps its history."""
    permissions.require(actor, RECOGNISE, keep.owner_unit)
    permissions.require(actor, RECOGNISE, drop.owner_unit)
    if keep.pk == drop.pk or keep.merged_into_id or drop.merged_into_id:
        raise TransitionRefused("Không gộp được: hai mục phải khác nhau và chưa gộp vào mục khác.")
    with transaction.atomic():
        drop.merged_into = keep
        drop.save(update_fields=["merged_into", "updated_at"])
        record_event(
            actor,
            "exemplars.merge",
            "Entry",
            drop.pk,
            summary=f"Gộp “{drop.name[:100]}” vào “{keep.name[:100]}”",
            after={"merged_into": keep.pk},
        )
    return keep


def link_commitment(*, actor, entry: Entry, commitment_id: int | None) -> Entry:
    """A model built jointly under a coordination programme points to its commitment (one the
    user may see in the programmes register); None removes the link."""
    from danvan.programmes import selectors as programmes
    from danvan.programmes.errors import NotFound

    permissions.require(actor, REGISTER, entry.owner_unit)
    commitment = None
    if commitment_id is not None:
        try:
            commitment = programmes.get_commitment(actor, commitment_id)
        except NotFound as exc:
            raise TransitionRefused(str(exc)) from None
    with transaction.atomic():
        before = entry.commitment_id
        entry.commitment = commitment
        entry.save(update_fields=["commitment", "updated_at"])
        record_event(
            actor,
            "exemplars.commitment",
            "Entry",
            entry.pk,
            summary=f"{entry.name[:150]}: nhiệm vụ phối hợp {commitment_id or '—'}",
            before={"commitment": before},
            after={"commitment": entry.commitment_id},
        )
    return entry
