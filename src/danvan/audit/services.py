"""Writes to the audit trail. Called inside the caller's transaction, so an audit row exists
exactly when the change it describes was committed."""

from __future__ import annotations

from typing import Any

from .models import AuditEvent


def record_event(
    actor,
    action: str,
    object_type: str,
    object_id: str = "",
    *,
    summary: str = "",
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        summary=summary[:500],
        before=before,
        after=after,
    )
