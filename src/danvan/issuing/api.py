"""“Xuất văn bản” over the API: a unit's submission or a request's consolidation as a Word
or PDF file, drafted or numbered, through the same function as the export page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from django.http import HttpResponse
from ninja import Field, Router, Schema
from pydantic import field_validator

from danvan.api_errors import AUTHENTICATED, errors
from danvan.publish import LAYOUTS

from . import services, targets

router = Router(tags=["Xuất văn bản"])

# Characters a Word document cannot hold (XML 1.0): control characters and lone surrogates.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

FILE_RESPONSE = {
    "description": "Tệp văn bản (DOCX hoặc PDF, theo `fmt`).",
    "content": {
        content_type: {"schema": {"type": "string", "format": "binary"}}
        for content_type in services.CONTENT_TYPES.values()
    },
}


class ExportIn(Schema):
    """What the export page asks; anything left out takes the page's suggestion."""

    fmt: Literal["docx", "pdf"] = "docx"
    layout: Literal[("auto", *LAYOUTS)] = Field(
        "auto", description="Thể thức: auto (theo hệ thống và ngày) hoặc một thể thức cụ thể"
    )
    day: dt.date | None = Field(None, description="Ngày văn bản; mặc định: ngày gợi ý")
    allocate: bool = Field(False, description="Cấp số chính thức (ghi vào sổ văn bản)")
    number: int | None = Field(
        None, ge=1, le=99999, description="Số đã dành sẵn; bỏ trống: số kế tiếp"
    )
    place: str | None = Field(None, max_length=80)
    recipients: list[str] | None = Field(None, max_length=30)
    authority: list[str] | None = Field(None, max_length=2)
    signer_title: str | None = Field(None, max_length=120)
    signer_name: str = Field("", max_length=120)

    @field_validator("place", "signer_title", "signer_name", "recipients", "authority")
    @classmethod
    def _printable(cls, value):
        for text in value if isinstance(value, list) else [value]:
            if text is not None and (len(text) > 300 or _NOT_IN_XML.search(text)):
                raise ValueError("có ký tự không in được hoặc quá dài")
        return value


def _export(request, target: targets.ExportTarget, payload: ExportIn) -> HttpResponse:
    options = targets.suggested_options(target, payload.day or target.default_day)
    given = payload.model_dump(
        include={"place", "recipients", "authority", "signer_title", "signer_name"},
        exclude_none=True,
    )
    for name, value in given.items():
        setattr(options, name, value)
    exported = services.export_document(
        request.auth,
        target,
        options,
        layout=payload.layout,
        fmt=payload.fmt,
        allocate=payload.allocate,
        number=payload.number,
    )
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


@router.post(
    "/submissions/{assignment_id}",
    response={200: None, **errors(*AUTHENTICATED, 400, 404, 409)},
    openapi_extra={"responses": {200: FILE_RESPONSE}},
    summary="Xuất báo cáo của một đơn vị (DOCX/PDF)",
    description="Cán bộ báo cáo của đơn vị. 409: số văn bản yêu cầu đã được cấp.",
)
def export_submission(request, assignment_id: int, payload: ExportIn):
    return _export(request, targets.submission_target(request.auth, assignment_id), payload)


@router.post(
    "/consolidations/{request_id}",
    response={200: None, **errors(*AUTHENTICATED, 400, 404, 409)},
    openapi_extra={"responses": {200: FILE_RESPONSE}},
    summary="Xuất báo cáo tổng hợp của một yêu cầu (DOCX/PDF)",
    description="Cán bộ điều phối và lãnh đạo của ban đã ban hành yêu cầu. 409: số đã được cấp.",
)
def export_consolidation(request, request_id: int, payload: ExportIn):
    return _export(request, targets.consolidation_target(request.auth, request_id), payload)
