"""The parsed-document dict (schema danvan.parsed-document/1, /work/shared/spec/parsed-document.md)
the writer lays out, built from a unit's submission or from a consolidation: the header as of
the document's date, the outline in the template's order with the texts, the figures in a
"Phụ lục" (the writer's `tables[].annex`), and the file's author, the issuing body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from danvan.consolidation.selectors import Consolidation, Section
from danvan.reporting import selectors as reporting_selectors
from danvan.reporting.models import Assignment, ReportRequest
from danvan.reporting.periods import parse_period
from danvan.vn.formatting import format_number, format_short_date, format_symbol

from .names import IssuerNames, issuer_names, unit_as_of

SCHEMA = "danvan.parsed-document/1"
REPORT_TYPE_CODE = "BC"
REPORT_TYPE_NAME = "BÁO CÁO"
REPORT_KIND = "Báo cáo"
OTHER_TITLE = "Nội dung khác"
ANNEX_NOTE = " (số liệu tại Phụ lục kèm theo)"


@dataclass
class ExportOptions:
    """What the user filled in or confirmed on the export page."""

    day: dt.date
    place: str = ""
    number: int | None = None  # None: a draft with a blank number
    recipients: list[str] = field(default_factory=list)
    authority: list[str] = field(default_factory=list)
    signer_title: str = ""
    signer_name: str = ""


def report_title(request_title: str) -> str:
    """The trích yếu under "BÁO CÁO": the request's title without its leading "Báo cáo"."""
    title = re.sub(r"^\s*báo cáo\s+", "", request_title, flags=re.IGNORECASE).strip()
    return title[:1].upper() + title[1:]


def _paragraphs(text: str) -> list[dict]:
    return [
        {"text": line.strip(), "footnotes": []}
        for line in (text or "").splitlines()
        if line.strip()
    ]


def _outline(template_sections: list[dict], texts_for, level: int = 1) -> list[dict]:
    outline = []
    for item in template_sections:
        outline.append(
            {
                "label": item.get("label") or None,
                "title": item["title"],
                "level": level,
                "paragraphs": texts_for(item["key"]),
                "children": _outline(item.get("children", []), texts_for, level + 1),
            }
        )
    return outline


def _nested(sections: list[Section]) -> list[dict]:
    """The consolidation's sections (flat, in outline order, with levels) as the outline tree,
    each unit's passage opening with the unit's name."""
    roots: list[dict] = []
    stack: list[dict] = []
    for section in sections:
        paragraphs = []
        for passage in section.passages:
            lines = _paragraphs(passage.text)
            if lines:
                lines[0]["text"] = f"{passage.unit_name}: {lines[0]['text']}"
            paragraphs.extend(lines)
        node = {
            "label": section.label or None,
            "title": section.title,
            "level": section.level,
            "paragraphs": paragraphs,
            "children": [],
        }
        while stack and stack[-1]["level"] >= section.level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(node)
        stack.append(node)
    return roots


def _header(names: IssuerNames, options: ExportOptions, title: str) -> dict:
    issuer_code = names.unit.issuer_code
    symbol = format_symbol(options.number or "", REPORT_TYPE_CODE, issuer_code, system=names.form)
    return {
        "parent_issuer": names.parent_issuer,
        "issuer": names.issuer,
        "number": f"{options.number:02d}" if options.number else None,
        "symbol": symbol,
        "type_code": REPORT_TYPE_CODE,
        "place": options.place or None,
        "date": options.day.isoformat(),
        "type_name": REPORT_TYPE_NAME,
        "title": title,
        "addressees": [],
    }


def _annex(rows: list[list[str]], title: str) -> list[dict]:
    return [{"rows": rows, "after_paragraph": None, "annex": title}] if len(rows) > 1 else []


def _document(
    names: IssuerNames,
    options: ExportOptions,
    title: str,
    preamble: list[dict],
    outline: list[dict],
    tables: list[dict],
    source: str,
) -> dict:
    return {
        "schema": SCHEMA,
        "source": {"name": source, "format": "danvan"},
        "form": names.form,
        "header": _header(names, options, title),
        "preamble": preamble,
        "outline": outline,
        "tables": tables,
        "footnotes": [],
        "references": [],
        "figures": [],
        "closing": {
            "recipients": [r.strip() for r in options.recipients if r.strip()],
            "signature": {
                "authority": [a.strip() for a in options.authority if a.strip()],
                "title": options.signer_title.strip() or None,
                "name": options.signer_name.strip() or None,
            },
        },
        "properties": {"author": names.unit.name},
        "warnings": [],
    }


