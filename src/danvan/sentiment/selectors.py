"""Reads of the people's situation register, with its confidentiality rules in one place.

- Signals and issues are read within the reader's units (action "sentiment.view").
- A restricted signal or issue is seen only by people holding a role inside its unit's
  subtree (on the unit or below); superusers do not bypass it.
- A named source (collaborator or source name) is read only by people holding a role on the
  recording unit itself and by people with an active SourceGrant for that unit.
- What leaves the register (figures, drafted reports, exports) never holds restricted
  signals, and never a name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from danvan.accounts import permissions
from danvan.accounts.models import Membership
from danvan.orgs.models import PATH_SEPARATOR, OrgUnit
from danvan.vn.text import fold

from . import permissions as _actions  # noqa: F401  (registers the actions)
from .models import OPEN_STATUSES, Issue, Signal, SourceGrant
from .permissions import SOURCE_ROLES


class NotFound(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def ancestor_paths(path: str) -> list[str]:
    parts = [p for p in path.split(PATH_SEPARATOR) if p]
    return [PATH_SEPARATOR.join(parts[: n + 1]) + PATH_SEPARATOR for n in range(len(parts))]


def _inside_paths(user) -> set[str]:
    """Paths of every unit the user holds a role on, and of their ancestors: a restricted
    record of unit U is seen when U's path is one of these (the user works inside U)."""
    if not user or not user.is_authenticated:
        return set()
    paths = Membership.objects.filter(user=user).values_list("unit__path", flat=True)
    return {a for p in paths for a in ancestor_paths(p)}


def _scoped(queryset: QuerySet, user, action: str = "sentiment.view") -> QuerySet:
    paths = permissions.scope_paths(user, action)
    if paths is not permissions.GLOBAL_SCOPE:
        condition = Q(pk__in=[])
        for path in paths:
            condition |= Q(unit__path__startswith=path)
        queryset = queryset.filter(condition)
    return queryset.filter(Q(restricted=False) | Q(unit__path__in=_inside_paths(user)))


def visible_signals(user) -> QuerySet[Signal]:
    return _scoped(Signal.objects.all(), user).select_related("unit", "topic")


def visible_issues(user) -> QuerySet[Issue]:
    return _scoped(Issue.objects.all(), user).select_related("unit", "topic")


def get_signal(user, signal_id) -> Signal:
    signal = visible_signals(user).filter(pk=signal_id).first() if _is_id(signal_id) else None
    if signal is None:
        raise NotFound("Không tìm thấy ý kiến này, hoặc bạn không có quyền xem.")
    return signal


def get_issue(user, issue_id) -> Issue:
    issue = visible_issues(user).filter(pk=issue_id).first() if _is_id(issue_id) else None
    if issue is None:
        raise NotFound("Không tìm thấy vụ việc này, hoặc bạn không có quyền xem.")
    return issue


def _is_id(value) -> bool:
    return isinstance(value, int) and 0 < value < 2**62


def source_units(user) -> set[int]:
    """Ids of the units whose named sources `user` may read (never by superuser status)."""
    if not user or not getattr(user, "pk", None) or not user.is_active:
        return set()
    own = Membership.objects.filter(user=user, role__in=SOURCE_ROLES).values_list(
        "unit_id", flat=True
    )
    granted = SourceGrant.objects.filter(user=user, revoked_at__isnull=True).values_list(
        "unit_id", flat=True
    )
    return set(own) | set(granted)


def shown_source(signal: Signal, readable_units: set[int]) -> str | None:
    """The source's name when the reader may see it; None when the signal names nobody;
    "(đã ẩn)" when it names someone the reader may not know."""
    if not signal.has_source:
        return None
    if signal.unit_id not in readable_units:
        return "(đã ẩn)"
    parts = [p for p in (signal.collaborator.name if signal.collaborator else "",) if p]
    if signal.source_name:
        parts.append(signal.source_name)
    return ", ".join(parts)


@dataclass
class SignalFilters:
    unit: OrgUnit | None = None
    topic: str = ""
    direction: str = ""
    channel: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    query: str = ""
    issue: str = ""  # "co" linked, "chua" not yet clustered


def filtered_signals(user, filters: SignalFilters) -> QuerySet[Signal]:
    signals = visible_signals(user)
    if filters.unit is not None:
        signals = signals.filter(unit__path__startswith=filters.unit.path)
    if filters.topic:
        signals = signals.filter(topic__code=filters.topic)
    if filters.direction:
        signals = signals.filter(direction=filters.direction)
    if filters.channel:
        signals = signals.filter(channel=filters.channel)
    if filters.date_from:
        signals = signals.filter(observed_on__gte=filters.date_from)
    if filters.date_to:
        signals = signals.filter(observed_on__lte=filters.date_to)
    if filters.query:
        signals = signals.filter(
            Q(text__icontains=filters.query) | Q(area__icontains=filters.query)
        )
    if filters.issue == "chua":
        signals = signals.filter(issue__isnull=True)
    elif filters.issue == "co":
        signals = signals.filter(issue__isnull=False)
    return signals.prefetch_related("groups")


def window_signals(unit: OrgUnit, date_from: dt.date, date_to: dt.date) -> QuerySet[Signal]:
    """What may leave the register for `unit`'s subtree: never a restricted signal."""
    return Signal.objects.filter(
        unit__path__startswith=unit.path,
        observed_on__gte=date_from,
        observed_on__lte=date_to,
        restricted=False,
    ).select_related("topic", "unit")


def window_issues(unit: OrgUnit) -> QuerySet[Issue]:
    return Issue.objects.filter(unit__path__startswith=unit.path, restricted=False).select_related(
        "topic", "unit"
    )


def open_on(issues, day: dt.date) -> list[Issue]:
    """Issues opened by `day` and not resolved by then."""
    return [i for i in issues if i.opened_on <= day and (i.closed_on is None or i.closed_on > day)]


# Clustering suggestions ------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "va cua cac nhung mot so nhieu trong tren duoc cho voi ve la co khong da dang nay do tai "
    "theo tu den ra vao nguoi dan".split()
)


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text or "")) if len(w) > 1 and w not in _STOP}


def suggest_issues(user, signal: Signal, limit: int = 5) -> list[tuple[Issue, float]]:
    """Open issues a signal may belong to: same topic counts most, then shared words of the
    text and area (compared without diacritics), then the same unit line."""
    mine = words(f"{signal.text} {signal.area}")
    scored = []
    for issue in visible_issues(user).filter(status__in=OPEN_STATUSES):
        theirs = words(f"{issue.title} {issue.area} {issue.description}")
        overlap = len(mine & theirs) / max(1, len(mine | theirs)) if mine and theirs else 0.0
        score = overlap * 2
        if issue.topic_id == signal.topic_id:
            score += 1
        if signal.unit.path.startswith(issue.unit.path) or issue.unit.path.startswith(
            signal.unit.path
        ):
            score += 0.5
        if fold(issue.area) and fold(issue.area) in fold(signal.area or signal.text):
            score += 0.5
        if score >= 1:
            scored.append((issue, round(score, 2)))
    scored.sort(key=lambda pair: (-pair[1], -pair[0].pk))
    return scored[:limit]


def last_actions(issues) -> dict[int, object]:
    from .models import IssueAction

    latest: dict[int, object] = {}
    for action in IssueAction.objects.filter(issue__in=issues).order_by("date", "id"):
        latest[action.issue_id] = action
    return latest
