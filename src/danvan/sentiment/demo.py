"""Demo data from the samples (idempotent: a second run finds everything and writes nothing).

- Cần Thơ, first half of 2019: section I ("Đặc điểm tình hình") of
  `samples/seeds/cantho-dukhoi-dan-van-6t-2019.txt` as signals of the bloc's units, so the
  report drafted for CT-DUK and 2019S1 covers it; two signals of late 2018 give a trend.
- Đà Nẵng: the three groups of long-running mass complaints of footnote 6 of
  `samples/seeds/danang-bdvtu-phoi-hop-6t-2022.txt` as issues with their history, and a few
  current signals of the city police.
"""

from __future__ import annotations

import datetime as dt

from danvan.accounts.permissions import SYSTEM
from danvan.orgs.models import OrgUnit

from . import hotspots, services
from .models import CollaboratorMeeting, Issue, LinkKind, Signal, SocialGroup, Topic

D = dt.date
CBDV = "cbdv-nld"

# unit, day, channel, topic, direction, spread, intensity, text
CAN_THO_2019 = [
    (
        "CT-DUK-VPTU",
        D(2019, 1, 25),
        "to_chuc_dang",
        "kinh-te-xa-hoi",
        "tan_thanh",
        "da_so",
        2,
        "CBĐV-NLĐ vui mừng với tình hình phát triển kinh tế - xã hội của thành phố; phấn khởi "
        "trước thành tựu 15 năm thành phố Cần Thơ trực thuộc Trung ương.",
    ),
    (
        "CT-DUK-BDVTU",
        D(2019, 2, 20),
        "giao_ban",
        "doi-ngoai",
        "tan_thanh",
        "da_so",
        2,
        "CBĐV-NLĐ rất phấn khởi trước các hoạt động đối ngoại của lãnh đạo Đảng và Nhà nước, "
        "thiết lập thêm các khuôn khổ hợp tác chiến lược, toàn diện.",
    ),
    (
        "CT-DUK-MTTQ",
        D(2019, 3, 12),
        "mttq_doan_the",
        "gia-ca",
        "tan_thanh",
        "nhieu",
        1,
        "Thu nhập từ lương, tiền thưởng, trợ cấp, phúc lợi xã hội có xu hướng tăng thêm, tạo tâm "
        "lý phấn khởi, an tâm công tác.",
    ),
    (
        "CT-DUK-BAOCT",
        D(2019, 3, 18),
        "mang_xa_hoi",
        "xau-doc",
        "ban_khoan",
        "nhieu",
        3,
        "CBĐV-NLĐ lo lắng trước hoạt động chống phá Đảng và Nhà nước của các thế lực thù địch "
        "phản động trên không gian mạng và những hiện tượng phi đạo đức truyền thống.",
    ),
    (
        "CT-DUK-VPTU",
        D(2019, 4, 2),
        "to_chuc_dang",
        "ton-giao",
        "ban_khoan",
        "mot_so",
        2,
        "Các hoạt động của nhóm tôn giáo cực đoan gây hoang mang dư luận, ảnh hưởng đến tư tưởng, "
        "tâm trạng xã hội của CBĐV-NLĐ.",
    ),
    (
        "CT-DUK-BAOCT",
        D(2019, 4, 26),
        "bao_chi",
        "an-toan-thuc-pham",
        "ban_khoan",
        "da_so",
        3,
        "Lo lắng về vệ sinh an toàn thực phẩm khi dịch tả heo Châu Phi xuất hiện; Cần Thơ là địa "
        "phương thứ 6 ở Đồng bằng sông Cửu Long có dịch tả heo Châu Phi.",
    ),
    (
        "CT-DUK-MTTQ",
        D(2019, 5, 8),
        "mttq_doan_the",
        "an-toan-thuc-pham",
        "ban_khoan",
        "nhieu",
        2,
        "Người lao động hỏi về nguồn thịt heo an toàn, mong có thông tin kịp thời về dịch tả heo "
        "Châu Phi.",
    ),
    (
        "CT-DUK-BDVTU",
        D(2019, 5, 14),
        "giao_ban",
        "moi-truong",
        "ban_khoan",
        "nhieu",
        2,
        "Băn khoăn về tình trạng vệ sinh môi trường ở một số khu dân cư.",
    ),
    (
        "CT-DUK-VPTU",
        D(2019, 5, 21),
        "giao_ban",
        "an-ninh",
        "ban_khoan",
        "mot_so",
        2,
        "Lo ngại tình trạng mất an ninh trật tự và tình hình khiếu nại, khiếu kiện.",
    ),
    (
        "CT-DUK-BAOCT",
        D(2019, 6, 4),
        "bao_chi",
        "giao-thong",
        "phan_doi",
        "nhieu",
        3,
        "Tai nạn và ùn tắc giao thông ngày càng nghiêm trọng; bức xúc về tình hình trạm thu phí "
        "BOT T2 trên QL91.",
    ),
    (
        "CT-DUK-MTTQ",
        D(2019, 6, 11),
        "ctv_dlxh",
        "giao-thong",
        "phan_doi",
        "nhieu",
        3,
        "Người dân đi lại qua trạm thu phí BOT T2 QL91 phản đối mức thu phí và vị trí đặt trạm.",
    ),
]
CAN_THO_2018 = [
    (
        "CT-DUK-BAOCT",
        D(2018, 11, 6),
        "bao_chi",
        "giao-thong",
        "phan_doi",
        "mot_so",
        2,
        "Ý kiến về ùn tắc giao thông và trạm thu phí BOT T2 QL91 giờ cao điểm.",
    ),
    (
        "CT-DUK-VPTU",
        D(2018, 12, 3),
        "mang_xa_hoi",
        "xau-doc",
        "ban_khoan",
        "mot_so",
        2,
        "Thông tin xấu độc trên mạng xã hội xuyên tạc chủ trương sắp xếp tổ chức bộ máy.",
    ),
]
# The Đà Nẵng police's current signals (a restricted one with a named source).
DA_NANG_NOW = [
    (
        "DN-CATP",
        D(2026, 10, 14),
        "giao_ban",
        "chinh-quyen",
        "ban_khoan",
        "nhieu",
        2,
        "Người dân phường Hòa Xuân băn khoăn về thời gian giải quyết thủ tục đất đai sau khi vận "
        "hành chính quyền hai cấp.",
    ),
    (
        "DN-CATP",
        D(2026, 11, 5),
        "mang_xa_hoi",
        "xau-doc",
        "phan_doi",
        "mot_so",
        2,
        "Một số tài khoản mạng xã hội đăng tin sai sự thật về việc thu hồi đất ở khu vực Cồn Dầu.",
    ),
]
DA_NANG_ISSUES = [
    (
        "Nhóm vụ việc khiếu nại của một số hộ dân ở khu vực Cồn Dầu",
        "Cồn Dầu, phường Hòa Xuân",
        D(2019, 4, 4),
        "482/TTCP-BTCDTW",
        [
            (
                D(2019, 4, 10),
                "Thanh tra Chính phủ có Công văn số 482/TTCP-BTCDTW ngày 04/4/2019; "
                "thành phố rà soát, đề xuất phương án giải quyết.",
                "dang_xu_ly",
            ),
            (
                D(2022, 3, 15),
                "Chủ tịch UBND thành phố chỉ đạo Thanh tra thành phố chủ trì, phối hợp "
                "các sở, ban, ngành, địa phương kiểm tra, rà soát để giải quyết dứt điểm.",
                "dang_xu_ly",
            ),
        ],
    ),
    (
        "Nhóm 13/24 vụ việc khiếu nại kéo dài theo Công văn số 482/TTCP-BTCDTW",
        "thành phố Đà Nẵng",
        D(2019, 4, 4),
        "482/TTCP-BTCDTW",
        [
            (
                D(2022, 5, 20),
                "Thành phố rà soát và đề xuất phương án giải quyết 13/24 vụ việc theo "
                "Công văn số 482/TTCP-BTCDTW của Thanh tra Chính phủ.",
                "dang_xu_ly",
            )
        ],
    ),
    (
        "Nhóm 11 vụ việc khiếu nại riêng lẻ phức tạp, kéo dài theo Kế hoạch số 363/KH-TTCP",
        "thành phố Đà Nẵng",
        D(2019, 3, 20),
        "363/KH-TTCP",
        [
            (
                D(2022, 6, 10),
                "UBND thành phố xem xét, giải quyết các vụ việc theo đúng quy định của "
                "pháp luật; không để xảy ra điểm nóng về khiếu nại, tố cáo.",
                "on_dinh",
            )
        ],
    ),
]


