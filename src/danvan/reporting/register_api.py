"""The API of register figures on a submission (mounted under /api/reporting by reporting.api)
and the registers' items of the reporter's inbox."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Router, Schema

from danvan.api_errors import AUTHENTICATED, errors

from . import register_figures, selectors, services

router = Router(tags=["Báo cáo"])


class RegisterItemOut(Schema):
    register_label: str  # the register's name ("Chương trình phối hợp")
    title: str
    url: str
    due: dt.date | None
    overdue: bool
    note: str


class RegisterFigureOut(Schema):
    key: str
    label: str
    unit_of_measure: str
    current: Decimal | None
    value: Decimal
    same: bool
    provenance: str
    url: str
    register_key: str
    register_label: str


class RegisterFiguresOut(Schema):
    assignment_id: int
    version: int
    data_from: dt.date
    data_to: dt.date
    can_confirm: bool
    figures: list[RegisterFigureOut]


class RegisterConfirmIn(Schema):
    """`accept`: the keys to take ("code" or "code:option"); `expected`: optionally, per key,
    the value seen (a register that recounts differently answers 409 and saves nothing)."""

    base_version: int
    accept: list[str]
    expected: dict[str, Decimal | str | None] = {}


class RegisterConfirmOut(RegisterFiguresOut):
    revision: int


def inbox_items_out(user) -> list[dict]:
    return [
        {
            "register_label": item.register,
            "title": item.title,
            "url": item.url,
            "due": item.due,
            "overdue": item.overdue,
            "note": item.note,
        }
        for item in register_figures.inbox_items(user)
    ]


def _figures(user, assignment) -> dict:
    return {
        "assignment_id": assignment.pk,
        "version": assignment.submission.version,
        "data_from": assignment.request.data_from,
        "data_to": assignment.request.data_to,
        "can_confirm": services.may_edit(user, assignment),
        "figures": [
            {
                "key": p.key,
                "label": p.label,
                "unit_of_measure": p.unit_of_measure,
                "current": p.current,
                "value": p.value,
                "same": p.same,
                "provenance": p.provenance,
                "url": p.url,
                "register_key": p.register,
                "register_label": p.register_label,
            }
            for p in register_figures.proposals(assignment)
        ],
    }


@router.get(
    "/assignments/{assignment_id}/register-figures",
    response={200: RegisterFiguresOut, **errors(*AUTHENTICATED, 404)},
    summary="Số liệu sổ theo dõi tính được cho báo cáo (đề xuất, chưa lưu)",
)
def register_figures_get(request, assignment_id: int):
    assignment = selectors.get_assignment(request.auth, assignment_id)
    return _figures(request.auth, assignment)


@router.post(
    "/assignments/{assignment_id}/register-figures",
    response={200: RegisterConfirmOut, **errors(*AUTHENTICATED, 400, 404, 409)},
    summary="Xác nhận số liệu sổ theo dõi vào bản nháp (ghi nguồn từng số liệu)",
    description=(
        "200: đã lưu bản nháp; 400: không chọn số liệu nào, chỉ tiêu không do sổ theo dõi "
        "tính, giá trị không hợp lệ, hoặc báo cáo đã nộp/khóa; 403: không phải cán bộ báo cáo "
        "của đơn vị; 404: không có báo cáo; 409: người khác vừa lưu (base_version cũ) hoặc "
        "sổ theo dõi đã tính lại khác giá trị `expected`."
    ),
)
def register_figures_confirm(request, assignment_id: int, payload: RegisterConfirmIn):
    revision = register_figures.confirm(
        request.auth,
        assignment_id=assignment_id,
        base_version=payload.base_version,
        accept=payload.accept,
        expected=payload.expected,
    )
    assignment = selectors.get_assignment(request.auth, assignment_id)
    return {**_figures(request.auth, assignment), "revision": revision.number}
