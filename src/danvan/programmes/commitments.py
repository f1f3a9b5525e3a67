"""The commitments (nhiệm vụ phối hợp) of a plan: create, edit, delete. A commitment is led by
one of the plan's parties, with other parties as partners; its due date or period lies within
the plan's validity."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from danvan.audit.services import record_event
from danvan.indicators.models import Indicator
from danvan.reporting.periods import InvalidPeriod, parse_period

from . import permissions as access
from .errors import ProgrammeError
from .models import ENDED_STATES, Commitment, ContentArea, Instrument, Party
from .services import _bump, _locked

MAX_TARGET = Decimal("999999999999.99")


def _d(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def normal_period(code: str) -> str:
    """The period code as the reporting cycle writes it ("2022s1" → "2022S1"); "" for none."""
    return parse_period(code).code if (code or "").strip() else ""


def check_commitment(
    plan: Instrument,
    *,
    content_area: ContentArea | None,
    content: str,
    lead: Party | None,
    partners: list[Party],
    target: Decimal | None,
    due_on: dt.date | None,
    period_code: str,
    deliverable: str = "",
    evidence_expected: str = "",
) -> dict[str, str]:
    """Field-by-field Vietnamese messages ({} when the commitment may be saved)."""
    fields: dict[str, str] = {}
    if content_area is None:
        fields["content_area"] = "Cần chọn lĩnh vực phối hợp."
    elif not content_area.active:
        fields["content_area"] = f"Lĩnh vực “{content_area}” không còn dùng."
    if not (content or "").strip():
        fields["content"] = "Cần ghi nội dung nhiệm vụ."
    elif len(content) > 4000:
        fields["content"] = "Nội dung nhiệm vụ quá dài (tối đa 4000 ký tự)."
    for name, value in (("deliverable", deliverable), ("evidence_expected", evidence_expected)):
        if len(value or "") > 4000:
            fields[name] = "Quá dài (tối đa 4000 ký tự)."
    if lead is None:
        fields["lead"] = "Cần chọn bên chủ trì thực hiện."
    elif lead.instrument_id != plan.pk or lead.replaced_by_id:
        fields["lead"] = "Bên chủ trì phải là một bên (hiện tại) của kế hoạch."
    if any(p.instrument_id != plan.pk or p.replaced_by_id for p in partners):
        fields["partners"] = "Bên phối hợp phải là các bên (hiện tại) của kế hoạch."
    elif lead is not None and any(p.pk == lead.pk for p in partners):
        fields["partners"] = "Bên chủ trì không đồng thời là bên phối hợp."
    if target is not None and (target < 0 or target > MAX_TARGET):
        fields["target"] = "Chỉ tiêu phải là số không âm, nhỏ hơn một nghìn tỷ."
    if due_on is not None:
        if plan.valid_from and due_on < plan.valid_from:
            fields["due_on"] = (
                f"Hạn hoàn thành trước ngày kế hoạch có hiệu lực ({_d(plan.valid_from)})."
            )
        elif plan.valid_to and due_on > plan.valid_to:
            fields["due_on"] = (
                f"Hạn hoàn thành sau ngày kế hoạch hết hiệu lực ({_d(plan.valid_to)})."
            )
    if period_code:
        try:
            spec = parse_period(period_code)
        except InvalidPeriod as exc:
            fields["period_code"] = str(exc)
        else:
            outside = (plan.valid_from and spec.end < plan.valid_from) or (
                plan.valid_to and spec.start > plan.valid_to
            )
            if outside:
                fields["period_code"] = f"Kỳ {spec.name} nằm ngoài thời gian hiệu lực của kế hoạch."
    return fields


def _plan_open(plan: Instrument) -> None:
    if not plan.is_plan:
        raise ProgrammeError(
            "Nhiệm vụ phối hợp thuộc một kế hoạch; hãy tạo kế hoạch năm, 6 tháng hoặc chuyên đề "
            "dưới chương trình này."
        )
    if plan.state in ENDED_STATES:
        raise ProgrammeError(f"{plan} đã {plan.get_state_display().lower()}: không sửa nhiệm vụ.")


def _snapshot(c: Commitment) -> dict:
    return {
        "plan": c.plan_id,
        "content_area": c.content_area_id,
        "content": c.content,
        "lead": c.lead_id,
        "partners": sorted(p.pk for p in c.partners.all()) if c.pk else [],
        "deliverable": c.deliverable,
        "indicator": c.indicator_id,
        "target": str(c.target) if c.target is not None else None,
        "due_on": c.due_on.isoformat() if c.due_on else None,
        "period_code": c.period_code,
        "evidence_expected": c.evidence_expected,
        "order": c.order,
    }


def create_commitment(
    actor,
    plan: Instrument,
    *,
    version: int,
    content_area: ContentArea | None,
    content: str,
    lead: Party | None,
    partners: list[Party] | None = None,
    deliverable: str = "",
    indicator: Indicator | None = None,
    target: Decimal | None = None,
    due_on: dt.date | None = None,
    period_code: str = "",
    evidence_expected: str = "",
    order: int | None = None,
) -> Commitment:
    access.require_manage(actor, plan)
    _plan_open(plan)
    partners = list(partners or [])
    fields = check_commitment(
        plan,
        content_area=content_area,
        content=content,
        lead=lead,
        partners=partners,
        target=target,
        due_on=due_on,
        period_code=period_code,
        deliverable=deliverable,
        evidence_expected=evidence_expected,
    )
    if fields:
        raise ProgrammeError(fields=fields)
    with transaction.atomic():
        current = _locked(plan, version)
        commitment = Commitment.objects.create(
            plan=current,
            content_area=content_area,
            content=content.strip(),
            lead=lead,
            deliverable=deliverable.strip(),
            indicator=indicator,
            target=target,
            due_on=due_on,
            period_code=normal_period(period_code),
            evidence_expected=evidence_expected.strip(),
            order=order if order is not None else current.commitments.count() + 1,
        )
        commitment.partners.set(partners)
        _bump(current)
        record_event(
            actor,
            "programmes.commitment.create",
            "Commitment",
            commitment.pk,
            summary=f"{current}: {commitment}",
            after=_snapshot(commitment),
        )
    return commitment


def update_commitment(actor, commitment: Commitment, *, version: int, **fields) -> Commitment:
    """Edit any of create_commitment's keyword fields."""
    plan = commitment.plan
    access.require_manage(actor, plan)
    _plan_open(plan)
    names = {
        "content_area",
        "content",
        "lead",
        "partners",
        "deliverable",
        "indicator",
        "target",
        "due_on",
        "period_code",
        "evidence_expected",
        "order",
    }
    if set(fields) - names:
        raise TypeError(f"not editable: {sorted(set(fields) - names)}")
    values = {name: getattr(commitment, name) for name in names - {"partners"}}
    values["partners"] = list(commitment.partners.all())
    values.update(fields)
    problems = check_commitment(
        plan,
        **{k: values[k] for k in names - {"indicator", "order"}},
    )
    if problems:
        raise ProgrammeError(fields=problems)
    with transaction.atomic():
        current = _locked(plan, version)
        before = _snapshot(commitment)
        for name in names - {"partners"}:
            setattr(commitment, name, values[name])
        commitment.period_code = normal_period(commitment.period_code)
        commitment.content = commitment.content.strip()
        commitment.save()
        commitment.partners.set(values["partners"])
        _bump(current)
        record_event(
            actor,
            "programmes.commitment.update",
            "Commitment",
            commitment.pk,
            summary=f"{current}: {commitment}",
            before=before,
            after=_snapshot(commitment),
        )
    return commitment


def delete_commitment(actor, commitment: Commitment, *, version: int) -> None:
    """A commitment nobody has reported on yet."""
    plan = commitment.plan
    access.require_manage(actor, plan)
    _plan_open(plan)
    with transaction.atomic():
        current = _locked(plan, version)
        if commitment.progress.exists():
            raise ProgrammeError("Không xóa được: nhiệm vụ đã có báo cáo tiến độ.")
        record_event(
            actor,
            "programmes.commitment.delete",
            "Commitment",
            commitment.pk,
            summary=f"{current}: {commitment}",
            before=_snapshot(commitment),
        )
        commitment.delete()
        _bump(current)
