"""The one search over the API: the same selector, scope and pagination as the page."""

import datetime as dt

from ninja import Field, Query, Router, Schema

from danvan.api_errors import AUTHENTICATED, errors
from danvan.orgs.models import OrgUnit
from danvan.reporting.errors import NotFound
from danvan.reporting.periods import InvalidPeriod, parse_period

from . import selectors

router = Router(tags=["Tìm kiếm"])


class HitOut(Schema):
    kind: str
    kind_label: str
    title: str
    url: str
    excerpt_html: str = Field(description="Đoạn trích, từ khớp nằm trong <mark>")
    date: dt.date | None
    period: str


class FacetOut(Schema):
    kind: str
    label: str
    count: int


class SearchOut(Schema):
    query: str
    total: int
    page: int
    pages: int
    facets: list[FacetOut]
    results: list[HitOut]


class SearchFilters(Schema):
    q: str = Field(..., min_length=1, max_length=200, description="Từ khóa, có dấu hay không")
    kind: str = Field("", max_length=40, description="passage, document hoặc khóa của một sổ")
    unit: str = Field("", max_length=40, description="Mã đơn vị: chỉ trong cây đơn vị này")
    period: str = Field("", max_length=10, description="Mã kỳ, ví dụ 2026S1")
    page: int = Field(1, ge=1, le=100000)


@router.get(
    "/",
    response={200: SearchOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Tìm kiếm không dấu trong báo cáo, văn bản và các sổ (trong phạm vi được xem)",
)
def search(request, filters: Query[SearchFilters]):
    unit = None
    if filters.unit:
        unit = OrgUnit.objects.filter(code=filters.unit).first()
        if unit is None:
            raise NotFound("Không tìm thấy đơn vị.")
    period = ""
    if filters.period:
        try:
            period = parse_period(filters.period).code
        except InvalidPeriod as exc:
            return 400, {"detail": str(exc)}
    results = selectors.search(
        request.auth, filters.q, kind=filters.kind, unit=unit, period=period, page=filters.page
    )
    page = results.page
    return {
        "query": results.query,
        "total": results.total,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "facets": [{"kind": k, "label": label, "count": n} for k, label, n in results.facets],
        "results": [
            {
                "kind": h.kind,
                "kind_label": h.kind_label,
                "title": h.title,
                "url": h.url,
                "excerpt_html": str(h.excerpt),
                "date": h.date,
                "period": h.period_code,
            }
            for h in page
        ],
    }
