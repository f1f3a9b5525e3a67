"""The people's situation over the API, with the pages' rules: signals (a source's name only
for those who may read it), recording a signal, issues with their actions, and the drafted
report for a unit and period."""

import datetime as dt

from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from danvan.accounts import permissions
from danvan.api_errors import AUTHENTICATED, errors
from danvan.orgs.models import OrgUnit
from danvan.reporting.periods import InvalidPeriod, parse_period

from . import drafting, hotspots, selectors, services
from .models import Intensity, SocialGroup, Topic

router = Router(tags=["Tình hình Nhân dân"])


class SignalOut(Schema):
    id: int
    observed_on: dt.date
    unit_code: str
    unit_name: str
    area: str
    channel: str
    topic: str
    groups: list[str]
    direction: str
    intensity: int
    spread: str
    subject: str
    text: str
    restricted: bool
    issue_id: int | None
    source: str | None = Field(
        None, description="Người cung cấp thông tin: chỉ đơn vị ghi nhận và người được cấp quyền"
    )


class SignalIn(Schema):
    unit: str = Field(..., max_length=40, description="Mã đơn vị ghi nhận")
    observed_on: dt.date
    channel: str = Field(..., max_length=20)
    topic: str = Field(..., max_length=40, description="Mã chủ đề")
    direction: str = Field(..., max_length=20)
    spread: str = Field(..., max_length=20)
    intensity: int = Field(Intensity.VUA, ge=1, le=3)
    text: str = Field(..., max_length=5000)
    area: str = Field("", max_length=200)
    groups: list[str] = Field(default_factory=list, max_length=20)
    subject: str = Field("", max_length=300)
    source_name: str = Field("", max_length=200)
    restricted: bool = False


class SignalFiltersIn(Schema):
    unit: str = Field("", max_length=40)
    topic: str = Field("", max_length=40)
    direction: str = Field("", max_length=20)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = Field("", max_length=100)


class ActionOut(Schema):
    date: dt.date
    text: str
    actor_name: str
    level: str
    status: str


class IssueOut(Schema):
    id: int
    title: str
    unit_code: str
    area: str
    topic: str
    level: str
    status: str
    lead_agency: str
    opened_on: dt.date
    closed_on: dt.date | None
    restricted: bool


class IssueDetailOut(IssueOut):
    actions: list[ActionOut]
    signal_ids: list[int]


class ActionIn(Schema):
    date: dt.date
    text: str = Field(..., max_length=5000)
    level: str = Field(..., max_length=12)
    status: str = Field(..., max_length=16)
    actor_name: str = Field("", max_length=200)
    next_update: dt.date | None = None


class DraftOut(Schema):
    unit_code: str
    date_from: dt.date
    date_to: dt.date
    signal_count: int
    previous_count: int
    sections: dict[str, str]


def _signal(s, readable) -> dict:
    return {
        "id": s.pk,
        "observed_on": s.observed_on,
        "unit_code": s.unit.code,
        "unit_name": s.unit.name,
        "area": s.area,
        "channel": s.channel,
        "topic": s.topic.code,
        "groups": [g.code for g in s.groups.all()],
        "direction": s.direction,
        "intensity": s.intensity,
        "spread": s.spread,
        "subject": s.subject,
        "text": s.text,
        "restricted": s.restricted,
        "issue_id": s.issue_id,
        "source": selectors.shown_source(s, readable),
    }


def _issue(i) -> dict:
    return {
        "id": i.pk,
        "title": i.title,
        "unit_code": i.unit.code,
        "area": i.area,
        "topic": i.topic.code,
        "level": i.level,
        "status": i.status,
        "lead_agency": i.lead_agency,
        "opened_on": i.opened_on,
        "closed_on": i.closed_on,
        "restricted": i.restricted,
    }


