"""Reads for "Xuất văn bản": who may export what, and the parsed-document dict
(schema danvan.parsed-document/1, /work/shared/spec/parsed-document.md) the writer lays out,
built from a unit's submission or from the consolidation of a request.

Names are as they were on the document's date: a unit that ended before it is replaced by
its successor valid on that date (OrgSuccession), one that began after it by its predecessor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from danvan.accounts import permissions
from danvan.consolidation.selectors import consolidate
from danvan.orgs.models import OrgUnit, UnitKind
from danvan.orgs.selectors import lineage
from danvan.registry.services import next_number
from danvan.reporting import selectors as reporting_selectors
from danvan.reporting.errors import NotFound
from danvan.reporting.models import Assignment, ReportRequest
from danvan.vn.formatting import format_number, format_short_date, format_symbol

SCHEMA = "danvan.parsed-document/1"
REPORT_TYPE_CODE = "BC"
REPORT_TYPE_NAME = "BÁO CÁO"
REPORT_KIND = "Báo cáo"

PARTY_KINDS = frozenset(
    {UnitKind.PARTY_COMMITTEE, UnitKind.BOARD, UnitKind.BLOC_COMMITTEE, UnitKind.GRASSROOTS_PARTY}
)
# A cấp ủy named after its place: "Thành ủy Đà Nẵng" heads the "Đảng bộ thành phố Đà Nẵng".
_COMMITTEE_PLACE = re.compile(r"^(Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy)\s+(.+)$", re.IGNORECASE)
_PLACE_WORD = {
    "thành ủy": "thành phố",
    "tỉnh ủy": "tỉnh",
    "huyện ủy": "huyện",
    "quận ủy": "quận",
    "thị ủy": "thị xã",
}

# Signature defaults by the issuer's kind: (authority, title).
_SIGNATURE_DEFAULTS = {
    UnitKind.BOARD: ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
    UnitKind.PARTY_COMMITTEE: ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    UnitKind.BLOC_COMMITTEE: ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    UnitKind.GRASSROOTS_PARTY: ("T/M ĐẢNG ỦY", "BÍ THƯ"),
    UnitKind.PEOPLES_COMMITTEE: ("T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    UnitKind.POLICE: ("", "GIÁM ĐỐC"),
    UnitKind.MILITARY: ("", "CHỈ HUY TRƯỞNG"),
    UnitKind.BORDER_GUARD: ("", "CHỈ HUY TRƯỞNG"),
    UnitKind.FRONT: ("T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
}


# --- who may export -------------------------------------------------------------------------


def submission_for_export(user, assignment_id: int) -> Assignment:
    """The assignment whose submission `user` may export: reporters of the unit only."""
    assignment = (
        Assignment.objects.select_related(
            "request__template",
            "request__period",
            "request__issuer",
            "request__request_document",
            "submission",
            "unit",
        )
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        raise NotFound("Không tìm thấy báo cáo.")
    permissions.require(user, "documents.export_submission", assignment.unit)
    return assignment


def request_for_export(user, request_id: int) -> ReportRequest:
    """The request whose consolidation `user` may export: coordinators and leaders over the
    board that issued it."""
    report_request = (
        ReportRequest.objects.select_related(
            "period", "issuer__parent", "request_document", "template"
        )
        .filter(pk=request_id)
        .first()
    )
    if report_request is None:
        raise NotFound("Không tìm thấy yêu cầu báo cáo.")
    permissions.require(user, "documents.export_consolidation", report_request.issuer)
    # The document is the consolidation page's roll-up: whoever exports must be able to see it.
    permissions.require(user, "consolidation.view", consolidation_root(report_request))
    return report_request


def can_export_submission(user, assignment: Assignment) -> bool:
    return permissions.has_permission(user, "documents.export_submission", assignment.unit)


def can_export_consolidation(user, report_request: ReportRequest) -> bool:
    return permissions.has_permission(
        user, "documents.export_consolidation", report_request.issuer
    ) and permissions.has_permission(user, "consolidation.view", consolidation_root(report_request))


# --- names as of a date ---------------------------------------------------------------------


def unit_as_of(unit: OrgUnit, day: dt.date) -> OrgUnit:
    """The unit that stood in `unit`'s place on `day`: itself while valid, else the successor
    (after it ended) or predecessor (before it began) valid that day, same kind first."""
    if unit.is_valid_on(day):
        return unit
    steps = lineage(unit)
    if unit.valid_to is not None and day > unit.valid_to:
        candidates = [s.successor for s in steps.became if s.successor.is_valid_on(day)]
    else:
        candidates = [s.predecessor for s in steps.came_from if s.predecessor.is_valid_on(day)]
    if not candidates:
        return unit
    same_kind = [c for c in candidates if c.kind == unit.kind]
    return (same_kind or candidates)[0]


def form_for(unit: OrgUnit) -> str:
    """Party bodies write Party documents; People's Committees, police, military, the Front and
    other agencies write under Nghị định 30 (form "state")."""
    return "party" if unit.kind in PARTY_KINDS else "state"


def _strip_parent(name: str, parent_name: str) -> str:
    """ "Ban Dân vận Thành ủy Đà Nẵng" under "Thành ủy Đà Nẵng" → "Ban Dân vận"."""
    if parent_name and name.casefold().endswith(" " + parent_name.casefold()):
        return name[: -len(parent_name)].strip()
    return name


def _party_parent_line(parent: OrgUnit) -> str:
    """A cấp ủy's own documents are headed by its Party organisation: "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ"."""
    match = _COMMITTEE_PLACE.match(parent.name)
    if match:
        return f"Đảng bộ {_PLACE_WORD[match.group(1).casefold()]} {match.group(2)}"
    return parent.name


