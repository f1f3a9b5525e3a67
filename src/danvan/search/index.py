"""Writing the search index: a submission's passages from its latest revision, a document's
own fields. Called by the signal handlers (in the writer's transaction) and by `rebuild()`."""

from __future__ import annotations

from danvan.indicators.models import CategoryOption, Indicator
from danvan.registry.models import Document
from danvan.reporting.models import Revision, Submission
from danvan.reporting.selectors import shown_value
from danvan.vn.text import without_surrogates

from .models import Entry, EntryKind
from .text import folded


def section_titles(sections: list[dict]) -> dict[str, str]:
    """{key: "II.2.2 Phong trào thi đua …"} over a template's nested sections."""
    titles: dict[str, str] = {}
    for section in sections or []:
        label = str(section.get("label") or "")
        title = f"{label}. {section.get('title', '')}" if label else str(section.get("title", ""))
        titles[str(section.get("key", ""))] = title.strip()
        titles.update(section_titles(section.get("children") or []))
    return titles


def index_revision(revision: Revision) -> int:
    """Replace the submission's passages by the sections of `revision` (its latest)."""
    submission = Submission.objects.select_related(
        "assignment__request__template", "assignment__request__period"
    ).get(pk=revision.submission_id)
    assignment = submission.assignment
    request = assignment.request
    Entry.objects.filter(kind=EntryKind.PASSAGE, submission=submission).delete()
    titles = section_titles(request.template.sections)
    # A report stored before surrogates were refused still indexes (as it still displays).
    sections = without_surrogates(revision.sections or {})
    values = without_surrogates(revision.values or {})
    rows = [
        Entry(
            kind=EntryKind.PASSAGE,
            submission=submission,
            revision=revision,
            section=str(key)[:120],
            title=f"{assignment.unit_name} — {titles.get(key, key)}"[:500],
            text=str(text),
            folded=folded(str(text)),
            period_code=request.period.code,
            unit_path=assignment.unit_path,
            date=revision.created_at.date() if revision.created_at else None,
        )
        for key, text in sorted(sections.items())
        if str(text).strip()
    ]
    figures = figures_text(values)
    if figures:
        rows.append(
            Entry(
                kind=EntryKind.PASSAGE,
                submission=submission,
                revision=revision,
                section=FIGURES,
                title=f"{assignment.unit_name} — Số liệu"[:500],
                text=figures,
                # The raw numbers too: "4321" finds the figure shown as "4.321".
                folded=folded(figures + " " + " ".join(str(v) for _, v in sorted(values.items()))),
                period_code=request.period.code,
                unit_path=assignment.unit_path,
                date=revision.created_at.date() if revision.created_at else None,
            )
        )
    Entry.objects.bulk_create(rows)
    return len(rows)


FIGURES = "so-lieu"


def figures_text(values: dict) -> str:
    """A revision's figures as a sentence to search: "Tiếp công dân (lượt): 912; …"."""
    if not values:
        return ""
    codes = {str(key).partition(":")[0] for key in values}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    options = {
        (o.category_id, o.code): o.name
        for o in CategoryOption.objects.filter(
            category__in=[i.category_id for i in indicators.values() if i.category_id]
        )
    }
    parts = []
    # Sorted: PostgreSQL's jsonb hands keys back in its own order, not the order written.
    for key, raw in sorted(values.items()):
        code, _, option = str(key).partition(":")
        indicator = indicators.get(code)
        if indicator is None or raw in (None, ""):
            continue
        name = indicator.name
        if option:
            name = f"{name} — {options.get((indicator.category_id, option), option)}"
        parts.append(f"{name}: {shown_value(raw)}")
    return "; ".join(parts)


def document_text(document: Document) -> str:
    return " ".join(
        part
        for part in (document.kind, document.symbol, document.title, document.issued_by)
        if part
    )


def index_document(document: Document) -> None:
    text = document_text(document)
    Entry.objects.update_or_create(
        kind=EntryKind.DOCUMENT,
        document=document,
        defaults={
            "title": str(document)[:500],
            "text": text,
            "folded": folded(text),
            "unit_path": document.issuer_unit.path if document.issuer_unit_id else "",
            "date": document.date,
        },
    )


def rebuild() -> int:
    """Index everything again (after loading data with signals off, e.g. the scale bench)."""
    Entry.objects.all().delete()
    count = 0
    latest: dict[int, Revision] = {}
    for revision in Revision.objects.order_by("submission_id", "number").iterator():
        latest[revision.submission_id] = revision
    for revision in latest.values():
        count += index_revision(revision)
    for document in Document.objects.select_related("issuer_unit").iterator():
        index_document(document)
        count += 1
    return count
