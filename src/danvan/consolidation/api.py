from __future__ import annotations

from decimal import Decimal

from ninja import Query, Router, Schema

from danvan.api_errors import AUTHENTICATED, errors
from danvan.orgs.selectors import get_unit
from danvan.reporting import selectors as reporting_selectors

from . import selectors

router = Router(tags=["Tổng hợp"])


class LineOut(Schema):
    indicator: str
    indicator_name: str
    option: str | None
    option_name: str | None
    unit_of_measure: str
    value: Decimal | None
    previous: Decimal | None
    change: Decimal | None
    change_percent: Decimal | None
    # What the registers compute for the same unit and data window (null when none does).
    computed: Decimal | None = None
    computed_provenance: str | None = None
    computed_url: str | None = None
    differs: bool = False  # "Chênh lệch so với sổ theo dõi"


class PassageOut(Schema):
    unit_name: str
    text: str


class SectionOut(Schema):
    key: str
    label: str
    title: str
    level: int
    passages: list[PassageOut]


class UnitValuesOut(Schema):
    unit_name: str
    values: dict[str, Decimal]
    sources: dict[str, dict]  # for values read from a file: the figure, sentence, file


class ConsolidationOut(Schema):
    unit: str
    period: str
    previous_period: str
    request_id: int | None
    counted_submissions: int
    lines: list[LineOut]
    units: list[UnitValuesOut]  # one page of the units, in path order
    units_page: int
    units_pages: int
    units_count: int
    sections: list[SectionOut]


@router.get(
    "",
    response={200: ConsolidationOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Tổng hợp số liệu và nội dung theo đơn vị và kỳ",
)
def consolidation(
    request,
    unit: str,
    period: str,
    request_id: int | None = None,
    accepted_only: bool = False,
    page: int = Query(
        1, ge=1, le=10**6, description="trang của danh sách đơn vị (20 đơn vị một trang)"
    ),
):
    root = get_unit(unit, request.auth)
    report_request = (
        reporting_selectors.get_request(request.auth, request_id, "consolidation.view")
        if request_id
        else None
    )
    result = selectors.consolidate(request.auth, root, period, report_request, accepted_only)
    units = result.units_page(page)
    return {
        "unit": root.code,
        "period": result.period_code,
        "previous_period": result.previous_code,
        "request_id": request_id,
        "counted_submissions": result.counted_submissions,
        "lines": [
            {
                "indicator": line.indicator.code,
                "indicator_name": line.indicator.name,
                "option": line.option_code,
                "option_name": line.option_name,
                "unit_of_measure": line.indicator.unit_of_measure,
                "value": line.value,
                "previous": line.previous,
                "change": line.change,
                "change_percent": line.change_percent,
                "computed": line.computed_value,
                "computed_provenance": line.computed.provenance if line.computed else None,
                "computed_url": (line.computed.url or None) if line.computed else None,
                "differs": line.differs,
            }
            for line in result.compared
        ],
        "units": [
            {"unit_name": name, "values": values, "sources": units.sources.get(name, {})}
            for name, values in units.units
        ],
        "units_page": units.page.number,
        "units_pages": units.page.paginator.num_pages,
        "units_count": units.page.paginator.count,
        "sections": [
            {
                "key": s.key,
                "label": s.label,
                "title": s.title,
                "level": s.level,
                "passages": [{"unit_name": p.unit_name, "text": p.text} for p in s.passages],
            }
            for s in result.sections
        ],
    }
