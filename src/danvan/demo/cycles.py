"""Two real reporting cycles built from the samples.

- Cần Thơ, first half of 2019: Ban Dân vận Thành ủy asks with Công văn 644-CV/BDVTU of
  07/5/2019; the bloc Party committee answers with the report in
  `samples/seeds/cantho-dukhoi-dan-van-6t-2019.txt`, read by `danvan.ingest`.
- Đà Nẵng, first half of 2022: the board asks its four partner agencies; each submits its part
  of the figures of `samples/seeds/danang-bdvtu-phoi-hop-6t-2022.txt`, the border guard late,
  so that the consolidation reproduces the sample's totals.

Both cycles happened in the past: each step goes through the services at the moment it
happened (`reporting.clock.recorded_at`), so deadlines, lateness and locks are as they were.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model

from danvan.accounts.permissions import SYSTEM
from danvan.imports import selectors as import_selectors
from danvan.imports import services as import_services
from danvan.indicators.catalogue import INDICATORS
from danvan.orgs.models import OrgUnit
from danvan.reporting import selectors as reporting_selectors
from danvan.reporting import services
from danvan.reporting.clock import recorded_at
from danvan.reporting.models import ReportRequest, ReportTemplate

from .partner_texts import DA_NANG_PARTS

SEEDS = (
    Path(
        os.environ.get(
            "DANVAN_SAMPLES_DIR", Path(settings.PROJECT_DIR).parent / "shared" / "samples"
        )
    )
    / "seeds"
)
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
SURE = 0.5  # proposals at or above this confidence are the ones a clerk would confirm

CAN_THO_SECTIONS = [
    {"key": "dac-diem", "label": "I", "title": "Đặc điểm tình hình"},
    {
        "key": "ket-qua",
        "label": "II",
        "title": "Kết quả công tác dân vận",
        "children": [
            {"key": "lanh-dao", "label": "1", "title": "Sự lãnh đạo, chỉ đạo công tác dân vận"},
            {
                "key": "linh-vuc",
                "label": "2",
                "title": "Công tác dân vận trên các lĩnh vực",
                "children": [
                    {"key": "tham-muu", "label": "2.1", "title": "Công tác tham mưu, quán triệt"},
                    {
                        "key": "dan-van-kheo",
                        "label": "2.2",
                        "title": "Phong trào thi đua \u201cDân vận khéo\u201d",
                    },
                    {
                        "key": "dan-van-chinh-quyen",
                        "label": "2.3",
                        "title": "Năm dân vận chính quyền",
                    },
                ],
            },
            {
                "key": "doan-the",
                "label": "3",
                "title": "Hoạt động của các đoàn thể chính trị - xã hội",
            },
            {"key": "he-thong-dan-van", "label": "4", "title": "Hoạt động của hệ thống dân vận"},
        ],
    },
    {"key": "danh-gia", "label": "III", "title": "Nhận xét, đánh giá"},
    {"key": "nhiem-vu", "label": "IV", "title": "Nhiệm vụ 6 tháng cuối năm"},
]

DA_NANG_SECTIONS = [
    {"key": "ket-qua", "label": "I", "title": "Kết quả thực hiện Chương trình phối hợp"},
    {
        "key": "danh-gia",
        "label": "II",
        "title": "Đánh giá chung",
        "children": [
            {"key": "uu-diem", "label": "1", "title": "Ưu điểm"},
            {"key": "han-che", "label": "2", "title": "Hạn chế"},
        ],
    },
    {"key": "nhiem-vu", "label": "III", "title": "Nhiệm vụ trọng tâm 6 tháng cuối năm"},
]


def _at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=LOCAL)


def _template(code: str, name: str, owner: str, sections, indicators) -> ReportTemplate:
    existing = ReportTemplate.objects.filter(code=code).order_by("-version").first()
    if existing:
        return existing
    return services.create_template(
        SYSTEM, OrgUnit.objects.get(code=owner), code, name, sections, indicators
    )


def _answer_from_file(actor, assignment, path: Path, moment: dt.datetime) -> None:
    """A unit answers with its Word/PDF/text file through the real import path: kept, read,
    proposals confirmed (those the matcher is sure of), then submitted."""
    with recorded_at(moment):
        job = import_services.start_import(actor, assignment.pk, path.read_bytes(), path.name)
        job = import_services.process_job(job.pk)
        sections, proposals = import_selectors.confirmation_rows(job)
        accepted = {p["key"]: str(p["value"]) for p in proposals if p["confidence"] >= SURE}
        texts = {s["key"]: s["text"] for s in sections if s["text"]}
        submission = assignment.submission
        submission.refresh_from_db()
        import_services.confirm_import(actor, job.pk, submission.version, accepted, texts)
        submission.refresh_from_db()
        content = reporting_selectors.current_content(submission)
        services.submit(actor, submission.pk, submission.version, content.sections, content.values)


def can_tho_2019() -> None:
    title = "Báo cáo công tác dân vận 6 tháng đầu năm 2019"
    if ReportRequest.objects.filter(title=title, issuer__code="CT-BDVTU").exists():
        return
    template = _template(
        "cong-tac-dan-van-6-thang",
        "Đề cương báo cáo công tác dân vận 6 tháng",
        "CT-TU",
        CAN_THO_SECTIONS,
        ["dvk-tccs-duy-tri-mo-hinh", "tccs-dang-tong-so"],
    )
    with recorded_at(_at("2019-05-07", 14)):
        request = services.issue_request(
            get_user_model().objects.get(username="ct.dieuphoi"),
            issuer=OrgUnit.objects.get(code="CT-BDVTU"),
            title=title,
            template=template,
            period_code="2019S1",
            unit_codes=["CT-DUK", "CT-UBND", "CT-MTTQ"],
            deadline=dt.date(2019, 6, 10),
            grace_days=2,
            lock_date=dt.date(2019, 7, 15),
            regime="party",
            document=services.RequestDocument(
                "644-CV/BDVTU",
                dt.date(2019, 5, 7),
                "về việc báo cáo công tác dân vận 6 tháng đầu năm 2019",
            ),
        )
    seed = SEEDS / "cantho-dukhoi-dan-van-6t-2019.txt"
    assignment = request.assignments.get(unit__code="CT-DUK")
    submission = assignment.submission
    reporter = get_user_model().objects.get(username="ct.baocao")
    if seed.exists():
        _answer_from_file(reporter, assignment, seed, _at("2019-06-07", 15))
    else:
        # Without the shared samples beside the project the cycle is still there, its text short.
        with recorded_at(_at("2019-06-07", 15)):
            services.submit(
                reporter,
                submission.pk,
                submission.version,
                {"dac-diem": f"(Nội dung đầy đủ nằm trong tệp mẫu {seed.name}.)"},
                {"dvk-tccs-duy-tri-mo-hinh": "97", "tccs-dang-tong-so": "97"},
            )
    with recorded_at(_at("2019-06-12", 8)):
        services.accept_submission(
            get_user_model().objects.get(username="ct.dieuphoi"), submission.pk
        )


def da_nang_2022() -> None:
    title = "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
    if ReportRequest.objects.filter(title=title, issuer__code="DN-BDVTU").exists():
        return
    reported = {code.split(":")[0] for part in DA_NANG_PARTS.values() for code in part["values"]}
    indicator_codes = [row[0] for row in INDICATORS if row[0] in reported]
    template = _template(
        "phoi-hop-dan-van-6-thang",
        "Đề cương báo cáo Chương trình phối hợp công tác dân vận",
        "DN-TU",
        DA_NANG_SECTIONS,
        indicator_codes,
    )
    coordinator = get_user_model().objects.get(username="dn.dieuphoi")
    with recorded_at(_at("2022-05-20", 8)):
        request = services.issue_request(
            coordinator,
            issuer=OrgUnit.objects.get(code="DN-BDVTU"),
            title=title,
            template=template,
            period_code="2022S1",
            unit_codes=list(DA_NANG_PARTS),
            deadline=dt.date(2022, 6, 15),
            grace_days=0,
            lock_date=dt.date(2022, 7, 31),
            regime="state",
        )
    reporter = get_user_model().objects.get(username="dn.baocao")
    for code, part in DA_NANG_PARTS.items():
        submission = request.assignments.get(unit__code=code).submission
        actor = reporter if code == "DN-CATP" else SYSTEM
        with recorded_at(_at(part["submitted"], 10)):
            services.submit(
                actor, submission.pk, submission.version, part["sections"], part["values"]
            )
        if part.get("accepted"):
            with recorded_at(_at(part["submitted"], 16)):
                services.accept_submission(coordinator, submission.pk)


TW_SECTIONS = [
    {"key": "phoi-hop-trien-khai", "label": "I", "title": "Công tác phối hợp triển khai"},
    {"key": "ket-qua", "label": "II", "title": "Kết quả triển khai thực hiện"},
    {"key": "danh-gia", "label": "III", "title": "Đánh giá chung"},
    {"key": "phuong-huong", "label": "IV", "title": "Phương hướng, nhiệm vụ 6 tháng cuối năm"},
]


def central_2022() -> None:
    """Ban Dân vận Trung ương asks the city boards for the first half of 2022; the Đà Nẵng
    board answers with `danang-bdvtu-phoi-hop-6t-2022.txt` through the import path."""
    title = (
        "Báo cáo kết quả thực hiện các Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
    )
    seed = SEEDS / "danang-bdvtu-phoi-hop-6t-2022.txt"
    if (
        not seed.exists()
        or ReportRequest.objects.filter(title=title, issuer__code="TW-BDVTW").exists()
    ):
        return
    reported = {code.split(":")[0] for part in DA_NANG_PARTS.values() for code in part["values"]}
    template = _template(
        "phoi-hop-dan-van-tw",
        "Đề cương báo cáo Chương trình phối hợp công tác dân vận (Trung ương)",
        "TW",
        TW_SECTIONS,
        [row[0] for row in INDICATORS if row[0] in reported],
    )
    with recorded_at(_at("2022-05-25", 9)):
        request = services.issue_request(
            SYSTEM,
            issuer=OrgUnit.objects.get(code="TW-BDVTW"),
            title=title,
            template=template,
            period_code="2022S1",
            unit_codes=["DN-BDVTU"],
            deadline=dt.date(2022, 7, 10),
            grace_days=0,
            lock_date=dt.date(2022, 8, 31),
            regime="party",
        )
    _answer_from_file(
        SYSTEM, request.assignments.get(unit__code="DN-BDVTU"), seed, _at("2022-07-05", 10)
    )


def load_cycles() -> None:
    can_tho_2019()
    da_nang_2022()
    central_2022()
