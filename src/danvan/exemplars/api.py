"""The "Dân vận khéo" register over the API: list and read entries, register one, move it
along the lifecycle, read and record assessments (checklist or scores), and the register's figures for a unit subtree and window (the same
selectors, services and rules as the pages)."""

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from danvan.accounts import permissions
from danvan.api_errors import AUTHENTICATED, errors
from danvan.orgs.models import OrgUnit

from . import counting, lifecycle, selectors, services
from .permissions import VIEW
from .provider import figures_from

router = Router(tags=["Dân vận khéo"])


class EntryOut(Schema):
    id: int
    kind: str
    subject: str
    name: str
    owner_unit: str
    owner_unit_name: str
    channel: str
    field: str
    tags: list[str]
    sub_movement: str
    status: str
    status_label: str
    registered_on: dt.date | None
    merged_into: int | None


class EventOut(Schema):
    at: dt.date
    status: str
    level: str
    by_unit: str
    decision: str | None
    note: str


class EntryDetailOut(EntryOut):
    situation: str
    goals: str
    content: str
    area: str
    forces_lead: str
    forces_coordinating: str
    forces_participating: str
    resources: str
    start_date: dt.date | None
    milestones: str
    evaluation_date: dt.date | None
    expected_outputs: str
    sustainability: str
    person_name: str
    person_position: str
    events: list[EventOut]


class EntryIn(Schema):
    owner_unit: str = Field(..., max_length=40, description="Mã đơn vị")
    registering: bool = Field(True, description="true: đăng ký (đủ 10 nội dung); false: lưu nháp")
    kind: str = Field(..., max_length=20)
    subject: str = Field(..., max_length=20)
    channel: str = Field(..., max_length=20)
    field: str = Field(..., max_length=30)
    tags: list[str] = Field(default_factory=list, max_length=20)
    sub_movement: str = Field("", max_length=30)
    name: str = Field(..., max_length=300)
    situation: str = Field("", max_length=5000)
    goals: str = Field("", max_length=5000)
    content: str = Field("", max_length=5000)
    area: str = Field("", max_length=5000)
    forces_lead: str = Field("", max_length=5000)
    forces_coordinating: str = Field("", max_length=5000)
    forces_participating: str = Field("", max_length=5000)
    resources: str = Field("", max_length=5000)
    start_date: dt.date | None = None
    milestones: str = Field("", max_length=5000)
    evaluation_date: dt.date | None = None
    expected_outputs: str = Field("", max_length=5000)
    sustainability: str = Field("", max_length=5000)
    person_name: str = Field("", max_length=120)
    person_position: str = Field("", max_length=200)


class StatusIn(Schema):
    target: str = Field(..., max_length=20, description="Trạng thái mới, ví dụ ra_mat")
    at: dt.date
    level: str = Field("", max_length=20)
    decision_symbol: str = Field("", max_length=80)
    note: str = Field("", max_length=2000)


class EntryFilters(Schema):
    q: str = Field("", max_length=200, description="Từ khóa, không phân biệt dấu")
    kind: str = Field("", max_length=20)
    field: str = Field("", max_length=30)
    status: str = Field("", max_length=20)
    unit: str = Field("", max_length=40, description="Mã đơn vị: cây đơn vị của nó")


class AssessmentOut(Schema):
    id: int
    assessed_on: dt.date
    level: str
    assessor_unit: str
    criteria_set: str
    scoring: str = Field(..., description="checklist: đánh dấu tiêu chí đạt; scores: chấm điểm")
    checklist: list[int]
    scores: list[str] = Field(..., description="Điểm từng tiêu chí, theo thứ tự của bộ tiêu chí")
    total: str | None = Field(None, description="Tổng điểm (bộ tiêu chí chấm điểm)")
    proposed_conclusion: str = Field(..., description="Kết luận đề xuất theo ngưỡng điểm đạt")
    conclusion: str
    note: str


class AssessmentIn(Schema):
    assessed_on: dt.date
    level: str = Field("", max_length=20, description="Cấp đánh giá: xa, huyen, tinh, trung_uong")
    assessor_unit: str = Field(..., max_length=40, description="Mã đơn vị đánh giá")
    conclusion: str = Field(
        "", max_length=20, description="Để trống với bộ tiêu chí chấm điểm: theo đề xuất"
    )
    checklist: list[int] = Field(default_factory=list, max_length=100)
    scores: list[str] | None = Field(None, max_length=100)
    note: str = Field("", max_length=2000)


class FigureOut(Schema):
    key: str
    indicator: str
    option: str | None
    value: float
    provenance: str


def _entry(e) -> dict:
    return {
        "id": e.pk,
        "kind": e.kind,
        "subject": e.subject,
        "name": e.name,
        "owner_unit": e.owner_unit.code,
        "owner_unit_name": e.owner_unit.name,
        "channel": e.channel,
        "field": e.field,
        "tags": e.tags,
        "sub_movement": e.sub_movement,
        "status": e.status,
        "status_label": e.get_status_display(),
        "registered_on": e.registered_on,
        "merged_into": e.merged_into_id,
    }


def _detail(e) -> dict:
    return {
        **_entry(e),
        **{key: getattr(e, key) for key in services.ENTRY_FIELDS if key not in ("tags",)},
        "events": [
            {
                "at": ev.at,
                "status": ev.status,
                "level": ev.level,
                "by_unit": ev.by_unit.code,
                "decision": ev.decision.symbol if ev.decision else None,
                "note": ev.note,
            }
            for ev in e.events.select_related("by_unit", "decision")
        ],
    }


def _visible_unit(user, code: str) -> OrgUnit | None:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None or not permissions.has_permission(user, VIEW, unit):
        return None
    return unit


