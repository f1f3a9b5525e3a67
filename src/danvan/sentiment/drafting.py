"""The periodic "Báo cáo tình hình Nhân dân và dư luận xã hội", drafted from the log.

Deterministic templates over the data (no model): for a unit subtree and a window, each
section of the usual outline gets plain Vietnamese sentences — per topic, the number of
signals, their direction, the groups concerned, the trend against the previous window of the
same length and a typical (de-named) opinion; then the hot spots and the recommendations.
Restricted signals and issues never enter a draft; names of sources never do. Every section
opens with a mark telling the officer the text was assembled and must be checked.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from danvan.orgs.models import OrgUnit

from . import selectors
from .catalogue import SECTIONS
from .models import Direction, IssueAction, Level, Signal, Spread, Status

MARK = "[Dự thảo tự động từ sổ tình hình Nhân dân — cần kiểm tra, biên tập trước khi gửi.]"
EMPTY = "Trong kỳ chưa ghi nhận ý kiến, dư luận nào về nội dung này."
SPREAD_RANK = {code: n for n, code in enumerate(Spread.values)}
DIRECTION_LABELS = dict(Direction.choices)
LEVEL_LABELS = dict(Level.choices)
STATUS_LABELS = dict(Status.choices)
EXCERPT = 240


@dataclass
class Draft:
    unit: OrgUnit
    date_from: dt.date
    date_to: dt.date
    sections: dict[str, str] = field(default_factory=dict)
    signal_count: int = 0
    previous_count: int = 0
    signal_ids: list[int] = field(default_factory=list)

    @property
    def outline(self) -> list[tuple[str, str, str]]:
        return [(key, title, self.sections.get(key, "")) for key, title in SECTIONS]


def previous_window(date_from: dt.date, date_to: dt.date) -> tuple[dt.date, dt.date]:
    days = (date_to - date_from).days + 1
    return date_from - dt.timedelta(days=days), date_from - dt.timedelta(days=1)


def _counted(counter: Counter, labels: dict[str, str]) -> str:
    return ", ".join(f"{n} {labels[k].lower()}" for k, n in counter.most_common() if n)


def _trend(now: int, before: int) -> str:
    if before == 0:
        return "kỳ trước chưa ghi nhận ý kiến nào về chủ đề này"
    if now > before:
        return f"tăng {now - before} so với kỳ trước ({before})"
    if now < before:
        return f"giảm {before - now} so với kỳ trước ({before})"
    return f"bằng kỳ trước ({before})"


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rsplit(" ", 1)[0] + "…"


def _topic_paragraph(topic, signals: list[Signal], before: int) -> str:
    directions = Counter(s.direction for s in signals)
    groups = Counter(g.name for s in signals for g in s.groups.all())
    typical = sorted(
        signals, key=lambda s: (-SPREAD_RANK[s.spread], -s.intensity, s.observed_on, s.pk)
    )[:2]
    sentence = (
        f"Về {topic.name[:1].lower()}{topic.name[1:]}: {len(signals)} ý kiến "
        f"({_counted(directions, DIRECTION_LABELS)}), {_trend(len(signals), before)}"
    )
    if groups:
        sentence += f"; chủ yếu trong {', '.join(name for name, _ in groups.most_common(3))}"
    subjects = sorted({s.subject for s in signals if s.subject})
    if subjects:
        sentence += f"; liên quan đến {'; '.join(subjects[:3])}"
    quoted = "; ".join(
        f"{s.get_spread_display().lower()} ý kiến cho rằng: “{_excerpt(s.text)}”" for s in typical
    )
    return f"{sentence}. {quoted[:1].upper()}{quoted[1:]}."


def _hot_spot_text(unit: OrgUnit, date_from: dt.date, date_to: dt.date) -> str:
    issues = list(selectors.window_issues(unit))
    open_now = selectors.open_on(issues, date_to)
    new = [i for i in issues if date_from <= i.opened_on <= date_to]
    resolved = [i for i in issues if i.closed_on and date_from <= i.closed_on <= date_to]
    recurring = {
        a.issue_id
        for a in IssueAction.objects.filter(
            issue__in=issues, status=Status.TAI_PHAT, date__gte=date_from, date__lte=date_to
        )
    }
    if not open_now and not new and not resolved:
        return "Trong kỳ không phát sinh điểm nóng, vụ việc phức tạp."
    levels = Counter(i.level for i in open_now)
    lines = [
        f"Cuối kỳ có {len(open_now)} vụ việc đang theo dõi "
        f"({_counted(levels, LEVEL_LABELS) or 'không có'}); mới phát sinh {len(new)}, "
        f"đã giải quyết {len(resolved)}, tái phát {len(recurring)}."
    ]
    latest = selectors.last_actions(open_now)
    for issue in sorted(open_now, key=lambda i: (-Level.values.index(i.level), i.opened_on)):
        if issue.level == Level.THEO_DOI:
            continue
        line = (
            f"- {issue.title}{f' ({issue.area})' if issue.area else ''}: "
            f"{LEVEL_LABELS[issue.level].lower()}, {STATUS_LABELS[issue.status].lower()}, "
            f"phát sinh từ {issue.opened_on:%d/%m/%Y}"
        )
        if issue.lead_agency:
            line += f"; {issue.lead_agency} chủ trì"
        action = latest.get(issue.pk)
        if action is not None and action.date <= date_to:
            line += f"; ngày {action.date:%d/%m/%Y}: {_excerpt(action.text)}"
        lines.append(line + ".")
    return "\n".join(lines)


def _recommendations(by_topic: dict, unit: OrgUnit, date_to: dt.date) -> str:
    worried = [
        topic.name
        for topic, signals in by_topic.items()
        if sum(s.direction in (Direction.PHAN_DOI, Direction.BAN_KHOAN) for s in signals)
    ]
    hot = [
        i.title
        for i in selectors.open_on(selectors.window_issues(unit), date_to)
        if i.level != Level.THEO_DOI
    ]
    lines = []
    if worried:
        lines.append(
            "Đề nghị các cấp, các ngành quan tâm giải quyết, thông tin kịp thời những vấn đề "
            f"Nhân dân còn băn khoăn, phản đối: {'; '.join(worried)}."
        )
    if hot:
        lines.append(
            "Đề nghị cơ quan chủ trì và các đơn vị phối hợp tập trung giải quyết dứt điểm, "
            f"không để phát sinh điểm nóng: {'; '.join(hot)}."
        )
    return "\n".join(lines) or "Chưa có kiến nghị, đề xuất từ ý kiến ghi nhận trong kỳ."


def draft(unit: OrgUnit, date_from: dt.date, date_to: dt.date) -> Draft:
    signals = list(
        selectors.window_signals(unit, date_from, date_to)
        .prefetch_related("groups")
        .order_by("topic__order", "observed_on", "id")
    )
    before_from, before_to = previous_window(date_from, date_to)
    before = Counter(
        selectors.window_signals(unit, before_from, before_to).values_list("topic_id", flat=True)
    )
    by_topic: dict = defaultdict(list)
    for signal in signals:
        by_topic[signal.topic].append(signal)
    result = Draft(unit, date_from, date_to, signal_count=len(signals))
    result.previous_count = sum(before.values())
    result.signal_ids = [s.pk for s in signals]
    paragraphs: dict[str, list[str]] = defaultdict(list)
    directions = Counter(s.direction for s in signals)
    paragraphs["tu-tuong"].append(
        f"Trong kỳ (từ ngày {date_from:%d/%m/%Y} đến ngày {date_to:%d/%m/%Y}), {unit.name} và "
        f"các đơn vị trực thuộc ghi nhận {len(signals)} ý kiến, dư luận "
        f"({_counted(directions, DIRECTION_LABELS) or 'không có'}); kỳ trước "
        f"{result.previous_count} ý kiến."
    )
    for topic in sorted(by_topic, key=lambda t: (-len(by_topic[t]), t.order)):
        paragraphs[topic.section].append(
            _topic_paragraph(topic, by_topic[topic], before.get(topic.pk, 0))
        )
    paragraphs["diem-nong"].append(_hot_spot_text(unit, date_from, date_to))
    paragraphs["kien-nghi"].append(_recommendations(by_topic, unit, date_to))
    for key, _title in SECTIONS:
        body = paragraphs.get(key) or [EMPTY]
        result.sections[key] = "\n".join([MARK, *body])
    return result


def as_text(result: Draft) -> str:
    """The draft in one text (numbered sections), for a template without the outline."""
    return "\n".join(
        f"{n}. {title}\n{text.replace(MARK + chr(10), '')}"
        for n, (_key, title, text) in enumerate(result.outline, start=1)
    )
