"""What can be exported, for whom: a unit's submission, a request's consolidation or the
consolidation of a unit's subtree for a period, with
everything the export page and the API both need (default date, names as of a date, the
document builder, suggested recipients, file stem, audit subject)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from . import selectors


@dataclass(frozen=True)
class ExportTarget:
    heading: str
    default_day: dt.date
    names_for: Callable[[dt.date], selectors.IssuerNames]
    build: Callable[[selectors.ExportOptions], dict]
    recipients_for: Callable[[dt.date], list[str]]
    stem: str
    audit: tuple[str, int]


def suggested_options(target: ExportTarget, day: dt.date) -> selectors.ExportOptions:
    """What the export page pre-fills and the API uses for whatever the caller leaves out:
    the place, the recipients, the signing authority and title usual for the issuer."""
    names = target.names_for(day)
    authority, title = selectors.default_signature(names.unit)
    return selectors.ExportOptions(
        day=day,
        place=selectors.default_place(names.unit),
        recipients=target.recipients_for(day),
        authority=[authority] if authority else [],
        signer_title=title,
    )


def submission_target(user, assignment_id: int) -> ExportTarget:
    """A unit's report (raises NotFound, or ScopeDenied unless `user` reports for the unit)."""
    assignment = selectors.submission_for_export(user, assignment_id)
    report_request = assignment.request
    return ExportTarget(
        heading=report_request.title,
        default_day=selectors.submission_date(assignment),
        names_for=lambda day: selectors.submission_issuer(assignment, day),
        build=lambda options: selectors.submission_document(assignment, options),
        recipients_for=lambda day: selectors.default_recipients(report_request.issuer, day),
        stem=f"bao-cao-{assignment.unit.code}-{report_request.period.code}",
        audit=("Assignment", assignment.pk),
    )


def consolidation_target(user, request_id: int) -> ExportTarget:
    """The board's consolidation of a request (NotFound, or ScopeDenied unless `user`
    coordinates or leads the issuing board)."""
    report_request = selectors.request_for_export(user, request_id)
    root = selectors.consolidation_root(report_request)
    addressee = root if root.pk != report_request.issuer_id else None
    return ExportTarget(
        heading=report_request.title,
        default_day=timezone.localdate(),
        names_for=lambda day: selectors.consolidation_issuer(report_request, day),
        build=lambda options: selectors.consolidation_document(user, report_request, options),
        recipients_for=lambda day: selectors.default_recipients(addressee, day),
        stem=f"tong-hop-{report_request.issuer.code}-{report_request.period.code}",
        audit=("ReportRequest", report_request.pk),
    )


def unit_consolidation_target(
    user, unit_code: str, period_code: str, accepted_only: bool = False
) -> ExportTarget:
    """The roll-up of a unit's subtree for a period, issued by the board whose request it
    answers (NotFound for an unknown unit or period; ScopeDenied unless `user` may see the
    roll-up and coordinates or leads that board)."""
    scope = selectors.unit_consolidation_for_export(user, unit_code, period_code, accepted_only)
    addressee = scope.root if scope.root.pk != scope.issuer.pk else None
    return ExportTarget(
        heading=scope.request.title if scope.request else scope.title,
        default_day=timezone.localdate(),
        names_for=lambda day: selectors.issuer_names(scope.issuer, day),
        build=lambda options: selectors.unit_consolidation_document(user, scope, options),
        recipients_for=lambda day: selectors.default_recipients(addressee, day),
        stem=f"tong-hop-{scope.root.code}-{scope.period_code}",
        audit=("OrgUnit", scope.root.pk),
    )
