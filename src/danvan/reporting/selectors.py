"""Reads of the reporting cycle: the reporter's inbox, requests, the status board, revisions."""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import Lag
from django.utils import timezone

from danvan.accounts import permissions
from danvan.indicators.models import Indicator
from danvan.indicators.validation import rule_problems
from danvan.vn.formatting import format_number
from danvan.vn.numbers import MAX_WHOLE

from . import clock, periods
from .deadlines import effective_deadline
from .errors import NotFound
from .models import (
    Assignment,
    DataValue,
    Period,
    ReportRequest,
    ReportTemplate,
    Revision,
    RevisionKind,
    SubmissionStatus,
)


def on_time(assignment: Assignment) -> bool | None:
    """None while nothing is submitted; first submission counts, days of grace included."""
    first = assignment.submission.first_submitted_at
    if first is None:
        return None
    return timezone.localtime(first).date() <= effective_deadline(assignment.request)


@dataclass
class Inbox:
    due: list[Assignment] = field(default_factory=list)
    overdue: list[Assignment] = field(default_factory=list)
    returned: list[Assignment] = field(default_factory=list)
    done: list[Assignment] = field(default_factory=list)


def inbox(user, today: dt.date | None = None) -> Inbox:
    today = today or clock.today()
    # The unit's path today, as the write permission checks it (the snapshot path goes stale
    # when the unit moves after the request).
    assignments = Assignment.objects.select_related(
        "request__period", "request__issuer", "submission", "unit"
    ).filter(
        unit__in=permissions.units_in_scope(user, "reporting.submit"),
        # The inbox as of `today` holds only the requests issued by then.
        request__issued_at__lt=timezone.make_aware(
            dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min)
        ),
    )
    box = Inbox()
    for assignment in assignments.order_by("request__deadline", "unit_path"):
        status = assignment.submission.status
        if status == SubmissionStatus.RETURNED:
            box.returned.append(assignment)
        elif status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED):
            box.done.append(assignment)
        elif effective_deadline(assignment.request) < today:
            box.overdue.append(assignment)
        else:
            box.due.append(assignment)
    return box


def requests_for(user) -> QuerySet[ReportRequest]:
    units = permissions.units_in_scope(user, "reporting.board")
    return ReportRequest.objects.filter(issuer__in=units).select_related(
        "period", "issuer", "request_document", "template"
    )


def get_request(user, request_id: int, action: str = "reporting.board") -> ReportRequest:
    if not 0 < request_id <= MAX_WHOLE:  # SQLite cannot even compare a larger number
        raise NotFound("Không tìm thấy yêu cầu báo cáo.")
    request = (
        ReportRequest.objects.select_related("period", "issuer", "request_document", "template")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise NotFound("Không tìm thấy yêu cầu báo cáo.")
    permissions.require(user, action, request.issuer)
    return request


def get_assignment(user, assignment_id: int, action: str = "reporting.view") -> Assignment:
    if not 0 < assignment_id <= MAX_WHOLE:
        raise NotFound("Không tìm thấy báo cáo.")
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
    if not (
        permissions.has_permission(user, action, assignment.unit)
        or permissions.has_permission(user, "reporting.board", assignment.request.issuer)
    ):
        raise permissions.ScopeDenied(permissions.ACTION_DENIED_MESSAGES[action])
    if assignment.submission.status not in SUBMITTED_STATUSES and not reads_drafts(
        user, assignment
    ):
        raise permissions.ScopeDenied(permissions.ACTION_DENIED_MESSAGES["reporting.drafts"])
    return assignment


SUBMITTED_STATUSES = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)


def reads_drafts(user, assignment: Assignment) -> bool:
    """Whether `user` may read the report before it is submitted (a draft, a returned report):
    the unit's reporters and the board's coordinators and leaders; viewers may not."""
    return permissions.has_permission(
        user, "reporting.drafts", assignment.unit
    ) or permissions.has_permission(user, "reporting.drafts", assignment.request.issuer)


STATUS_FILTERS = {
    "submitted": Q(submission__first_submitted_at__isnull=False),
    "missing": Q(submission__first_submitted_at__isnull=True),
    "returned": Q(submission__status=SubmissionStatus.RETURNED),
    "accepted": Q(submission__status=SubmissionStatus.ACCEPTED),
}


