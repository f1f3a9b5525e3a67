"""Writes of issues and hot spots: open one (from signals), attach signals, record dated
actions that move its level and status, link other records, and escalate a new "điểm nóng"
to the level above, whose coordinator opens an ad-hoc report request in one click."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.notifications.services import notify_unit_members
from danvan.orgs.models import OrgUnit
from danvan.reporting import clock
from danvan.reporting import services as reporting_services
from danvan.reporting.errors import ReportingError
from danvan.reporting.models import ReportTemplate

from . import selectors
from .catalogue import SECTIONS
from .models import Issue, IssueAction, IssueLink, Level, LinkKind, Signal, Status, Topic
from .services import SHORT_MAX, TEXT_MAX, SentimentError, check_day, check_texts

LEVEL_ORDER = {Level.THEO_DOI: 0, Level.NGUY_CO: 1, Level.DIEM_NONG: 2}


def _issue_problems(title, topic, level, status, opened_on, texts) -> list[str]:
    errors: list[str] = [] if (title or "").strip() else ["Cần nhập tên vụ việc."]
    if topic is None:
        errors.append("Cần chọn chủ đề trong danh mục.")
    if level not in Level.values:
        errors.append("Mức độ phải là theo dõi, nguy cơ hoặc điểm nóng.")
    if status not in Status.values:
        errors.append("Trạng thái không hợp lệ.")
    check_day(errors, opened_on, "ngày phát sinh", clock.today())
    check_texts(errors, **texts)
    return list(dict.fromkeys(errors))


def open_issue(
    actor,
    *,
    unit: OrgUnit,
    title: str,
    topic: Topic | None,
    opened_on: dt.date | None,
    level: str = Level.THEO_DOI,
    status: str = Status.MOI,
    area: str = "",
    lead_agency: str = "",
    commitment: str = "",
    description: str = "",
    next_update: dt.date | None = None,
    restricted: bool = False,
    coordinating_units=(),
    signals=(),
) -> Issue:
    permissions.require(actor, "sentiment.issues", unit)
    errors = _issue_problems(
        title,
        topic,
        level,
        status,
        opened_on,
        {
            "title": ("Tên vụ việc", title, 300),
            "area": ("Địa bàn", area, SHORT_MAX),
            "lead": ("Cơ quan chủ trì", lead_agency, SHORT_MAX),
            "commitment": ("Cam kết phối hợp", commitment, 300),
            "description": ("Diễn biến", description, TEXT_MAX),
        },
    )
    if errors:
        raise SentimentError(*errors)
    with transaction.atomic():
        issue = Issue.objects.create(
            unit=unit,
            title=title.strip(),
            topic=topic,
            level=level,
            status=status,
            area=area.strip(),
            lead_agency=lead_agency.strip(),
            commitment=commitment.strip(),
            description=description.strip(),
            opened_on=opened_on,
            closed_on=opened_on if status == Status.DA_GIAI_QUYET else None,
            next_update=next_update,
            restricted=restricted,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        if coordinating_units:
            issue.coordinating_units.set(coordinating_units)
        record_event(actor, "sentiment.issue.open", "Issue", issue.pk, summary=issue.title)
        if signals:
            _attach(actor, issue, signals)
        if level == Level.DIEM_NONG:
            _escalate(actor, issue)
    return issue


def attach_signals(actor, issue: Issue, signal_ids) -> int:
    permissions.require(actor, "sentiment.issues", issue.unit)
    signals = list(selectors.visible_signals(actor).filter(pk__in=list(signal_ids)))
    with transaction.atomic():
        return _attach(actor, issue, signals)


def _attach(actor, issue: Issue, signals) -> int:
    outside = [s for s in signals if not s.unit.path.startswith(issue.unit.path)]
    if outside:
        raise SentimentError(
            "Chỉ gộp được ý kiến của đơn vị theo dõi vụ việc và các đơn vị trực thuộc."
        )
    if not issue.restricted and any(s.restricted for s in signals):
        raise SentimentError(
            "Ý kiến hạn chế trong đơn vị chỉ gộp vào vụ việc cũng hạn chế trong đơn vị."
        )
    count = Signal.objects.filter(pk__in=[s.pk for s in signals]).update(issue=issue)
    record_event(
        actor,
        "sentiment.issue.attach",
        "Issue",
        issue.pk,
        after={"signals": sorted(s.pk for s in signals)},
    )
    return count


def record_action(
    actor,
    issue: Issue,
    *,
    date: dt.date | None,
    text: str,
    level: str,
    status: str,
    actor_name: str = "",
    next_update: dt.date | None = None,
) -> IssueAction:
    """A dated step; the issue takes the level and status after it. Resolving closes it,
    "tái phát" reopens it, and reaching "điểm nóng" tells the level above."""
    permissions.require(actor, "sentiment.issues", issue.unit)
    errors: list[str] = [] if (text or "").strip() else ["Cần nhập nội dung diễn biến, xử lý."]
    check_day(errors, date, "ngày", clock.today())
    if date and issue.opened_on and date < issue.opened_on:
        errors.append(f"Ngày trước ngày phát sinh vụ việc ({issue.opened_on:%d/%m/%Y}).")
    if level not in Level.values:
        errors.append("Mức độ phải là theo dõi, nguy cơ hoặc điểm nóng.")
    if status not in Status.values:
        errors.append("Trạng thái không hợp lệ.")
    elif status == Status.TAI_PHAT and issue.status != Status.DA_GIAI_QUYET:
        errors.append("Chỉ vụ việc đã giải quyết mới chuyển sang “tái phát”.")
    check_texts(
        errors,
        text=("Nội dung", text, TEXT_MAX),
        by=("Đơn vị thực hiện", actor_name, SHORT_MAX),
    )
    if errors:
        raise SentimentError(*list(dict.fromkeys(errors)))
    with transaction.atomic():
        before = {"level": issue.level, "status": issue.status}
        action = IssueAction.objects.create(
            issue=issue,
            date=date,
            text=text.strip(),
            actor_name=actor_name.strip(),
            level=level,
            status=status,
            recorded_by=actor if getattr(actor, "pk", None) else None,
        )
        heated = LEVEL_ORDER[level] > LEVEL_ORDER[issue.level] and level == Level.DIEM_NONG
        issue.level, issue.status = level, status
        if status == Status.DA_GIAI_QUYET:
            issue.closed_on = date
        elif issue.closed_on is not None:
            issue.closed_on = None
        issue.next_update = next_update
        issue.save()
        record_event(
            actor,
            "sentiment.issue.action",
            "Issue",
            issue.pk,
            summary=text[:200],
            before=before,
            after={"level": level, "status": status, "date": date.isoformat()},
        )
        if heated:
            _escalate(actor, issue)
    return action


def _escalate(actor, issue: Issue) -> int:
    """Tell the coordinators above the unit that the issue is now a hot spot."""
    issue.escalated_at = clock.now()
    issue.save(update_fields=["escalated_at"])
    if issue.parent_unit is None:
        return 0
    text = f"Điểm nóng mới tại {issue.unit.name}: {issue.title}. Có thể yêu cầu báo cáo đột xuất."
    key = f"sentiment.hotspot:{issue.pk}:{issue.escalated_at:%Y%m%d%H%M%S%f}"
    sent = notify_unit_members(
        issue.parent_unit,
        "coordinator",
        text,
        f"/tinh-hinh-nhan-dan/vu-viec/{issue.pk}/",
        key=key,
        email=True,
    )
    record_event(
        actor, "sentiment.issue.escalate", "Issue", issue.pk, summary=text, after={"sent": sent}
    )
    return sent


def adhoc_issuer(actor, issue: Issue) -> OrgUnit | None:
    """The unit above the issue's on whose behalf `actor` may issue requests, if any."""
    paths = permissions.scope_paths(actor, "reporting.issue")
    if paths is permissions.GLOBAL_SCOPE:
        return issue.parent_unit
    roots = [p for p in paths if issue.unit.path.startswith(p) and p != issue.unit.path]
    if not roots:
        return None
    return OrgUnit.objects.filter(path=max(roots, key=len)).first()