def _request_basis(report_request: ReportRequest, day: dt.date) -> str:
    """ "Công văn số 644-CV/BDVTU ngày 07/5/2019 của Ban Dân vận Thành ủy về việc …" or the
    request's issuer when no document was recorded."""
    issuer = unit_as_of(report_request.issuer, day)
    issuer_name = issuer.short_name or issuer.name
    document = report_request.request_document
    if document is None:
        return f"yêu cầu của {issuer_name}"
    when = f" ngày {format_short_date(document.date)}" if document.date else ""
    about = f" {document.title}" if document.title else ""
    return f"{document.kind or 'Văn bản'} số {document.symbol}{when} của {document.issued_by or issuer_name}{about}"


def submission_date(assignment: Assignment) -> dt.date:
    """The report's date by default: when it was first submitted, else today."""
    submitted = assignment.submission.first_submitted_at
    return timezone.localdate(submitted) if submitted else timezone.localdate()


def submission_issuer(assignment: Assignment, day: dt.date) -> IssuerNames:
    return issuer_names(assignment.unit, day)


def submission_document(assignment: Assignment, options: ExportOptions) -> dict:
    """A unit's report: its header as of the date, the request's title, the template's outline
    with the submission's texts, and its figures in a Phụ lục."""
    names = submission_issuer(assignment, options.day)
    report_request = assignment.request
    content = reporting_selectors.current_content(assignment.submission)
    texts = content.sections
    outline = _outline(
        report_request.template.sections, lambda key: _paragraphs(texts.get(key, ""))
    )
    if texts.get("khac", "").strip():
        outline.append(
            {
                "label": None,
                "title": OTHER_TITLE,
                "level": 1,
                "paragraphs": _paragraphs(texts["khac"]),
                "children": [],
            }
        )
    rows = [["Chỉ tiêu", "Đơn vị tính", "Số liệu"]]
    for row in reporting_selectors.form_fields(report_request, content.values):
        if row.value:
            rows.append([("- " if row.indent else "") + row.label, row.unit, row.value])
    tables = _annex(rows, f"Số liệu báo cáo {report_request.period.name}")
    unit_name = names.unit.short_name or names.unit.name
    preamble = [
        {
            "text": f"Thực hiện {_request_basis(report_request, options.day)}, {unit_name} báo cáo "
            f"kết quả như sau{ANNEX_NOTE if tables else ''}:",
            "footnotes": [],
        }
    ]
    return _document(
        names,
        options,
        report_title(report_request.title),
        preamble,
        outline,
        tables,
        f"bao-cao-{assignment.pk}",
    )


def _number(value: Decimal | None) -> str:
    return format_number(value) if value is not None else ""


def figures_rows(result: Consolidation) -> list[list[str]]:
    """The figures table: each indicator (options indented) with the period and, when anything
    was reported a year earlier, the same period then and the change, in Vietnamese numbers."""
    rows = [
        [
            "Chỉ tiêu",
            "Đơn vị tính",
            parse_period(result.period_code).name,
            "Cùng kỳ năm trước",
            "Tăng/giảm",
        ]
    ]
    for line in result.lines:
        if line.value is None and line.previous is None:
            continue
        change = _number(line.change)
        if change and line.change_percent is not None:
            change += f" ({format_number(line.change_percent)}%)"
        rows.append(
            [
                f"- {line.option_name}" if line.option_name else line.indicator.name,
                line.indicator.unit_of_measure,
                _number(line.value),
                _number(line.previous),
                change,
            ]
        )
    if not any(line.previous is not None for line in result.lines):
        # No figures a year earlier: the comparison columns would stay empty.
        rows = [row[:3] for row in rows]
    return rows


def consolidation_dict(
    names: IssuerNames, result: Consolidation, options: ExportOptions, title: str, source: str
) -> dict:
    """A consolidated report issued by `names` on the date: the outline in the template's order
    with each unit's passages, who reported and who has not, and the figures in a Phụ lục."""
    tables = _annex(
        figures_rows(result), f"Số liệu tổng hợp {parse_period(result.period_code).name}"
    )
    board = names.unit.short_name or names.unit.name
    preamble = [
        {
            "text": f"Trên cơ sở báo cáo của các đơn vị ({result.coverage.text}), {board} tổng hợp "
            f"kết quả như sau{ANNEX_NOTE if tables else ''}:",
            "footnotes": [],
        }
    ]
    return _document(names, options, title, preamble, _nested(result.sections), tables, source)
