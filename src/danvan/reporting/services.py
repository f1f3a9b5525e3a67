"""Every write of the reporting cycle: periods, templates, requests, submissions, reminders.
Each function checks the actor's permission, runs in one transaction and leaves an audit row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.indicators.models import CategoryOption, Indicator
from danvan.indicators.validation import field_problems, rule_problems
from danvan.notifications.services import notify_many, notify_unit_members
from danvan.orgs.models import OrgUnit
from danvan.registry.services import InvalidSymbol, register_document
from danvan.vn.numbers import MAX_WHOLE
from danvan.vn.text import has_surrogates

from . import clock, periods, summary
from .errors import ConcurrentEdit, InvalidValues, ReportingError
from .models import (
    Assignment,
    DataValue,
    Period,
    Regime,
    ReportRequest,
    ReportTemplate,
    Revision,
    RevisionKind,
    Submission,
    SubmissionStatus,
    TemplateIndicator,
)
from .outline import flat_sections
from .selectors import current_content, template_indicators
from .signals import submission_accepted
from .values import key_text, read_values, values_to_json

EDITABLE = {SubmissionStatus.DRAFT, SubmissionStatus.RETURNED}


def ensure_period(code: str) -> Period:
    spec = periods.parse_period(code)
    period, _ = Period.objects.get_or_create(
        code=spec.code,
        defaults={"type": spec.type, "start": spec.start, "end": spec.end, "name": spec.name},
    )
    return period


# Templates -----------------------------------------------------------------------------


def _check_sections(sections: list[dict]) -> None:
    keys: list[str] = []

    def walk(items):
        for item in items:
            if not str(item.get("key", "")).strip() or not str(item.get("title", "")).strip():
                raise ReportingError("Mỗi đề mục của đề cương cần có mã và tiêu đề.")
            keys.append(item["key"])
            walk(item.get("children", []))

    walk(sections)
    if not keys:
        raise ReportingError("Đề cương cần ít nhất một đề mục.")
    if len(keys) != len(set(keys)):
        raise ReportingError("Mã đề mục trong đề cương bị trùng.")


def _attach_indicators(template: ReportTemplate, indicator_codes: list[str]) -> None:
    found = {i.code: i for i in Indicator.objects.filter(code__in=indicator_codes)}
    missing = [code for code in indicator_codes if code not in found]
    if missing:
        raise ReportingError(f"Không có chỉ tiêu: {', '.join(missing)}.")
    TemplateIndicator.objects.bulk_create(
        TemplateIndicator(template=template, indicator=found[code], order=n)
        for n, code in enumerate(indicator_codes)
    )


def create_template(
    actor, owner: OrgUnit, code: str, name: str, sections: list[dict], indicator_codes: list[str]
) -> ReportTemplate:
    """A new template, or the next version when the code exists already."""
    permissions.require(actor, "reporting.templates", owner)
    if not 0 < len(code) <= 60 or not 0 < len(name.strip()) <= TITLE_MAX:
        raise ReportingError(f"Mã đề cương cần từ 1 đến 60 ký tự, tên từ 1 đến {TITLE_MAX} ký tự.")
    _check_sections(sections)
    with transaction.atomic():
        latest = (
            ReportTemplate.objects.filter(code=code)
            .order_by("-version")
            .select_related("owner")
            .first()
        )
        if latest and not permissions.has_permission(actor, "reporting.templates", latest.owner):
            # A new version of another unit's template would take over its code.
            raise ReportingError(
                f"Mã đề cương '{code}' đã được {latest.owner.name} dùng; hãy chọn mã khác."
            )
        template = ReportTemplate.objects.create(
            code=code,
            version=(latest.version + 1) if latest else 1,
            name=name,
            owner=owner,
            sections=sections,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        _attach_indicators(template, indicator_codes)
        record_event(
            actor, "reporting.template.create", "ReportTemplate", template.pk, summary=str(template)
        )
    return template


def clone_template(
    actor, source: ReportTemplate, new_code: str, new_name: str, owner: OrgUnit
) -> ReportTemplate:
    permissions.require(actor, "reporting.templates", source.owner)
    if ReportTemplate.objects.filter(code=new_code).exists():
        raise ReportingError(f"Đã có đề cương mã '{new_code}'.")
    codes = list(source.form_rows.values_list("indicator__code", flat=True))
    with transaction.atomic():
        template = create_template(actor, owner, new_code, new_name, source.sections, codes)
        template.cloned_from = source
        template.save(update_fields=["cloned_from"])
    return template


# Requests ------------------------------------------------------------------------------


# The longest request title and document abstract the columns hold.
TITLE_MAX = 300


@dataclass
class RequestDocument:
    symbol: str
    date: dt.date | None
    title: str = ""


def issue_request(
    actor,
    *,
    issuer: OrgUnit,
    title: str,
    template: ReportTemplate,
    period_code: str,
    unit_codes: list[str],
    deadline: dt.date,
    grace_days: int = 0,
    lock_date: dt.date | None = None,
    regime: str = "party",
    document: RequestDocument | None = None,
) -> ReportRequest:
    permissions.require(actor, "reporting.issue", issuer)
    errors = []
    if not title.strip():
        errors.append("Cần nhập tên yêu cầu báo cáo.")
    elif len(title.strip()) > TITLE_MAX:
        errors.append(f"Tên yêu cầu báo cáo dài {len(title.strip())} ký tự; tối đa {TITLE_MAX}.")
    if document and len(document.title or "") > TITLE_MAX:
        errors.append(f"Trích yếu văn bản dài quá {TITLE_MAX} ký tự.")
    if has_surrogates(title) or (document and has_surrogates(f"{document.symbol}{document.title}")):
        errors.append(SURROGATE_MESSAGE)
    if not unit_codes:
        errors.append("Cần chọn ít nhất một đơn vị được yêu cầu báo cáo.")
    if lock_date and lock_date < deadline:
        errors.append("Ngày khóa số liệu không được trước hạn nộp.")
    if grace_days < 0 or grace_days > 60:
        errors.append("Số ngày gia hạn phải từ 0 đến 60.")
    if regime not in Regime.values:
        errors.append(f"Chế độ chốt số liệu '{regime}' không hợp lệ.")
    today = clock.today()
    scope = permissions.scope_paths(actor, "reporting.issue")
    if not permissions.covers(scope, template.owner.path):
        errors.append(f"Đề cương “{template.name}” thuộc đơn vị ngoài phạm vi điều phối của bạn.")
    units = list(OrgUnit.objects.filter(code__in=unit_codes))
    unknown = sorted(set(unit_codes) - {u.code for u in units})
    if unknown:
        errors.append(f"Không có đơn vị: {', '.join(unknown)}.")
    for unit in units:
        if not permissions.covers(scope, unit.path):
            errors.append(f"Đơn vị {unit.name} nằm ngoài phạm vi điều phối của bạn.")
        elif not unit.is_valid_on(today):
            errors.append(f"Đơn vị {unit.name} không còn hoạt động vào ngày {today:%d/%m/%Y}.")
    if errors:
        raise ReportingError(*errors)
    with transaction.atomic():
        period = ensure_period(period_code)
        data_from, data_to = periods.data_window(period.code, regime)
        request_document = None
        if document and document.symbol.strip():
            try:
                request_document = register_document(
                    actor,
                    document.symbol,
                    document.date,
                    title=document.title,
                    issued_by=issuer.name,
                    issuer_unit=issuer,
                )
            except InvalidSymbol as exc:
                raise ReportingError(str(exc)) from exc
        request = ReportRequest.objects.create(
            issuer=issuer,
            title=title.strip(),
            request_document=request_document,
            template=template,
            period=period,
            regime=regime,
            data_from=data_from,
            data_to=data_to,
            deadline=deadline,
            grace_days=grace_days,
            lock_date=lock_date,
            issued_by=actor if getattr(actor, "pk", None) else None,
            issued_at=clock.now(),
        )
        assignments = Assignment.objects.bulk_create(
            Assignment(request=request, unit=unit, unit_name=unit.name, unit_path=unit.path)
            for unit in sorted(units, key=lambda u: u.path)
        )
        if not all(a.pk for a in assignments):  # backends that do not return ids from bulk inserts
            assignments = list(request.assignments.select_related("unit"))
        Submission.objects.bulk_create(Submission(assignment=a) for a in assignments)
        notify_many(
            "reporter",
            [
                (
                    a.unit,
                    f"Yêu cầu báo cáo mới: {request.title} — hạn nộp {deadline:%d/%m/%Y}.",
                    f"/bao-cao/nop/{a.pk}/",
                    f"issued:{a.pk}",
                )
                for a in assignments
            ],
        )
        record_event(
            actor,
            "reporting.request.issue",
            "ReportRequest",
            request.pk,
            summary=request.title,
            after={
                "units": sorted(unit_codes),
                "deadline": deadline.isoformat(),
                "period": period.code,
            },
        )
        if deadline < today:
            # Allowed (a request recorded after the fact, as in the demo), but worth a trace.
            record_event(
                actor,
                "reporting.request.backdated",
                "ReportRequest",
                request.pk,
                summary=request.title,
            )
    return request


def set_lock_exception(actor, assignment: Assignment, until: dt.date | None) -> None:
    permissions.require(actor, "reporting.review", assignment.request.issuer)
    with transaction.atomic():
        before = assignment.lock_exception_until
        assignment.lock_exception_until = until
        assignment.save(update_fields=["lock_exception_until"])
        record_event(
            actor,
            "reporting.lock_exception",
            "Assignment",
            assignment.pk,
            before={"until": before.isoformat() if before else None},
            after={"until": until.isoformat() if until else None},
        )


# Submissions ---------------------------------------------------------------------------


def is_locked(assignment: Assignment, today: dt.date | None = None) -> bool:
    today = today or clock.today()
    lock_date = assignment.request.lock_date
    if lock_date is None or today <= lock_date:
        return False
    return not (assignment.lock_exception_until and today <= assignment.lock_exception_until)


def _section_keys(sections: list[dict]) -> set[str]:
    return {section["key"] for section in flat_sections(sections)}


SURROGATE_MESSAGE = (
    "Nội dung có ký tự không hợp lệ (nửa cặp ký tự UTF-16, thường do sao chép từ phần mềm "
    "khác); hãy gõ lại đoạn đó. Không có gì được lưu."
)


def checked_values(template, indicators, sections: dict, values: dict, *, submitting: bool):
    """The values parsed, or InvalidValues with a message per refused field. A value wrong on
    its own is never saved; a rule between values blocks submitting only (a draft keeps it and
    its page shows the rule's message)."""
    if any(has_surrogates(f"{k}{v}") for k, v in (*sections.items(), *values.items())):
        raise InvalidValues({}, SURROGATE_MESSAGE)
    parsed, refused = read_values(values, indicators)
    refused.update({key_text(k): m for k, m in field_problems(parsed, indicators).items()})
    problems = []
    unknown_sections = set(sections) - _section_keys(template.sections) - {"khac"}
    if unknown_sections:
        problems.append(f"Đề mục không có trong đề cương: {', '.join(sorted(unknown_sections))}.")
    if submitting:
        problems += rule_problems(parsed, indicators)
    if refused or problems:
        raise InvalidValues(refused, *problems)
    return parsed


def _write(
    actor,
    submission: Submission,
    base_version: int,
    kind: str,
    sections: dict,
    values: dict,
    *,
    new_status: str | None = None,
    comment: str = "",
    source: dict | None = None,
) -> Revision:
    """Check, then bump the version only if nobody saved since `base_version`, then record."""
    assignment = submission.assignment
    request = assignment.request
    indicators = template_indicators(request.template)
    parsed = checked_values(
        request.template,
        indicators,
        sections,
        values,
        submitting=new_status == SubmissionStatus.SUBMITTED,
    )
    now = clock.now()
    changes = {"version": F("version") + 1, "updated_at": now}
    if new_status:
        changes["status"] = new_status
    if new_status == SubmissionStatus.SUBMITTED:
        changes["submitted_at"] = now
    updated = Submission.objects.filter(
        pk=submission.pk, version=base_version, status__in=EDITABLE
    ).update(**changes)
    if updated == 0:
        current = Submission.objects.get(pk=submission.pk)
        raise ConcurrentEdit(
            f"Báo cáo đã được lưu bởi người khác lúc {timezone.localtime(current.updated_at):%H:%M:%S %d/%m/%Y} "
            "sau khi bạn mở. Nội dung bạn vừa nhập chưa được lưu và vẫn còn trên trang; hãy sao chép lại, "
            "tải lại báo cáo rồi lưu lần nữa."
        )
    if new_status == SubmissionStatus.SUBMITTED:
        Submission.objects.filter(pk=submission.pk, first_submitted_at__isnull=True).update(
            first_submitted_at=now
        )
    number = (
        submission.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    before = summary.contribution(submission)
    revision = Revision.objects.create(
        submission=submission,
        number=number,
        kind=kind,
        author=actor if getattr(actor, "pk", None) else None,
        sections={k: v for k, v in sorted(sections.items()) if str(v).strip()},
        values=values_to_json(parsed),
        comment=comment,
        source=source,
        created_at=now,
    )
    _replace_values(submission, parsed, source)
    submission.refresh_from_db()
    summary.update(before, summary.contribution(submission))
    return revision


def _replace_values(submission: Submission, values, source: dict | None) -> None:
    assignment = submission.assignment
    options = {(o.category_id, o.code): o for o in CategoryOption.objects.all()} if values else {}
    indicators = {
        i.code: i for i in Indicator.objects.filter(code__in={code for code, _ in values})
    }
    # A value that came from a file keeps its source through later saves, as long as it is unchanged.
    kept = {
        (dv.indicator.code, dv.option.code if dv.option_id else None): (dv.value, dv.source)
        for dv in DataValue.objects.filter(
            submission=submission, source__isnull=False
        ).select_related("indicator", "option")
    }
    DataValue.objects.filter(submission=submission).delete()
    DataValue.objects.bulk_create(
        DataValue(
            submission=submission,
            indicator=indicators[code],
            option=options[(indicators[code].category_id, option)] if option else None,
            unit_id=assignment.unit_id,
            unit_path=assignment.unit_path,
            period_id=assignment.request.period_id,
            value=value,
            source=(source or {}).get("values", {}).get(f"{code}:{option}" if option else code)
            or (kept[(code, option)][1] if kept.get((code, option), (None,))[0] == value else None),
        )
        for (code, option), value in values.items()
    )


def _load(submission_id: int) -> Submission:
    """The submission, locked until the caller's transaction ends: every state transition
    checks the state and the version and changes them under this one row lock, so two racing
    transitions run one after the other and the history stays a valid sequence."""
    if not 0 < submission_id <= MAX_WHOLE:  # SQLite cannot even compare a larger number
        raise ReportingError("Không tìm thấy báo cáo.")
    submission = (
        Submission.objects.select_related(
            "assignment__request__template", "assignment__unit", "assignment__request__issuer"
        )
        .select_for_update(of=("self",))
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        raise ReportingError("Không tìm thấy báo cáo.")
    return submission


def may_edit(actor, assignment: Assignment) -> bool:
    """What `_check_editable` enforces, as a yes/no for pages deciding what to show."""
    return (
        permissions.has_permission(actor, "reporting.submit", assignment.unit)
        and assignment.submission.status in EDITABLE
        and not is_locked(assignment)
    )


def may_review(actor, assignment: Assignment) -> bool:
    return permissions.has_permission(
        actor, "reporting.review", assignment.request.issuer
    ) and permissions.has_permission(actor, "reporting.review", assignment.unit)


ON_BEHALF_NOTE = "Xác nhận thay mặt đơn vị (cán bộ điều phối của ban ra yêu cầu)"


def _check_editable(
    actor, submission: Submission, base_version: int | None = None, *, on_behalf: bool = False
) -> None:
    if on_behalf:
        # A coordinator of the request's board saves a file the unit sent; the revision says so.
        if not may_review(actor, submission.assignment):
            raise permissions.ScopeDenied(
                "Bạn không có quyền xác nhận thay mặt đơn vị này: chỉ cán bộ điều phối của ban "
                "ra yêu cầu được xác nhận thay."
            )
    else:
        permissions.require(actor, "reporting.submit", submission.assignment.unit)
    if (
        submission.status not in EDITABLE
        and base_version is not None
        and base_version != submission.version
    ):
        # The page was opened while the report could still be edited; someone moved it on since.
        raise ConcurrentEdit(
            f"Báo cáo đã được {'tiếp nhận' if submission.status == SubmissionStatus.ACCEPTED else 'nộp'} lúc "
            f"{timezone.localtime(submission.updated_at):%H:%M:%S %d/%m/%Y} sau khi bạn mở nên "
            "không lưu được nữa. Nội dung bạn vừa nhập chưa được lưu và vẫn còn trên trang."
        )
    if submission.status == SubmissionStatus.ACCEPTED:
        raise ReportingError("Báo cáo đã được tiếp nhận nên không thể sửa.")
    if submission.status == SubmissionStatus.SUBMITTED:
        raise ReportingError("Báo cáo đã nộp; chỉ sửa được khi bị trả lại.")
    if is_locked(submission.assignment):
        raise ReportingError(
            f"Số liệu đã khóa từ sau ngày {submission.assignment.request.lock_date:%d/%m/%Y}; "
            "liên hệ đơn vị yêu cầu để được mở khóa."
        )


def _merged(submission: Submission, sections: dict, values: dict) -> tuple[dict, dict]:
    """What a save or submit writes, key by key: a section or figure left out keeps its saved
    text or number; one sent as "" or null is cleared; anything else replaces it."""
    saved = current_content(submission)
    merged_sections = {**saved.sections, **(sections or {})}
    # Saved figures go back as numbers (stored as "1868.5"), never re-read as Vietnamese text.
    merged_values = {key: Decimal(text) for key, text in saved.values.items()}
    merged_values.update(values or {})
    return (
        {k: v for k, v in merged_sections.items() if v is not None and str(v).strip()},
        {k: v for k, v in merged_values.items() if v is not None and str(v).strip()},
    )


def save_draft(
    actor,
    submission_id: int,
    base_version: int,
    sections: dict,
    values: dict,
    *,
    source: dict | None = None,
    on_behalf: bool = False,
) -> Revision:
    """`on_behalf`: a coordinator of the request's board saves for the unit (an imported file
    the unit sent); allowed, and recorded in the revision's note."""
    with transaction.atomic():
        submission = _load(submission_id)
        _check_editable(actor, submission, base_version, on_behalf=on_behalf)
        sections, values = _merged(submission, sections, values)
        imported = source and source.get("kind") != "register"  # registers' figures: a save
        kind = RevisionKind.IMPORT if imported else RevisionKind.SAVE
        revision = _write(
            actor,
            submission,
            base_version,
            kind,
            sections,
            values,
            source=source,
            comment=ON_BEHALF_NOTE if on_behalf else "",
        )
        record_event(
            actor,
            "reporting.submission.save",
            "Submission",
            submission.pk,
            summary=f"bản {revision.number}",
        )
    return revision


def submit(actor, submission_id: int, base_version: int, sections: dict, values: dict) -> Revision:
    with transaction.atomic():
        submission = _load(submission_id)
        _check_editable(actor, submission, base_version)
        sections, values = _merged(submission, sections, values)
        if not sections and not values:
            raise ReportingError("Báo cáo trống: cần nhập nội dung hoặc số liệu trước khi nộp.")
        revision = _write(
            actor,
            submission,
            base_version,
            RevisionKind.SUBMIT,
            sections,
            values,
            new_status=SubmissionStatus.SUBMITTED,
        )
        record_event(
            actor,
            "reporting.submission.submit",
            "Submission",
            submission.pk,
            summary=f"bản {revision.number}",
        )
        request = submission.assignment.request
        notify_unit_members(
            request.issuer,
            "coordinator",
            f"{submission.assignment.unit_name} đã nộp báo cáo: {request.title}.",
            f"/bao-cao/yeu-cau/{request.pk}/",
            key=f"submitted:{submission.pk}:{revision.number}",
        )
    return revision


def _review(actor, submission_id: int, kind: str, status: str, comment: str) -> Revision:
    with transaction.atomic():
        submission = _load(submission_id)
        permissions.require(actor, "reporting.review", submission.assignment.unit)
        permissions.require(actor, "reporting.review", submission.assignment.request.issuer)
        if submission.status != SubmissionStatus.SUBMITTED:
            raise ReportingError(
                f"Chỉ tiếp nhận hoặc trả lại được báo cáo đã nộp (hiện: {submission.get_status_display()})."
            )
        latest = submission.revisions.order_by("-number").first()
        now = clock.now()
        extra = (
            {"returned_at": now, "return_comment": comment}
            if status == SubmissionStatus.RETURNED
            else {"accepted_at": now}
        )
        updated = Submission.objects.filter(
            pk=submission.pk, version=submission.version, status=SubmissionStatus.SUBMITTED
        ).update(status=status, version=F("version") + 1, updated_at=now, **extra)
        if not updated:
            raise ConcurrentEdit("Báo cáo vừa thay đổi; hãy tải lại trang.")
        before = summary.contribution(submission)
        after = summary.Contribution(before.request_id, before.unit_path, status, before.values)
        summary.update(before, after if status in summary.COUNTED else None)
        revision = Revision.objects.create(
            submission=submission,
            number=latest.number + 1,
            kind=kind,
            author=actor if getattr(actor, "pk", None) else None,
            sections=latest.sections,
            values=latest.values,
            comment=comment,
            source=latest.source,
            created_at=now,
        )
        record_event(
            actor,
            f"reporting.submission.{kind}",
            "Submission",
            submission.pk,
            summary=comment[:200],
        )
        verb = "trả lại" if status == SubmissionStatus.RETURNED else "tiếp nhận"
        notify_unit_members(
            submission.assignment.unit,
            "reporter",
            f"Báo cáo \u201c{submission.assignment.request.title}\u201d đã được {verb}."
            + (f" Lý do: {comment}" if comment else ""),
            f"/bao-cao/nop/{submission.assignment_id}/",
            key=f"{kind}:{submission.pk}:{revision.number}",
        )
        if status == SubmissionStatus.ACCEPTED:
            submission.refresh_from_db()
            submission_accepted.send(
                sender=Submission, submission=submission, revision=revision, actor=actor
            )
    return revision


def return_submission(actor, submission_id: int, comment: str) -> Revision:
    if not comment.strip():
        raise ReportingError("Cần ghi lý do trả lại để đơn vị biết cần sửa gì.")
    return _review(
        actor, submission_id, RevisionKind.RETURN, SubmissionStatus.RETURNED, comment.strip()
    )


def accept_submission(actor, submission_id: int) -> Revision:
    return _review(actor, submission_id, RevisionKind.ACCEPT, SubmissionStatus.ACCEPTED, "")
