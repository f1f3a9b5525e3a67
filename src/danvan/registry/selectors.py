"""Reads of the document registry: search, facets, who cites a document, the CSV export."""

from __future__ import annotations

import csv
import io

from danvan.accounts import permissions
from danvan.vn.text import fold

from . import matches, scope
from .matches import Match
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
# The CSV's column headers, in Vietnamese; the importer reads these or the field names.
REGISTRY_HEADERS = {
    "kind": "Loại văn bản",
    "system": "Hệ thống",
    "number": "Số",
    "year": "Năm",
    "type_code": "Mã loại",
    "issuer_code": "Mã cơ quan ban hành",
    "symbol": "Số ký hiệu",
    "date": "Ngày ban hành",
    "issued_by": "Cơ quan ban hành",
    "title": "Trích yếu",
}
_FIELD_OF_HEADER = {header.casefold(): name for name, header in REGISTRY_HEADERS.items()}


def field_row(row: dict) -> dict:
    """A CSV row keyed by field names, whether its headers are the Vietnamese ones the export
    writes or the field names."""
    return {
        _FIELD_OF_HEADER.get((key or "").strip().casefold(), (key or "").strip()): value
        for key, value in row.items()
    }


def registry(
    user, query: str = "", type_code: str = "", issuer_code: str = "", year: int | None = None
) -> list[Match]:
    """The documents `user` may see matching every word of `query` (diacritics and case
    ignored: "quy che dan van") in their own fields or in a citing sentence the user may read,
    each with the reason it matched."""
    documents = scope.visible_documents(user)
    words = fold(query).split()
    for word in words:
        # A first cut in the database; `matches.match` then keeps only what the user may read.
        documents = documents.filter(search_text__contains=word)
    if type_code:
        documents = documents.filter(type_code=type_code)
    if issuer_code:
        documents = documents.filter(issuer_code=issuer_code)
    if year:
        documents = documents.filter(date__year=year)
    documents = list(documents.order_by("-date", "symbol", "id"))
    sentences: dict[int, list[str]] = {}
    if words:
        for document_id, sentence in (
            scope.readable_citations(user)
            .filter(document__in=[d.pk for d in documents])
            .values_list("document_id", "sentence")
        ):
            sentences.setdefault(document_id, []).append(sentence)
    found = (matches.match(d, words, sentences.get(d.pk, [])) for d in documents)
    # Documents found by their own number or subject first, then those found by a citation.
    return sorted((m for m in found if m is not None), key=lambda m: bool(m.sentences))


def get_document(user, document_id: int) -> Document | None:
    """The document when `user` may see it (else None, as if it did not exist)."""
    return scope.visible_documents(user).filter(pk=document_id).first()


def registry_facets(user) -> dict[str, list]:
    documents = scope.visible_documents(user)
    return {
        "type_codes": sorted(
            filter(None, documents.values_list("type_code", flat=True).distinct())
        ),
        "issuer_codes": sorted(
            filter(None, documents.values_list("issuer_code", flat=True).distinct())
        ),
        "years": sorted(
            {d.year for d in documents.exclude(date=None).values_list("date", flat=True)},
            reverse=True,
        ),
    }


def citations_for(user, document: Document):
    """The reports citing `document` that `user` may read, with their sentence."""
    return list(
        scope.readable_citations(user)
        .filter(document=document)
        .select_related("submission__assignment__request__period", "submission__assignment__unit")
    )


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


def registry_csv(user) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([REGISTRY_HEADERS[name] for name in REGISTRY_FIELDS])
    for document in scope.visible_documents(user).order_by("date", "symbol", "id"):
        writer.writerow(
            [
                document.date.isoformat()
                if name == "date" and document.date
                else ("" if getattr(document, name) is None else getattr(document, name))
                for name in REGISTRY_FIELDS
            ]
        )
    return buffer.getvalue()
