"""The one search: report passages, registry documents and every register, in one list,
filtered by what the user may read.

Passages and documents are found by the database's own full-text engine over the folded copy
(FTS5 on SQLite, to_tsvector/to_tsquery on PostgreSQL); the registers answer through
`danvan.registers.search`. Scope: a passage is seen by whoever may read its report (the
reporting pages' rule: the unit's readers and the requesting board's, a report not yet
submitted only by those who may read drafts); a document by whoever sees it in the registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.safestring import mark_safe

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.portal import registers_view
from danvan.registry import scope as registry_scope

from .models import Entry, EntryKind
from .text import excerpt, fts5_query, terms, tsquery

PAGE_SIZE = 20
REGISTER_LIMIT = 200
KIND_LABELS = {EntryKind.PASSAGE: "Đoạn báo cáo", EntryKind.DOCUMENT: "Văn bản"}


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    excerpt: str  # safe HTML: escaped text with <mark> around the matched syllables
    date: object = None
    period_code: str = ""


@dataclass
class Results:
    query: str
    page: object  # a Paginator page of Hit
    facets: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, label, count)
    total: int = 0
    failed: list[str] = field(default_factory=list)  # registers that could not answer


def _under(field_name: str, paths) -> Q:
    if paths is permissions.GLOBAL_SCOPE:
        return Q(pk__isnull=False)  # everywhere (an empty Q() would vanish from an OR)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field_name}__startswith": path})
    return condition


def readable_passages(user) -> QuerySet[Entry]:
    unit = "unit_path"  # the assignment's unit path, copied into the index row
    issuer = "submission__assignment__request__issuer__path"
    drafts = permissions.scope_paths(user, "reporting.drafts")
    reach = _under(unit, permissions.scope_paths(user, "reporting.view")) | _under(
        issuer, permissions.scope_paths(user, "reporting.board")
    )
    submitted = Q(submission__status__in=("submitted", "accepted"))
    return Entry.objects.filter(kind=EntryKind.PASSAGE).filter(
        reach & (submitted | _under(unit, drafts) | _under(issuer, drafts))
    )


def _matching(query_terms) -> RawSQL:
    if connection.vendor == "postgresql":
        return RawSQL(
            "SELECT id FROM search_entry WHERE to_tsvector('simple'::regconfig, folded) "
            "@@ to_tsquery('simple'::regconfig, %s)",
            [tsquery(query_terms)],
        )
    return RawSQL(
        "SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s",
        [fts5_query(query_terms)],
    )


def _entries(user, query_terms, kind: str, unit: OrgUnit | None, period: str):
    passages = readable_passages(user)
    documents = Entry.objects.filter(
        kind=EntryKind.DOCUMENT,
        document__in=registry_scope.visible_documents(user).values("pk"),
    )
    if unit is not None:
        passages = passages.filter(unit_path__startswith=unit.path)
        documents = documents.filter(unit_path__startswith=unit.path)
    if period:
        passages = passages.filter(period_code=period)
        documents = documents.none()
    matching = _matching(query_terms)
    return {
        EntryKind.PASSAGE: passages.filter(id__in=matching),
        EntryKind.DOCUMENT: documents.filter(id__in=matching),
    }


class _Combined:
    """Segments read one after the other as one sequence for the paginator: querysets of
    index rows (each sliced in the database, its count known) and lists of ready hits."""

    def __init__(self, segments: list[tuple[QuerySet[Entry] | list[Hit], int]], convert):
        self.segments, self.convert = segments, convert

    def count(self) -> int:
        return sum(n for _, n in self.segments)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item: slice) -> list[Hit]:
        start, stop = item.start or 0, item.stop if item.stop is not None else self.count()
        hits: list[Hit] = []
        offset = 0
        for rows, size in self.segments:
            low, high = max(start - offset, 0), min(stop - offset, size)
            if low < high:
                chunk = rows[low:high]
                hits.extend(chunk if isinstance(rows, list) else map(self.convert, chunk))
            offset += size
        return hits


def _entry_hit(entry: Entry, query_terms) -> Hit:
    if entry.kind == EntryKind.PASSAGE:
        url = reverse("reporting:submission", args=[entry.submission.assignment_id])
        url += f"#section-{entry.section}"
        request = entry.submission.assignment.request
        title = f"{request.title} — {entry.title}"
    else:
        url = reverse("registry:registry_document", args=[entry.document_id])
        title = entry.title
    return Hit(
        kind=entry.kind,
        kind_label=KIND_LABELS[entry.kind],
        title=title,
        url=url,
        excerpt=mark_safe(excerpt(entry.text, query_terms)),  # noqa: S308 - escaped in excerpt()
        date=entry.date,
        period_code=entry.period_code,
    )


def _register_hits(user, query: str, query_terms) -> tuple[list[tuple[str, str, Hit]], list[str]]:
    hits, failed = registers_view.search(user, query, REGISTER_LIMIT)
    keyed = registers_view.label_keys()
    found = []
    for hit in hits:
        key = keyed.get(hit.register, "so")
        found.append(
            (
                key,
                hit.register,
                Hit(
                    kind=key,
                    kind_label=hit.register,
                    title=hit.title,
                    url=hit.url,
                    excerpt=mark_safe(excerpt(hit.excerpt or hit.title, query_terms)),  # noqa: S308
                    date=hit.date,
                ),
            )
        )
    return found, failed


def search(
    user,
    query: str,
    kind: str = "",
    unit: OrgUnit | None = None,
    period: str = "",
    page: int = 1,
    per_page: int = PAGE_SIZE,
) -> Results:
    query_terms = terms(query)
    if not query_terms:
        return Results(query=query, page=Paginator([], per_page).get_page(1))
    by_kind = _entries(user, query_terms, kind, unit, period)
    counts = {k: qs.count() for k, qs in by_kind.items()}
    register_hits, failed = (
        ([], []) if period or unit is not None else _register_hits(user, query, query_terms)
    )
    facets = [(k, KIND_LABELS[k], counts[k]) for k in by_kind]
    register_counts: dict[tuple[str, str], int] = {}
    for key, label, _hit in register_hits:
        register_counts[(key, label)] = register_counts.get((key, label), 0) + 1
    facets += [(key, label, n) for (key, label), n in register_counts.items()]
    related = ("submission__assignment__request", "document")
    ordered = {k: qs.select_related(*related).order_by("-date", "-id") for k, qs in by_kind.items()}
    # Rows holding the whole query as one phrase come first, then the registers' hits, then the
    # rows holding its syllables apart ("quy chế dân chủ … Hòa Xuân").
    phrase = tuple(syllable for term in query_terms for syllable in term)
    first: list[tuple[QuerySet[Entry], int]] = []
    rest: list[tuple[QuerySet[Entry], int]] = []
    for k in [kind] if kind in by_kind else ([] if kind else list(by_kind)):
        if len(phrase) > 1 and counts[k]:
            together = _matching([phrase])
            n = ordered[k].filter(id__in=together).count()
            first.append((ordered[k].filter(id__in=together), n))
            rest.append((ordered[k].exclude(id__in=together), counts[k] - n))
        else:
            first.append((ordered[k], counts[k]))
    extra = [h for key, _label, h in register_hits if not kind or key == kind]
    extra = [] if kind in by_kind else extra
    combined = _Combined([*first, (extra, len(extra)), *rest], lambda e: _entry_hit(e, query_terms))
    paginator = Paginator(combined, per_page)
    return Results(
        query=query,
        page=paginator.get_page(page),
        facets=facets,
        total=combined.count(),
        failed=failed,
    )
