"""The bridge between the matching library (`imports.sections`, `imports.figures`, pure) and
the app: proposals as JSON for the job, provenance for the revision, citations for the registry."""

from __future__ import annotations

import dataclasses
import itertools
import re

from danvan.ingest.signatures import changed_after_signing
from danvan.registry.services import InvalidSymbol, cite, register_document
from danvan.vn.dates import iso_date

from .figures import propose_values, specs_from_catalogue
from .sections import match_sections


def _plain(item) -> dict:
    if hasattr(item, "to_dict"):
        return item.to_dict()
    return dataclasses.asdict(item)


def section_proposals(parsed: dict, template_sections: list[dict]) -> list[dict]:
    return [_plain(match) for match in match_sections(parsed["outline"], template_sections)]


def value_proposals(parsed: dict, template, on_form: set[str] | None = None) -> list[dict]:
    """Proposals for the indicators on this template's form only (`on_form`, the codes, when
    read beforehand: the bounded job runs this where no query may run), each with a stable key."""
    if on_form is None:
        on_form = form_codes(template)
    best: dict[str, dict] = {}
    for proposal in map(_plain, propose_values(parsed, specs_from_catalogue())):
        for row in _split_total(proposal):
            code = row["indicator"]["code"]
            option = next(iter((row.get("options") or {}).values()), None)
            row["key"] = f"{code}:{option}" if option else code
            # One field, one value: the most confident figure for it (the first among equals).
            if code in on_form and row["confidence"] > best.get(row["key"], {}).get(
                "confidence", -1
            ):
                best[row["key"]] = row
    return list(best.values())


def form_codes(template) -> set[str]:
    """The codes of the indicators on the template's form."""
    return set(template.form_rows.values_list("indicator__code", flat=True))


def _split_total(proposal: dict) -> list[dict]:
    """ "97/97 tổ chức" reports a count and, through `total_indicator`, the total it is out of:
    two values for the form, from the same sentence."""
    total_indicator = proposal.pop("total_indicator", None)
    if not total_indicator or proposal.get("total") is None:
        return [proposal]
    total_row = dict(
        proposal, indicator=total_indicator, options={}, value=proposal["total"], total=None
    )
    return [proposal, total_row]


SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def _texts(parsed: dict) -> list[str]:
    """Every paragraph and footnote text in reading order (the outline depth first)."""

    def walk(nodes):
        for node in nodes:
            yield from (p["text"] for p in node.get("paragraphs", []))
            yield from walk(node.get("children", []))

    return [
        *(p["text"] for p in parsed.get("preamble") or []),
        *walk(parsed.get("outline") or []),
        *(f["text"] for f in parsed.get("footnotes") or []),
    ]


def _sentence_of(texts: list[str], raw: str, start: int) -> tuple[str, int]:
    """The sentence a citation stands in (for the registry's "cited by" list) and the index of
    its text; looked for from where the previous citation was (they come in reading order),
    then from the top, so that a long document costs one pass, not one per citation."""
    for i in itertools.chain(range(start, len(texts)), range(min(start, len(texts)))):
        if raw in texts[i]:
            return next((s for s in SENTENCE_END.split(texts[i]) if raw in s), raw), i
    return raw, start


def reference_list(parsed: dict) -> list[dict]:
    texts, at, out = _texts(parsed), 0, []
    for r in parsed.get("references", []):
        sentence, at = _sentence_of(texts, r.get("raw") or r["symbol"], at)
        out.append(
            {
                "symbol": r["symbol"],
                "date": r.get("date"),
                "kind": r.get("kind"),
                "issued_by": r.get("issued_by"),
                "subject": r.get("subject"),
                "in": r.get("in"),
                "sentence": sentence,
            }
        )
    return out


def provenance(job, accepted: dict[str, str]) -> dict:
    """What the revision records: the file, the uploader, and per value the sentence it came from."""
    by_key = {p["key"]: p for p in (job.result or {}).get("values", [])}
    header = (job.result or {}).get("header") or {}
    signatures = (job.result or {}).get("signatures") or []
    return {
        "import_job": job.pk,
        "file": {
            "sha256": job.upload.file.sha256,
            "name": job.upload.original_name,
            "uploaded_by": job.upload.uploaded_by.get_username()
            if job.upload.uploaded_by
            else None,
            "uploaded_at": job.upload.uploaded_at.isoformat(),
            # The file's own number and its digital signatures (ingest.signatures.for_display).
            "symbol": header.get("symbol"),
            "date": header.get("date"),
            "signatures": signatures,
            "changed_after_signing": changed_after_signing(signatures),
        },
        "values": {key: by_key[key]["source"] for key in accepted if key in by_key},
    }


def register_references(actor, job) -> int:
    """Every document the file cites lands in the registry (once per symbol and date)."""
    count = 0
    for reference in (job.result or {}).get("references", []):
        day = iso_date(reference.get("date"))
        try:
            document = register_document(
                actor,
                reference["symbol"],
                day,
                kind=reference.get("kind") or "",
                issued_by=reference.get("issued_by") or "",
                title=reference.get("subject") or "",
            )
        except InvalidSymbol:
            continue
        cite(
            actor,
            document,
            job.assignment.submission,
            reference.get("sentence") or reference["symbol"],
            reference.get("in") or "",
        )
        count += 1
    return count
