"""Reads for "Xuất văn bản": who may export what, who issues it, and the document built for it
(documents.py) — a unit's submission, the consolidation of a request, or the consolidation of a
unit's subtree for a period. Names are as they were on the document's date (names.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from danvan.accounts import permissions
from danvan.consolidation.selectors import consolidate, counted_requests
from danvan.orgs.models import OrgUnit
from danvan.registry.services import next_number
from danvan.reporting.errors import NotFound
from danvan.reporting.models import Assignment, ReportRequest
from danvan.reporting.periods import InvalidPeriod, parse_period

from .documents import (
    REPORT_KIND,
    REPORT_TYPE_CODE,
    REPORT_TYPE_NAME,
    SCHEMA,
    ExportOptions,
    consolidation_dict,
    report_title,
    submission_date,
    submission_document,
    submission_issuer,
)
from .names import (
    IssuerNames,
    default_place,
    default_recipients,
    default_signature,
    form_for,
    issuer_names,
    unit_as_of,
)

# The names callers (views, targets, the API) know this module by.
__all__ = [
    "REPORT_KIND",
    "REPORT_TYPE_CODE",
    "REPORT_TYPE_NAME",
    "SCHEMA",
    "ExportOptions",
    "IssuerNames",
    "UnitConsolidation",
    "can_export_consolidation",
    "can_export_submission",
    "can_export_unit_consolidation",
    "consolidation_document",
    "consolidation_issuer",
    "consolidation_root",
    "default_place",
    "default_recipients",
    "default_signature",
    "form_for",
    "issuer_names",
    "report_title",
    "request_for_export",
    "submission_date",
    "submission_document",
    "submission_for_export",
    "submission_issuer",
    "suggested_number",
    "unit_as_of",
    "unit_consolidation",
    "unit_consolidation_document",
    "unit_consolidation_for_export",
]


# --- a unit's submission ----------------------------------------------------------------------


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


def can_export_submission(user, assignment: Assignment) -> bool:
    return permissions.has_permission(user, "documents.export_submission", assignment.unit)


# --- the consolidation of a request -----------------------------------------------------------


def consolidation_root(report_request: ReportRequest) -> OrgUnit:
    """The subtree a request is consolidated over, as the consolidation page takes it."""
    return report_request.issuer.parent or report_request.issuer


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


def can_export_consolidation(user, report_request: ReportRequest) -> bool:
    return permissions.has_permission(
        user, "documents.export_consolidation", report_request.issuer
    ) and permissions.has_permission(user, "consolidation.view", consolidation_root(report_request))


def consolidation_issuer(report_request: ReportRequest, day: dt.date) -> IssuerNames:
    return issuer_names(report_request.issuer, day)


def consolidation_document(user, report_request: ReportRequest, options: ExportOptions) -> dict:
    """The board's consolidated report: issued by the board as it was on the date, the template's
    outline with each unit's passages, and the figures with the year before in a Phụ lục."""
    result = consolidate(
        user, consolidation_root(report_request), report_request.period.code, report_request
    )
    return consolidation_dict(
        consolidation_issuer(report_request, options.day),
        result,
        options,
        report_title(report_request.title),
        f"tong-hop-{report_request.pk}",
    )


# --- the consolidation of a unit's subtree for a period ---------------------------------------


@dataclass(frozen=True)
class UnitConsolidation:
    """What a roll-up by unit and period is, as a document: over `root`, for `period_code`,
    issued by the board that asked (the one issuer of the requests counted), else by the root."""

    root: OrgUnit
    period_code: str
    issuer: OrgUnit
    request: ReportRequest | None  # the one request counted, when there is exactly one
    accepted_only: bool = False

    @property
    def title(self) -> str:
        if self.request is not None:
            return report_title(self.request.title)
        return f"Tổng hợp báo cáo {parse_period(self.period_code).name}"


def unit_consolidation(root: OrgUnit, period_code: str, accepted_only: bool = False):
    """Raises NotFound with a Vietnamese message for a period code that is no period."""
    try:
        code = parse_period(period_code).code
    except InvalidPeriod as exc:
        raise NotFound(str(exc)) from exc
    requests = list(
        ReportRequest.objects.filter(pk__in=counted_requests(root, code, None))
        .select_related("issuer__parent", "period")
        .order_by("pk")
    )
    issuers = {r.issuer_id for r in requests}
    issuer = requests[0].issuer if len(issuers) == 1 else root
    request = requests[0] if len(requests) == 1 else None
    return UnitConsolidation(root, code, issuer, request, accepted_only)


def unit_consolidation_for_export(
    user, unit_code: str, period_code: str, accepted_only: bool = False
) -> UnitConsolidation:
    """The roll-up of `unit_code`'s subtree for the period, if `user` may see it and may export
    for its issuer (coordinators and leaders over that board)."""
    permissions.require(user, "consolidation.view")
    root = OrgUnit.objects.select_related("parent").filter(code=unit_code or "").first()
    if root is None:
        raise NotFound("Không tìm thấy đơn vị.")
    permissions.require(user, "consolidation.view", root)
    scope = unit_consolidation(root, period_code, accepted_only)
    permissions.require(user, "documents.export_consolidation", scope.issuer)
    return scope


def can_export_unit_consolidation(user, scope: UnitConsolidation) -> bool:
    return permissions.has_permission(
        user, "documents.export_consolidation", scope.issuer
    ) and permissions.has_permission(user, "consolidation.view", scope.root)


def unit_consolidation_document(user, scope: UnitConsolidation, options: ExportOptions) -> dict:
    result = consolidate(user, scope.root, scope.period_code, accepted_only=scope.accepted_only)
    return consolidation_dict(
        issuer_names(scope.issuer, options.day),
        result,
        options,
        scope.title,
        f"tong-hop-{scope.root.code}-{scope.period_code}",
    )


def suggested_number(names: IssuerNames, day: dt.date) -> int:
    return next_number(names.unit, names.form, REPORT_TYPE_CODE, day)