@dataclass
class Board:
    request: ReportRequest
    expected: int
    submitted: int
    on_time: int
    late: int
    missing: int
    returned: int
    accepted: int
    rows: QuerySet[Assignment]

    def rate(self, count: int) -> float:
        return round(100 * count / self.expected, 1) if self.expected else 0.0

    @property
    def submitted_rate(self) -> float:
        return self.rate(self.submitted)

    @property
    def on_time_rate(self) -> float:
        return self.rate(self.on_time)


def signature_alerts(request: ReportRequest) -> set[int]:
    """Assignments of the request with a report imported from a file changed after it was
    signed (recorded by the import in the revision's source)."""
    return set(
        Revision.objects.filter(
            submission__assignment__request=request, source__file__changed_after_signing=True
        ).values_list("submission__assignment_id", flat=True)
    )


def status_board(
    user, request: ReportRequest, status: str = "", timeliness: str = "", search: str = ""
) -> Board:
    """Counts in one aggregate query over the request's assignments; rows filtered for the page."""
    permissions.require(user, "reporting.board", request.issuer)
    # A day after the deadline plus grace, as a timestamp in the server's time zone.
    limit = timezone.make_aware(
        dt.datetime.combine(effective_deadline(request) + dt.timedelta(days=1), dt.time.min)
    )
    assignments = Assignment.objects.filter(request=request)
    counts = assignments.aggregate(
        expected=Count("id"),
        submitted=Count("id", filter=Q(submission__first_submitted_at__isnull=False)),
        on_time=Count("id", filter=Q(submission__first_submitted_at__lt=limit)),
        late=Count("id", filter=Q(submission__first_submitted_at__gte=limit)),
        returned=Count("id", filter=Q(submission__status=SubmissionStatus.RETURNED)),
        accepted=Count("id", filter=Q(submission__status=SubmissionStatus.ACCEPTED)),
    )
    rows = assignments.select_related("submission", "unit", "request").order_by("unit_path")
    if status in STATUS_FILTERS:
        rows = rows.filter(STATUS_FILTERS[status])
    if timeliness == "on_time":
        rows = rows.filter(submission__first_submitted_at__lt=limit)
    elif timeliness == "late":
        rows = rows.filter(submission__first_submitted_at__gte=limit)
    if search:
        # Case-insensitive for Vietnamese capitals too (SQLite's LIKE folds ASCII only): the
        # names of one request's units are compared in Python, the rows stay a query.
        wanted = unicodedata.normalize("NFC", search.strip()).casefold()
        rows = rows.filter(
            pk__in=[
                pk
                for pk, name in assignments.values_list("pk", "unit_name")
                if wanted in unicodedata.normalize("NFC", name).casefold()
            ]
        )
    return Board(
        request=request, missing=counts["expected"] - counts["submitted"], rows=rows, **counts
    )


def revisions(assignment: Assignment, user=None) -> QuerySet[Revision]:
    """A submission's revisions in order (the caller has checked access to the assignment),
    each with the number of the one before it; a reader of submitted reports only (a viewer)
    gets the submitted and accepted versions, never the drafts saved in between."""
    rows = assignment.submission.revisions.select_related("author")
    if user is not None and not reads_drafts(user, assignment):
        rows = rows.filter(kind__in=(RevisionKind.SUBMIT, RevisionKind.ACCEPT))
    return rows.annotate(
        previous_number=Window(Lag("number"), order_by=F("number").asc())
    ).order_by("number")


def revision_pair(
    assignment: Assignment, user, first: int, second: int
) -> tuple[Revision, Revision]:
    """Two of a submission's revisions the user may read, by number; NotFound otherwise (a
    number past 64 bits included, which SQLite cannot even compare)."""
    numbers = [n for n in (first, second) if 0 < n <= MAX_WHOLE]
    found = {r.number: r for r in revisions(assignment, user).filter(number__in=numbers)}
    if first not in found or second not in found:
        raise NotFound("Không tìm thấy phiên bản cần so sánh.")
    return found[first], found[second]


@dataclass
class RevisionDiff:
    sections: list[tuple[str, list[str]]]  # section key, unified diff lines
    values: list[tuple[str, str | None, str | None]]  # key, before, after


