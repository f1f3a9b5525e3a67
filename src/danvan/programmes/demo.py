"""Demo: the four Đà Nẵng coordination programmes of 2021–2025/2026 (the board with the People's
Committee, the Military Command, the Police and the Border Guard) under the central programmes
the sample cites (03-CTr/BDVTW-BCSĐCP, 04-CTr/BDVTW-TCCT, 05-CTr/BDVTW-BCA), their 2022 plans
and commitments, the 2022S1 review whose answers are the demo's 2022 partner reports (the
request of `demo/cycles.py`, adopted: a second 2022S1 request to the same units would count
their figures twice in every roll-up), each party's progress built from its report, and, after
the 2025 merger, the second-half 2025 plan the new Ban Tuyên giáo và Dân vận signed with the
Military Command. Numbers and dates of the city's own programmes and plans are assumptions
(the sample gives none); loaded once, a second run changes nothing."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.accounts.permissions import SYSTEM
from danvan.orgs import interchange
from danvan.orgs import services as org_services
from danvan.orgs.models import OrgUnit
from danvan.registry.services import register_document
from danvan.reporting.models import ReportRequest

from . import review, review_scope
from .models import (
    Commitment,
    ContentArea,
    Instrument,
    InstrumentKind,
    InstrumentState,
    Party,
    PartyRole,
    ReviewKind,
)

REQUEST_TITLE = (
    "Báo cáo kết quả thực hiện Chương trình phối hợp công tác dân vận 6 tháng đầu năm 2022"
)
CENTRAL = [
    (
        "03-CTr/BDVTW-BCSĐCP",
        dt.date(2021, 12, 15),
        "giữa Ban Dân vận Trung ương và Ban cán sự đảng Chính phủ về công tác dân vận, giai "
        "đoạn 2021-2026",
    ),
    (
        "04-CTr/BDVTW-TCCT",
        dt.date(2022, 1, 22),
        "giữa Ban Dân vận Trung ương và Tổng cục Chính trị Quân đội nhân dân Việt Nam giai "
        "đoạn 2022-2026",
    ),
    (
        "05-CTr/BDVTW-BCA",
        dt.date(2022, 4, 14),
        "về phối hợp thực hiện công tác dân vận giữa Ban Dân vận Trung ương và Bộ Công an giai "
        "đoạn 2022-2026",
    ),
]
PARTNER_UNITS = [
    ("DN-UBND", "Ủy ban nhân dân thành phố Đà Nẵng", "peoples_committee", "UBND"),
    ("DN-BCHQS", "Bộ Chỉ huy Quân sự thành phố Đà Nẵng", "military", "BCHQS"),
    ("DN-CATP", "Công an thành phố Đà Nẵng", "police", "CATP"),
    ("DN-BDBP", "Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng", "border_guard", "BĐBP"),
]
GOVERNMENT = "Ủy ban nhân dân thành phố"
ARMED = "Lực lượng vũ trang"
# unit, programme symbol, signed, valid to, central basis, group, plan symbol, signer
PROGRAMMES = [
    (
        "DN-UBND",
        "05-CTr/BDVTU-BCSĐUBND",
        dt.date(2021, 6, 10),
        dt.date(2025, 12, 31),
        "03-CTr/BDVTW-BCSĐCP",
        GOVERNMENT,
        "12-KH/BDVTU-BCSĐUBND",
        ("Lê Trung Chinh", "Chủ tịch UBND thành phố"),
    ),
    (
        "DN-BCHQS",
        "06-CTr/BDVTU-BCHQS",
        dt.date(2021, 9, 15),
        dt.date(2026, 12, 31),
        "04-CTr/BDVTW-TCCT",
        ARMED,
        "13-KH/BDVTU-BCHQS",
        ("", "Chỉ huy trưởng Bộ Chỉ huy Quân sự thành phố"),
    ),
    (
        "DN-CATP",
        "07-CTr/BDVTU-CATP",
        dt.date(2021, 10, 20),
        dt.date(2026, 12, 31),
        "05-CTr/BDVTW-BCA",
        ARMED,
        "14-KH/BDVTU-CATP",
        ("", "Giám đốc Công an thành phố"),
    ),
    (
        "DN-BDBP",
        "08-CTr/BDVTU-BĐBP",
        dt.date(2021, 11, 10),
        dt.date(2026, 12, 31),
        "04-CTr/BDVTW-TCCT",
        ARMED,
        "15-KH/BDVTU-BĐBP",
        ("", "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng thành phố"),
    ),
]
# unit: [(area, content, period, due, lead is the partner, status, narrative)]
COMMITMENTS = {
    "DN-UBND": [
        (
            "dvcq-qcdc",
            "Tăng cường, đổi mới công tác dân vận của các cơ quan hành chính nhà nước",
            "2022S1",
            dt.date(2022, 6, 30),
            "hoan_thanh",
            "Ban hành Chỉ thị số 02/CT-UBND ngày 12/01/2022; duy trì cơ chế một cửa ở cả ba cấp.",
        ),
        (
            "khieu-nai-diem-nong",
            "Tiếp công dân, giải quyết khiếu nại, tố cáo, không để phát sinh điểm nóng",
            "2022",
            dt.date(2022, 12, 31),
            "dang_thuc_hien",
            "Tiếp 1.868 lượt/1.817 người; thụ lý giải quyết 43 đơn thuộc thẩm quyền.",
        ),
        (
            "an-sinh-xa-hoi",
            "Chăm lo Tết Nguyên đán Nhâm Dần cho hộ nghèo, cận nghèo, bảo trợ xã hội",
            "2022S1",
            dt.date(2022, 2, 28),
            "hoan_thanh",
            "Hỗ trợ 51.919 đối tượng với tổng kinh phí hơn 26 tỷ đồng.",
        ),
    ],
    "DN-BCHQS": [
        (
            "tuyen-truyen",
            "Tuyên truyền quốc phòng toàn dân trên báo chí, truyền hình",
            "2022",
            dt.date(2022, 12, 31),
            "dang_thuc_hien",
            "Phát 22 chuyên mục truyền hình, 161 tin bài.",
        ),
        (
            "dvcq-qcdc",
            "Tổ chức đối thoại dân chủ với cán bộ, chiến sĩ",
            "2022S1",
            dt.date(2022, 6, 30),
            "hoan_thanh",
            "Tổ chức 26 lượt đối thoại dân chủ.",
        ),
    ],
    "DN-CATP": [
        (
            "an-ninh-trat-tu",
            "Xây dựng Quy chế dân vận của lực lượng công an thành phố",
            "2022S1",
            dt.date(2022, 4, 30),
            "hoan_thanh",
            "Ban hành Quyết định số 81-QĐ/ĐUCA ngày 29/4/2022.",
        ),
        (
            "nam-tinh-hinh",
            "Trao đổi thông tin về tình hình Nhân dân, an ninh trật tự với Ban Dân vận Thành ủy",
            "2022S1",
            dt.date(2022, 6, 15),
            "cham",
            "Thông tin còn có lúc chưa kịp thời.",
        ),
        (
            "tuyen-truyen",
            "Tuyên truyền phòng, chống tội phạm, phong trào toàn dân bảo vệ an ninh Tổ quốc",
            "2022",
            dt.date(2022, 12, 31),
            "dang_thuc_hien",
            "Đăng tải 8.692 tin, bài trên các trang thông tin điện tử.",
        ),
    ],
    "DN-BDBP": [
        (
            "bien-gioi-bien-dao",
            "Tuyên truyền Luật Biên phòng Việt Nam, vận động ngư dân chống khai thác IUU",
            "2022S1",
            dt.date(2022, 6, 30),
            "hoan_thanh",
            "Tổ chức 115 buổi/12.745 lượt người tham gia.",
        ),
        (
            "an-sinh-xa-hoi",
            "Củng cố, xây dựng tổ tàu thuyền đoàn kết an toàn",
            "2022",
            dt.date(2022, 12, 31),
            "dang_thuc_hien",
            "Củng cố, xây dựng 141 tổ tàu thuyền đoàn kết an toàn.",
        ),
    ],
}


def _ensure_partner_units() -> None:
    missing = [row for row in PARTNER_UNITS if not OrgUnit.objects.filter(code=row[0]).exists()]
    if not missing or not OrgUnit.objects.filter(code="DN-TU").exists():
        return
    rows = [
        {
            "code": code,
            "name": name,
            "short_name": "",
            "kind": kind,
            "issuer_code": issuer,
            "parent_code": "DN-TU",
            "valid_from": "1997-01-01",
            "valid_to": "",
            "note": "",
        }
        for code, name, kind, issuer in missing
    ]
    units, successions = interchange.from_data({"units": rows, "successions": []})
    org_services.import_units(SYSTEM, units, successions)


def _instrument(kind, symbol, signed, valid_from, valid_to, title, owner, parent=None, state=None):
    return Instrument.objects.create(
        kind=kind,
        symbol=symbol,
        number=symbol.split("-")[0],
        type_code=symbol.split("/")[0].split("-", 1)[1],
        issuer_code=symbol.split("/", 1)[1],
        title=title,
        signed_on=signed,
        valid_from=valid_from,
        valid_to=valid_to,
        parent=parent,
        state=state or InstrumentState.HIEU_LUC,
        owner=owner,
    )


def _parties(instrument, board, partner, group, signer) -> tuple[Party, Party]:
    ours = Party.objects.create(
        instrument=instrument,
        unit=board,
        role=PartyRole.THUONG_TRUC,
        signer_name="Mai Thị Thu" if board.code == "DN-BDVTU" else "",
        signer_title="Phó Trưởng Ban Dân vận Thành ủy" if board.code == "DN-BDVTU" else "",
        group="",
        order=0,
    )
    theirs = Party.objects.create(
        instrument=instrument,
        unit=partner,
        role=PartyRole.KY_KET,
        signer_name=signer[0],
        signer_title=signer[1],
        group=group,
        order=1,
    )
    return ours, theirs


# The catalogue's areas the demo uses (seeded by migration 0002; again here after a flush).
AREAS = {
    "tuyen-truyen": "Tuyên truyền, vận động Nhân dân",
    "dvcq-qcdc": "Dân vận chính quyền và thực hiện dân chủ ở cơ sở",
    "dan-van-kheo": "Thi đua “Dân vận khéo”",
    "an-ninh-trat-tu": "An ninh trật tự, phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "bien-gioi-bien-dao": "Biên giới, biển đảo",
    "nam-tinh-hinh": "Nắm tình hình và trao đổi thông tin",
    "khieu-nai-diem-nong": "Giải quyết khiếu nại, tố cáo và điểm nóng",
    "an-sinh-xa-hoi": "An sinh xã hội",
}
AREA_ORDER = list(AREAS)


def _areas() -> dict[str, ContentArea]:
    return {
        code: ContentArea.objects.get_or_create(
            code=code, defaults={"name": name, "order": AREA_ORDER.index(code) + 1}
        )[0]
        for code, name in AREAS.items()
    }


def _programmes(board: OrgUnit, central: dict) -> list[tuple[Instrument, str]]:
    areas = _areas()
    made = []
    for code, symbol, signed, valid_to, basis, group, plan_symbol, signer in PROGRAMMES:
        partner = OrgUnit.objects.get(code=code)
        ended = valid_to < dt.date(2026, 1, 1)
        programme = _instrument(
            InstrumentKind.CHUONG_TRINH,
            symbol,
            signed,
            signed,
            valid_to,
            f"Chương trình phối hợp công tác dân vận giữa Ban Dân vận Thành ủy và "
            f"{partner.short_name or partner.name} giai đoạn {signed.year} - {valid_to.year}",
            board,
            state=InstrumentState.HET_HIEU_LUC if ended else InstrumentState.HIEU_LUC,
        )
        programme.based_on.add(central[basis])
        _parties(programme, board, partner, group, signer)
        plan = _instrument(
            InstrumentKind.KE_HOACH_NAM,
            plan_symbol,
            dt.date(2022, 1, 20),
            dt.date(2022, 1, 1),
            dt.date(2022, 12, 31),
            f"Kế hoạch phối hợp công tác dân vận năm 2022 giữa Ban Dân vận Thành ủy và "
            f"{partner.short_name or partner.name}",
            board,
            parent=programme,
            state=InstrumentState.HET_HIEU_LUC,
        )
        ours, theirs = _parties(plan, board, partner, group, signer)
        for order, (area, content, period, due, _, _) in enumerate(COMMITMENTS[code]):
            commitment = Commitment.objects.create(
                plan=plan,
                content_area=areas[area],
                content=content,
                lead=theirs,
                period_code=period,
                due_on=due,
                evidence_expected="Văn bản, báo cáo của đơn vị chủ trì",
                order=order,
            )
            commitment.partners.add(ours)
        made.append((programme, code))
    return made


def _after_the_merger(military: Instrument) -> None:
    """The new board (Ban Tuyên giáo và Dân vận) signs the 2025 second-half plan with the
    Military Command under the programme the old board signed."""
    new_board = OrgUnit.objects.filter(code="DN-BTGDVTU").first()
    if new_board is None:
        return
    plan = _instrument(
        InstrumentKind.KE_HOACH_6_THANG,
        "21-KH/BTGDVTU-BCHQS",
        dt.date(2025, 7, 15),
        dt.date(2025, 7, 1),
        dt.date(2025, 12, 31),
        "Kế hoạch phối hợp 6 tháng cuối năm 2025 giữa Ban Tuyên giáo và Dân vận Thành ủy và Bộ "
        "Chỉ huy Quân sự thành phố về trao đổi thông tin, tuyên truyền, đẩy mạnh “Dân vận khéo”",
        new_board,
        parent=military,
        state=InstrumentState.HET_HIEU_LUC,
    )
    ours, theirs = _parties(
        plan, new_board, OrgUnit.objects.get(code="DN-BCHQS"), ARMED, PROGRAMMES[1][7]
    )
    commitment = Commitment.objects.create(
        plan=plan,
        content_area=_areas()["dan-van-kheo"],
        content="Xây dựng, nhân rộng mô hình “Dân vận khéo” trong lực lượng vũ trang",
        lead=theirs,
        period_code="2025S2",
        due_on=dt.date(2025, 12, 15),
        order=0,
    )
    commitment.partners.add(ours)


def _progress(request: ReportRequest) -> int:
    saved = 0
    for assignment in request.assignments.select_related("unit"):
        statuses = {
            content: (status, text)
            for _, content, _, _, status, text in COMMITMENTS.get(assignment.unit.code, [])
        }
        rows = {}
        for commitment, _, _ in review_scope.unit_commitments(assignment):
            status, text = statuses.get(commitment.content, ("dang_thuc_hien", ""))
            rows[commitment.pk] = {"status": status, "narrative": text}
        if rows:
            saved += review.record_past_progress(SYSTEM, assignment_id=assignment.pk, rows=rows)
    return saved


def load_demo() -> dict[str, int]:
    board = OrgUnit.objects.filter(code="DN-BDVTU").first()
    request = ReportRequest.objects.filter(title=REQUEST_TITLE, issuer__code="DN-BDVTU").first()
    if board is None or Instrument.objects.filter(symbol=PROGRAMMES[0][1]).exists():
        return {"programmes": 0}
    with transaction.atomic():
        _ensure_partner_units()
        central = {
            symbol: register_document(
                SYSTEM,
                symbol,
                day,
                kind="Chương trình phối hợp",
                title=title,
                issued_by="Ban Dân vận Trung ương",
            )
            for symbol, day, title in CENTRAL
        }
        made = _programmes(board, central)
        _after_the_merger(next(p for p, code in made if code == "DN-BCHQS"))
        saved = 0
        if request is not None:
            review.adopt_request(
                SYSTEM,
                instruments=[p for p, _ in made],
                report_request=request,
                kind=ReviewKind.HALF_YEAR,
            )
            saved = _progress(request)
    return {"programmes": len(made), "progress": saved}