@router.get(
    "/entries",
    response={200: list[EntryOut], **errors(*AUTHENTICATED)},
    summary="Sổ mô hình, điển hình: tìm, lọc, phân trang",
)
@paginate(PageNumberPagination, page_size=50)
def entries(request, filters: Query[EntryFilters]):
    unit = _visible_unit(request.auth, filters.unit) if filters.unit else None
    chosen = selectors.Filters(
        query=filters.q, kind=filters.kind, field=filters.field, status=filters.status, unit=unit
    )
    if filters.unit and unit is None:
        return []
    return [_entry(e) for e in selectors.entries(request.auth, chosen).select_related("owner_unit")]


@router.get(
    "/entries/{entry_id}",
    response={200: EntryDetailOut, **errors(*AUTHENTICATED, 404)},
    summary="Một mô hình, điển hình với lịch sử trạng thái",
)
def entry(request, entry_id: int):
    found = selectors.get_entry(request.auth, entry_id)
    if found is None:
        return 404, {"detail": "Không tìm thấy mô hình, điển hình."}
    return _detail(found)


@router.post(
    "/entries",
    response={201: EntryDetailOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Đăng ký (hoặc lưu nháp) một mô hình, điển hình",
)
def create(request, payload: EntryIn):
    unit = OrgUnit.objects.filter(code=payload.owner_unit).first()
    if unit is None:
        return 404, {"detail": f"Không có đơn vị mã {payload.owner_unit}."}
    data = payload.dict(exclude={"owner_unit", "registering"})
    try:
        created = services.create_entry(
            actor=request.auth,
            owner_unit=unit,
            data=data,
            register=payload.registering,
            at=dt.date.today(),
        )
    except services.EntryInvalid as exc:
        return 400, {"detail": "Dữ liệu không hợp lệ; không có gì được ghi.", "errors": exc.errors}
    except lifecycle.TransitionRefused as exc:
        return 400, {"detail": str(exc)}
    return 201, _detail(created)


@router.post(
    "/entries/{entry_id}/status",
    response={200: EntryDetailOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Chuyển trạng thái (đơn vị: đăng ký, ra mắt, triển khai, củng cố, dừng…)",
)
def change_status(request, entry_id: int, payload: StatusIn):
    found = selectors.get_entry(request.auth, entry_id)
    if found is None:
        return 404, {"detail": "Không tìm thấy mô hình, điển hình."}
    try:
        services.change_status(actor=request.auth, entry=found, **payload.dict())
    except services.EntryInvalid as exc:
        return 400, {"detail": "Chưa đủ 10 nội dung đăng ký.", "errors": exc.errors}
    except lifecycle.TransitionRefused as exc:
        return 400, {"detail": str(exc)}
    return _detail(found)


def _assessment(a) -> dict:
    return {
        "id": a.pk,
        "assessed_on": a.assessed_on,
        "level": a.level,
        "assessor_unit": a.assessor_unit.code,
        "criteria_set": a.criteria_set.code,
        "scoring": a.criteria_set.scoring,
        "checklist": a.checklist,
        "scores": a.scores,
        "total": f"{a.total.normalize():f}" if a.total is not None else None,
        "proposed_conclusion": a.proposed_conclusion,
        "conclusion": a.conclusion,
        "note": a.note,
    }


@router.get(
    "/entries/{entry_id}/assessments",
    response={200: list[AssessmentOut], **errors(*AUTHENTICATED, 404)},
    summary="Các lần đánh giá một mô hình, điển hình (tiêu chí đạt hoặc điểm từng tiêu chí)",
)
def assessments(request, entry_id: int):
    found = selectors.get_entry(request.auth, entry_id)
    if found is None:
        return 404, {"detail": "Không tìm thấy mô hình, điển hình."}
    rows = found.assessments.select_related("assessor_unit", "criteria_set")
    return [_assessment(a) for a in rows]


@router.post(
    "/entries/{entry_id}/assessments",
    response={201: AssessmentOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Ghi một lần đánh giá (bộ tiêu chí chấm điểm: điểm từng tiêu chí, kết luận đề xuất)",
)
def assess(request, entry_id: int, payload: AssessmentIn):
    found = selectors.get_entry(request.auth, entry_id)
    if found is None:
        return 404, {"detail": "Không tìm thấy mô hình, điển hình."}
    unit = OrgUnit.objects.filter(code=payload.assessor_unit).first()
    if unit is None:
        return 404, {"detail": f"Không có đơn vị mã {payload.assessor_unit}."}
    try:
        made = services.assess(
            actor=request.auth,
            entry=found,
            **payload.dict(exclude={"assessor_unit"}),
            assessor_unit=unit,
        )
    except services.EntryInvalid as exc:
        return 400, {"detail": "Dữ liệu không hợp lệ; không có gì được ghi.", "errors": exc.errors}
    except lifecycle.TransitionRefused as exc:
        return 400, {"detail": str(exc)}
    return 201, _assessment(made)


@router.get(
    "/figures",
    response={200: list[FigureOut], **errors(*AUTHENTICATED, 400, 404)},
    summary="Số liệu của sổ cho cây đơn vị và khoảng số liệu (kèm nguồn)",
)
def figures(request, unit: str, date_from: dt.date, date_to: dt.date):
    found = _visible_unit(request.auth, unit[:40])
    if found is None:
        return 404, {"detail": "Không tìm thấy đơn vị (hoặc bạn không có quyền xem)."}
    if date_from > date_to:
        return 400, {"detail": "Ngày bắt đầu phải trước ngày kết thúc."}
    computed = figures_from(counting.compute(found, date_from, date_to))
    return [
        {
            "key": f.key,
            "indicator": f.indicator,
            "option": f.option,
            "value": float(f.value),
            "provenance": f.provenance,
        }
        for f in computed
    ]
