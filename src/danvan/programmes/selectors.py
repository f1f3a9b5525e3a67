"""Reads of the programmes register, filtered by what the user may see (permissions.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from danvan.reporting import clock
from danvan.vn.text import fold

from . import chain
from . import permissions as access
from .errors import NotFound
from .models import PLAN_KINDS, Commitment, ContentArea, Instrument, Party
from .parties import SuccessorNotice, successor_notices

NOT_FOUND = "Không tìm thấy văn bản phối hợp này (hoặc bạn không có quyền xem)."


@dataclass(frozen=True)
class Filters:
    q: str = ""
    kind: str = ""
    state: str = ""
    year: int | None = None
    owner: int | None = None


def instruments(user, filters: Filters | None = None) -> QuerySet[Instrument]:
    """The list page's rows: what the user sees, newest signing first."""
    f = filters or Filters()
    rows = access.visible_instruments(user)
    if f.q.strip():
        rows = rows.filter(search_text__contains=fold(f.q.strip()))
    if f.kind:
        rows = rows.filter(kind=f.kind)
    if f.state:
        rows = rows.filter(state=f.state)
    if f.year:
        rows = rows.filter(
            Q(valid_from__year__lte=f.year) | Q(valid_from__isnull=True),
            Q(valid_to__year__gte=f.year) | Q(valid_to__isnull=True),
        )
    if f.owner:
        rows = rows.filter(owner_id=f.owner)
    return (
        rows.select_related("owner", "parent")
        .annotate(party_count=Count("parties", distinct=True))
        .order_by("-signed_on", "-id")
    )


def get_instrument(user, pk) -> Instrument:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NotFound(NOT_FOUND) from None
    if not 0 < pk < 2**63:
        raise NotFound(NOT_FOUND)
    instrument = (
        access.visible_instruments(user)
        .select_related("owner", "parent", "successor", "signed_file")
        .filter(pk=pk)
        .first()
    )
    if instrument is None:
        raise NotFound(NOT_FOUND)
    return instrument


def get_commitment(user, pk) -> Commitment:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NotFound("Không tìm thấy nhiệm vụ này.") from None
    commitment = (
        Commitment.objects.select_related("plan__owner").filter(pk=pk).first()
        if 0 < pk < 2**63
        else None
    )
    if (
        commitment is None
        or not access.visible_commitments(user, commitment.plan).filter(pk=pk).exists()
    ):
        raise NotFound("Không tìm thấy nhiệm vụ này (hoặc bạn không có quyền xem).")
    return commitment


def commitments(user, plan: Instrument) -> list[Commitment]:
    return list(
        access.visible_commitments(user, plan)
        .select_related("content_area", "lead__unit", "indicator")
        .prefetch_related(Prefetch("partners", queryset=Party.objects.select_related("unit")))
        .order_by("content_area__order", "order", "pk")
    )


@dataclass
class InstrumentPage:
    instrument: Instrument
    ancestors: list[Instrument]
    children: list[Instrument]
    predecessors: list[Instrument]
    parties: list[Party]
    commitments: list[Commitment]
    based_on: list
    notices: list[SuccessorNotice]
    warnings: list[str] = field(default_factory=list)
    is_board: bool = False
    can_manage: bool = False
    own_party_ids: set[int] = field(default_factory=set)


def instrument_page(user, pk, today: dt.date | None = None) -> InstrumentPage:
    instrument = get_instrument(user, pk)
    today = today or clock.today()
    visible = access.visible_instruments(user)
    ancestors, step, seen = [], instrument.parent, {instrument.pk}
    while step is not None and step.pk not in seen and len(ancestors) < 10:
        ancestors.insert(0, step)
        seen.add(step.pk)
        step = step.parent
    board = access.is_board(user, instrument)
    parties = list(instrument.parties.select_related("unit", "replaced_by__unit"))
    page = InstrumentPage(
        instrument=instrument,
        ancestors=ancestors,
        children=list(visible.filter(parent=instrument).order_by("valid_from", "pk")),
        predecessors=list(visible.filter(successor=instrument)),
        parties=parties,
        commitments=commitments(user, instrument) if instrument.is_plan else [],
        based_on=list(instrument.based_on.all()),
        notices=successor_notices(instrument, today),
        is_board=board,
        can_manage=access.can_manage(user, instrument),
        own_party_ids={p.pk for p in access.own_parties(user, instrument)},
    )
    page.warnings = warnings(instrument, parties, today)
    return page


def warnings(instrument: Instrument, parties: list[Party], today: dt.date) -> list[str]:
    """Things to look at that block nothing."""
    found = chain.symbol_warnings(instrument)
    codes = {c.upper() for c in chain.issuer_codes(instrument.symbol)}
    if codes:
        missing = [
            p.unit.name
            for p in parties
            if not p.replaced_by_id
            and p.unit.issuer_code
            and p.unit.issuer_code.upper() not in codes
        ]
        if missing:
            found.append(
                "Số ký hiệu không có ký hiệu của: "
                + ", ".join(missing)
                + " (kiểm tra lại các bên)."
            )
    if instrument.is_plan and instrument.parent_id is None:
        found.append("Kế hoạch chưa gắn với chương trình hoặc quy chế nào.")
    if instrument.state == "hieu_luc" and instrument.valid_to and instrument.valid_to < today:
        found.append(
            f"Văn bản đã quá ngày hết hiệu lực ({instrument.valid_to:%d/%m/%Y}) nhưng vẫn ghi "
            "“Đang có hiệu lực”; hãy chuyển trạng thái."
        )
    if instrument.proposal and not instrument.proposal.get("error"):
        found.append("Có đề xuất đọc từ tệp văn bản đã ký đang chờ xác nhận.")
    return found


def parent_choices(user, kind: str | None = None) -> QuerySet[Instrument]:
    """Instruments that can be a parent: quy chế and chương trình the user sees."""
    return (
        access.visible_instruments(user)
        .filter(kind__in=["quy_che", "chuong_trinh"])
        .exclude(state__in=["thay_the", "cham_dut_sap_xep", "het_hieu_luc"])
        .select_related("owner")
        .order_by("-signed_on", "-id")
    )


def successor_choices(user, instrument: Instrument) -> QuerySet[Instrument]:
    """Instruments of the same family (plans, or quy chế and chương trình) that may replace
    this one, newest first."""
    family = list(PLAN_KINDS) if instrument.is_plan else ["quy_che", "chuong_trinh"]
    return (
        access.visible_instruments(user)
        .filter(kind__in=family)
        .exclude(pk=instrument.pk)
        .select_related("owner")
        .order_by("-signed_on", "-id")
    )


def content_areas() -> QuerySet[ContentArea]:
    return ContentArea.objects.filter(active=True).order_by("order", "code")
