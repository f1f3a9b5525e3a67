"""The register's provider: catalogue figures for a unit subtree and window (with provenance
in Vietnamese), inbox items, tiles, search and the demo."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse

from danvan.accounts import permissions
from danvan.registers import ComputedFigure, InboxItem, SearchHit, Tile

from . import selectors
from .catalogue import DIRECTIONS, INDICATORS, LEVELS, TOPICS
from .models import OPEN_STATUSES, Collaborator, CollaboratorMeeting, IssueAction, Level, Status

LABEL = "Tình hình Nhân dân"
STALE_DAYS = 30  # an open hot spot or risk without an action for this long needs an update

OPTIONS = {
    "tt-chu-de": [code for code, _name, _section in TOPICS],
    "tt-khuynh-huong": [code for code, _ in DIRECTIONS],
    "tt-muc-do": [code for code, _ in LEVELS],
}


class SentimentProvider:
    key = "sentiment"
    label = LABEL

    def indicators(self) -> list[tuple[str, str | None]]:
        pairs: list[tuple[str, str | None]] = []
        for code, _name, _unit, category in INDICATORS:
            pairs.append((code, None))
            pairs.extend((code, option) for option in OPTIONS.get(category, []))
        return pairs

    def figures(self, *, unit, date_from, date_to, wanted=None) -> list[ComputedFigure]:
        window = f"từ {date_from:%d/%m/%Y} đến {date_to:%d/%m/%Y}"
        where = f"{unit.name} và các đơn vị trực thuộc"
        url = reverse("sentiment:signals") + (
            f"?don-vi={unit.code}&tu={date_from:%d/%m/%Y}&den={date_to:%d/%m/%Y}"
        )
        signals = list(
            selectors.window_signals(unit, date_from, date_to).values_list(
                "topic__code", "direction"
            )
        )
        out: list[ComputedFigure] = []

        def add(code, option, value, provenance, link=url):
            out.append(ComputedFigure(code, option, Decimal(value), provenance, link))

        base = f"ý kiến, dư luận {where} ghi nhận {window} (không tính ý kiến hạn chế trong đơn vị)"
        by_topic = Counter(t for t, _ in signals)
        by_direction = Counter(d for _, d in signals)
        add("tt_y_kien_chu_de", None, len(signals), f"Đếm {len(signals)} {base}")
        add("tt_y_kien_khuynh_huong", None, len(signals), f"Đếm {len(signals)} {base}")
        for code in OPTIONS["tt-chu-de"]:
            add(
                "tt_y_kien_chu_de",
                code,
                by_topic[code],
                f"Đếm {by_topic[code]} {base}, theo chủ đề",
            )
        for code in OPTIONS["tt-khuynh-huong"]:
            add(
                "tt_y_kien_khuynh_huong",
                code,
                by_direction[code],
                f"Đếm {by_direction[code]} {base}, theo khuynh hướng",
            )
        meetings = CollaboratorMeeting.objects.filter(
            unit__path__startswith=unit.path, held_on__gte=date_from, held_on__lte=date_to
        ).count()
        add(
            "tt_hoi_nghi_ctv",
            None,
            meetings,
            f"Đếm {meetings} hội nghị cộng tác viên dư luận xã hội của {where} {window}",
        )
        active = Collaborator.objects.filter(unit__path__startswith=unit.path, active=True).count()
        add(
            "tt_ctv_hoat_dong",
            None,
            active,
            f"Đếm {active} cộng tác viên đang hoạt động trong danh sách của {where}",
        )
        issues = list(selectors.window_issues(unit))
        recurring_ids = set(
            IssueAction.objects.filter(
                issue__in=issues, status=Status.TAI_PHAT, date__gte=date_from, date__lte=date_to
            ).values_list("issue_id", flat=True)
        )
        groups = {
            "tt_vu_viec_dang_mo": (
                selectors.open_on(issues, date_to),
                f"đang theo dõi (chưa giải quyết) ngày {date_to:%d/%m/%Y}",
            ),
            "tt_vu_viec_moi": (
                [i for i in issues if date_from <= i.opened_on <= date_to],
                f"phát sinh {window}",
            ),
            "tt_vu_viec_giai_quyet": (
                [i for i in issues if i.closed_on and date_from <= i.closed_on <= date_to],
                f"giải quyết xong {window}",
            ),
            "tt_vu_viec_tai_phat": (
                [i for i in issues if i.pk in recurring_ids],
                f"tái phát {window}",
            ),
        }
        issues_url = reverse("sentiment:issues") + f"?don-vi={unit.code}"
        for code, (chosen, phrase) in groups.items():
            text = f"vụ việc, điểm nóng của {where} {phrase}"
            add(code, None, len(chosen), f"Đếm {len(chosen)} {text}", issues_url)
            levels = Counter(i.level for i in chosen)
            for level in OPTIONS["tt-muc-do"]:
                label = dict(LEVELS)[level].lower()
                add(
                    code,
                    level,
                    levels[level],
                    f"Đếm {levels[level]} {text}, mức {label}",
                    issues_url,
                )
        if wanted is not None:
            out = [f for f in out if f.key in wanted]
        return out

    def inbox_items(self, user, today: dt.date) -> list[InboxItem]:
        paths = permissions.scope_paths(user, "sentiment.issues")
        if paths == []:
            return []
        issues = selectors._scoped(
            selectors.Issue.objects.filter(status__in=OPEN_STATUSES), user, "sentiment.issues"
        ).select_related("unit")
        latest = selectors.last_actions(issues)
        items = []
        for issue in issues:
            url = reverse("sentiment:issue", args=[issue.pk])
            last = latest.get(issue.pk)
            last_day = last.date if last else issue.opened_on
            if issue.next_update is not None and issue.next_update <= today + dt.timedelta(7):
                overdue = issue.next_update < today
                items.append(
                    InboxItem(
                        LABEL,
                        f"Cập nhật vụ việc: {issue.title}",
                        url,
                        issue.next_update,
                        overdue,
                        "Quá hạn cập nhật" if overdue else "Đến hạn cập nhật",
                    )
                )
            elif issue.level != Level.THEO_DOI and (today - last_day).days > STALE_DAYS:
                items.append(
                    InboxItem(
                        LABEL,
                        f"{issue.get_level_display()} chưa cập nhật: {issue.title}",
                        url,
                        last_day + dt.timedelta(STALE_DAYS),
                        True,
                        f"Diễn biến gần nhất ngày {last_day:%d/%m/%Y}",
                    )
                )
        return items

    def tiles(self, user, today: dt.date) -> list[Tile]:
        if permissions.scope_paths(user, "sentiment.view") == []:
            return []
        counts = Counter(
            selectors.visible_issues(user)
            .filter(status__in=OPEN_STATUSES)
            .values_list("level", flat=True)
        )
        url = reverse("sentiment:issues")
        return [
            Tile(LABEL, f"Vụ việc {label.lower()} đang mở", counts[code], f"{url}?muc-do={code}")
            for code, label in reversed(LEVELS)
        ]

    def search(self, user, query: str, limit: int = 20) -> list[SearchHit]:
        query = (query or "").strip()
        if not query or permissions.scope_paths(user, "sentiment.view") == []:
            return []
        hits: list[SearchHit] = []
        for issue in selectors.visible_issues(user).filter(
            Q(title__icontains=query) | Q(area__icontains=query) | Q(description__icontains=query)
        )[:limit]:
            hits.append(
                SearchHit(
                    LABEL,
                    issue.title,
                    reverse("sentiment:issue", args=[issue.pk]),
                    f"{issue.get_level_display()} — {issue.get_status_display()}",
                    issue.opened_on,
                )
            )
        signals = selectors.visible_signals(user).filter(
            Q(text__icontains=query) | Q(area__icontains=query)
        )
        for signal in signals[: max(0, limit - len(hits))]:
            # A hit shows the de-named text only: never the source.
            hits.append(
                SearchHit(
                    LABEL,
                    f"Ý kiến về {signal.topic.name}",
                    reverse("sentiment:signal", args=[signal.pk]),
                    signal.text[:200],
                    signal.observed_on,
                )
            )
        return hits[:limit]

    def assignment_links(self, user, assignment) -> list[tuple[str, str]]:
        """On a report being answered: draft its situation from the log, and propose signals
        from the report's own situation section."""
        if not permissions.has_permission(user, "sentiment.view", assignment.unit):
            return []
        period = assignment.request.period
        links = [
            (
                "Tổng hợp tình hình Nhân dân từ sổ ý kiến",
                reverse("sentiment:report")
                + f"?unit={assignment.unit.code}&date_from={period.start:%Y-%m-%d}"
                f"&date_to={period.end:%Y-%m-%d}",
            )
        ]
        if permissions.has_permission(user, "sentiment.record", assignment.unit):
            links.append(
                (
                    "Đề xuất ý kiến, dư luận từ báo cáo này",
                    reverse("sentiment:proposals", args=[assignment.pk]),
                )
            )
        return links

    def load_demo(self):
        from .demo import load

        return load()
