"""Which unit sent a file, and which request it answers.

The request comes first, from the request document the file cites ("Thực hiện Công văn số
644-CV/BDVTU, ngày 07/5/2019 …"); its assigned units are then the only candidates. Otherwise
the period named in the title is matched against requests that asked the unit. The unit is
told from the issuer in the header (or, when the header was lost, the first paragraphs),
compared with unit names valid on the document's date — so a 2019 file goes to the unit of
2019 even if it no longer exists — with abbreviations expanded. More evidence weighs in (see
`evidence.py`): the places the body and the recipients name, the signer's authority line, and
the coordinator's own units; the symbol's issuer code breaks what is left. Two bodies that
remain equally likely (two "Ban Dân vận Thành ủy" and no place named) are not chosen between
by tree order: the route is ambiguous and offers both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from danvan.accounts import permissions
from danvan.orgs.models import OrgUnit
from danvan.reporting.models import ReportRequest
from danvan.reporting.periods import InvalidPeriod, parse_period, period_from_text
from danvan.vn.dates import iso_date
from danvan.vn.text import fold

from . import evidence

ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "bchqs": "bo chi huy quan su",
    "bch": "bo chi huy",
    "bdbp": "bo doi bien phong",
    "ca": "cong an",
    "catp": "cong an thanh pho",
    "tp": "thanh pho",
    "tu": "thanh uy",
    "dcd": "dan chinh dang",
    "duk": "dang uy khoi",
    "btv": "ban thuong vu",
    "bdv": "ban dan van",
    "btg": "ban tuyen giao",
    "qs": "quan su",
    "ll": "luc luong",
}
# Words every unit name has, which say nothing about which unit it is.
STOP_WORDS = {"ban", "thuong", "vu", "cua", "va", "cac", "co", "so"}
TOKEN = re.compile(r"[a-z0-9]+")
MIN_SCORE = 0.55
# Scores closer than this are the same evidence: the route does not choose between them.
TIE = 0.005
CLAUSE = re.compile(r"[^.,;:()]+")
# "về việc báo cáo", "chế độ báo cáo": the verb's object, not its subject.
NOT_A_SUBJECT = re.compile(r"(việc|độ|về|theo|thực hiện)\s*$", re.IGNORECASE)


def words(text: str) -> list[str]:
    result = []
    for word in TOKEN.findall(fold(text or "")):
        result.extend(ABBREVIATIONS.get(word, word).split())
    return [w for w in result if w not in STOP_WORDS]


def bigrams(sequence: list[str]) -> set[tuple[str, str]]:
    return set(zip(sequence, sequence[1:], strict=False))


@dataclass
class Route:
    unit: OrgUnit | None = None
    request: ReportRequest | None = None
    period_code: str | None = None
    confidence: float = 0.0
    reasons: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Equally likely units when the evidence cannot tell them apart (the route then has no unit).
    choices: list[OrgUnit] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "unit": {"code": self.unit.code, "name": self.unit.name} if self.unit else None,
            "request": {
                "id": self.request.pk,
                "document": str(self.request.request_document)
                if self.request.request_document
                else None,
            }
            if self.request
            else None,
            "period": self.period_code,
            "confidence": round(self.confidence, 2),
            "reasons": self.reasons,
            "problems": self.problems,
            "choices": [{"code": u.code, "name": u.name} for u in self.choices],
        }


def _cited_request(parsed: dict, requests) -> ReportRequest | None:
    by_symbol: dict[str, list[ReportRequest]] = {}
    for request in requests.filter(request_document__isnull=False).select_related(
        "request_document"
    ):
        by_symbol.setdefault(request.request_document.symbol, []).append(request)
    for reference in parsed.get("references", []):
        for request in by_symbol.get(reference["symbol"], []):
            cited_day = iso_date(reference.get("date"))
            if cited_day is None or request.request_document.date in (None, cited_day):
                return request
    return None


def _issuer_text(parsed: dict) -> tuple[str, bool]:
    header = parsed.get("header") or {}
    issuer = " ".join(filter(None, [header.get("parent_issuer"), header.get("issuer")]))
    if issuer:
        return issuer, True
    # Header lost in extraction: the unit names itself in the opening paragraph, as the
    # subject of "báo cáo" ("…, Ban Dân vận Thành ủy báo cáo kết quả …").
    opening = " ".join(p["text"] for p in (parsed.get("preamble") or [])[:2])
    for clause in CLAUSE.findall(opening):
        before, verb, _ = clause.partition(" báo cáo")
        if verb and before.strip() and not NOT_A_SUBJECT.search(before):
            return before.strip(), False
    return opening, False


def _score(unit: OrgUnit, issuer_words: list[str]) -> float:
    """Half the share of the unit's name words found, half the share of the issuer's word pairs
    found in the name (so "Thành ủy" beats "Quận ủy … Thanh Khê")."""
    name = words(unit.name)
    if not name or not issuer_words:
        return 0.0
    issuer_pairs = bigrams(issuer_words)
    score = len(set(name) & set(issuer_words)) / len(set(name)) / 2
    score += (len(bigrams(name) & issuer_pairs) / len(issuer_pairs) / 2) if issuer_pairs else 0.0
    return score


def _same_issuer_code(unit: OrgUnit, issuer_code: str | None) -> bool:
    return bool(issuer_code and unit.issuer_code and fold(unit.issuer_code) == fold(issuer_code))


def route(actor, parsed: dict, action: str = "reporting.board") -> Route:
    """Propose the unit and request of one parsed file, within what `actor` may act on."""
    result = Route()
    header = parsed.get("header") or {}
    doc_day = iso_date(header.get("date"))
    result.period_code = period_from_text(header.get("title") or "") or period_from_text(
        " ".join(p["text"] for p in (parsed.get("preamble") or [])[:1])
    )
    requests = ReportRequest.objects.filter(issuer__in=permissions.units_in_scope(actor, action))
    result.request = _cited_request(parsed, requests)
    if result.request:
        result.reasons.append(f"Trích dẫn văn bản yêu cầu {result.request.request_document}.")
        candidates = OrgUnit.objects.filter(assignments__request=result.request)
    else:
        day = doc_day
        if day is None and result.period_code:
            try:
                day = parse_period(result.period_code).end
            except InvalidPeriod:
                day = None
        candidates = permissions.units_in_scope(actor, action)
        if day:
            candidates = candidates.valid_on(day)
    issuer, from_header = _issuer_text(parsed)
    issuer_words = words(issuer)
    symbol_issuer = (header.get("symbol") or "").rpartition("/")[2].split("-")[0] or None
    facts = evidence.Evidence.of(parsed, actor, signer_words=words(evidence.signer_text(parsed)))
    scored = []
    for unit in candidates:
        if facts.elsewhere(unit):
            continue
        by_name = _score(unit, issuer_words)
        scored.append((by_name + facts.bonus(unit, _score), by_name, unit))
    # The symbol's issuer code only breaks ties ("UBND" is every People's Committee).
    scored.sort(key=lambda t: (-round(t[0], 3), not _same_issuer_code(t[2], symbol_issuer)))
    if scored and scored[0][1] >= MIN_SCORE:
        best_score, _, best = scored[0]
        tied = [
            u
            for score, _, u in scored
            if abs(score - best_score) < TIE
            and _same_issuer_code(u, symbol_issuer) == _same_issuer_code(best, symbol_issuer)
        ]
        if len(tied) > 1:
            result.choices = tied
            result.problems.append(
                "Có nhiều đơn vị cùng tên, văn bản không cho biết là đơn vị nào: "
                + "; ".join(u.name for u in tied)
                + ". Hãy chọn đơn vị."
            )
        else:
            result.unit = best
            runner_up = scored[1][0] if len(scored) > 1 else 0.0
            result.confidence = min(1.0, best_score) * (
                0.6 if best_score - runner_up < 0.1 else 1.0
            )
            where = "phần đầu văn bản" if from_header else "đoạn mở đầu"
            result.reasons.append(f"Tên cơ quan ở {where} khớp với {best.name}.")
            result.reasons.extend(facts.reasons_for(best))
    else:
        result.problems.append("Không nhận ra đơn vị gửi từ tên cơ quan ban hành.")
    if result.request is None and result.unit and result.period_code:
        matching = requests.filter(
            period__code=result.period_code, assignments__unit=result.unit
        ).select_related("issuer")
        # The request whose issuer the file is addressed to (recipients, "Kính gửi") comes first.
        result.request = max(
            matching.order_by("-issued_at"),
            key=lambda r: facts.addressed_to(r.issuer, _score),
            default=None,
        )
        if result.request:
            result.reasons.append(
                f"Kỳ báo cáo {result.period_code} khớp với yêu cầu “{result.request.title}”."
            )
            result.confidence *= 0.9
    if result.request is None:
        result.problems.append(
            "Không tìm thấy yêu cầu báo cáo tương ứng (văn bản yêu cầu hoặc kỳ báo cáo)."
        )
        result.confidence *= 0.5
    return result