def _signal(row) -> tuple[Signal, bool]:
    code, day, channel, topic, direction, spread, intensity, text = row
    unit = OrgUnit.objects.get(code=code)
    found = Signal.objects.filter(unit=unit, observed_on=day, text=text).first()
    if found:
        return found, False
    groups = SocialGroup.objects.filter(code=CBDV) if code.startswith("CT-") else []
    return services.record_signal(
        SYSTEM,
        unit=unit,
        observed_on=day,
        channel=channel,
        topic=Topic.objects.get(code=topic),
        direction=direction,
        spread=spread,
        intensity=intensity,
        text=text,
        groups=groups,
    ), True


def load() -> dict[str, int]:
    created = sum(_signal(row)[1] for row in CAN_THO_2018 + CAN_THO_2019 + DA_NANG_NOW)
    duk = OrgUnit.objects.get(code="CT-DUK")
    if not CollaboratorMeeting.objects.filter(unit=duk).exists():
        services.add_collaborator(SYSTEM, unit=duk, name="Trần Văn Minh", note="CTV khối cơ quan")
        services.record_meeting(
            SYSTEM,
            unit=duk,
            held_on=D(2019, 6, 20),
            attendees=18,
            summary="Hội nghị cộng tác viên dư luận xã hội 6 tháng đầu năm 2019.",
        )
    police = OrgUnit.objects.get(code="DN-CATP")
    if not Signal.objects.filter(unit=police, restricted=True).exists():
        services.record_signal(
            SYSTEM,
            unit=police,
            observed_on=D(2026, 11, 20),
            channel="ctv_dlxh",
            topic=Topic.objects.get(code="an-ninh"),
            direction="ban_khoan",
            spread="mot_so",
            text="Tin báo về việc tụ tập đông người dự kiến tại khu vực Cồn Dầu.",
            source_name="Nguyễn Văn An (tổ trưởng tổ dân phố)",
            restricted=True,
        )
    issues = _can_tho_issue() + _da_nang_issues()
    return {"signals": created, "issues": issues}


