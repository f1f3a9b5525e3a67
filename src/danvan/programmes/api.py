"""The programmes register over the API (read): instruments with their parties, a plan's
commitments, and the progress reported on them — through the same selectors and permission
rules as the pages (a partner sees only its own commitments; another province gets 404)."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from danvan.api_errors import AUTHENTICATED, errors

from . import permissions as access
from . import selectors
from .models import InstrumentKind, InstrumentState, Progress

router = Router(tags=["Chương trình phối hợp"])


class PartyOut(Schema):
    id: int
    unit_code: str
    unit_name: str
    role: str
    signer_name: str
    signer_title: str
    group: str
    replaced_by: int | None
    ended_on: dt.date | None


class InstrumentOut(Schema):
    id: int
    kind: str
    symbol: str
    number: str
    title: str
    signed_on: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    state: str
    owner_code: str
    parent: int | None
    successor: int | None
    version: int


class InstrumentDetailOut(InstrumentOut):
    parties: list[PartyOut]
    based_on: list[str]
    warnings: list[str]


class CommitmentOut(Schema):
    id: int
    content_area: str
    content: str
    lead: int
    partners: list[int]
    deliverable: str
    indicator: str | None
    target: Decimal | None
    due_on: dt.date | None
    period_code: str
    evidence_expected: str


class ProgressOut(Schema):
    commitment: int
    period_code: str
    party: int
    status: str
    value: Decimal | None
    narrative: str
    reported_at: dt.datetime | None
    accepted: bool


class Filters(Schema):
    q: str = Field("", max_length=200, description="Từ khóa (số ký hiệu, trích yếu; không dấu)")
    kind: InstrumentKind | None = Field(None, description="Loại văn bản")
    state: InstrumentState | None = Field(None, description="Trạng thái")
    year: int | None = Field(None, ge=1900, le=2200, description="Có hiệu lực trong năm")


def _instrument(i) -> dict:
    return {
        "id": i.pk,
        "kind": i.kind,
        "symbol": i.symbol,
        "number": i.number,
        "title": i.title,
        "signed_on": i.signed_on,
        "valid_from": i.valid_from,
        "valid_to": i.valid_to,
        "state": i.state,
        "owner_code": i.owner.code,
        "parent": i.parent_id,
        "successor": i.successor_id,
        "version": i.version,
    }


def _party(p) -> dict:
    return {
        "id": p.pk,
        "unit_code": p.unit.code,
        "unit_name": p.unit.name,
        "role": p.role,
        "signer_name": p.signer_name,
        "signer_title": p.signer_title,
        "group": p.group,
        "replaced_by": p.replaced_by_id,
        "ended_on": p.ended_on,
    }


@router.get(
    "/instruments",
    response={200: list[InstrumentOut], **errors(*AUTHENTICATED)},
    summary="Danh sách văn bản phối hợp",
)
@paginate(PageNumberPagination, page_size=50)
def list_instruments(request, filters: Query[Filters]):
    rows = selectors.instruments(
        request.auth,
        selectors.Filters(
            q=filters.q,
            kind=filters.kind.value if filters.kind else "",
            state=filters.state.value if filters.state else "",
            year=filters.year,
        ),
    )
    return [_instrument(i) for i in rows]


@router.get(
    "/instruments/{instrument_id}",
    response={200: InstrumentDetailOut, **errors(*AUTHENTICATED, 404)},
    summary="Một văn bản phối hợp: các bên, căn cứ, cảnh báo",
)
def get_instrument(request, instrument_id: int):
    page = selectors.instrument_page(request.auth, instrument_id)
    i = page.instrument
    return {
        **_instrument(i),
        "parties": [_party(p) for p in page.parties],
        "based_on": [d.symbol for d in page.based_on],
        "warnings": page.warnings + [n.message for n in page.notices],
    }


@router.get(
    "/instruments/{instrument_id}/commitments",
    response={200: list[CommitmentOut], **errors(*AUTHENTICATED, 404)},
    summary="Nhiệm vụ phối hợp của một kế hoạch (bên phối hợp chỉ thấy nhiệm vụ của mình)",
)
def list_commitments(request, instrument_id: int):
    plan = selectors.get_instrument(request.auth, instrument_id)
    return [
        {
            "id": c.pk,
            "content_area": c.content_area.code,
            "content": c.content,
            "lead": c.lead_id,
            "partners": [p.pk for p in c.partners.all()],
            "deliverable": c.deliverable,
            "indicator": c.indicator.code if c.indicator else None,
            "target": c.target,
            "due_on": c.due_on,
            "period_code": c.period_code,
            "evidence_expected": c.evidence_expected,
        }
        for c in selectors.commitments(request.auth, plan)
    ]


@router.get(
    "/instruments/{instrument_id}/progress",
    response={200: list[ProgressOut], **errors(*AUTHENTICATED, 404)},
    summary="Tiến độ đã báo cáo về các nhiệm vụ mà người gọi được xem",
)
def list_progress(request, instrument_id: int):
    plan = selectors.get_instrument(request.auth, instrument_id)
    visible = access.visible_commitments(request.auth, plan)
    rows = (
        Progress.objects.filter(commitment__in=visible)
        .select_related("review")
        .order_by("commitment_id", "review__period_code", "party_id")
    )
    return [
        {
            "commitment": r.commitment_id,
            "period_code": r.review.period_code,
            "party": r.party_id,
            "status": r.status,
            "value": r.value,
            "narrative": r.narrative,
            "reported_at": r.reported_at,
            "accepted": r.accepted,
        }
        for r in rows
    ]


# Programme reviews: issuing, and a party's progress for the report it answers (review_api.py).
def _mount_reviews() -> None:
    from .review_api import router as reviews

    router.add_router("", reviews)


_mount_reviews()
