"""Writes to the document registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.orgs.models import OrgUnit
from danvan.vn.formatting import format_symbol
from danvan.vn.symbols import parse_symbol
from danvan.vn.text import fold

from .models import Citation, Document, IssuedNumber, NumberSeries
from .numbering import series_bounds, series_key, series_label
from .selectors import field_row

KIND_BY_TYPE_CODE = {
    "CV": "Công văn",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "BC": "Báo cáo",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "NQ": "Nghị quyết",
    "CTR": "Chương trình",
    "KL": "Kết luận",
}


SEARCH_TEXT_LIMIT = 4000


class InvalidSymbol(ValueError):
    pass


def register_document(
    actor,
    symbol: str,
    date: dt.date | None,
    *,
    kind: str = "",
    title: str = "",
    issued_by: str = "",
    issuer_unit=None,
) -> Document:
    """Find or record a document by its số ký hiệu and date; the symbol is parsed, not trusted."""
    parsed = parse_symbol(symbol or "")
    if parsed is None or parsed.number is None:
        raise InvalidSymbol(
            f"Số ký hiệu '{symbol}' không hợp lệ (ví dụ: 644-CV/BDVTU hoặc 329/BC-UBND)."
        )
    with transaction.atomic():
        same_symbol = Document.objects.select_for_update().filter(symbol=parsed.text)
        # One document per symbol and date; a citation without a date ("Quyết định số 2806-QĐ/TU")
        # is the dated one already recorded, and a date given later completes an undated one.
        existing = (
            same_symbol.order_by("date", "id").first()
            if date is None
            else same_symbol.filter(date=date).first() or same_symbol.filter(date=None).first()
        )
        if existing is not None:
            if date is not None and existing.date is None:
                existing.date = date
                existing.save(update_fields=["date"])
            _fill_blanks(existing, kind=kind, title=title, issued_by=issued_by)
            return existing
        document, created = Document.objects.get_or_create(
            symbol=parsed.text,
            date=date,
            defaults={
                "system": parsed.system,
                "number": parsed.number,
                "year": parsed.year,
                "type_code": parsed.type_code or "",
                "issuer_code": parsed.issuer_code,
                "kind": kind or KIND_BY_TYPE_CODE.get((parsed.type_code or "").upper(), ""),
                "title": title,
                "issued_by": issued_by,
                "issuer_unit": issuer_unit,
            },
        )
        if created:
            document.search_text = search_text_of(document)
            document.save(update_fields=["search_text"])
            record_event(
                actor, "documents.register", "Document", document.pk, summary=str(document)
            )
    return document


def search_text_of(document: Document) -> str:
    """Its own fields, then the sentences that cite it: a document is findable by the subject
    its citations give ("ban hành Quy chế công tác dân vận") when the registry has none."""
    own = " ".join(
        filter(None, [document.symbol, document.kind, document.title, document.issued_by])
    )
    sentences = (
        Citation.objects.filter(document=document).order_by("id").values_list("sentence", flat=True)
    )
    return fold(" ".join([own, *sentences]))[:SEARCH_TEXT_LIMIT] if document.pk else fold(own)


def _fill_blanks(document: Document, **fields) -> bool:
    """A later citation may say what an earlier one left out (subject, issuing body)."""
    changed = [name for name, value in fields.items() if value and not getattr(document, name)]
    for name in changed:
        setattr(document, name, fields[name])
    if changed:
        document.search_text = search_text_of(document)
        document.save(update_fields=[*changed, "search_text"])
    return bool(changed)


def cite(actor, document: Document, submission, sentence: str, where: str = "") -> Citation:
    """Record that a report cites `document`; the sentence also makes the document findable by
    its subject ("ban hành Quy chế công tác dân vận") when the registry had no subject for it."""
    citation, created = Citation.objects.get_or_create(
        document=document, submission=submission, sentence=sentence[:600], defaults={"where": where}
    )
    if created:
        Document.objects.filter(pk=document.pk).update(search_text=search_text_of(document))
    return citation


@dataclass
class RegistryImport:
    created: int = 0
    existing: int = 0


def import_registry(actor, rows: list[dict]) -> RegistryImport:
    """Rows as the CSV export writes them; all checked first, then written in one transaction."""
    permissions.require(actor, "documents.manage")
    errors, parsed_rows = [], []
    for line, raw in enumerate(rows, start=2):
        row = field_row(raw)
        symbol = (row.get("symbol") or "").strip()
        day = None
        if (row.get("date") or "").strip():
            try:
                day = dt.date.fromisoformat(row["date"].strip())
            except ValueError:
                errors.append(f"Dòng {line}: ngày '{row['date']}' không hợp lệ (YYYY-MM-DD).")
                continue
        if parse_symbol(symbol) is None or parse_symbol(symbol).number is None:
            errors.append(f"Dòng {line}: số ký hiệu '{symbol}' không hợp lệ.")
            continue
        parsed_rows.append((symbol, day, row))
    if errors:
        raise RegistryRejected(errors)
    result = RegistryImport()
    with transaction.atomic():
        for symbol, day, row in parsed_rows:
            existed = Document.objects.filter(symbol=parse_symbol(symbol).text, date=day).exists()
            register_document(
                actor,
                symbol,
                day,
                kind=(row.get("kind") or "").strip(),
                title=(row.get("title") or "").strip(),
                issued_by=(row.get("issued_by") or "").strip(),
            )
            if existed:
                result.existing += 1
            else:
                result.created += 1
    return result


class RegistryRejected(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


# Numbering (issue 8): the next free number of an issuer's register.


class NumberTaken(ValueError):
    """The number asked for is already given to another document."""


@dataclass(frozen=True)
class Allocation:
    number: int
    symbol: str
    series: str
    document: Document
    issued: IssuedNumber


def _registry_max(issuer: OrgUnit, system: str, type_code: str, day: dt.date) -> int:
    """The highest number of this type the registry already holds for the issuer in the series
    (documents recorded by hand or cited by a request), so they are never given twice."""
    first, last = series_bounds(system, day)
    numbers = Document.objects.filter(
        issuer_unit=issuer, system=system, type_code__iexact=type_code, date__range=(first, last)
    ).values_list("number", flat=True)
    return max((int(n) for n in numbers if n and n.isdigit()), default=0)


def _last_issued(issuer: OrgUnit, type_code: str, key: str) -> int:
    return (
        IssuedNumber.objects.filter(issuer=issuer, type_code=type_code, series_key=key)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
        or 0
    )


def next_number(issuer: OrgUnit, system: str, type_code: str, day: dt.date) -> int:
    """The number the next document would get; a suggestion only, nothing is reserved."""
    key = series_key(system, day)
    last = (
        NumberSeries.objects.filter(issuer=issuer, system=system, type_code=type_code, series=key)
        .values_list("last_number", flat=True)
        .first()
        or 0
    )
    return (
        max(
            last,
            _last_issued(issuer, type_code, key),
            _registry_max(issuer, system, type_code, day),
        )
        + 1
    )


def _locked_series(issuer: OrgUnit, system: str, type_code: str, key: str) -> NumberSeries:
    series, _ = NumberSeries.objects.get_or_create(
        issuer=issuer, system=system, type_code=type_code, series=key
    )
    # The row lock is where two allocations queue on PostgreSQL (SQLite serialises writers).
    return NumberSeries.objects.select_for_update().get(pk=series.pk)


def allocate_number(
    actor,
    issuer: OrgUnit,
    system: str,
    type_code: str,
    day: dt.date,
    *,
    number: int | None = None,
    kind: str = "",
    title: str = "",
    issued_by: str = "",
    attempts: int = 5,
) -> Allocation:
    """Give the next free number (or `number`, when the user typed one) of the issuer's register
    for this type and series, record the document in the registry and the audit trail.

    Atomic: the series row is locked for the allocation; the unique (issuer, type, series,
    number) constraint is the final guard, and a collision is retried with the next number."""
    if not issuer.issuer_code:
        raise NumberTaken(
            f"Đơn vị {issuer.name} chưa có ký hiệu cơ quan ban hành nên chưa cấp số được."
        )
    key = series_key(system, day)
    for _ in range(attempts):
        try:
            with transaction.atomic():
                series = _locked_series(issuer, system, type_code, key)
                if number is None:
                    given = (
                        max(
                            series.last_number,
                            _last_issued(issuer, type_code, key),
                            _registry_max(issuer, system, type_code, day),
                        )
                        + 1
                    )
                else:
                    given = number
                    if IssuedNumber.objects.filter(
                        issuer=issuer, type_code=type_code, series_key=key, number=given
                    ).exists():
                        raise NumberTaken(_taken_message(given, system, key))
                issued = IssuedNumber.objects.create(
                    series=series,
                    issuer=issuer,
                    type_code=type_code,
                    series_key=key,
                    number=given,
                    allocated_by=actor if getattr(actor, "pk", None) else None,
                )
                series.last_number = max(series.last_number, given)
                series.save(update_fields=["last_number"])
                symbol = format_symbol(given, type_code, issuer.issuer_code, system=system)
                document = register_document(
                    actor,
                    symbol,
                    day,
                    kind=kind,
                    title=title,
                    issued_by=issued_by,
                    issuer_unit=issuer,
                )
                issued.document = document
                issued.save(update_fields=["document"])
                record_event(
                    actor,
                    "documents.number",
                    "IssuedNumber",
                    issued.pk,
                    summary=f"Cấp số {symbol} ngày {day:%d/%m/%Y} ({series_label(system, key)})",
                    after={"symbol": symbol, "date": day.isoformat(), "series": key},
                )
            return Allocation(given, symbol, key, document, issued)
        except IntegrityError:
            if number is not None:
                raise NumberTaken(_taken_message(number, system, key)) from None
            continue
    raise NumberTaken("Nhiều người đang cấp số cùng lúc; chưa cấp được số, xin thử lại.")


def _taken_message(number: int, system: str, key: str) -> str:
    return (
        f"Số {number:02d} đã được cấp cho văn bản khác trong {series_label(system, key)}; "
        "để trống ô số để nhận số kế tiếp."
    )
