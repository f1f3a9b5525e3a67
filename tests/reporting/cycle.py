"""Helpers for the reporting-cycle tests: users, a template holding the whole seed
catalogue, requests issued through the services at a chosen moment."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from danvan.accounts.permissions import SYSTEM
from danvan.accounts.services import create_user, grant_role
from danvan.indicators.catalogue import INDICATORS
from danvan.orgs.models import OrgUnit
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import DataValue, ReportRequest, ReportTemplate, Revision, Submission

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
PASSWORD = "Song-Han#2026"
DA_NANG_TITLE = (
    "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
)
CAN_THO_TITLE = "Báo cáo công tác dân vận 6 tháng đầu năm 2019"

SECTIONS = [
    {"key": "dac-diem", "label": "I", "title": "Đặc điểm tình hình"},
    {"key": "ket-qua", "label": "II", "title": "Kết quả"},
    {
        "key": "danh-gia",
        "label": "III",
        "title": "Đánh giá chung",
        "children": [
            {"key": "uu-diem", "label": "1", "title": "Ưu điểm"},
            {"key": "han-che", "label": "2", "title": "Hạn chế"},
        ],
    },
    {"key": "nhiem-vu", "label": "IV", "title": "Phương hướng, nhiệm vụ"},
]


def at(day: str, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A moment in Vietnam's time zone, e.g. at("2023-07-10", 23, 30)."""
    return dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=LOCAL)


def user(username: str):
    return get_user_model().objects.get(username=username)


def make_user(username: str, role: str, unit_code: str, email: str = ""):
    account = create_user(SYSTEM, username, PASSWORD, full_name="Người Kiểm Thử", email=email)
    grant_role(SYSTEM, username, unit_code, role)
    return account


def full_template(code: str = "kiem-tra-day-du") -> ReportTemplate:
    """A template of Đà Nẵng's city committee whose form holds every seed indicator."""
    return services.create_template(
        SYSTEM,
        OrgUnit.objects.get(code="DN-TU"),
        code,
        "Đề cương kiểm tra",
        SECTIONS,
        [row[0] for row in INDICATORS],
    )


def issue(
    units=("DN-CATP", "DN-MTTQ"),
    *,
    template: ReportTemplate | None = None,
    period: str = "2023S1",
    deadline: dt.date = dt.date(2023, 7, 10),
    grace_days: int = 0,
    lock_date: dt.date | None = None,
    issued: str = "2023-06-20",
    regime: str = "state",
    document=None,
    actor=None,
    issuer: str = "DN-BDVTU",
    title: str = "Báo cáo công tác dân vận 6 tháng đầu năm 2023",
) -> ReportRequest:
    """A request of Đà Nẵng's board, issued by its coordinator on `issued`."""
    with recorded_at(at(issued, 8)):
        return services.issue_request(
            actor or user("dn.dieuphoi"),
            issuer=OrgUnit.objects.get(code=issuer),
            title=title,
            template=template or full_template(),
            period_code=period,
            unit_codes=list(units),
            deadline=deadline,
            grace_days=grace_days,
            lock_date=lock_date,
            regime=regime,
            document=document,
        )


def submission_of(request: ReportRequest, unit_code: str) -> Submission:
    return Submission.objects.get(assignment__request=request, assignment__unit__code=unit_code)


def snapshot(submission: Submission) -> tuple:
    """What a refused action must leave as it was."""
    submission.refresh_from_db()
    return (
        submission.version,
        submission.status,
        submission.first_submitted_at,
        submission.submitted_at,
        Revision.objects.filter(submission=submission).count(),
        sorted(
            DataValue.objects.filter(submission=submission).values_list(
                "indicator__code", "option__code", "value"
            )
        ),
    )


def act(moment, action, actor, submission, *args):
    """Run a service at `moment` from the submission's current version (what a fresh page would send)."""
    submission.refresh_from_db()
    with recorded_at(moment):
        if action in (services.save_draft, services.submit):
            return action(
                user(actor) if isinstance(actor, str) else actor,
                submission.pk,
                submission.version,
                *args,
            )
        return action(user(actor) if isinstance(actor, str) else actor, submission.pk, *args)


def values_of(submission):
    return {
        (v.indicator.code, v.option.code if v.option else None): str(v.value.normalize())
        for v in DataValue.objects.filter(submission=submission).select_related(
            "indicator", "option"
        )
    }
