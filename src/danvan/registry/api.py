"""The document registry over the API: search and filter the documents, open one with the
reports citing it that the caller may read (the same selectors as the pages)."""

import datetime as dt

from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from danvan.api_errors import AUTHENTICATED, errors
from danvan.reporting.errors import NotFound

from . import selectors
from .models import Document

router = Router(tags=["Sổ văn bản"])


class DocumentOut(Schema):
    id: int
    kind: str
    system: str
    number: str
    year: int | None
    type_code: str
    issuer_code: str
    symbol: str
    date: dt.date | None
    issued_by: str
    title: str


class CitationOut(Schema):
    assignment_id: int
    request_id: int
    request_title: str
    period: str
    unit_code: str
    unit_name: str
    sentence: str
    where: str


class DocumentDetailOut(DocumentOut):
    citations: list[CitationOut]


class RegistryFilters(Schema):
    q: str = Field("", max_length=200, description="Từ khóa (số ký hiệu, trích yếu; không dấu)")
    type_code: str = Field("", max_length=10, description="Mã loại văn bản, ví dụ CT, KH, QĐ")
    issuer_code: str = Field("", max_length=60, description="Ký hiệu cơ quan ban hành")
    year: int | None = Field(None, ge=1900, le=2200, description="Năm ban hành")


def _document(d: Document) -> dict:
    return {
        "id": d.pk,
        "kind": d.kind,
        "system": d.system,
        "number": d.number,
        "year": d.year,
        "type_code": d.type_code,
        "issuer_code": d.issuer_code,
        "symbol": d.symbol,
        "date": d.date,
        "issued_by": d.issued_by,
        "title": d.title,
    }


def _citation(c) -> dict:
    assignment = c.submission.assignment
    return {
        "assignment_id": assignment.pk,
        "request_id": assignment.request_id,
        "request_title": assignment.request.title,
        "period": assignment.request.period.code,
        "unit_code": assignment.unit.code,
        "unit_name": assignment.unit_name,
        "sentence": c.sentence,
        "where": c.where,
    }


@router.get(
    "/documents",
    response={200: list[DocumentOut], **errors(*AUTHENTICATED)},
    summary="Sổ văn bản: tìm kiếm, lọc, phân trang",
)
@paginate(PageNumberPagination, page_size=50)
def documents(request, filters: Query[RegistryFilters]):
    found = selectors.registry(
        request.auth, filters.q, filters.type_code, filters.issuer_code, filters.year
    )
    return [_document(m.document) for m in found]


@router.get(
    "/documents/{document_id}",
    response={200: DocumentDetailOut, **errors(*AUTHENTICATED, 404)},
    summary="Một văn bản và các báo cáo trích dẫn nó (trong phạm vi được xem)",
)
def document(request, document_id: int):
    found = selectors.get_document(request.auth, document_id)
    if found is None:
        raise NotFound("Không tìm thấy văn bản trong sổ.")
    return {
        **_document(found),
        "citations": [_citation(c) for c in selectors.citations_for(request.auth, found)],
    }
