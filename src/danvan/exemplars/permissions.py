"""Who may do what in the "Dân vận khéo" register (added to accounts.permissions at import).

A unit (its reporter, or the board's coordinator above it) registers and updates its own
entries; the board (coordinators and leaders) assesses and recognises within its subtree,
unless a dated setting names another unit for a level (authority.py); everyone with a role
reads within theirs; nobody sees an entry outside their subtree.
"""

from danvan.accounts.models import Role
from danvan.accounts.permissions import ACTION_DENIED_MESSAGES, ACTION_ROLES, ALL_ROLES

VIEW = "exemplars.view"
REGISTER = "exemplars.register"
ASSESS = "exemplars.assess"
RECOGNISE = "exemplars.recognise"

ACTION_ROLES.update(
    {
        VIEW: ALL_ROLES,
        REGISTER: frozenset({Role.REPORTER, Role.COORDINATOR}),
        ASSESS: frozenset({Role.COORDINATOR, Role.LEADER}),
        RECOGNISE: frozenset({Role.COORDINATOR, Role.LEADER}),
    }
)
ACTION_DENIED_MESSAGES.update(
    {
        VIEW: "Bạn không có quyền xem mô hình, điển hình của đơn vị này.",
        REGISTER: "Bạn không có quyền đăng ký hay cập nhật mô hình, điển hình cho đơn vị này: "
        "chỉ cán bộ báo cáo của đơn vị và cán bộ điều phối cấp trên được làm.",
        ASSESS: "Bạn không có quyền đánh giá mô hình, điển hình của đơn vị này: "
        "chỉ cán bộ điều phối và lãnh đạo ban cấp trên được đánh giá.",
        RECOGNISE: "Bạn không có quyền công nhận, khen thưởng mô hình, điển hình của đơn vị này.",
    }
)
