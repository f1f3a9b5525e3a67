"""The register's actions, added to danvan.accounts.permissions at import."""

from danvan.accounts.models import Role
from danvan.accounts.permissions import ACTION_DENIED_MESSAGES, ACTION_ROLES

VIEW = "petitions.view"
MANAGE = "petitions.manage"
IDENTITY = "petitions.identity"
RULES = "petitions.rules"

ACTION_ROLES.update(
    {
        VIEW: frozenset({Role.REPORTER, Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
        MANAGE: frozenset({Role.REPORTER, Role.COORDINATOR}),
        # Who handles the case sees the visitor's identity; nobody else does (Luật Tố cáo).
        IDENTITY: frozenset({Role.REPORTER, Role.COORDINATOR}),
        RULES: frozenset({Role.ADMIN}),
    }
)
ACTION_DENIED_MESSAGES.update(
    {
        VIEW: "Bạn không có quyền xem sổ tiếp công dân và đơn thư của đơn vị này.",
        MANAGE: "Bạn không có quyền ghi sổ tiếp công dân hay cập nhật đơn thư của đơn vị này.",
        IDENTITY: "Bạn không có quyền xem thông tin nhân thân của người được tiếp.",
        RULES: "Chỉ quản trị viên được sửa thời hạn luật định và lịch ngày làm việc.",
    }
)
