"""The register over the API: the reception book (visitors as pseudonyms unless the caller
handles the case), petitions with their clocks, the Inspectorate's forms and the figures
for a unit subtree and window, and a reception entry written."""

import datetime as dt

from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from danvan.accounts import permissions
from danvan.api_errors import AUTHENTICATED, errors
from danvan.orgs.models import OrgUnit
from danvan.reporting import clock
from danvan.reporting.errors import NotFound

from . import figures, formspec, selectors, services
from .errors import PetitionError
from .models import Kind, Routing
from .permissions import VIEW

router = Router(tags=["Tiếp dân, đơn thư"])


class PetitionEntryOut(Schema):
    id: int
    date: dt.date
    visitor: str
    identity: str
    summary: str
    kind: str
    people: int
    delegation: bool
    repeat: bool
    routing: str
    routing_to: str
    routing_document: str


class SessionOut(Schema):
    id: int
    unit_code: str
    date: dt.date
    host_name: str
    host_role: str
    kind: str
    mode: str
    party_rule: bool
    conclusion: str
    entries: int


class ClockOut(Schema):
    name: str
    basis: str
    confirmed: bool
    start: dt.date
    days: int
    working_days: bool
    due: dt.date | None
    state: str
    state_label: str


class PetitionOut(Schema):
    id: int
    unit_code: str
    reference: str
    received_on: dt.date
    kind: str
    round: int
    summary: str
    people: int
    routing: str
    processed_on: dt.date | None
    complex: bool
    closed_on: dt.date | None
    outcome: str
    clocks: list[ClockOut]


class Window(Schema):
    unit: str = Field(..., max_length=40, description="Mã đơn vị (tính cả cây đơn vị trực thuộc)")
    date_from: dt.date
    date_to: dt.date


class PetitionFigureOut(Schema):
    key: str
    value: float
    provenance: str


class FormOut(Schema):
    code: str
    title: str
    values: dict[str, int | float]  # float: triệu đồng or m² (02/KQGQ, 04/KQGQ)
    errors: list[str]
    confirmed: bool  # False: columns not yet checked against the circular ("chưa xác minh")


class PetitionEntryIn(Schema):
    visitor_name: str = Field(..., max_length=120)
    visitor_address: str = Field("", max_length=300)
    identity_number: str = Field("", max_length=20)
    summary: str = Field(..., max_length=4000)
    kind: Kind
    people: int = Field(1, ge=1, le=10000)
    repeat: bool = False
    handled_by: str = Field("", max_length=200)
    routing: Routing = Routing.PENDING
    routing_to: str = Field("", max_length=200)
    routing_document: str = Field("", max_length=80)


def _clock(c) -> dict:
    return {
        "name": c.name,
        "basis": c.rule.basis,
        "confirmed": c.rule.confirmed,
        "start": c.start,
        "days": c.days,
        "working_days": c.rule.working,
        "due": c.due,
        "state": c.state,
        "state_label": c.state_label,
    }


def _petition(p) -> dict:
    return {
        "id": p.pk,
        "unit_code": p.unit.code,
        "reference": p.reference,
        "received_on": p.received_on,
        "kind": p.kind,
        "round": p.round,
        "summary": p.summary,
        "people": p.people,
        "routing": p.routing,
        "processed_on": p.processed_on,
        "complex": p.complex,
        "closed_on": p.closed_on,
        "outcome": p.outcome,
        "clocks": [_clock(c) for c in p.clocks],
    }


