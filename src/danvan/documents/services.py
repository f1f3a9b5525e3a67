"""Writes to the document registry."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.audit.services import record_event
from danvan.vn.symbols import parse_symbol

from .models import Document

KIND_BY_TYPE_CODE = {
    "CV": "Công văn", "KH": "Kế hoạch", "QĐ": "Quyết định", "CT": "Chỉ thị", "BC": "Báo cáo",
    "HD": "Hướng dẫn", "TB": "Thông báo", "NQ": "Nghị quyết", "CTR": "Chương trình", "KL": "Kết luận",
}


class InvalidSymbol(ValueError):
    pass


def register_document(actor, symbol: str, date: dt.date | None, *, kind: str = "", title: str = "",
                      issued_by: str = "", issuer_unit=None) -> Document:
    """Find or record a document by its số ký hiệu and date; the symbol is parsed, not trusted."""
    parsed = parse_symbol(symbol or "")
    if parsed is None or parsed.number is None:
        raise InvalidSymbol(f"Số ký hiệu '{symbol}' không hợp lệ (ví dụ: 644-CV/BDVTU hoặc 329/BC-UBND).")
    with transaction.atomic():
        document, created = Document.objects.get_or_create(
            symbol=parsed.text, date=date,
            defaults={
                "system": parsed.system, "number": parsed.number, "year": parsed.year,
                "type_code": parsed.type_code or "", "issuer_code": parsed.issuer_code,
                "kind": kind or KIND_BY_TYPE_CODE.get((parsed.type_code or "").upper(), ""),
                "title": title, "issued_by": issued_by, "issuer_unit": issuer_unit,
            },
        )
        if created:
            record_event(actor, "documents.register", "Document", document.pk, summary=str(document))
    return document