def _can_tho_issue() -> int:
    title = "Bức xúc về trạm thu phí BOT T2 trên Quốc lộ 91"
    if Issue.objects.filter(title=title).exists():
        return 0
    duk = OrgUnit.objects.get(code="CT-DUK")
    bot = Signal.objects.filter(unit__path__startswith=duk.path, text__contains="BOT T2")
    hotspots.open_issue(
        SYSTEM,
        unit=duk,
        title=title,
        topic=Topic.objects.get(code="giao-thong"),
        opened_on=D(2019, 6, 4),
        level="nguy_co",
        status="dang_xu_ly",
        area="Quốc lộ 91",
        lead_agency="Sở Giao thông vận tải thành phố",
        signals=list(bot),
        description="Nhiều ý kiến phản đối vị trí và mức thu phí của trạm BOT T2.",
    )
    return 1


def _da_nang_issues() -> int:
    ubnd = OrgUnit.objects.get(code="DN-UBND")
    land = Topic.objects.get(code="dat-dai")
    made = 0
    for title, area, opened, reference, actions in DA_NANG_ISSUES:
        if Issue.objects.filter(title=title).exists():
            continue
        issue = hotspots.open_issue(
            SYSTEM,
            unit=ubnd,
            title=title,
            topic=land,
            opened_on=opened,
            level="nguy_co",
            status="moi",
            area=area,
            lead_agency="Thanh tra thành phố",
            description="Vụ việc khiếu nại đông người, phức tạp, kéo dài.",
        )
        hotspots.add_link(
            SYSTEM,
            issue,
            kind=LinkKind.MASS_COMPLAINT,
            reference=reference,
            label="Vụ việc khiếu nại đông người, phức tạp, kéo dài",
        )
        for day, text, status in actions:
            hotspots.record_action(
                SYSTEM,
                issue,
                date=day,
                text=text,
                level="nguy_co",
                status=status,
                actor_name="UBND thành phố",
            )
        made += 1
    return made