def compare(first: Revision, second: Revision) -> RevisionDiff:
    sections = []
    for key in sorted(set(first.sections) | set(second.sections)):
        before, after = first.sections.get(key, ""), second.sections.get(key, "")
        if before != after:
            diff = list(
                difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
            )[2:]
            sections.append((key, diff))
    values = [
        (key, first.values.get(key), second.values.get(key))
        for key in sorted(set(first.values) | set(second.values))
        if first.values.get(key) != second.values.get(key)
    ]
    return RevisionDiff(sections=sections, values=values)


def period_choices(current: str = "") -> list[tuple[str, list[tuple[str, str]]]]:
    """The periods requests were issued for, newest year first, as grouped (code, name)
    choices for a picker; `current` is kept among them when it is a valid code."""
    rows = {p.code: p.name for p in Period.objects.order_by("-start", "end")}
    try:
        spec = periods.parse_period(current) if current else None
    except periods.InvalidPeriod:
        spec = None
    if spec:
        rows.setdefault(spec.code, spec.name)
    years: dict[str, list[tuple[str, str]]] = {}
    for code, name in sorted(rows.items(), key=lambda row: (-int(row[0][:4]), row[0])):
        years.setdefault(f"Năm {code[:4]}", []).append((code, name))
    return list(years.items())


def templates_for(user) -> QuerySet[ReportTemplate]:
    units = permissions.units_in_scope(user, "reporting.templates")
    return ReportTemplate.objects.filter(owner__in=units).select_related("owner")


@dataclass
class Content:
    sections: dict[str, str]
    values: dict[str, str]
    revision: Revision | None


def current_content(submission) -> Content:
    latest = submission.revisions.select_related("author").order_by("-number").first()
    if latest is None:
        return Content({}, {}, None)
    return Content(dict(latest.sections), dict(latest.values), latest)


@dataclass
class FormField:
    key: str  # "code" or "code:option"
    label: str
    unit: str
    indent: bool
    value: str
    source: dict | None = None  # where a value read from a file came from
    error: str = ""  # why the value typed here was refused


def value_sources(submission) -> dict[str, dict]:
    """The file, paragraph and sentence behind each current value that came from a file."""
    rows = DataValue.objects.filter(submission=submission, source__isnull=False).select_related(
        "indicator", "option"
    )
    return {
        (f"{r.indicator.code}:{r.option.code}" if r.option_id else r.indicator.code): r.source
        for r in rows
    }


def stored_values(values: dict[str, str]) -> dict[tuple[str, str | None], Decimal]:
    """A revision's values ({"code:option": "1868"}) as numbers; anything else is skipped."""
    parsed = {}
    for key, raw in values.items():
        try:
            number = Decimal(str(raw))
        except (InvalidOperation, ValueError):
            continue
        if number.is_finite():
            code, _, option = key.partition(":")
            parsed[(code, option or None)] = number
    return parsed


def shown_value(raw) -> str:
    """A stored value ("1868", "99.5") in Vietnamese format; text that is not a number as is."""
    if raw in (None, ""):
        return ""
    number = stored_values({"k": raw}).get(("k", None))
    return str(raw) if number is None else format_number(number)


def broken_rules(request: ReportRequest, values: dict[str, str]) -> list[str]:
    """The rules between a draft's values that would block submitting it (a draft may break
    them; its page says so)."""
    indicators = template_indicators(request.template)
    return rule_problems(stored_values(values), indicators)


def template_indicators(template: ReportTemplate) -> list[Indicator]:
    """The indicators of a template's form, in form order, with their options loaded."""
    return [
        row.indicator
        for row in template.form_rows.select_related("indicator__category").prefetch_related(
            "indicator__category__options"
        )
    ]


def form_fields(
    request: ReportRequest, values: dict[str, str], sources: dict | None = None
) -> list[FormField]:
    """The template's indicator form, totals followed by their options, with current values."""

    def shown(key):
        return shown_value(values.get(key))

    fields = []
    for indicator in template_indicators(request.template):
        fields.append(
            FormField(
                indicator.code,
                indicator.name,
                indicator.unit_of_measure,
                False,
                shown(indicator.code),
                (sources or {}).get(indicator.code),
            )
        )
        if indicator.category_id:
            for option in indicator.category.options.all():
                key = f"{indicator.code}:{option.code}"
                fields.append(
                    FormField(
                        key,
                        option.name,
                        indicator.unit_of_measure,
                        True,
                        shown(key),
                        (sources or {}).get(key),
                    )
                )
    return fields
