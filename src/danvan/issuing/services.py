"""Writes of "Xuất văn bản": a numbered document is allocated and written in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.publish import (
    PublishError,
    choose_layout,
    get_layout,
    render_docx_bytes,
    render_pdf_bytes,
)
from danvan.publish.pdf import find_soffice
from danvan.publish.signing import convert_authorities
from danvan.registry.services import Allocation, allocate_number

from . import selectors
from .targets import ExportTarget

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


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


@dataclass(frozen=True)
class ExportedFile:
    content: bytes
    filename: str
    content_type: str
    number: int | None  # None: a draft with a blank number
    # What the writer kept as typed although the rules would not (TUQ. in a Party document).
    warnings: tuple[str, ...] = ()


def _layout(names, day: dt.date, layout: str):
    return choose_layout(names.form, day) if layout == "auto" else get_layout(layout)


def signing_warnings(
    target: ExportTarget, options: selectors.ExportOptions, layout: str = "auto"
) -> list[str]:
    """The signing authority lines the chosen rules have no spelling for, in Vietnamese: the
    export page asks before writing them as typed."""
    chosen = _layout(target.names_for(options.day), options.day, layout)
    return convert_authorities(options.authority, chosen.system)[1]


def export_document(
    actor,
    target: ExportTarget,
    options: selectors.ExportOptions,
    *,
    layout: str = "auto",
    fmt: str = "docx",
    allocate: bool = False,
    number: int | None = None,
) -> ExportedFile:
    """Write `target` as a Word or PDF file, numbered (the next number, or `number` when it is
    free) or as a draft. The export page and the API both come here. Raises PublishError
    (unknown layout, LibreOffice missing) and NumberTaken; nothing is kept then."""
    if fmt not in CONTENT_TYPES:
        raise PublishError("Định dạng tệp phải là docx hoặc pdf.")
    if options.day.year < 1945:
        raise PublishError("Ngày văn bản không hợp lệ.")
    day = options.day
    names = target.names_for(day)
    chosen = _layout(names, day, layout)
    warnings = tuple(convert_authorities(options.authority, chosen.system)[1])
    if fmt == "pdf" and find_soffice() is None:
        raise PublishError(
            "Không tìm thấy LibreOffice (lệnh soffice) trên máy chủ để chuyển sang PDF; "
            "hãy xuất DOCX hoặc nhờ quản trị viên cài LibreOffice."
        )

    def write(allocated: int | None) -> bytes:
        options.number = allocated
        parsed = target.build(options)
        if fmt == "pdf":
            return render_pdf_bytes(parsed, chosen)
        return render_docx_bytes(parsed, chosen)

    stem = slugify(target.stem) or "van-ban"
    if allocate:
        allocation, content = export_with_number(
            actor,
            names.unit,
            names.form,
            selectors.REPORT_TYPE_CODE,
            day,
            write,
            number=number,
            kind=selectors.REPORT_KIND,
            title=selectors.report_title(target.heading),
            issued_by=names.unit.name,
        )
        filename = f"{stem}-so-{allocation.number:02d}.{fmt}"
        return ExportedFile(content, filename, CONTENT_TYPES[fmt], allocation.number, warnings)
    content = write(None)
    record_draft_export(actor, *target.audit, summary=f"Xuất bản dự thảo: {target.heading}")
    return ExportedFile(content, f"{stem}-du-thao.{fmt}", CONTENT_TYPES[fmt], None, warnings)
