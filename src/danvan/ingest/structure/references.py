"""Citations of other documents: "Quyết định số 787/QĐ-UBND ngày 21/8/2025 của …"."""

from __future__ import annotations

import re

from ...vn.dates import date_at
from ...vn.symbols import find_symbols
from ..model import Reference

KINDS = (
    "Chương trình hành động", "Chương trình phối hợp", "Chương trình", "Thông tư liên tịch",
    "Nghị quyết liên tịch", "Quyết định", "Chỉ thị", "Nghị quyết", "Nghị định", "Kết luận",
    "Kế hoạch", "Công văn", "Công điện", "Thông báo", "Thông tư", "Hướng dẫn", "Báo cáo",
    "Pháp lệnh", "Luật", "Quy định", "Quy chế", "Tờ trình", "Đề án", "Phương án", "Văn bản",
    "Điều lệ", "Giấy mời", "Biên bản",
)  # fmt: skip
_KIND = re.compile("|".join(re.escape(k) for k in KINDS), re.IGNORECASE)
# Between the type word and the symbol: nothing, or up to three words and "số".
_KIND_GAP = re.compile(r"(?:(?:\s+[^\s\d,;.]+){0,3}?\s+số)?\s*$", re.IGNORECASE)


def _kind_before(window: str) -> re.Match[str] | None:
    """The type word nearest before the symbol ("quy định tại Nghị quyết số …" → Nghị quyết)."""
    for match in reversed(list(_KIND.finditer(window))):
        if _KIND_GAP.match(window, match.end()):
            return match
    return None


# "của Ban Thường vụ Thành ủy Về nâng cao …": the subject's "về" may be capitalised by mistake;
# it still ends the issuer.
_ISSUED_BY = re.compile(
    r"\s*,?\s*của\s+(?P<by>.+?)(?=\s+(?:[Vv]ề|ban hành|triển khai|công bố|giao|chỉ đạo|phê duyệt|thực hiện|đến|tại|trong|nhằm|đối với|theo|quy định|hướng dẫn|và|gắn)\b|[,;.(“\"”:)]|$)"
)


# The subject: "về …" up to the end of the clause — a semicolon, a full stop, a line break, or
# the next cited document in a list ("…, Chỉ thị số …", "… và Kế hoạch số …"); a document named
# without a comma belongs to the subject ("về thực hiện Kết luận số 21-KL/TW …").
_SUBJECT = re.compile(
    r"\s*,?\s*(?P<subject>[Vv]ề\s.+?)\s*(?=;|\.(?:\s|$)|\n|$|(?:,\s*(?:và\s+)?|\s+và\s+)(?:"
    + "|".join(re.escape(k) for k in KINDS)
    + r")\s+(?:số\s+)?\d)",
    re.IGNORECASE,
)
SUBJECT_MAX = 300


def _subject_at(text: str, pos: int) -> str | None:
    found = _SUBJECT.match(text, pos)
    if not found:
        return None
    subject = " ".join(found.group("subject").split()).rstrip(",")
    return "v" + subject[1:] if len(subject) <= SUBJECT_MAX else None


def find_references(text: str, where: str) -> tuple[list[Reference], list[str]]:
    refs: list[Reference] = []
    warnings: list[str] = []
    for match, symbol in find_symbols(text):
        window = text[max(0, match.start() - 80) : match.start()]
        kind_match = _kind_before(window)
        kind = None
        start = match.start()
        if kind_match:
            kind_text = kind_match.group(0)
            kind = kind_text[0].upper() + kind_text[1:]
            start = match.start() - len(window) + kind_match.start()
        end = match.end()
        found = date_at(text, end)
        date = None
        if found:
            end = found.end
            date = found.value.isoformat() if found.value else None
            if found.warning:
                warnings.append(f"reference {symbol.text}: {found.warning}")
        by = _ISSUED_BY.match(text, end)
        issued_by = by.group("by").strip() if by and len(by.group("by")) <= 100 else None
        subject = _subject_at(text, by.end() if issued_by else end)
        refs.append(
            Reference(
                raw=" ".join(text[start:end].split()),
                kind=kind,
                system=symbol.system,
                number=symbol.number,
                year=symbol.year,
                type_code=symbol.type_code,
                issuer_code=symbol.issuer_code,
                symbol=symbol.text,
                date=date,
                issued_by=issued_by,
                where=where,  # type: ignore[arg-type]
                subject=subject,
            )
        )
    return refs, warnings
