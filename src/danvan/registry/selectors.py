"""Reads of the document registry: search, facets, who cites a document, the CSV export."""

from __future__ import annotations

import csv
import io

from danvan.accounts import permissions
from danvan.vn.text import fold

from .models import Document

# The registry (issue 7): search, facets, and who cites a document -----------------------------

REGISTRY_FIELDS = [
    "kind",
    "system",
    "number",
    "year",
    "type_code",
    "issuer_code",
    "symbol",
    "date",
    "issued_by",
    "title",
]


def registry(query: str = "", type_code: str = "", issuer_code: str = "", year: int | None = None):
    """Documents matching every word of `query`, diacritics and case ignored ("quy che dan van")."""
    documents = Document.objects.all()
    for word in fold(query).split():
        documents = documents.filter(search_text__contains=word)
    if type_code:
        documents = documents.filter(type_code=type_code)
    if issuer_code:
        documents = documents.filter(issuer_code=issuer_code)
    if year:
        documents = documents.filter(date__year=year)
    return documents.order_by("-date", "symbol", "id")


def registry_facets() -> dict[str, list]:
    return {
        "type_codes": sorted(
            filter(None, Document.objects.values_list("type_code", flat=True).distinct())
        ),
        "issuer_codes": sorted(
            filter(None, Document.objects.values_list("issuer_code", flat=True).distinct())
        ),
        "years": sorted(
            {d.year for d in Document.objects.exclude(date=None).values_list("date", flat=True)},
            reverse=True,
        ),
    }


def citations_for(user, document: Document):
    """The reports citing `document` that `user` may see, with their sentence."""
    citations = document.citations.select_related(
        "submission__assignment__request", "submission__assignment__unit"
    )
    view = permissions.scope_paths(user, "reporting.view")
    board = permissions.scope_paths(user, "reporting.board")
    return [
        c
        for c in citations
        if permissions.covers(view, c.submission.assignment.unit_path)
        or permissions.covers(board, c.submission.assignment.request.issuer.path)
    ]


def signatures_for(user, document: Document) -> list[dict]:
    """The digital signatures of this document's own file, as recorded when a report imported
    from that file was confirmed (a revision the user may see), most recent first."""
    from django.apps import apps

    if not document.date:
        return []
    view = permissions.scope_paths(user, "reporting.view")
    board = permissions.scope_paths(user, "reporting.board")
    revisions = (
        apps.get_model("reporting", "Revision")
        .objects.filter(
            source__file__symbol=document.symbol, source__file__date=document.date.isoformat()
        )
        .select_related("submission__assignment__request__issuer")
        .order_by("-created_at", "-id")
    )
    for revision in revisions:
        assignment = revision.submission.assignment
        if permissions.covers(view, assignment.unit_path) or permissions.covers(
            board, assignment.request.issuer.path
        ):
            return revision.source["file"].get("signatures") or []
    return []


def registry_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REGISTRY_FIELDS)
    for document in Document.objects.order_by("date", "symbol", "id"):
        writer.writerow(
            [
                document.date.isoformat()
                if name == "date" and document.date
                else ("" if getattr(document, name) is None else getattr(document, name))
                for name in REGISTRY_FIELDS
            ]
        )
    return buffer.getvalue()
