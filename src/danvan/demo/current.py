"""The current cycle: work that a person who logs in today finds waiting, computed from the
date the demo is loaded.

- The Đà Nẵng board asks its five partner agencies for the current half-year's report, due two
  weeks from today: the police's reporter (`dn.baocao`) finds it due in the inbox; the border
  guard has already sent its report.
- A quick report on the previous quarter was due five days ago: the police and the People's
  Committee sent theirs on time, the Front has not, so the board shows one unit late.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from danvan.accounts.permissions import SYSTEM
from danvan.orgs.models import OrgUnit
from danvan.reporting import clock, services
from danvan.reporting.models import ReportRequest, ReportTemplate
from danvan.reporting.periods import parse_period

BOARD = "DN-BTGDVTU"  # Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng, the board since 2025
HALF_YEAR_UNITS = ["DN-UBND", "DN-BCHQS", "DN-CATP", "DN-BDBP", "DN-MTTQ"]
QUARTER_UNITS = ["DN-UBND", "DN-CATP", "DN-MTTQ"]
TEMPLATE = "phoi-hop-dan-van-6-thang"
DUE_IN_DAYS = 14
LATE_BY_DAYS = 5


def current_half(today: dt.date) -> str:
    return f"{today.year}S{1 if today.month <= 6 else 2}"


def previous_quarter(today: dt.date) -> str:
    quarter = (today.month - 1) // 3 + 1
    return f"{today.year}Q{quarter - 1}" if quarter > 1 else f"{today.year - 1}Q4"


def half_year_title(today: dt.date) -> str:
    name = parse_period(current_half(today)).name
    return f"Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận {name}"


def quarter_title(today: dt.date) -> str:
    name = parse_period(previous_quarter(today)).name
    return f"Báo cáo nhanh công tác dân vận {name[0].lower()}{name[1:]}"


def _moment(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _issue(title, period_code, units, deadline, issued_on):
    coordinator = get_user_model().objects.get(username="dn.dieuphoi")
    template = ReportTemplate.objects.filter(code=TEMPLATE).order_by("-version").first()
    valid = [u.code for u in OrgUnit.objects.filter(code__in=units) if u.is_valid_on(issued_on)]
    with clock.recorded_at(_moment(issued_on, 8)):
        return services.issue_request(
            coordinator,
            issuer=OrgUnit.objects.get(code=BOARD),
            title=title,
            template=template,
            period_code=period_code,
            unit_codes=valid,
            deadline=deadline,
            regime="state",
        )


def _send(actor, request, unit_code, day, sections, values) -> None:
    assignment = request.assignments.filter(unit__code=unit_code).first()
    if assignment is None:
        return
    submission = assignment.submission
    with clock.recorded_at(_moment(day, 10)):
        services.submit(actor, submission.pk, submission.version, sections, values)


def current_cycle(today: dt.date | None = None) -> None:
    """Load both requests of the current cycle unless they are already there."""
    today = today or clock.today()
    if not OrgUnit.objects.filter(code=BOARD).exists() or not (
        ReportTemplate.objects.filter(code=TEMPLATE).exists()
    ):
        return
    reporter = get_user_model().objects.get(username="dn.baocao")
    title = half_year_title(today)
    if not ReportRequest.objects.filter(title=title, issuer__code=BOARD).exists():
        request = _issue(
            title,
            current_half(today),
            HALF_YEAR_UNITS,
            today + dt.timedelta(days=DUE_IN_DAYS),
            today - dt.timedelta(days=7),
        )
        _send(
            SYSTEM,
            request,
            "DN-BDBP",
            today - dt.timedelta(days=2),
            {
                "ket-qua": (
                    "Phối hợp với các Hội đoàn thể thành phố tuyên truyền Luật Biên phòng Việt Nam "
                    "cho ngư dân; củng cố các tổ tàu thuyền đoàn kết an toàn trên biển."
                )
            },
            {"tuyen-truyen-buoi": "64", "to-tau-thuyen": "143"},
        )
    title = quarter_title(today)
    if not ReportRequest.objects.filter(title=title, issuer__code=BOARD).exists():
        deadline = today - dt.timedelta(days=LATE_BY_DAYS)
        request = _issue(
            title,
            previous_quarter(today),
            QUARTER_UNITS,
            deadline,
            deadline - dt.timedelta(days=21),
        )
        _send(
            reporter,
            request,
            "DN-CATP",
            deadline - dt.timedelta(days=3),
            {"ket-qua": "Tiếp nhận, xử lý thông tin đường dây nóng 113 kịp thời."},
            {"duong-day-nong": "2.105"},
        )
        _send(
            SYSTEM,
            request,
            "DN-UBND",
            deadline - dt.timedelta(days=1),
            {"ket-qua": "Duy trì tiếp công dân định kỳ tại các cơ quan hành chính."},
            {"tiep-cong-dan-luot": "912"},
        )
