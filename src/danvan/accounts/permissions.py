"""Who may do what, where. Every service and selector asks here, so pages and API agree.

A role granted on a unit covers the unit's subtree (by materialised path). Superusers are
the installation's administrators and act everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied

from danvan.orgs.models import OrgUnit

from .models import Membership, Role

ALL_ROLES = frozenset(Role.values)
ACTION_ROLES: dict[str, frozenset[str]] = {
    "orgs.view": ALL_ROLES,
    "orgs.manage": frozenset({Role.ADMIN}),
    "accounts.manage": frozenset({Role.ADMIN}),
    "audit.view": frozenset({Role.ADMIN}),
}
ACTION_DENIED_MESSAGES = {
    "orgs.view": "Bạn không có quyền xem đơn vị này.",
    "orgs.manage": "Bạn không có quyền quản trị cây đơn vị: chỉ quản trị viên của đơn vị (hoặc cấp trên) được thay đổi hay xuất dữ liệu đơn vị.",
    "accounts.manage": "Bạn không có quyền phân quyền: chỉ quản trị viên của đơn vị (hoặc cấp trên) được cấp hay thu hồi vai trò.",
    "audit.view": "Bạn không có quyền xem nhật ký thay đổi.",
}
GLOBAL_SCOPE = None  # returned by scope_paths() for superusers: every unit


class SystemActor:
    """The command line and the demo loader: whoever runs them owns the installation."""

    pk = None
    is_authenticated = True
    is_active = True
    is_superuser = True

    def get_username(self) -> str:
        return "hệ thống"


SYSTEM = SystemActor()


class ScopeDenied(PermissionDenied):
    """Raised with a Vietnamese message; rendered as 403 by the pages and the API."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _roles_for(action: str) -> frozenset[str]:
    if action not in ACTION_ROLES:
        raise KeyError(f"unknown action {action!r}")
    return ACTION_ROLES[action]


def scope_paths(user, action: str) -> list[str] | None:
    """Paths of the units whose subtrees `user` may act on; None means everywhere."""
    if not user or not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return GLOBAL_SCOPE
    roles = _roles_for(action)
    paths = sorted(
        set(
            Membership.objects.filter(user=user, role__in=roles).values_list(
                "unit__path", flat=True
            )
        )
        | _granted_paths(user, action, roles)
    )
    # Drop paths already covered by a shorter one, so callers get the scope roots.
    roots: list[str] = []
    for path in paths:
        if not any(path.startswith(root) for root in roots):
            roots.append(path)
    return roots


# Grant sources widen a user's scope beyond the subtrees of their memberships: a function
# (user, action, roles) -> unit paths the user may also act on for that action (a coordination
# programme lets its board issue review requests to partners from other trees). Registered by
# the app that owns the grants, from its AppConfig.ready(); this module imports none of them.
GrantSource = Callable[[Any, str, frozenset[str]], Iterable[str]]
_GRANT_SOURCES: list[GrantSource] = []


def register_grant_source(source: GrantSource) -> GrantSource:
    """Add a grant source (once; registering the same function again changes nothing)."""
    if source not in _GRANT_SOURCES:
        _GRANT_SOURCES.append(source)
    return source


def _granted_paths(user, action: str, roles: frozenset[str]) -> set[str]:
    return {path for source in _GRANT_SOURCES for path in source(user, action, roles)}


def acts_anywhere(user, action: str) -> bool:
    """Whether `user` may do `action` on at least one unit (to show or hide a page's button)."""
    return scope_paths(user, action) != []


def covers(paths: list[str] | None, unit_path: str) -> bool:
    return paths is GLOBAL_SCOPE or any(unit_path.startswith(p) for p in paths)


def has_permission(user, action: str, unit: OrgUnit) -> bool:
    return covers(scope_paths(user, action), unit.path)


def require(user, action: str, unit: OrgUnit | None = None) -> None:
    """Raise ScopeDenied unless `user` may do `action` on `unit` (or anywhere, when None)."""
    paths = scope_paths(user, action)
    allowed = paths is GLOBAL_SCOPE or (bool(paths) if unit is None else covers(paths, unit.path))
    if not allowed:
        raise ScopeDenied(
            ACTION_DENIED_MESSAGES.get(action, "Bạn không có quyền thực hiện thao tác này.")
        )


def units_in_scope(user, action: str):
    paths = scope_paths(user, action)
    if paths is GLOBAL_SCOPE:
        return OrgUnit.objects.all()
    return OrgUnit.objects.within_paths(paths)


# Reporting-cycle actions (issue 4).
ACTION_ROLES.update(
    {
        "reporting.issue": frozenset({Role.COORDINATOR}),
        "reporting.review": frozenset({Role.COORDINATOR}),
        # Viewers read boards, submitted reports and consolidations; they change nothing.
        "reporting.board": frozenset({Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
        # Who may read a report before it is submitted (drafts, returned reports): not viewers.
        "reporting.drafts": frozenset({Role.REPORTER, Role.COORDINATOR, Role.LEADER}),
        "reporting.submit": frozenset({Role.REPORTER}),
        "reporting.view": frozenset({Role.REPORTER, Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
        "reporting.templates": frozenset({Role.COORDINATOR}),
        "consolidation.view": frozenset({Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
    }
)
ACTION_DENIED_MESSAGES.update(
    {
        "reporting.issue": "Bạn không có quyền ban hành yêu cầu báo cáo cho đơn vị này.",
        "reporting.review": "Bạn không có quyền tiếp nhận hay trả lại báo cáo của đơn vị này.",
        "reporting.board": "Bạn không có quyền xem bảng theo dõi của yêu cầu này.",
        "reporting.submit": "Bạn không có quyền soạn hay nộp báo cáo cho đơn vị này.",
        "reporting.view": "Bạn không có quyền xem báo cáo của đơn vị này.",
        "reporting.drafts": "Bạn không có quyền đọc báo cáo chưa nộp (đang soạn hoặc bị trả lại): người xem chỉ đọc được báo cáo đã nộp hoặc đã tiếp nhận.",
        "reporting.templates": "Bạn không có quyền quản lý đề cương báo cáo.",
        "consolidation.view": "Bạn không có quyền xem số liệu tổng hợp của đơn vị này.",
    }
)

# Document export (issue 8): reporters export their unit's submission; coordinators and leaders
# export the consolidation of requests their board issued.
ACTION_ROLES.update(
    {
        "documents.export_submission": frozenset({Role.REPORTER}),
        "documents.export_consolidation": frozenset({Role.COORDINATOR, Role.LEADER}),
    }
)
ACTION_DENIED_MESSAGES.update(
    {
        "documents.export_submission": "Bạn không có quyền xuất văn bản báo cáo của đơn vị này: chỉ cán bộ báo cáo của đơn vị được xuất.",
        "documents.export_consolidation": "Bạn không có quyền xuất văn bản tổng hợp của yêu cầu này: chỉ cán bộ điều phối và lãnh đạo của ban đã ban hành yêu cầu được xuất.",
    }
)


# The document registry (issue 7): everyone reads it; boards keep it.
ACTION_ROLES.update({"documents.manage": frozenset({Role.ADMIN, Role.COORDINATOR})})
ACTION_DENIED_MESSAGES.update({"documents.manage": "Bạn không có quyền cập nhật sổ văn bản."})
