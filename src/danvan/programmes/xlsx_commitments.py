"""Commitments to and from XLSX (see xlsx.py for the layout of both sheets)."""

from __future__ import annotations

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.indicators.models import Indicator
from danvan.registers import sheets
from danvan.registers.sheets import Column, date_cell, number, text
from danvan.vn.text import fold

from . import commitments
from . import permissions as access
from .errors import ProgrammeError
from .models import Commitment, ContentArea, Instrument
from .xlsx import INSTRUMENTS, _codes, _find_plan

COMMITMENTS = (
    Column(
        "id",
        "Mã nhiệm vụ",
        number(whole=True, minimum=1),
        required=False,
        help="Để trống khi thêm nhiệm vụ mới; giữ nguyên khi sửa nhiệm vụ đã xuất",
    ),
    Column("plan", "Kế hoạch (số ký hiệu)", text(120), example="15-KH/BDVTU-CAT"),
    Column(
        "content_area",
        "Lĩnh vực",
        text(200),
        help="Tên hoặc mã lĩnh vực phối hợp",
        example="Tuyên truyền, vận động Nhân dân",
    ),
    Column("content", "Nội dung nhiệm vụ", text(4000), width=50),
    Column("lead", "Bên chủ trì (mã đơn vị)", text(40), example="DN-CATP"),
    Column(
        "partners",
        "Bên phối hợp (mã đơn vị)",
        text(1000),
        required=False,
        help="Cách nhau dấu chấm phẩy",
    ),
    Column("deliverable", "Sản phẩm", text(4000), required=False),
    Column("indicator", "Mã chỉ tiêu", text(60), required=False),
    Column("target", "Chỉ tiêu", number(), required=False),
    Column("due_on", "Hạn hoàn thành", date_cell, required=False),
    Column("period_code", "Kỳ", text(10), required=False, example="2022S1"),
    Column("evidence_expected", "Minh chứng cần có", text(4000), required=False),
)


def export_commitments(user) -> bytes:
    rows = []
    for plan in (
        access.visible_instruments(user)
        .filter(commitments__isnull=False)
        .distinct()
        .order_by("signed_on", "pk")
    ):
        for c in (
            access.visible_commitments(user, plan)
            .select_related("content_area", "lead__unit", "indicator")
            .prefetch_related("partners__unit")
            .order_by("order", "pk")
        ):
            rows.append(
                {
                    "id": c.pk,
                    "plan": plan.symbol,
                    "content_area": c.content_area.name,
                    "content": c.content,
                    "lead": c.lead.unit.code,
                    "partners": "; ".join(p.unit.code for p in c.partners.all()),
                    "deliverable": c.deliverable,
                    "indicator": c.indicator.code if c.indicator else "",
                    "target": c.target,
                    "due_on": c.due_on,
                    "period_code": c.period_code,
                    "evidence_expected": c.evidence_expected,
                }
            )
    return sheets.write(COMMITMENTS, rows, title="Nhiệm vụ phối hợp")


def _resolve_commitment(user, row: dict) -> tuple[dict, list[str]]:
    """The row's references as objects (plan, area, parties, indicator) and its problems."""
    problems: list[str] = []
    plan, message = _find_plan(user, row["plan"])
    if plan is None:
        return {}, [f"cột “Kế hoạch”: {message}"]
    if not access.can_manage(user, plan):
        return {}, [f"cột “Kế hoạch”: bạn không quản lý {plan}."]
    if not plan.is_plan:
        return {}, [f"cột “Kế hoạch”: {plan} không phải là kế hoạch."]
    areas = {a.code: a for a in ContentArea.objects.all()}
    by_name = {fold(a.name): a for a in areas.values()}
    area = areas.get(row["content_area"]) or by_name.get(fold(row["content_area"]))
    if area is None:
        problems.append(f"cột “Lĩnh vực”: không có lĩnh vực “{row['content_area'][:60]}”.")
    current = {
        p.unit.code: p for p in plan.parties.filter(replaced_by__isnull=True).select_related("unit")
    }
    lead = current.get(row["lead"])
    if lead is None:
        problems.append(f"cột “Bên chủ trì”: “{row['lead']}” không phải là một bên của {plan}.")
    partners = []
    for code in _codes(row.get("partners") or ""):
        if code not in current:
            problems.append(f"cột “Bên phối hợp”: “{code}” không phải là một bên của {plan}.")
        else:
            partners.append(current[code])
    indicator = None
    if row.get("indicator"):
        indicator = Indicator.objects.filter(code=row["indicator"]).first()
        if indicator is None:
            problems.append(f"cột “Mã chỉ tiêu”: không có chỉ tiêu mã “{row['indicator']}”.")
    existing = None
    if row.get("id") is not None:
        existing = Commitment.objects.filter(
            pk=int(row["id"]) if row["id"] < 2**62 else 0, plan=plan
        ).first()
        if existing is None:
            problems.append(f"cột “Mã nhiệm vụ”: {plan} không có nhiệm vụ mã {row['id']}.")
    values = {
        "content_area": area,
        "content": row["content"],
        "lead": lead,
        "partners": partners,
        "deliverable": row.get("deliverable") or "",
        "target": row.get("target"),
        "due_on": row.get("due_on"),
        "period_code": row.get("period_code") or "",
        "evidence_expected": row.get("evidence_expected") or "",
    }
    if not problems:
        fields = commitments.check_commitment(plan, **values)
        problems += list(fields.values())
    return {
        "plan": plan,
        "existing": existing,
        "values": values | {"indicator": indicator},
    }, problems


def import_commitments(user, data: bytes) -> int:
    permissions.require(user, access.MANAGE)
    resolved: dict[int, dict] = {}

    def check(number_: int, row: dict) -> list[str]:
        found, problems = _resolve_commitment(user, row)
        resolved[number_] = found
        return problems

    rows = sheets.read(data, COMMITMENTS, check_row=check)
    with transaction.atomic():
        for row in rows:
            found = resolved[row["_row"]]
            plan = Instrument.objects.get(pk=found["plan"].pk)
            try:
                if found["existing"] is not None:
                    commitments.update_commitment(
                        user, found["existing"], version=plan.version, **found["values"]
                    )
                else:
                    commitments.create_commitment(
                        user, plan, version=plan.version, **found["values"]
                    )
            except ProgrammeError as exc:
                raise sheets.SheetRejected(
                    [f"Dòng {row['_row']}: {m}" for m in exc.messages]
                ) from None
        record_event(
            user,
            "programmes.import",
            "Commitment",
            summary=f"Nhập {len(rows)} nhiệm vụ phối hợp từ bảng tính",
        )
    return len(rows)


SHEETS = {
    "van-ban": (INSTRUMENTS, "Văn bản phối hợp"),
    "nhiem-vu": (COMMITMENTS, "Nhiệm vụ phối hợp"),
}
