"""Who may do what in the people's situation register (added to the project's action table).

Reading signals and issues follows the unit tree like every register; two rules narrow it
(selectors.py): a named source is read only by the recording unit and by granted people, and
a restricted signal or issue is seen only inside its unit's subtree."""

from __future__ import annotations

from danvan.accounts.models import Role
from danvan.accounts.permissions import ACTION_DENIED_MESSAGES, ACTION_ROLES

ACTION_ROLES.update(
    {
        "sentiment.view": frozenset({Role.REPORTER, Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
        "sentiment.record": frozenset({Role.REPORTER, Role.COORDINATOR}),
        "sentiment.issues": frozenset({Role.REPORTER, Role.COORDINATOR}),
        "sentiment.board": frozenset({Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
        "sentiment.grant": frozenset({Role.ADMIN}),
        "sentiment.catalogue": frozenset({Role.ADMIN}),
    }
)
ACTION_DENIED_MESSAGES.update(
    {
        "sentiment.view": "Bạn không có quyền xem tình hình Nhân dân của đơn vị này.",
        "sentiment.record": "Bạn không có quyền ghi nhận ý kiến, dư luận cho đơn vị này: chỉ cán bộ báo cáo hoặc cán bộ điều phối của đơn vị được ghi.",
        "sentiment.issues": "Bạn không có quyền cập nhật vụ việc, điểm nóng của đơn vị này.",
        "sentiment.board": "Bạn không có quyền xem bảng theo dõi tình hình Nhân dân của đơn vị này.",
        "sentiment.grant": "Bạn không có quyền cấp quyền xem người cung cấp thông tin: chỉ quản trị viên của đơn vị được cấp.",
        "sentiment.catalogue": "Bạn không có quyền sửa danh mục chủ đề, nhóm xã hội.",
    }
)

# Roles whose holders on the recording unit itself read its named sources.
SOURCE_ROLES = frozenset({Role.REPORTER, Role.COORDINATOR, Role.LEADER})