@dataclass(frozen=True)
class IssuerNames:
    unit: OrgUnit  # the unit as of the date
    form: str
    parent_issuer: str | None
    issuer: str


def issuer_names(unit: OrgUnit, day: dt.date) -> IssuerNames:
    """The header lines of `unit` on `day`, in capitals: a board under its cấp ủy
    ("THÀNH ỦY ĐÀ NẴNG" / "BAN DÂN VẬN"); a cấp ủy under its Party organisation
    ("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ" / "ĐẢNG ỦY KHỐI …"); a State body on its own (its State
    superior is not in the Party tree)."""
    unit = unit_as_of(unit, day)
    form = form_for(unit)
    parent = unit_as_of(unit.parent, day) if unit.parent_id else None
    parent_line, issuer = None, unit.name
    if parent is not None and form == "party" and form_for(parent) == "party":
        if unit.kind == UnitKind.BOARD:
            parent_line, issuer = parent.name, _strip_parent(unit.name, parent.name)
        else:
            parent_line = _party_parent_line(parent)
    elif parent is not None and form == "state" and form_for(parent) == "state":
        parent_line = parent.name
    return IssuerNames(unit, form, parent_line.upper() if parent_line else None, issuer.upper())


def default_place(unit: OrgUnit) -> str:
    """The địa danh: the place the top cấp ủy of the unit's tree is named after."""
    top = unit
    while top.parent_id:
        top = top.parent
    match = _COMMITTEE_PLACE.match(top.name)
    return match.group(2) if match else ""


def default_signature(unit: OrgUnit) -> tuple[str, str]:
    return _SIGNATURE_DEFAULTS.get(unit.kind, ("", ""))


def report_title(request_title: str) -> str:
    """The trích yếu under "BÁO CÁO": the request's title without its leading "Báo cáo"."""
    title = re.sub(r"^\s*báo cáo\s+", "", request_title, flags=re.IGNORECASE).strip()
    return title[:1].upper() + title[1:]


# --- the document dict ----------------------------------------------------------------------


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
    with the submission's texts, and its figures as a table."""
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
                "title": "Nội dung khác",
                "level": 1,
                "paragraphs": _paragraphs(texts["khac"]),
                "children": [],
            }
        )
    unit_name = names.unit.short_name or names.unit.name
    preamble = [
        {
            "text": f"Thực hiện {_request_basis(report_request, options.day)}, {unit_name} báo cáo "
            "kết quả như sau:",
            "footnotes": [],
        }
    ]
    rows = [["Chỉ tiêu", "Đơn vị tính", "Số liệu"]]
    for row in reporting_selectors.form_fields(report_request, content.values):
        if row.value:
            rows.append([("- " if row.indent else "") + row.label, row.unit, row.value])
    tables = [{"rows": rows, "after_paragraph": None}] if len(rows) > 1 else []
    return _document(
        names,
        options,
        report_title(report_request.title),
        preamble,
        outline,
        tables,
        f"bao-cao-{assignment.pk}",
    )


def consolidation_root(report_request: ReportRequest) -> OrgUnit:
    """The subtree a request is consolidated over, as the consolidation page takes it."""
    return report_request.issuer.parent or report_request.issuer


def consolidation_issuer(report_request: ReportRequest, day: dt.date) -> IssuerNames:
    return issuer_names(report_request.issuer, day)


def _number(value: Decimal | None) -> str:
    return format_number(value) if value is not None else ""


def consolidation_document(user, report_request: ReportRequest, options: ExportOptions) -> dict:
    """The board's consolidated report: issued by the board as it was on the date, the template's
    outline with each unit's passages, and the figures table with the year before."""
    names = consolidation_issuer(report_request, options.day)
    result = consolidate(
        user, consolidation_root(report_request), report_request.period.code, report_request
    )
    passages = {section.key: section for section in result.sections}

    def texts_for(key: str) -> list[dict]:
        section = passages.get(key)
        paragraphs = []
        for passage in section.passages if section else []:
            lines = _paragraphs(passage.text)
            if lines:
                lines[0]["text"] = f"{passage.unit_name}: {lines[0]['text']}"
            paragraphs.extend(lines)
        return paragraphs

    outline = _outline(report_request.template.sections, texts_for)
    if "khac" in passages and passages["khac"].passages:
        outline.append(
            {
                "label": None,
                "title": "Nội dung khác",
                "level": 1,
                "paragraphs": texts_for("khac"),
                "children": [],
            }
        )
    board = names.unit.short_name or names.unit.name
    preamble = [
        {
            "text": f"Trên cơ sở {result.counted_submissions} báo cáo của các đơn vị, {board} tổng hợp "
            "kết quả như sau:",
            "footnotes": [],
        }
    ]
    rows = [
        ["Chỉ tiêu", "Đơn vị tính", report_request.period.name, "Cùng kỳ năm trước", "Tăng/giảm"]
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
    tables = [{"rows": rows, "after_paragraph": None}] if len(rows) > 1 else []
    return _document(
        names,
        options,
        report_title(report_request.title),
        preamble,
        outline,
        tables,
        f"tong-hop-{report_request.pk}",
    )


def suggested_number(names: IssuerNames, day: dt.date) -> int:
    return next_number(names.unit, names.form, REPORT_TYPE_CODE, day)


def default_recipients(addressee: OrgUnit | None, day: dt.date) -> list[str]:
    recipients = []
    if addressee is not None:
        unit = unit_as_of(addressee, day)
        name = unit.short_name or unit.name
        # A cấp ủy is reported to through its standing committee.
        prefix = "Thường trực " if unit.kind == UnitKind.PARTY_COMMITTEE else ""
        recipients.append(f"{prefix}{name} (b/c)")
    recipients.append("Lưu VT")
    return recipients
