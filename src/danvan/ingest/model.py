"""The parsed document: typed objects whose `to_dict()` is the JSON of
`shared/spec/parsed-document.md` ("danvan.parsed-document/2": version 1 plus the additions of
its "Version 2"), key for key, in that order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "danvan.parsed-document/2"

Format = Literal["txt", "pdf", "docx", "doc", "png", "jpeg", "tiff"]
Where = Literal["body", "footnote", "header"]


@dataclass
class Source:
    name: str
    format: Format
    pages: int | None
    sha256: str
    # When any page was read by OCR: {"engine", "pages", "mean_confidence"} (Version 2).
    ocr: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "format": self.format,
            "pages": self.pages,
            "sha256": self.sha256,
            "ocr": dict(self.ocr) if self.ocr else None,
        }


@dataclass
class Header:
    parent_issuer: str | None = None
    issuer: str | None = None
    number: str | None = None
    symbol: str | None = None
    type_code: str | None = None
    place: str | None = None
    date: str | None = None
    type_name: str | None = None
    title: str | None = None
    addressees: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "parent_issuer": self.parent_issuer,
            "issuer": self.issuer,
            "number": self.number,
            "symbol": self.symbol,
            "type_code": self.type_code,
            "place": self.place,
            "date": self.date,
            "type_name": self.type_name,
            "title": self.title,
            "addressees": list(self.addressees),
        }


@dataclass
class Paragraph:
    text: str
    footnotes: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "footnotes": list(self.footnotes)}


@dataclass
class Section:
    label: str
    title: str
    level: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "title": self.title,
            "level": self.level,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "children": [c.to_dict() for c in self.children],
        }


@dataclass
class Table:
    """Rows of cell texts, HTML-style: a merged cell appears once, at its top-left position,
    with its (rowspan, colspan) in `spans[(row, index in that row)]`; the positions it covers
    are left out of the rows below and to its right."""

    rows: list[list[str]]
    after_paragraph: str | None = None
    page: int | None = None
    header_rows: int = 0
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rows: list[list[Any]] = []
        for r, row in enumerate(self.rows):
            cells: list[Any] = []
            for c, text in enumerate(row):
                span = self.spans.get((r, c))
                if span and span != (1, 1):
                    cells.append({"text": text, "rowspan": span[0], "colspan": span[1]})
                else:
                    cells.append(text)
            rows.append(cells)
        return {
            "rows": rows,
            "after_paragraph": self.after_paragraph,
            "page": self.page,
            "header_rows": self.header_rows,
        }


@dataclass
class Footnote:
    id: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text}


@dataclass
class Reference:
    raw: str
    kind: str | None
    system: Literal["party", "state"]
    number: str | None
    year: int | None
    type_code: str | None
    issuer_code: str
    symbol: str
    date: str | None
    issued_by: str | None
    where: Where
    subject: str | None = None  # "về …" after the issuer, when the citation gives it

    def to_dict(self) -> dict[str, Any]:
        return {
            "raw": self.raw,
            "kind": self.kind,
            "system": self.system,
            "number": self.number,
            "year": self.year,
            "type_code": self.type_code,
            "issuer_code": self.issuer_code,
            "symbol": self.symbol,
            "date": self.date,
            "issued_by": self.issued_by,
            "subject": self.subject,
            "in": self.where,
        }


@dataclass
class Figure:
    text: str
    value: int | float
    unit: str | None
    total: int | float | None
    approx: str | None
    context: str
    where: Literal["body", "footnote", "table"]
    # For a figure in a table cell: {"index", "row", "column", "row_header", "column_header"}.
    table: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "total": self.total,
            "approx": self.approx,
            "context": self.context,
            "in": self.where,
        }
        if self.table is not None:
            out["table"] = dict(self.table)
        return out


@dataclass
class Signature:
    authority: list[str] = field(default_factory=list)
    title: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"authority": list(self.authority), "title": self.title, "name": self.name}


@dataclass
class Closing:
    recipients: list[str] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)

    def to_dict(self) -> dict[str, Any]:
        return {"recipients": list(self.recipients), "signature": self.signature.to_dict()}


@dataclass
class DigitalSignature:
    """One digital signature of a signed PDF, verified offline (`danvan.ingest.signatures`).
    `signer` is the certificate subject's common name (a person or an organisation);
    `certificate_valid_at_signing` is None when no trust anchor for the issuer is installed;
    `problems` are Vietnamese phrases for the user."""

    signer: str | None
    organisation: str | None
    signed_at: str | None
    covers_whole_file: bool
    modified_after: bool | None
    certificate_valid_at_signing: bool | None
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        """Nothing wrong beyond what an offline check cannot know (anchor, revocation)."""
        from .signatures import alarms

        return not alarms(self.problems)

    def to_dict(self) -> dict[str, Any]:
        return {
            "signer": self.signer,
            "organisation": self.organisation,
            "signed_at": self.signed_at,
            "covers_whole_file": self.covers_whole_file,
            "modified_after": self.modified_after,
            "certificate_valid_at_signing": self.certificate_valid_at_signing,
            "problems": list(self.problems),
        }


@dataclass
class ParsedDocument:
    source: Source
    form: Literal["party", "state"] | None = None
    header: Header = field(default_factory=Header)
    preamble: list[Paragraph] = field(default_factory=list)
    outline: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    warnings: list[str] = field(default_factory=list)
    signatures: list[DigitalSignature] = field(default_factory=list)  # version 2
    # Places and bodies the document names, for routing (version 2; structure/mentions.py).
    mentions: dict[str, list[str]] = field(default_factory=lambda: {"places": [], "bodies": []})

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source.to_dict(),
            "form": self.form,
            "header": self.header.to_dict(),
            "preamble": [p.to_dict() for p in self.preamble],
            "outline": [s.to_dict() for s in self.outline],
            "tables": [t.to_dict() for t in self.tables],
            "footnotes": [f.to_dict() for f in self.footnotes],
            "references": [r.to_dict() for r in self.references],
            "figures": [f.to_dict() for f in self.figures],
            "closing": self.closing.to_dict(),
            "warnings": list(self.warnings),
            "signatures": [s.to_dict() for s in self.signatures],
            "mentions": {key: list(names) for key, names in self.mentions.items()},
        }

    def paragraphs(self) -> list[Paragraph]:
        """Every body paragraph in reading order (preamble, then the outline depth-first)."""
        out = list(self.preamble)

        def walk(sections: list[Section]) -> None:
            for s in sections:
                out.extend(s.paragraphs)
                walk(s.children)

        walk(self.outline)
        return out
