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

from .. import lifecycle
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


def assess(
    *,
    actor,
    entry: Entry,
    assessed_on: dt.date,
    conclusion: str,
    checklist: list[int],
    assessor_unit: OrgUnit,
    note: str = "",
) -> Assessment:
    permissions.require(actor, ASSESS, entry.owner_unit)
    permissions.require(actor, ASSESS, assessor_unit)
    if conclusion not in Conclusion.values:
        raise TransitionRefused("Chọn kết luận đánh giá.")
    _check_day(assessed_on)
    criteria = criteria_for(entry, assessed_on)
    if criteria is None:
        raise TransitionRefused(f"Chưa có bộ tiêu chí áp dụng vào ngày {assessed_on:%d/%m/%Y}.")
    count = len(criteria.criteria)
    if any(not isinstance(i, int) or i < 0 or i >= count for i in checklist):
        raise TransitionRefused("Tiêu chí đánh dấu không thuộc bộ tiêu chí đang áp dụng.")
    if has_surrogates(note) or len(note) > 2000:
        raise TransitionRefused("Nhận xét có ký tự không hợp lệ hoặc quá dài.")
    target = lifecycle.after_assessment(entry.status, conclusion)
    with transaction.atomic():
        assessment = Assessment.objects.create(
            entry=entry,
            assessed_on=assessed_on,
            criteria_set=criteria,
            checklist=sorted(set(checklist)),
            conclusion=conclusion,
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
                note=f"Kết luận đánh giá: {Conclusion(conclusion).label}",
            )
        record_event(
            actor,
            "exemplars.assess",
            "Entry",
            entry.pk,
            summary=f"{entry.name[:150]}: {Conclusion(conclusion).label}",
            after={
                "assessment": assessment.pk,
                "conclusion": conclusion,
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
    permissions.require(actor, RECOGNISE, entry.owner_unit)
    permissions.require(actor, RECOGNISE, by_unit)
    if level not in Level.values:
        raise TransitionRefused("Chọn cấp công nhận.")
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
