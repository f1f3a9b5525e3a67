"""The writer's own typed view of a parsed document (schema danvan.parsed-document/1).

Built from the plain dict `danvan parse` prints, so that the writer depends only on the
published JSON contract and not on the reader's classes. Only the parts the writer lays out
are kept; references, figures and warnings are the reader's business.

Two optional keys are the writer's own, never emitted by the reader: `tables[].annex` (the
title of a "Phụ lục" the table is printed in) and `properties` (`title`, `author`, `subject`
of the file, when the caller knows them better than the header does).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from danvan.publish.errors import PublishError


@dataclass(frozen=True)
class Paragraph:
    text: str
    footnotes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Section:
    label: str | None
    title: str
    level: int
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    after_paragraph: str | None = None
    # A writer's addition to the schema: a table with an annex title is printed in its own
    # "Phụ lục" after the signature, not in the body.
    annex: str | None = None
    # Merged cells (schema /2): (row, index in that row) → (rowspan, colspan).
    spans: tuple[tuple[int, int, int, int], ...] = ()


@dataclass(frozen=True)
class Header:
    parent_issuer: str | None = None
    issuer: str | None = None
    number: str | None = None
    symbol: str | None = None
    type_code: str | None = None
    place: str | None = None
    date: dt.date | None = None
    type_name: str | None = None
    title: str | None = None
    addressees: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    authority: tuple[str, ...] = ()
    title: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Document:
    form: str | None
    header: Header
    preamble: tuple[Paragraph, ...] = ()
    outline: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    footnotes: dict[int, str] = field(default_factory=dict)
    recipients: tuple[str, ...] = ()
    signature: Signature = Signature()
    # The file's own properties when the caller knows better than the header (the issuing
    # body's full name as author): a writer's addition to the schema, optional.
    properties: dict[str, str] = field(default_factory=dict)


# Characters XML 1.0 cannot carry (control codes a PDF extraction may leave, such as a form
# feed, lone surrogates, U+FFFE/U+FFFF): a space keeps the words apart.
_PROPERTIES = ("title", "author", "subject")

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise PublishError(f"Dữ liệu không hợp lệ: '{where}' phải là chuỗi ký tự.")
    return _NOT_XML.sub(" ", value).strip() or None


def _list(value: Any, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PublishError(f"Dữ liệu không hợp lệ: '{where}' phải là danh sách.")
    return value


def _dict(value: Any, where: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PublishError(f"Dữ liệu không hợp lệ: '{where}' phải là đối tượng.")
    return value


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise PublishError(
            f"Dữ liệu không hợp lệ: ngày '{value}' không theo dạng YYYY-MM-DD."
        ) from None


def _paragraph(raw: Any, where: str) -> Paragraph:
    raw = _dict(raw, where)
    ids = _list(raw.get("footnotes"), f"{where}.footnotes")
    if not all(isinstance(i, int) and not isinstance(i, bool) and i > 0 for i in ids):
        raise PublishError(f"Dữ liệu không hợp lệ: '{where}.footnotes' phải là các số dương.")
    return Paragraph(text=_text(raw.get("text"), f"{where}.text") or "", footnotes=tuple(ids))


def _section(raw: Any, where: str) -> Section:
    raw = _dict(raw, where)
    level = raw.get("level", 1)
    if not isinstance(level, int) or level < 1:
        raise PublishError(f"Dữ liệu không hợp lệ: '{where}.level' phải là số nguyên dương.")
    return Section(
        label=_text(raw.get("label"), f"{where}.label"),
        title=_text(raw.get("title"), f"{where}.title") or "",
        level=level,
        paragraphs=tuple(
            _paragraph(p, f"{where}.paragraphs[{i}]")
            for i, p in enumerate(_list(raw.get("paragraphs"), f"{where}.paragraphs"))
        ),
        children=tuple(
            _section(c, f"{where}.children[{i}]")
            for i, c in enumerate(_list(raw.get("children"), f"{where}.children"))
        ),
    )


def _header(raw: dict) -> Header:
    return Header(
        parent_issuer=_text(raw.get("parent_issuer"), "header.parent_issuer"),
        issuer=_text(raw.get("issuer"), "header.issuer"),
        number=_text(raw.get("number"), "header.number"),
        symbol=_text(raw.get("symbol"), "header.symbol"),
        type_code=_text(raw.get("type_code"), "header.type_code"),
        place=_text(raw.get("place"), "header.place"),
        date=_date(raw.get("date")),
        type_name=_text(raw.get("type_name"), "header.type_name"),
        title=_text(raw.get("title"), "header.title"),
        addressees=tuple(
            t
            for t in (
                _text(a, "header.addressees")
                for a in _list(raw.get("addressees"), "header.addressees")
            )
            if t
        ),
    )


def _footnotes(raw: list) -> dict[int, str]:
    notes: dict[int, str] = {}
    for i, note in enumerate(raw):
        note = _dict(note, f"footnotes[{i}]")
        note_id = note.get("id")
        if not isinstance(note_id, int) or isinstance(note_id, bool) or note_id < 1:
            raise PublishError(f"Dữ liệu không hợp lệ: 'footnotes[{i}].id' phải là số dương.")
        notes[note_id] = _text(note.get("text"), f"footnotes[{i}].text") or ""
    return notes


def _spans(rows: Any) -> tuple[tuple[int, int, int, int], ...]:
    out = []
    for r, row in enumerate(rows if isinstance(rows, list) else []):
        for c, cell in enumerate(row if isinstance(row, list) else []):
            if isinstance(cell, dict):
                spans = [cell.get("rowspan", 1), cell.get("colspan", 1)]
                if all(isinstance(n, int) and 1 <= n <= 1000 for n in spans):
                    out.append((r, c, spans[0], spans[1]))
    return tuple(out)


def _cell_text(cell: Any) -> str:
    """A cell is a string, or (schema /2) a merged cell {"text", "rowspan", "colspan"}: its text."""
    if isinstance(cell, dict):
        cell = cell.get("text")
    return "" if cell is None else str(cell)


def document_from_dict(raw: Any) -> Document:
    """Check and convert the parsed-document dict; a wrong shape raises PublishError."""
    if not isinstance(raw, dict):
        raise PublishError("Dữ liệu không hợp lệ: cần một đối tượng JSON của văn bản đã phân tích.")
    form = raw.get("form")
    if form not in (None, "party", "state"):
        raise PublishError(f"Dữ liệu không hợp lệ: 'form' là '{form}', cần 'party' hoặc 'state'.")
    closing = _dict(raw.get("closing"), "closing")
    signature = _dict(closing.get("signature"), "closing.signature")
    tables = []
    for i, table in enumerate(_list(raw.get("tables"), "tables")):
        table = _dict(table, f"tables[{i}]")
        rows = tuple(
            tuple(_NOT_XML.sub(" ", _cell_text(cell)) for cell in _list(row, f"tables[{i}].rows"))
            for row in _list(table.get("rows"), f"tables[{i}].rows")
        )
        tables.append(
            Table(
                rows=rows,
                after_paragraph=_text(table.get("after_paragraph"), f"tables[{i}].after_paragraph"),
                annex=_text(table.get("annex"), f"tables[{i}].annex"),
                spans=_spans(table.get("rows")),
            )
        )
    properties = _dict(raw.get("properties"), "properties")
    return Document(
        form=form,
        header=_header(_dict(raw.get("header"), "header")),
        preamble=tuple(
            _paragraph(p, f"preamble[{i}]")
            for i, p in enumerate(_list(raw.get("preamble"), "preamble"))
        ),
        outline=tuple(
            _section(s, f"outline[{i}]") for i, s in enumerate(_list(raw.get("outline"), "outline"))
        ),
        tables=tuple(tables),
        footnotes=_footnotes(_list(raw.get("footnotes"), "footnotes")),
        recipients=tuple(
            t
            for t in (
                _text(r, "closing.recipients")
                for r in _list(closing.get("recipients"), "closing.recipients")
            )
            if t
        ),
        signature=Signature(
            authority=tuple(
                t
                for t in (
                    _text(a, "closing.signature.authority")
                    for a in _list(signature.get("authority"), "closing.signature.authority")
                )
                if t
            ),
            title=_text(signature.get("title"), "closing.signature.title"),
            name=_text(signature.get("name"), "closing.signature.name"),
        ),
        properties={
            key: text
            for key in _PROPERTIES
            if (text := _text(properties.get(key), f"properties.{key}"))
        },
    )
