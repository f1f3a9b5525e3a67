"""Programme reviews over the API: issue a review (one request to every party), read and write
a party's commitment progress for the report it is answering — through the same services and
rules as the pages (writes only while the report is a draft or returned; nothing written
when any row is wrong)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Router, Schema, Status

from danvan.accounts import permissions
from danvan.api_errors import AUTHENTICATED, errors
from danvan.reporting.errors import NotFound

from . import review, review_selectors
from .models import Instrument

router = Router(tags=["Chương trình phối hợp"])


class ReviewIn(Schema):
    instruments: list[int]
    period_code: str
    kind: str = "half_year"
    deadline: dt.date
    grace_days: int = 0


class ReviewOut(Schema):
    request: int
    title: str
    reviews: list[int]
    units: list[str]


class ProgressRowIn(Schema):
    commitment: int
    status: str
    value: str = ""
    narrative: str = ""
    evidence: list[str] = []


class ProgressRowOut(Schema):
    commitment: int
    content: str
    role: str
    status: str | None
    value: Decimal | None
    narrative: str
    evidence: list[str]
    accepted: bool


@router.post(
    "/reviews",
    response={201: ReviewOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Ban hành yêu cầu sơ kết, tổng kết chương trình phối hợp tới các bên",
)
def issue_review(request, body: ReviewIn):
    owners = permissions.units_in_scope(request.auth, "reporting.issue")
    ids = [i for i in body.instruments if 0 < i < 2**62]
    instruments = list(Instrument.objects.filter(pk__in=ids, owner__in=owners).order_by("pk"))
    if len(instruments) != len(set(body.instruments)):
        raise NotFound("Không tìm thấy chương trình phối hợp (hoặc bạn không điều phối).")
    made = review.issue_review(
        request.auth,
        instruments=instruments,
        period_code=body.period_code,
        kind=body.kind,
        deadline=body.deadline,
        grace_days=body.grace_days,
    )
    report_request = made[0].report_request
    units = list(report_request.assignments.values_list("unit__code", flat=True))
    return Status(
        201,
        {
            "request": report_request.pk,
            "title": report_request.title,
            "reviews": [r.pk for r in made],
            "units": units,
        },
    )


def _rows(assignment) -> list[dict]:
    return [
        {
            "commitment": row.commitment.pk,
            "content": row.commitment.content,
            "role": row.role,
            "status": row.progress.status if row.progress else None,
            "value": row.progress.value if row.progress else None,
            "narrative": row.progress.narrative if row.progress else "",
            "evidence": row.evidence.splitlines(),
            "accepted": bool(row.progress and row.progress.accepted),
        }
        for row in review_selectors.progress_rows(assignment)
    ]


@router.get(
    "/assignments/{assignment_id}/progress",
    response={200: list[ProgressRowOut], **errors(*AUTHENTICATED, 404)},
    summary="Các nhiệm vụ phối hợp của đơn vị trong kỳ sơ kết mà báo cáo này trả lời",
)
def get_progress(request, assignment_id: int):
    return _rows(review_selectors.progress_page(request.auth, assignment_id))


@router.put(
    "/assignments/{assignment_id}/progress",
    response={200: list[ProgressRowOut], **errors(*AUTHENTICATED, 400, 404)},
    summary="Cập nhật tiến độ các nhiệm vụ phối hợp (khi báo cáo đang soạn hoặc bị trả lại)",
)
def put_progress(request, assignment_id: int, rows: list[ProgressRowIn]):
    assignment = review_selectors.progress_page(request.auth, assignment_id)
    review.record_progress(
        request.auth,
        assignment_id=assignment.pk,
        rows={
            row.commitment: {
                "status": row.status,
                "value": row.value,
                "narrative": row.narrative,
                "evidence": "\n".join(row.evidence),
            }
            for row in rows
        },
    )
    return _rows(assignment)
