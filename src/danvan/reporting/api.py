from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from danvan.api_errors import AUTHENTICATED, errors
from danvan.orgs.models import OrgUnit

from . import periods, selectors, services
from .errors import NotFound
from .models import ReportTemplate
from .register_api import RegisterItemOut, inbox_items_out
from .register_api import router as register_router

router = Router(tags=["Báo cáo"])
router.add_router("", register_router)  # /assignments/{id}/register-figures


class PeriodOut(Schema):
    code: str
    type: str
    start: dt.date
    end: dt.date
    name: str
    party_window: list[dt.date]
    state_window: list[dt.date]


class RequestOut(Schema):
    id: int
    title: str
    issuer_code: str
    issuer_name: str
    period: str
    deadline: dt.date
    grace_days: int
    lock_date: dt.date | None
    request_document: str | None
    template_id: int
    template_version: int


class RequestIn(Schema):
    issuer_code: str
    title: str
    template_id: int
    period: str
    unit_codes: list[str]
    deadline: dt.date
    grace_days: int = 0
    lock_date: dt.date | None = None
    regime: str = "party"
    document_symbol: str = ""
    document_date: dt.date | None = None
    document_title: str = ""


class AssignmentOut(Schema):
    assignment_id: int
    unit_code: str
    unit_name: str
    status: str
    first_submitted_at: dt.datetime | None
    submitted_at: dt.datetime | None
    accepted_at: dt.datetime | None
    on_time: bool | None


class BoardOut(Schema):
    request: RequestOut
    expected: int
    submitted: int
    on_time: int
    late: int
    missing: int
    returned: int
    accepted: int
    submitted_rate: float
    on_time_rate: float
    rows: list[AssignmentOut]


class InboxOut(Schema):
    due: list[AssignmentOut]
    overdue: list[AssignmentOut]
    returned: list[AssignmentOut]
    done: list[AssignmentOut]
    register_items: list[RegisterItemOut]  # "Việc cần cập nhật trong sổ theo dõi"


class RevisionOut(Schema):
    number: int
    kind: str
    author: str | None
    created_at: dt.datetime
    comment: str
    source: dict | None


class SubmissionOut(Schema):
    assignment_id: int
    request_id: int
    unit_code: str
    unit_name: str
    status: str
    version: int
    locked: bool
    return_comment: str
    sections: dict[str, str]
    values: dict[str, str]
    revisions: list[RevisionOut]


class ContentIn(Schema):
    """Per key: a section or figure left out keeps its saved text or number; one sent as ""
    or null is cleared. `submit` with only `base_version` submits the saved draft."""

    base_version: int
    sections: dict[str, str | None] = {}
    # Numbers as text ("1.868", Vietnamese style) or as JSON numbers (1868).
    values: dict[str, Decimal | str | None] = {}


class ReturnIn(Schema):
    comment: str


class CompareOut(Schema):
    sections: dict[str, list[str]]
    values: list[list[str | None]]


class TemplateOut(Schema):
    id: int
    code: str
    version: int
    name: str
    owner_code: str
    sections: list[dict]
    indicators: list[str]


def _request(r) -> dict:
    return {
        "id": r.pk,
        "title": r.title,
        "issuer_code": r.issuer.code,
        "issuer_name": r.issuer.name,
        "period": r.period.code,
        "deadline": r.deadline,
        "grace_days": r.grace_days,
        "lock_date": r.lock_date,
        "request_document": str(r.request_document) if r.request_document else None,
        "template_id": r.template_id,
        "template_version": r.template.version,
    }


def _assignment(a) -> dict:
    s = a.submission
    return {
        "assignment_id": a.pk,
        "unit_code": a.unit.code,
        "unit_name": a.unit_name,
        "status": s.status,
        "first_submitted_at": s.first_submitted_at,
        "submitted_at": s.submitted_at,
        "accepted_at": s.accepted_at,
        "on_time": selectors.on_time(a),
    }


def _submission(user, assignment) -> dict:
    content = selectors.current_content(assignment.submission)
    return {
        "assignment_id": assignment.pk,
        "request_id": assignment.request_id,
        "unit_code": assignment.unit.code,
        "unit_name": assignment.unit_name,
        "status": assignment.submission.status,
        "version": assignment.submission.version,
        "locked": services.is_locked(assignment),
        "return_comment": assignment.submission.return_comment,
        "sections": content.sections,
        "values": content.values,
        "revisions": [
            {
                "number": r.number,
                "kind": r.kind,
                "author": r.author.get_username() if r.author else None,
                "created_at": r.created_at,
                "comment": r.comment,
                "source": r.source,
            }
            for r in selectors.revisions(assignment, user)
        ],
    }


@router.get(
    "/periods/{code}",
    response={200: PeriodOut, **errors(400)},
    auth=None,
    summary="Kỳ báo cáo và khoảng chốt số liệu",
)
def period(request, code: str):
    spec = periods.parse_period(code)
    return {
        "code": spec.code,
        "type": spec.type,
        "start": spec.start,
        "end": spec.end,
        "name": spec.name,
        "party_window": list(periods.data_window(spec.code, "party")),
        "state_window": list(periods.data_window(spec.code, "state")),
    }


BOX = ("due", "overdue", "returned", "done")


@router.get(
    "/inbox",
    response={200: InboxOut, **errors(*AUTHENTICATED)},
    summary="Hộp báo cáo của cán bộ báo cáo",
)
def inbox(request):
    box = selectors.inbox(request.auth)
    return {
        **{name: [_assignment(a) for a in getattr(box, name)] for name in BOX},
        "register_items": inbox_items_out(request.auth),
    }