def _unit(user, code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None or not permissions.has_permission(user, VIEW, unit):
        raise NotFound("Không tìm thấy đơn vị trong phạm vi được xem.")
    return unit


@router.get(
    "/sessions",
    response={200: list[SessionOut], **errors(*AUTHENTICATED)},
    summary="Sổ tiếp công dân: các buổi tiếp trong phạm vi được xem",
)
@paginate(PageNumberPagination, page_size=50)
def sessions(request):
    return [
        {
            "id": s.pk,
            "unit_code": s.unit.code,
            "date": s.date,
            "host_name": s.host_name,
            "host_role": s.host_role,
            "kind": s.kind,
            "mode": s.mode,
            "party_rule": s.party_rule,
            "conclusion": s.conclusion.symbol if s.conclusion else "",
            "entries": s.entry_count,
        }
        for s in selectors.sessions(request.auth)
    ]


def _entry(user, entry, unit) -> dict:
    visitor = selectors.visitor_view(user, entry, unit)
    return {
        "id": entry.pk,
        "date": entry.session.date,
        "visitor": visitor["name"],
        "identity": visitor["identity"],
        "summary": entry.summary,
        "kind": entry.kind,
        "people": entry.people,
        "delegation": entry.delegation,
        "repeat": entry.repeat,
        "routing": entry.routing,
        "routing_to": entry.routing_to,
        "routing_document": entry.routing_document,
    }


@router.get(
    "/sessions/{session_id}/entries",
    response={200: list[PetitionEntryOut], **errors(*AUTHENTICATED, 404)},
    summary="Các lượt tiếp của một buổi (nhân thân chỉ cho người xử lý, số CCCD đã che)",
)
def entries(request, session_id: int):
    session = selectors.get_session(request.auth, session_id)
    if session is None:
        raise NotFound("Không tìm thấy buổi tiếp công dân.")
    return [_entry(request.auth, e, session.unit) for e in session.entries.all()]


@router.post(
    "/sessions/{session_id}/entries",
    response={201: PetitionEntryOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Ghi một lượt tiếp vào sổ",
)
def add_entry(request, session_id: int, payload: PetitionEntryIn):
    session = selectors.get_session(request.auth, session_id)
    if session is None:
        raise NotFound("Không tìm thấy buổi tiếp công dân.")
    try:
        entry = services.add_entry(request.auth, session=session, **payload.dict())
    except PetitionError as error:
        raise HttpError(400, error.message) from None
    return Status(201, _entry(request.auth, entry, session.unit))


class PetitionFilters(Schema):
    q: str = Field("", max_length=200)
    kind: str = Field("", max_length=12)
    state: str = Field("", max_length=20)
    unit: str = Field("", max_length=40)


@router.get(
    "/petitions",
    response={200: list[PetitionOut], **errors(*AUTHENTICATED)},
    summary="Đơn thư với thời hạn luật định và trạng thái",
)
@paginate(PageNumberPagination, page_size=50)
def petitions(request, filters: Query[PetitionFilters]):
    today = clock.today()
    rows = selectors.petitions(
        request.auth,
        unit_code=filters.unit,
        kind=filters.kind if filters.kind in Kind.values else "",
        query=filters.q,
        state=filters.state,
        today=today,
    )
    rows = selectors.with_clocks(list(rows[:2000]), today)
    return [_petition(p) for p in rows]


@router.get(
    "/petitions/{petition_id}",
    response={200: PetitionOut, **errors(*AUTHENTICATED, 404)},
    summary="Một đơn và các thời hạn của nó",
)
def petition(request, petition_id: int):
    found = selectors.get_petition(request.auth, petition_id)
    if found is None:
        raise NotFound("Không tìm thấy đơn.")
    selectors.with_clocks([found], clock.today())
    return _petition(found)


@router.get(
    "/forms",
    response={200: list[FormOut], **errors(*AUTHENTICATED, 404)},
    summary="Biểu 01/TCD … 04/KQGQ của một cây đơn vị cho một khoảng số liệu",
)
def forms(request, window: Query[Window]):
    unit = _unit(request.auth, window.unit)
    totals, _ = figures.form_totals(unit, window.date_from, window.date_to)
    return [
        {
            "code": code,
            "title": f.title,
            "values": {k: v if isinstance(v, int) else float(v) for k, v in totals[code].items()},
            "errors": formspec.check(f, totals[code]),
            "confirmed": f.confirmed,
        }
        for code, f in formspec.FORMS.items()
    ]


@router.get(
    "/figures",
    response={200: list[PetitionFigureOut], **errors(*AUTHENTICATED, 404)},
    summary="Các chỉ tiêu tcd_… tính cho một cây đơn vị và khoảng số liệu, kèm nguồn",
)
def figure_values(request, window: Query[Window]):
    unit = _unit(request.auth, window.unit)
    found = figures.compute_figures(unit, window.date_from, window.date_to)
    return [{"key": f.key, "value": float(f.value), "provenance": f.provenance} for f in found]
