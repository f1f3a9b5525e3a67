"""The signed file of an instrument (DOCX, DOC, PDF): kept once in the file store, read with
the project's reader within the import budget (a child process with a time and memory cap),
and turned into a PROPOSAL — number and symbol, signing date, title, the parties named by the
joint symbol's issuer codes, the signers, the documents it is based on — that a person
confirms field by field. Nothing the reader found is written until then."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q

from danvan.audit.services import record_event
from danvan.imports import services as imports
from danvan.ingest import DocumentError
from danvan.orgs.models import OrgUnit
from danvan.registry.models import Document
from danvan.vn.text import fold

from . import chain, parties, services
from . import permissions as access
from .errors import ProgrammeError
from .models import Instrument, PartyRole
from .services import _bump, _locked

FIELDS = ("symbol", "signed_on", "title", "parties", "based_on")
READ_FAILED = "Không đọc được nội dung tệp"


def _unit_for(code: str, day: dt.date | None, owner: OrgUnit) -> OrgUnit | None:
    """The unit with this issuer code (existing on the signing date), nearest the owner in
    the tree: "CAT" is every province's police; the owner's own province comes first."""
    rows = OrgUnit.objects.filter(issuer_code__iexact=code)
    if day:
        rows = rows.valid_on(day)
    best, shared = None, -1
    for unit in rows:
        common = 0
        for a, b in zip(unit.path.split("/"), owner.path.split("/"), strict=False):
            if a != b:
                break
            common += 1
        if common > shared:
            best, shared = unit, common
    return best


def proposal_from(parsed: dict, owner: OrgUnit, file_name: str) -> dict:
    """What the reader read, as a proposal (JSON) for the instrument page."""
    header = parsed.get("header") or {}
    symbol = header.get("symbol") or ""
    day = None
    if header.get("date"):
        try:
            day = dt.date.fromisoformat(header["date"])
        except ValueError:
            day = None
    title = header.get("title") or ""
    if not title:
        lines = [p.get("text", "") for p in (parsed.get("preamble") or [])[:3]]
        title = next((t for t in lines[1:] if t and not t.startswith("Căn cứ")), "")
    proposed_parties, unknown = [], []
    for code in chain.issuer_codes(symbol):
        unit = _unit_for(code, day, owner)
        if unit is None:
            unknown.append(code)
        else:
            proposed_parties.append({"unit": unit.pk, "name": unit.name, "code": code})
    signers = []
    signature = (parsed.get("closing") or {}).get("signature") or {}
    if signature.get("name") or signature.get("title"):
        signers.append(
            {
                "name": signature.get("name") or "",
                "title": " ".join(
                    [*(signature.get("authority") or []), signature.get("title") or ""]
                ).strip(),
            }
        )
    for digital in parsed.get("signatures") or []:
        name = (
            (digital.get("signer") or digital.get("name") or "")
            if isinstance(digital, dict)
            else ""
        )
        if name and all(s["name"] != name for s in signers):
            signers.append({"name": name, "title": "chữ ký số"})
    symbols = list(
        dict.fromkeys(r["symbol"] for r in parsed.get("references") or [] if r.get("symbol"))
    )
    found = {d.symbol: d for d in Document.objects.filter(symbol__in=symbols)}
    return {
        "file": file_name,
        "symbol": symbol,
        "signed_on": day.isoformat() if day else None,
        "title": title[:2000],
        "parties": proposed_parties,
        "unknown_issuers": unknown,
        "signers": signers,
        "based_on": [{"id": found[s].pk, "symbol": s} for s in symbols if s in found],
        "not_in_registry": [s for s in symbols if s not in found][:30],
    }


def attach_signed_file(
    actor, instrument: Instrument, *, data: bytes, name: str, version: int
) -> Instrument:
    """Keep the file (refused: empty, too large, not a document) and read it: the result is
    the instrument's proposal; a file the reader cannot read is still attached, with the
    reason in place of a proposal."""
    access.require_manage(actor, instrument)
    try:
        upload, _ = imports.keep_file(actor, data, name)
    except imports.ImportRefused as exc:
        raise ProgrammeError(fields={"file": exc.message}) from None
    try:
        parsed = imports.parse_within_budget(data, name)
    except (DocumentError, imports.BudgetExceeded) as exc:
        proposal = {"file": name, "error": f"{READ_FAILED}: {exc.message}"}
    else:
        proposal = proposal_from(parsed, instrument.owner, name)
    with transaction.atomic():
        current = _locked(instrument, version)
        current.signed_file = upload.file
        current.signed_file_name = name[:255]
        current.proposal = proposal
        current.save(update_fields=["signed_file", "signed_file_name", "proposal", "updated_at"])
        _bump(current)
        record_event(
            actor,
            "programmes.instrument.file",
            "Instrument",
            current.pk,
            summary=f"{current}: tệp {name[:150]}",
            after={"file": upload.file.sha256, "proposal": proposal},
        )
    return current


def confirm_proposal(actor, instrument: Instrument, *, version: int, take: set[str]) -> Instrument:
    """Write the proposed fields the person ticked (`take` ⊆ FIELDS), through the same rules
    as a typed edit; proposed parties join as "ký kết" with the signers in order when their
    numbers match. The proposal is then cleared."""
    proposal = instrument.proposal or {}
    if not proposal or proposal.get("error"):
        raise ProgrammeError("Không có đề xuất nào từ tệp để xác nhận.")
    if set(take) - set(FIELDS):
        raise ProgrammeError("Trường được chọn không hợp lệ.")
    with transaction.atomic():
        fields = {}
        if "symbol" in take and proposal.get("symbol"):
            fields["symbol"] = proposal["symbol"]
        if "signed_on" in take and proposal.get("signed_on"):
            fields["signed_on"] = dt.date.fromisoformat(proposal["signed_on"])
            if instrument.valid_from is None:
                fields["valid_from"] = fields["signed_on"]
        if "title" in take and proposal.get("title"):
            fields["title"] = proposal["title"]
        current = instrument
        based_on = None
        if "based_on" in take and proposal.get("based_on"):
            ids = [row["id"] for row in proposal["based_on"]]
            based_on = list(instrument.based_on.all()) + list(Document.objects.filter(pk__in=ids))
        if fields or based_on is not None:
            current = services.update_instrument(
                actor, current, version=version, based_on=based_on, **fields
            )
            version = current.version
        if "parties" in take:
            existing = set(current.parties.values_list("unit_id", flat=True))
            signers = proposal.get("signers") or []
            rows = proposal.get("parties") or []
            for index, row in enumerate(rows):
                unit = OrgUnit.objects.filter(pk=row["unit"]).first()
                if unit is None or unit.pk in existing:
                    continue
                signer = signers[index] if len(signers) == len(rows) else {}
                parties.add_party(
                    actor,
                    current,
                    unit=unit,
                    role=PartyRole.KY_KET,
                    version=version,
                    signer_name=signer.get("name", "")[:120],
                    signer_title=signer.get("title", "")[:200],
                )
                version += 1
        access.require_manage(actor, current)
        locked = _locked(current, version)
        locked.proposal = {}
        locked.save(update_fields=["proposal", "updated_at"])
        _bump(locked)
        record_event(
            actor,
            "programmes.instrument.proposal",
            "Instrument",
            locked.pk,
            summary=f"{locked}: xác nhận đề xuất từ tệp ({', '.join(sorted(take)) or 'không trường nào'})",
            after={"taken": sorted(take)},
        )
    return locked


def dismiss_proposal(actor, instrument: Instrument, *, version: int) -> Instrument:
    access.require_manage(actor, instrument)
    with transaction.atomic():
        current = _locked(instrument, version)
        current.proposal = {}
        current.save(update_fields=["proposal", "updated_at"])
        _bump(current)
        record_event(
            actor,
            "programmes.instrument.proposal",
            "Instrument",
            current.pk,
            summary=f"{current}: bỏ đề xuất",
        )
    return current


def search_documents(query: str, limit: int = 20):
    """Registry documents for the "căn cứ" picker (symbol or title, without diacritics)."""
    folded = fold(query or "").strip()
    if not folded:
        return Document.objects.none()
    return Document.objects.filter(
        Q(search_text__contains=folded) | Q(symbol__iexact=query.strip())
    )[:limit]
