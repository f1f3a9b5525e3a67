"""Writes of "Xuất văn bản": a numbered document is allocated and written in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import transaction

from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.registry.services import Allocation, allocate_number


def export_with_number(
    actor,
    issuer: OrgUnit,
    system: str,
    type_code: str,
    day: dt.date,
    render: Callable[[int], bytes],
    *,
    number: int | None = None,
    kind: str = "",
    title: str = "",
    issued_by: str = "",
) -> tuple[Allocation, bytes]:
    """Allocate a number and write the document with it, in one transaction: when the writer
    fails (PublishError, LibreOffice missing) the number is not used up."""
    with transaction.atomic():
        allocation = allocate_number(
            actor,
            issuer,
            system,
            type_code,
            day,
            number=number,
            kind=kind,
            title=title,
            issued_by=issued_by,
        )
        content = render(allocation.number)
        record_event(
            actor,
            "documents.export",
            "Document",
            allocation.document.pk,
            summary=f"Xuất văn bản {allocation.symbol}",
        )
    return allocation, content


def record_draft_export(actor, object_type: str, object_id, summary: str) -> None:
    """A draft (no number) leaves only an audit line."""
    record_event(actor, "documents.export", object_type, object_id, summary=summary)
