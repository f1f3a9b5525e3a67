"""Where a drafted report goes: into the unit's submission to the request it answers (through
the reporting cycle's save, so it is a revision like any other), or out as a Word file under
the layout in force (through danvan.publish)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.audit.services import record_event
from danvan.issuing.names import issuer_names
from danvan.publish import render_docx_bytes, render_pdf_bytes
from danvan.reporting import services as reporting_services
from danvan.reporting.errors import ReportingError
from danvan.reporting.models import Assignment
from danvan.reporting.outline import flat_sections
from danvan.vn.text import fold

from .catalogue import SECTIONS
from .drafting import MARK, Draft, as_text
from .services import SentimentError

TITLE = "Báo cáo tình hình Nhân dân và dư luận xã hội"


def open_assignments(user, draft: Draft) -> list[Assignment]:
    """The unit's reports still being written whose period overlaps the draft's window."""
    candidates = Assignment.objects.filter(
        unit=draft.unit,
        request__period__start__lte=draft.date_to,
        request__period__end__gte=draft.date_from,
    ).select_related("request", "request__template", "submission", "unit")
    return [a for a in candidates if reporting_services.may_edit(user, a)]


def sections_for(template_sections: list[dict], result: Draft) -> dict[str, str]:
    """The draft mapped onto a template: section by section when the template has the usual
    outline; otherwise the whole draft in its "tình hình" section (or its first one)."""
    flat = flat_sections(template_sections)
    keys = {s["key"] for s in flat}
    ours = {key for key, _ in SECTIONS}
    if ours <= keys:
        return dict(result.sections)
    target = next((s["key"] for s in flat if "tinh hinh" in fold(s["title"])), flat[0]["key"])
    return {target: f"{MARK}\n{as_text(result)}"}


def save_into(actor, assignment: Assignment, result: Draft):
    """Save the draft as the unit's submission (a new revision); sections already written
    elsewhere in the report are kept."""
    submission = assignment.submission
    sections = sections_for(assignment.request.template.sections, result)
    with transaction.atomic():
        try:
            revision = reporting_services.save_draft(
                actor, submission.pk, submission.version, sections, {}
            )
        except ReportingError as exc:
            raise SentimentError(*exc.messages) from exc
        record_event(
            actor,
            "sentiment.report.draft",
            "Submission",
            submission.pk,
            summary=f"{result.signal_count} ý kiến, {result.date_from} – {result.date_to}",
            after={"signals": result.signal_ids},
        )
    return revision


def docx(result: Draft, day: dt.date, fmt: str = "docx") -> bytes:
    """The draft as a Word file (or PDF through LibreOffice) under the layout in force."""
    names = issuer_names(result.unit, min(day, result.date_to))
    header_day = day
    outline = [
        {
            "label": str(n),
            "title": title,
            "level": 1,
            "paragraphs": [
                {"text": line.strip(), "footnotes": []}
                for line in text.splitlines()
                if line.strip()
            ],
            "children": [],
        }
        for n, (_key, title, text) in enumerate(result.outline, start=1)
    ]
    parsed = {
        "schema": "danvan.parsed-document/1",
        "source": {"name": "tinh-hinh-nhan-dan", "format": "danvan"},
        "form": names.form,
        "header": {
            "parent_issuer": names.parent_issuer,
            "issuer": names.issuer,
            "number": None,
            "symbol": None,
            "type_code": "BC",
            "place": None,
            "date": header_day.isoformat(),
            "type_name": "BÁO CÁO",
            "title": f"Tình hình Nhân dân và dư luận xã hội từ ngày {result.date_from:%d/%m/%Y} "
            f"đến ngày {result.date_to:%d/%m/%Y}",
            "addressees": [],
        },
        "preamble": [],
        "outline": outline,
        "tables": [],
        "footnotes": [],
        "references": [],
        "figures": [],
        "closing": {"recipients": [], "signature": {"authority": [], "title": None, "name": None}},
        "properties": {"author": names.unit.name},
        "warnings": [],
    }
    return render_pdf_bytes(parsed) if fmt == "pdf" else render_docx_bytes(parsed)