def request_adhoc_report(actor, issue: Issue, *, deadline: dt.date | None = None) -> Issue:
    """One click from the hot spot: an ad-hoc ("đột xuất") report request to the issue's unit,
    through the reporting cycle, under an outline owned by the requesting board."""
    issuer = adhoc_issuer(actor, issue)
    if issuer is None:
        raise permissions.ScopeDenied(
            "Chỉ cán bộ điều phối của cấp trên đơn vị theo dõi vụ việc được yêu cầu báo cáo "
            "đột xuất."
        )
    if issue.adhoc_request_id:
        raise SentimentError("Đã có yêu cầu báo cáo đột xuất cho vụ việc này.")
    today = clock.today()
    deadline = deadline or today + dt.timedelta(days=3)
    if deadline < today:
        raise SentimentError("Hạn nộp báo cáo đột xuất không được trước hôm nay.")
    code = f"tt-dot-xuat-{issuer.code.lower()}"[:60]
    with transaction.atomic():
        template = ReportTemplate.objects.filter(code=code).order_by("-version").first()
        try:
            if template is None:
                template = reporting_services.create_template(
                    actor,
                    issuer,
                    code,
                    "Báo cáo đột xuất tình hình Nhân dân và dư luận xã hội",
                    [
                        {"key": k, "label": str(n), "title": t}
                        for n, (k, t) in enumerate(SECTIONS, 1)
                    ],
                    [],
                )
            request = reporting_services.issue_request(
                actor,
                issuer=issuer,
                title=f"Báo cáo đột xuất tình hình điểm nóng: {issue.title}"[:300],
                template=template,
                period_code=f"{today:%Y%m}",
                unit_codes=[issue.unit.code],
                deadline=deadline,
            )
        except ReportingError as exc:
            raise SentimentError(*exc.messages) from exc
        issue.adhoc_request = request
        issue.save(update_fields=["adhoc_request"])
        record_event(
            actor, "sentiment.issue.adhoc_request", "Issue", issue.pk, summary=request.title
        )
    return issue


def add_link(actor, issue: Issue, *, kind: str, reference: str, label: str = "") -> IssueLink:
    permissions.require(actor, "sentiment.issues", issue.unit)
    errors: list[str] = [] if (reference or "").strip() else ["Cần nhập số, mã hồ sơ liên quan."]
    if kind not in LinkKind.values:
        errors.append("Loại liên kết không hợp lệ.")
    check_texts(errors, ref=("Số, mã hồ sơ", reference, 120), label=("Mô tả", label, 300))
    if errors:
        raise SentimentError(*errors)
    with transaction.atomic():
        link = IssueLink.objects.create(
            issue=issue, kind=kind, reference=reference.strip(), label=label.strip()
        )
        record_event(actor, "sentiment.issue.link", "Issue", issue.pk, summary=str(link))
    return link