@router.get(
    "/requests",
    response={200: list[RequestOut], **errors(*AUTHENTICATED)},
    summary="Yêu cầu báo cáo trong phạm vi",
)
@paginate(PageNumberPagination, page_size=50)
def requests(request):
    return [_request(r) for r in selectors.requests_for(request.auth)]


@router.post(
    "/requests",
    response={201: RequestOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Ban hành yêu cầu báo cáo",
)
def issue(request, payload: RequestIn):
    issuer = OrgUnit.objects.filter(code=payload.issuer_code).first()
    template = ReportTemplate.objects.filter(pk=payload.template_id).first()
    if issuer is None or template is None:
        raise NotFound("Không tìm thấy đơn vị yêu cầu hoặc đề cương.")
    created = services.issue_request(
        request.auth,
        issuer=issuer,
        title=payload.title,
        template=template,
        period_code=payload.period,
        unit_codes=payload.unit_codes,
        deadline=payload.deadline,
        grace_days=payload.grace_days,
        lock_date=payload.lock_date,
        regime=payload.regime,
        document=services.RequestDocument(
            payload.document_symbol, payload.document_date, payload.document_title
        ),
    )
    return Status(201, _request(created))


@router.get(
    "/requests/{request_id}/board",
    response={200: BoardOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Bảng theo dõi tiến độ nộp báo cáo",
)
def board(request, request_id: int, status: str = "", timeliness: str = "", search: str = ""):
    report_request = selectors.get_request(request.auth, request_id)
    result = selectors.status_board(request.auth, report_request, status, timeliness, search)
    return {
        "request": _request(report_request),
        "expected": result.expected,
        "submitted": result.submitted,
        "on_time": result.on_time,
        "late": result.late,
        "missing": result.missing,
        "returned": result.returned,
        "accepted": result.accepted,
        "submitted_rate": result.submitted_rate,
        "on_time_rate": result.on_time_rate,
        "rows": [_assignment(a) for a in result.rows],
    }


@router.get(
    "/assignments/{assignment_id}",
    response={200: SubmissionOut, **errors(*AUTHENTICATED, 404)},
    summary="Báo cáo của một đơn vị",
)
def submission(request, assignment_id: int):
    return _submission(request.auth, selectors.get_assignment(request.auth, assignment_id))


@router.post(
    "/assignments/{assignment_id}/save",
    response={200: SubmissionOut, **errors(*AUTHENTICATED, 400, 404, 409)},
    summary="Lưu nháp",
)
def save(request, assignment_id: int, payload: ContentIn):
    assignment = selectors.get_assignment(request.auth, assignment_id)
    services.save_draft(
        request.auth,
        assignment.submission.pk,
        payload.base_version,
        payload.sections,
        payload.values,
    )
    return _submission(request.auth, selectors.get_assignment(request.auth, assignment_id))


@router.post(
    "/assignments/{assignment_id}/submit",
    response={200: SubmissionOut, **errors(*AUTHENTICATED, 400, 404, 409)},
    summary="Nộp báo cáo",
)
def submit(request, assignment_id: int, payload: ContentIn):
    assignment = selectors.get_assignment(request.auth, assignment_id)
    services.submit(
        request.auth,
        assignment.submission.pk,
        payload.base_version,
        payload.sections,
        payload.values,
    )
    return _submission(request.auth, selectors.get_assignment(request.auth, assignment_id))


@router.post(
    "/assignments/{assignment_id}/return",
    response={200: SubmissionOut, **errors(*AUTHENTICATED, 400, 404, 409)},
    summary="Trả lại báo cáo",
)
def return_(request, assignment_id: int, payload: ReturnIn):
    assignment = selectors.get_assignment(request.auth, assignment_id)
    services.return_submission(request.auth, assignment.submission.pk, payload.comment)
    return _submission(request.auth, selectors.get_assignment(request.auth, assignment_id))


@router.post(
    "/assignments/{assignment_id}/accept",
    response={200: SubmissionOut, **errors(*AUTHENTICATED, 400, 404, 409)},
    summary="Tiếp nhận báo cáo",
)
def accept(request, assignment_id: int):
    assignment = selectors.get_assignment(request.auth, assignment_id)
    services.accept_submission(request.auth, assignment.submission.pk)
    return _submission(request.auth, selectors.get_assignment(request.auth, assignment_id))


@router.get(
    "/assignments/{assignment_id}/compare",
    response={200: CompareOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="So sánh hai phiên bản",
)
def compare(request, assignment_id: int, first: int, second: int):
    assignment = selectors.get_assignment(request.auth, assignment_id)
    diff = selectors.compare(*selectors.revision_pair(assignment, request.auth, first, second))
    return {"sections": dict(diff.sections), "values": [list(v) for v in diff.values]}


@router.get(
    "/templates",
    response={200: list[TemplateOut], **errors(*AUTHENTICATED)},
    summary="Đề cương báo cáo",
)
def templates(request):
    return [
        {
            "id": t.pk,
            "code": t.code,
            "version": t.version,
            "name": t.name,
            "owner_code": t.owner.code,
            "sections": t.sections,
            "indicators": list(t.form_rows.values_list("indicator__code", flat=True)),
        }
        for t in selectors.templates_for(request.auth)
    ]
