"""Demo data: Đà Nẵng, first half of 2022 (the sample `danang-bdvtu-phoi-hop-6t-2022.txt`):
the People's Committee's forms carrying the sample's reception and petition figures, the
Police's reception form, a Party secretary's reception sessions with a conclusion notice
and its tasks, the three groups of long-running complaints of the sample's footnote 6 as
complex cases, and current cases (one complaint paused and resumed, one denunciation
extended) so that clocks run today. Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime as dt

from danvan.accounts.permissions import SYSTEM
from danvan.orgs.models import OrgUnit

from . import cases, hotspots, services
from .models import FormReport, Petition, ReceptionSession

D = dt.date
WINDOW = (D(2021, 12, 15), D(2022, 6, 14))  # 6 tháng đầu năm 2022, state data window

UBND_FORMS = {
    "01/TCD": {
        "tong_luot": 1868, "tong_nguoi": 1817, "tong_vv": 1832,
        "tx_luot": 1521, "tx_nguoi": 1458, "tx_vv_dau": 1190, "tx_vv_nhieu": 301,
        "tx_doan": 21, "tx_doan_nguoi": 163, "tx_doan_vv_dau": 15, "tx_doan_vv_nhieu": 6,
        "tt_ky": 96, "tt_luot": 302, "tt_nguoi": 311, "tt_vv_dau": 270, "tt_vv_nhieu": 28,
        "tt_doan": 2, "tt_doan_nguoi": 14, "tt_doan_vv_dau": 1, "tt_doan_vv_nhieu": 1,
        "uq_ky": 18, "uq_luot": 45, "uq_nguoi": 48, "uq_vv_dau": 40, "uq_vv_nhieu": 3,
    },
    "01/XLD": {
        "tong": 2403, "ky_truoc": 58, "trong_ky": 2345, "da_xu_ly": 2379, "chua_xu_ly": 24,
        "kn": 123, "tc": 107, "knpa": 2173, "tq_kn": 15, "tq_tc": 8, "tq_knpa": 1204,
        "huong_dan": 612, "chuyen_don": 398, "don_doc": 24, "luu_don": 118,
    },
    "01/KQGQ": {
        "phai_gq": 31, "ky_truoc": 16, "trong_ky": 15, "da_gq": 20, "bang_qd": 11,
        "rut_don": 9, "dung": 3, "sai": 6, "dung_mot_phan": 2, "dung_han": 18, "qua_han": 2,
    },
    "03/KQGQ": {
        "phai_gq": 12, "ky_truoc": 4, "trong_ky": 8, "da_gq": 9, "ket_luan": 6, "rut_don": 3,
        "sai": 4, "co_dung_co_sai": 2, "dung_han": 9,
    },
}  # fmt: skip
POLICE_TCD = {
    "tong_luot": 214, "tong_nguoi": 231, "tong_vv": 209,
    "tx_luot": 180, "tx_nguoi": 190, "tx_vv_dau": 160, "tx_vv_nhieu": 18,
    "tx_doan": 2, "tx_doan_nguoi": 12, "tx_doan_vv_dau": 2,
    "tt_ky": 12, "tt_luot": 34, "tt_nguoi": 41, "tt_vv_dau": 29, "tt_vv_nhieu": 2,
    "tt_doan": 1, "tt_doan_nguoi": 7, "tt_doan_vv_dau": 1,
}  # fmt: skip

HOT_SPOTS = [
    ("DN-2019-CD", D(2019, 4, 8), "Nhóm vụ việc của một số hộ dân ở khu vực Cồn Dầu, phường Hòa Xuân, quận Cẩm Lệ (khiếu nại về bồi thường, tái định cư)", 24),
    ("DN-2019-482", D(2019, 4, 15), "Nhóm 13/24 vụ việc khiếu nại kéo dài do thành phố rà soát và đề xuất phương án giải quyết theo Công văn số 482/TTCP-BTCDTW ngày 04/4/2019 của Thanh tra Chính phủ", 13),
    ("DN-2019-363", D(2019, 4, 22), "Nhóm 11 vụ việc khiếu nại riêng lẻ phức tạp, kéo dài theo Kế hoạch số 363/KH-TTCP ngày 20/3/2019 của Thanh tra Chính phủ", 11),
]  # fmt: skip


# The people's situation register's issues for the same groups (its demo loads first).
ISSUE_WORDS = {"DN-2019-CD": "Cồn Dầu", "DN-2019-482": "13/24", "DN-2019-363": "363/KH-TTCP"}


def _link_issue(petition: Petition, words: str) -> None:
    issue = hotspots.unit_issues(petition.unit).filter(title__contains=words).first()
    if issue is not None:
        hotspots.link(SYSTEM, petition=petition, issue=issue)


def _forms(unit: OrgUnit, forms: dict) -> int:
    created = 0
    for code, values in forms.items():
        _, new = FormReport.objects.get_or_create(
            unit=unit, form=code, date_from=WINDOW[0], date_to=WINDOW[1],
            defaults={"values": values},
        )  # fmt: skip
        created += new
    return created


def _secretary_sessions(party: OrgUnit, ubnd: OrgUnit) -> int:
    if ReceptionSession.objects.filter(unit=party, host_name="Nguyễn Văn Quảng").exists():
        return 0
    first = services.create_session(
        SYSTEM, unit=party, date=D(2022, 3, 15), host_name="Nguyễn Văn Quảng",
        host_role="bi_thu", kind="dinh_ky", place="Trụ sở Tiếp công dân thành phố",
        party_rule=True,
    )  # fmt: skip
    services.add_entry(
        SYSTEM, session=first, visitor_name="Trần Văn Minh", visitor_address="Hòa Xuân, Cẩm Lệ",
        identity_number="048079001234", kind="khieu_nai", people=6, repeat=True,
        summary="Đề nghị xem xét lại giá bồi thường, bố trí đất tái định cư khu vực Cồn Dầu",
        handled_by="UBND quận Cẩm Lệ", routing="chuyen_don", routing_to="UBND thành phố",
        routing_document="112/BTCD-TH",
    )  # fmt: skip
    services.add_entry(
        SYSTEM, session=first, visitor_name="Lê Thị Hạnh", visitor_address="Thanh Khê",
        identity_number="048185004321", kind="kien_nghi",
        summary="Kiến nghị giải quyết chế độ chính sách người có công với cách mạng",
        routing="huong_dan", routing_to="Sở Lao động - Thương binh và Xã hội",
    )  # fmt: skip
    services.set_conclusion(SYSTEM, session=first, symbol="45-TB/TU", date=D(2022, 3, 18))
    services.add_task(
        SYSTEM, session=first, unit=ubnd, due=D(2022, 4, 30),
        title="Rà soát hồ sơ bồi thường các hộ dân khu vực Cồn Dầu, báo cáo Thường trực Thành ủy",
    )  # fmt: skip
    task = first.tasks.get()
    services.complete_task(
        SYSTEM, task=task, done_on=D(2022, 4, 28),
        result="UBND thành phố đã báo cáo bằng văn bản số 1520/UBND-TTTP",
    )  # fmt: skip
    second = services.create_session(
        SYSTEM, unit=party, date=D(2022, 5, 17), host_name="Nguyễn Văn Quảng",
        host_role="bi_thu", kind="dot_xuat", place="Trụ sở Tiếp công dân thành phố",
        party_rule=True,
    )  # fmt: skip
    services.add_entry(
        SYSTEM, session=second, visitor_name="Phan Văn Tài", visitor_address="Liên Chiểu",
        kind="to_cao", summary="Tố cáo cán bộ phường có dấu hiệu sai phạm trong cấp giấy chứng nhận quyền sử dụng đất",
        routing="chuyen_don", routing_to="Ủy ban Kiểm tra Thành ủy", routing_document="130/BTCD-TH",
    )  # fmt: skip
    return 2


def _cases(ubnd: OrgUnit) -> int:
    created = 0
    for reference, received, summary, people in HOT_SPOTS:
        if Petition.objects.filter(unit=ubnd, reference=reference).exists():
            continue
        petition = cases.create_petition(
            SYSTEM, unit=ubnd, reference=reference, received_on=received, kind="khieu_nai",
            summary=summary, people=people, hot_spot="Điểm nóng khiếu nại đông người, kéo dài",
        )  # fmt: skip
        cases.add_event(
            SYSTEM, petition=petition, kind="thu_ly", date=received + dt.timedelta(days=7),
            routing="thu_ly", complex_case=True, document=f"TL-{reference}",
            justification="Nhiều người khiếu nại, nhiều cơ quan có trách nhiệm, vụ việc kéo dài.",
        )  # fmt: skip
        _link_issue(petition, ISSUE_WORDS[reference])
        created += 1
    if not Petition.objects.filter(unit=ubnd, reference="KN-2026-118").exists():
        complaint = cases.create_petition(
            SYSTEM, unit=ubnd, reference="KN-2026-118", received_on=D(2026, 9, 7),
            kind="khieu_nai", petitioner="Hồ Thị Lan",
            summary="Khiếu nại quyết định thu hồi đất để mở rộng đường Nguyễn Tất Thành",
        )  # fmt: skip
        for kind, day, doc in (
            ("thu_ly", D(2026, 9, 14), "TL-118/QĐ-UBND"),
            ("tam_dinh_chi", D(2026, 10, 1), "205/QĐ-UBND"),
            ("tiep_tuc", D(2026, 10, 20), "231/QĐ-UBND"),
        ):
            cases.add_event(
                SYSTEM, petition=complaint, kind=kind, date=day, document=doc, routing="thu_ly",
                justification="Chờ kết quả giám định đo đạc." if kind == "tam_dinh_chi" else "",
            )  # fmt: skip
        denunciation = cases.create_petition(
            SYSTEM, unit=ubnd, reference="TC-2026-041", received_on=D(2026, 9, 21),
            kind="to_cao", petitioner="(giữ bí mật)",
            summary="Tố cáo cán bộ địa chính phường nhận tiền để hợp thức hóa hồ sơ đất đai",
        )  # fmt: skip
        cases.add_event(
            SYSTEM, petition=denunciation, kind="thu_ly", date=D(2026, 9, 28), routing="thu_ly",
            document="TL-041/QĐ-UBND",
        )  # fmt: skip
        cases.add_event(
            SYSTEM, petition=denunciation, kind="gia_han", date=D(2026, 10, 26),
            document="250/QĐ-UBND", justification="Nội dung tố cáo liên quan nhiều lĩnh vực, cần xác minh tại nhiều nơi.",
        )  # fmt: skip
        cases.create_petition(
            SYSTEM, unit=ubnd, reference="KNPA-2026-377", received_on=D(2026, 11, 26),
            kind="kien_nghi", people=7,
            summary="Đoàn đông người kiến nghị về ô nhiễm môi trường tại khu công nghiệp Hòa Khánh",
        )  # fmt: skip
        created += 3
    return created


def load_demo() -> dict[str, int]:
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=["DN-UBND", "DN-CATP", "DN-TU"])}
    if len(units) < 3:
        return {"petitions": 0}
    forms = _forms(units["DN-UBND"], UBND_FORMS) + _forms(units["DN-CATP"], {"01/TCD": POLICE_TCD})
    sessions = _secretary_sessions(units["DN-TU"], units["DN-UBND"])
    created = _cases(units["DN-UBND"])
    return {"forms": forms, "sessions": sessions, "petitions": created}
