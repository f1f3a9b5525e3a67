"""Writes of programme reviews: issuing a review (a template generated from the plans and one
report request to every reporting party, through the reporting cycle), recording each party's
commitment progress from its report's page, and accepting that progress when the report is
accepted (the cycle's `submission_accepted` signal). Permission-checked, transactional, audited.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.accounts import permissions
from danvan.audit.services import record_event
from danvan.indicators.models import Indicator, ValueType
from danvan.registry.models import Document
from danvan.reporting import clock
from danvan.reporting import services as reporting
from danvan.reporting.errors import ReportingError
from danvan.reporting.models import Assignment, ReportRequest, Submission, SubmissionStatus
from danvan.reporting.periods import InvalidPeriod, parse_period
from danvan.reporting.signals import submission_accepted
from danvan.vn.numbers import parse_figure
from danvan.vn.text import has_surrogates

from . import review_scope as scope
from .joint_report import request_title
from .models import (
    SIGNED_STATES,
    Commitment,
    Instrument,
    Progress,
    ProgressStatus,
    Review,
    ReviewKind,
)
from .review_template import (
    JOINT_ACTIVITIES,
    JOINT_ACTIVITY_CODES,
    period_words,
    review_sections,
)

NARRATIVE_MAX = 4000
EVIDENCE_MAX = 20


class ReviewError(ReportingError):
    """A rule of programme reviews refused the action; `messages` are Vietnamese."""


def seed_joint_activities(**_kwargs) -> None:
    """The joint-activity indicators every review asks for, as migration 0003 creates them;
    run again after each migrate or flush (post_migrate), leaving edited rows as they are."""
    for order, (code, name, unit) in enumerate(JOINT_ACTIVITIES, start=900):
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_of_measure": unit,
                "value_type": ValueType.INTEGER,
                "group": "Chương trình phối hợp: hoạt động phối hợp",
                "description": "Các bên báo cáo trong kỳ sơ kết, tổng kết chương trình phối hợp.",
                "order": order,
            },
        )


def _check_instruments(
    instruments: list[Instrument], period_code: str, kind: str, *, past: bool = False
) -> None:
    """`past`: a review of a period gone by may cover instruments ended since."""
    errors = []
    if not instruments:
        errors.append("Cần chọn ít nhất một chương trình phối hợp.")
    if kind not in ReviewKind.values:
        errors.append("Loại kỳ sơ kết không hợp lệ.")
    owners = {i.owner_id for i in instruments}
    if len(owners) > 1:
        errors.append("Các chương trình sơ kết chung phải cùng một cơ quan thường trực.")
    for instrument in instruments:
        if instrument.state not in SIGNED_STATES and not (past and instrument.signed_on):
            errors.append(
                f"{instrument} đang ở trạng thái “{instrument.get_state_display()}”: chỉ sơ kết "
                "được chương trình đã ký, đang có hiệu lực."
            )
        elif Review.objects.filter(
            instrument=instrument, period_code=period_code, kind=kind
        ).exists():
            errors.append(f"{instrument} đã có kỳ sơ kết {period_code}.")
    if errors:
        raise ReviewError(*errors)


def _period(period_code: str, kind: str) -> str:
    try:
        spec = parse_period(period_code)
    except InvalidPeriod as exc:
        raise ReviewError(str(exc)) from exc
    wanted = "half" if kind == ReviewKind.HALF_YEAR else "year"
    if spec.type != wanted:
        raise ReviewError(
            "Sơ kết 6 tháng cần kỳ 6 tháng (ví dụ 2022S1); tổng kết năm cần kỳ năm (ví dụ 2022)."
        )
    return spec.code


def issue_review(
    actor,
    *,
    instruments: list[Instrument],
    period_code: str,
    kind: str,
    deadline: dt.date,
    grace_days: int = 0,
    lock_date: dt.date | None = None,
) -> list[Review]:
    """One review per instrument, all answering one report request: its template generated
    from the plans (one section per content area of their commitments, the joint activities
    and the commitments' indicators as figures), asked of every party but the thường trực
    board, which issues it and writes the joint report."""
    period_code = _period(period_code, kind)
    _check_instruments(instruments, period_code, kind)
    owner = instruments[0].owner
    permissions.require(actor, "reporting.issue", owner)
    commitments = scope.commitments_of(instruments, period_code)
    areas = list(dict.fromkeys((c.content_area.code, c.content_area.name) for c in commitments))
    units = scope.reporting_units(instruments, period_code)
    if not units:
        raise ReviewError("Chương trình chưa có bên nào ngoài cơ quan thường trực để báo cáo.")
    indicator_codes = list(
        dict.fromkeys(
            JOINT_ACTIVITY_CODES + [c.indicator.code for c in commitments if c.indicator_id]
        )
    )
    words, _ = period_words(period_code)
    with transaction.atomic():
        template = reporting.create_template(
            actor,
            owner,
            f"so-ket-ctph-{owner.code.lower()}-{period_code.lower()}"[:60],
            f"Đề cương báo cáo kết quả thực hiện Chương trình phối hợp {words}",
            review_sections(areas, period_code),
            indicator_codes,
        )
        request = reporting.issue_request(
            actor,
            issuer=owner,
            title=request_title(period_code),
            template=template,
            period_code=period_code,
            unit_codes=[u.code for u in units],
            deadline=deadline,
            grace_days=grace_days,
            lock_date=lock_date,
        )
        reviews = [
            Review.objects.create(
                instrument=instrument,
                period_code=period_code,
                kind=kind,
                report_request=request,
                created_by=actor if getattr(actor, "pk", None) else None,
            )
            for instrument in instruments
        ]
        record_event(
            actor,
            "programmes.review.issue",
            "ReportRequest",
            request.pk,
            summary=request.title,
            after={"instruments": [i.pk for i in instruments], "period": period_code},
        )
    return reviews


def adopt_request(
    actor, *, instruments: list[Instrument], report_request: ReportRequest, kind: str
) -> list[Review]:
    """A review whose answers are a request issued before the programmes were recorded (the
    same board, the same period): its submissions become the review's answers."""
    period_code = _period(report_request.period.code, kind)
    _check_instruments(instruments, period_code, kind, past=True)
    permissions.require(actor, "reporting.issue", report_request.issuer)
    with transaction.atomic():
        reviews = [
            Review.objects.create(
                instrument=instrument,
                period_code=period_code,
                kind=kind,
                report_request=report_request,
                created_by=actor if getattr(actor, "pk", None) else None,
            )
            for instrument in instruments
        ]
        record_event(
            actor,
            "programmes.review.adopt",
            "ReportRequest",
            report_request.pk,
            summary=report_request.title,
            after={"instruments": [i.pk for i in instruments], "period": period_code},
        )
    return reviews


# Progress -----------------------------------------------------------------------------------


def _row_problems(row: dict, commitment: Commitment) -> tuple[list[str], dict]:
    name = f"Nhiệm vụ “{commitment.content[:60]}”"
    problems: list[str] = []
    status = str(row.get("status") or "")
    if status not in ProgressStatus.values:
        problems.append(f"{name}: cần chọn tình trạng thực hiện.")
    raw_value = str(row.get("value") or "").strip()
    value = None
    if raw_value:
        value = parse_figure(raw_value)
        if value is None or abs(value) >= 10**12:
            problems.append(f"{name}: kết quả “{raw_value[:30]}” không phải là một số hợp lệ.")
            value = None
    narrative = str(row.get("narrative") or "").strip()
    if len(narrative) > NARRATIVE_MAX:
        problems.append(f"{name}: phần kết quả thực hiện dài quá {NARRATIVE_MAX} ký tự.")
    if has_surrogates(narrative):
        problems.append(f"{name}: nội dung có ký tự không hợp lệ; hãy gõ lại đoạn đó.")
    symbols = [s.strip() for s in str(row.get("evidence") or "").splitlines() if s.strip()]
    documents = []
    if len(symbols) > EVIDENCE_MAX:
        problems.append(f"{name}: tối đa {EVIDENCE_MAX} văn bản minh chứng.")
        symbols = []
    for symbol in symbols:
        document = Document.objects.filter(symbol__iexact=symbol).order_by("-date").first()
        if document is None:
            problems.append(
                f"{name}: không có văn bản “{symbol[:60]}” trong sổ văn bản; hãy ghi đúng số "
                "ký hiệu của văn bản đã vào sổ."
            )
        else:
            documents.append(document)
    clean = {"status": status, "value": value, "narrative": narrative, "documents": documents}
    return problems, clean


def record_progress(actor, *, assignment_id: int, rows: dict[int, dict]) -> int:
    """Save the party's progress for each commitment it has in the review its report answers
    (`rows`: {commitment id: {status, value, narrative, evidence (symbols, one a line)}}).
    Allowed while the report can be edited (a draft, or returned); every row is checked first
    and nothing is saved when any is wrong. Returns how many rows were saved."""
    assignment = scope.assignment(assignment_id)
    permissions.require(actor, "reporting.submit", assignment.unit)
    if not reporting.may_edit(actor, assignment):
        raise ReviewError(
            "Báo cáo đã nộp, đã được tiếp nhận hoặc đã khóa số liệu nên không cập nhật được "
            "tiến độ; tiến độ chỉ sửa được khi báo cáo đang soạn hoặc bị trả lại."
        )
    return _save_rows(actor, assignment, rows)


def _save_rows(actor, assignment: Assignment, rows: dict[int, dict]) -> int:
    owned = {c.pk: (c, review, party) for c, review, party in scope.unit_commitments(assignment)}
    if not owned:
        raise ReviewError("Đơn vị không có nhiệm vụ phối hợp nào trong kỳ sơ kết này.")
    problems: list[str] = []
    cleaned = {}
    for key, row in rows.items():
        if key not in owned:
            problems.append("Có nhiệm vụ không thuộc đơn vị trong kỳ sơ kết này.")
            continue
        row_problems, clean = _row_problems(row, owned[key][0])
        problems += row_problems
        cleaned[key] = clean
    if problems:
        raise ReviewError(*dict.fromkeys(problems))
    now = clock.now()
    with transaction.atomic():
        for key, clean in cleaned.items():
            commitment, review, party = owned[key]
            progress, _ = Progress.objects.update_or_create(
                commitment=commitment,
                review=review,
                party=party,
                defaults={
                    "status": clean["status"],
                    "value": clean["value"],
                    "narrative": clean["narrative"],
                    "reported_by": actor if getattr(actor, "pk", None) else None,
                    "reported_at": now,
                    "submission": assignment.submission,
                    "accepted": assignment.submission.status == SubmissionStatus.ACCEPTED,
                },
            )
            progress.evidence.set(clean["documents"])
        record_event(
            actor,
            "programmes.progress.save",
            "Assignment",
            assignment.pk,
            summary=f"{len(cleaned)} nhiệm vụ",
            after={str(k): v["status"] for k, v in cleaned.items()},
        )
    return len(cleaned)


def record_past_progress(actor, *, assignment_id: int, rows: dict[int, dict]) -> int:
    """Progress of an answer sent before the programme was recorded (the demo's 2022 review):
    only the installation's administrators, audited like any save; rows of an accepted report
    are accepted with it."""
    if not getattr(actor, "is_superuser", False):
        raise permissions.ScopeDenied("Chỉ quản trị hệ thống được ghi tiến độ của kỳ đã qua.")
    return _save_rows(actor, scope.assignment(assignment_id), rows)


def accept_progress(sender=None, *, submission: Submission, revision=None, actor=None, **_):
    """On acceptance of a report that answers a review: the party's progress rows become
    accepted, and the commitments' status follows (selectors read the latest accepted row)."""
    assignment = submission.assignment
    rows = Progress.objects.filter(
        review__report_request_id=assignment.request_id, party__unit_id=assignment.unit_id
    )
    count = rows.update(accepted=True, submission=submission)
    if count:
        record_event(
            actor,
            "programmes.progress.accept",
            "Submission",
            submission.pk,
            summary=f"{count} nhiệm vụ được tiếp nhận",
        )


submission_accepted.connect(accept_progress, dispatch_uid="programmes.review.accept_progress")