def _unit(code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise HttpError(404, f"Không có đơn vị mã “{code}”.")
    return unit


@router.get(
    "/signals",
    response={200: list[SignalOut], **errors(*AUTHENTICATED, 404)},
    summary="Sổ ý kiến, dư luận: lọc, phân trang",
)
@paginate(PageNumberPagination, page_size=50)
def signals(request, filters: Query[SignalFiltersIn]):
    permissions.require(request.auth, "sentiment.view")
    chosen = selectors.SignalFilters(
        unit=_unit(filters.unit) if filters.unit else None,
        topic=filters.topic,
        direction=filters.direction,
        date_from=filters.date_from,
        date_to=filters.date_to,
        query=filters.q,
    )
    readable = selectors.source_units(request.auth)
    return [_signal(s, readable) for s in selectors.filtered_signals(request.auth, chosen)]


@router.get(
    "/signals/{signal_id}",
    response={200: SignalOut, **errors(*AUTHENTICATED, 404)},
    summary="Một ý kiến",
)
def signal(request, signal_id: int):
    try:
        found = selectors.get_signal(request.auth, signal_id)
    except selectors.NotFound as exc:
        raise HttpError(404, exc.message) from exc
    readable = selectors.source_units(request.auth)
    if found.has_source and found.unit_id in readable:
        services.log_source_read(request.auth, found)
    return _signal(found, readable)


@router.post(
    "/signals",
    response={201: SignalOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Ghi nhận một ý kiến, dư luận",
)
def record(request, payload: SignalIn):
    topic = Topic.objects.filter(code=payload.topic, active=True).first()
    try:
        created = services.record_signal(
            request.auth,
            unit=_unit(payload.unit),
            observed_on=payload.observed_on,
            channel=payload.channel,
            topic=topic,
            direction=payload.direction,
            spread=payload.spread,
            intensity=payload.intensity,
            text=payload.text,
            area=payload.area,
            groups=SocialGroup.objects.filter(code__in=payload.groups, active=True),
            subject=payload.subject,
            source_name=payload.source_name,
            restricted=payload.restricted,
        )
    except services.SentimentError as exc:
        raise HttpError(400, " ".join(exc.messages)) from exc
    return Status(201, _signal(created, selectors.source_units(request.auth)))


@router.get(
    "/issues",
    response={200: list[IssueOut], **errors(*AUTHENTICATED)},
    summary="Vụ việc, điểm nóng",
)
@paginate(PageNumberPagination, page_size=50)
def issues(request, level: str = Query("", max_length=12)):
    permissions.require(request.auth, "sentiment.view")
    found = selectors.visible_issues(request.auth)
    if level:
        found = found.filter(level=level)
    return [_issue(i) for i in found]


@router.get(
    "/issues/{issue_id}",
    response={200: IssueDetailOut, **errors(*AUTHENTICATED, 404)},
    summary="Một vụ việc với diễn biến và các ý kiến đã gộp",
)
def issue(request, issue_id: int):
    try:
        found = selectors.get_issue(request.auth, issue_id)
    except selectors.NotFound as exc:
        raise HttpError(404, exc.message) from exc
    visible = selectors.visible_signals(request.auth).filter(issue=found)
    return {
        **_issue(found),
        "actions": list(found.actions.all()),
        "signal_ids": list(visible.values_list("pk", flat=True)),
    }


@router.post(
    "/issues/{issue_id}/actions",
    response={201: IssueDetailOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Ghi một diễn biến (mức độ, trạng thái sau đó)",
)
def action(request, issue_id: int, payload: ActionIn):
    try:
        found = selectors.get_issue(request.auth, issue_id)
    except selectors.NotFound as exc:
        raise HttpError(404, exc.message) from exc
    try:
        hotspots.record_action(request.auth, found, **payload.dict())
    except services.SentimentError as exc:
        raise HttpError(400, " ".join(exc.messages)) from exc
    return Status(201, issue(request, issue_id))


@router.get(
    "/report",
    response={200: DraftOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Dự thảo báo cáo tình hình Nhân dân và dư luận xã hội của một đơn vị cho một kỳ",
)
def report(request, unit: str = Query(..., max_length=40), period: str = Query(..., max_length=10)):
    found = _unit(unit)
    permissions.require(request.auth, "sentiment.view", found)
    try:
        spec = parse_period(period)
    except InvalidPeriod as exc:
        raise HttpError(400, str(exc)) from exc
    result = drafting.draft(found, spec.start, spec.end)
    return {
        "unit_code": found.code,
        "date_from": result.date_from,
        "date_to": result.date_to,
        "signal_count": result.signal_count,
        "previous_count": result.previous_count,
        "sections": result.sections,
    }
