"""Who may import a file as a unit's report: one rule for reads and writes."""

from danvan.accounts import permissions


def may_import_for(user, assignment) -> bool:
    """The unit's reporters, and the coordinators of the request's board (who today retype
    the figures of every file that reaches them)."""
    return permissions.has_permission(user, "reporting.submit", assignment.unit) or (
        permissions.has_permission(user, "reporting.review", assignment.unit)
        and permissions.has_permission(user, "reporting.review", assignment.request.issuer)
    )


def require_import_for(user, assignment) -> None:
    if not may_import_for(user, assignment):
        raise permissions.ScopeDenied("Bạn không có quyền nhập báo cáo cho đơn vị này.")


def confirms_on_behalf(user, assignment) -> bool:
    """Whether `user` imports for the unit as a coordinator of the request's board rather than
    as one of the unit's reporters: allowed, and recorded so in the revision."""
    return not permissions.has_permission(
        user, "reporting.submit", assignment.unit
    ) and may_import_for(user, assignment)
