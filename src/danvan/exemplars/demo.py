"""Demo data for the register: the Cần Thơ bloc's 97 grassroots Party organisations with their
"Dân vận khéo" models in the first half of 2019 (so the register computes the "97/97" the
sample report gives), and a few Đà Nẵng models across the 2025 reform with recognitions for
2021–2025. Running it twice changes nothing the second time."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from danvan.accounts.permissions import SYSTEM
from danvan.orgs import interchange
from danvan.orgs import services as org_services
from danvan.orgs.models import OrgUnit

from . import services
from .models import Authority, CriteriaSet, Entry, Status, StatusEvent
from .services import search_text_of

BAO_CAN_THO_MODEL = "Mô hình Dân vận khéo về An sinh xã hội năm 2019 của Đảng bộ Báo Cần Thơ"
INVENTED_NOTE = (
    "Đơn vị giả định cho dữ liệu mẫu: báo cáo 6 tháng đầu năm 2019 của Đảng ủy Khối ghi "
    "“97/97 tổ chức cơ sở đảng” nhưng không nêu tên; tên này được đặt ra để đủ 97 tổ chức."
)
INVENTED_COUNT = 93  # 97 in the report, 4 named in the demo unit tree
FIELDS = ["xay_dung_htct", "van_hoa_xa_hoi", "kinh_te", "quoc_phong_an_ninh"]
THEMES = [
    ("Cải cách hành chính, phục vụ Nhân dân", "xay_dung_htct", ["cai_cach_hanh_chinh"]),
    ("Xây dựng văn hóa công sở", "van_hoa_xa_hoi", []),
    ("Thực hành tiết kiệm, chống lãng phí", "kinh_te", []),
    ("Thực hiện Quy chế dân chủ ở cơ sở", "xay_dung_htct", []),
    ("Chung tay vì người nghèo", "van_hoa_xa_hoi", ["an_sinh_xa_hoi"]),
]


def _invented_units() -> list[dict]:
    return [
        {
            "code": f"CT-DUK-CB{n:02d}",
            "name": f"Chi bộ cơ sở cơ quan số {n:02d} (giả định)",
            "short_name": "",
            "kind": "grassroots_party",
            "issuer_code": "CB",
            "parent_code": "CT-DUK",
            "valid_from": "2004-01-01",
            "valid_to": "2025-01-31",
            "note": INVENTED_NOTE,
        }
        for n in range(1, INVENTED_COUNT + 1)
    ]


def _ensure_units() -> None:
    missing = [
        row for row in _invented_units() if not OrgUnit.objects.filter(code=row["code"]).exists()
    ]
    if missing:
        units, successions = interchange.from_data({"units": missing, "successions": []})
        org_services.import_units(SYSTEM, units, successions)


def _items(theme: str, unit_name: str) -> dict:
    return {
        "situation": f"Yêu cầu nâng cao chất lượng công tác dân vận tại {unit_name}; "
        "nội dung mẫu cho dữ liệu thử.",
        "goals": f"{theme}; 100% cán bộ, đảng viên, người lao động tham gia.",
        "content": "Chi bộ ra nghị quyết chuyên đề, phân công đảng viên phụ trách, sơ kết 6 tháng.",
        "area": f"Cơ quan {unit_name}",
        "forces_lead": f"Cấp ủy {unit_name} (chủ trì, lãnh đạo)",
        "forces_coordinating": "Công đoàn, Đoàn Thanh niên cơ quan (phối hợp vận động)",
        "forces_participating": "Cán bộ, đảng viên, người lao động (tham gia)",
        "resources": "Kinh phí công đoàn và đóng góp tự nguyện.",
        "milestones": "Đăng ký quý I; ra mắt quý II; sơ kết tháng 6 và tháng 12.",
        "expected_outputs": "Biên bản sơ kết, số lượt tham gia, số việc làm cụ thể.",
        "sustainability": "Duy trì hằng năm, nhân rộng ra các chi bộ trong Đảng bộ Khối.",
    }


def _can_tho() -> int:
    if Entry.objects.filter(name=BAO_CAN_THO_MODEL).exists():
        return 0
    grassroots = list(
        OrgUnit.objects.filter(parent__code="CT-DUK", kind="grassroots_party").order_by("code")
    )
    entries, plans = [], []
    for index, unit in enumerate(grassroots):
        if unit.code == "CT-DUK-BAOCT":
            name, field, tags = BAO_CAN_THO_MODEL, "van_hoa_xa_hoi", ["an_sinh_xa_hoi"]
            registered = dt.date(2019, 2, 15)
        else:
            theme, field, tags = THEMES[index % len(THEMES)]
            name = f"Mô hình “Dân vận khéo” {theme.lower()} của {unit.name}"
            # Older models from the 2017 guidance (07-HD/BDVTU), the rest registered in 2019.
            registered = dt.date(2017, 4, 1) if index % 3 == 0 else dt.date(2019, 3, 1)
        entry = Entry(
            kind="mo_hinh",
            subject="tap_the",
            name=name,
            owner_unit=unit,
            channel="chi_bo",
            field=field,
            tags=tags,
            start_date=registered,
            evaluation_date=dt.date(registered.year, 12, 15),
            status=Status.RUNNING,
            registered_on=registered,
            **_items(name, unit.name),
        )
        entry.search_text = search_text_of(entry)
        entries.append(entry)
        plans.append((registered, unit))
    Entry.objects.bulk_create(entries)
    events = []
    for entry, (registered, unit) in zip(entries, plans, strict=True):
        steps = [
            ("", Status.PLANNED, registered),
            (Status.PLANNED, Status.REGISTERED, registered),
            (Status.REGISTERED, Status.LAUNCHED, registered + dt.timedelta(days=30)),
            (Status.LAUNCHED, Status.RUNNING, registered + dt.timedelta(days=31)),
        ]
        events += [
            StatusEvent(entry=entry, from_status=a, status=b, at=at, by_unit=unit)
            for a, b, at in steps
        ]
    StatusEvent.objects.bulk_create(events)
    return len(entries)


def _dn_criteria() -> None:
    scope = OrgUnit.objects.filter(code="DN-TU").first()
    if scope is None:
        return
    CriteriaSet.objects.get_or_create(
        code="da-nang-2021",
        defaults={
            "name": "Tiêu chí mô hình, điển hình “Dân vận khéo” thành phố Đà Nẵng (giả định)",
            "source": "Giả định cho dữ liệu mẫu: bộ tiêu chí riêng của thành phố, yêu cầu đánh giá "
            "lại hằng năm, áp dụng từ 01/01/2021; thay bằng văn bản thật khi có.",
            "scope_unit": scope,
            "valid_from": dt.date(2021, 1, 1),
            "criteria": [
                "Có tên, địa chỉ cụ thể",
                "Gắn với sự lãnh đạo của cấp ủy",
                "Huy động được nhiều lực lượng cùng tham gia",
                "Giải quyết được vấn đề thực tế ở cơ sở",
                "Được Nhân dân đồng tình, ủng hộ",
                "Bền vững, có khả năng lan tỏa, nhân rộng",
                "Sáng tạo, tiết kiệm chi phí",
            ],
            "yearly_reassessment": True,
        },
    )


def _dn_entry(code, name, kind, subject, field, channel, registered, **extra):
    unit = OrgUnit.objects.get(code=code)
    data = {
        "kind": kind,
        "subject": subject,
        "channel": channel,
        "field": field,
        "name": name,
        "start_date": registered,
        "evaluation_date": registered + dt.timedelta(days=270),
        **_items(name, unit.name),
        **extra,
    }
    return services.create_entry(
        actor=SYSTEM, owner_unit=unit, data=data, register=True, at=registered
    )


def _run(entry, launched: dt.date) -> None:
    for target, at in (
        (Status.LAUNCHED, launched),
        (Status.RUNNING, launched + dt.timedelta(days=1)),
    ):
        services.change_status(actor=SYSTEM, entry=entry, target=target, at=at)


def _da_nang() -> int:
    first = "Mô hình “Dân vận khéo” vận động Nhân dân hiến đất mở rộng kiệt, hẻm"
    if (
        Entry.objects.filter(name=first).exists()
        or not OrgUnit.objects.filter(code="DN-TU").exists()
    ):
        return 0
    _dn_criteria()
    board_tk = OrgUnit.objects.get(code="DN-BDV-TK")
    city = OrgUnit.objects.get(code="DN-BTGDVTU")
    land = _dn_entry(
        "DN-QU-TK",
        first,
        "mo_hinh",
        "tap_the",
        "kinh_te",
        "chi_bo",
        dt.date(2021, 3, 15),
        tags=["do_thi_van_minh"],
    )
    _run(land, dt.date(2021, 4, 10))
    for year in (2021, 2022, 2023, 2024):
        services.assess(
            actor=SYSTEM,
            entry=land,
            assessed_on=dt.date(year, 12, 10),
            conclusion="hieu_qua",
            checklist=[0, 1, 2, 3, 4, 5],
            assessor_unit=board_tk,
        )
        if year == 2021:
            services.recognise(
                actor=SYSTEM,
                entry=land,
                level="huyen",
                form="cong_nhan",
                decided_on=dt.date(2022, 1, 12),
                decision_symbol="215-QĐ/QU",
                by_unit=board_tk,
                period_from=2021,
                period_to=2021,
            )
    services.recognise(
        actor=SYSTEM,
        entry=land,
        level="tinh",
        form="bieu_duong",
        decided_on=dt.date(2025, 5, 20),
        decision_symbol="1450-QĐ/TU",
        by_unit=city,
        period_from=2021,
        period_to=2025,
    )
    services.add_output(
        actor=SYSTEM,
        entry=land,
        metric="dat_hien",
        value="1250",
        period_from=dt.date(2021, 1, 1),
        period_to=dt.date(2021, 12, 31),
        evidence="Biên bản hiến đất của 37 hộ (số liệu mẫu).",
    )
    services.add_output(
        actor=SYSTEM,
        entry=land,
        metric="duong",
        value="1.8",
        period_from=dt.date(2021, 1, 1),
        period_to=dt.date(2021, 12, 31),
        evidence="Biên bản nghiệm thu 3 kiệt (số liệu mẫu).",
    )
    # After the reform the new ward takes the model up: a replica linked to the original.
    ward = _dn_entry(
        "DN-DUP-THANHKHE",
        "Mô hình “Dân vận khéo” hiến đất mở rộng kiệt, hẻm phường Thanh Khê",
        "mo_hinh",
        "tap_the",
        "kinh_te",
        "mat_tran",
        dt.date(2025, 8, 5),
        tags=["do_thi_van_minh"],
    )
    ward.replicated_from = land
    ward.save(update_fields=["replicated_from"])
    _run(ward, dt.date(2025, 9, 2))
    police = _dn_entry(
        "DN-CATP",
        "Mô hình “Dân vận khéo” Công an thành phố gần dân, vì Nhân dân phục vụ",
        "mo_hinh",
        "tap_the",
        "quoc_phong_an_ninh",
        "co_quan",
        dt.date(2022, 2, 10),
        tags=["chuyen_doi_so"],
    )
    _run(police, dt.date(2022, 3, 1))
    for year in (2022, 2023, 2024, 2025):
        services.assess(
            actor=SYSTEM,
            entry=police,
            assessed_on=dt.date(year, 11, 25),
            conclusion="hieu_qua",
            checklist=[0, 1, 2, 3, 4, 5, 6],
            assessor_unit=city,
        )
    services.recognise(
        actor=SYSTEM,
        entry=police,
        level="tinh",
        form="cong_nhan",
        decided_on=dt.date(2023, 1, 16),
        decision_symbol="320-QĐ/TU",
        by_unit=city,
        period_from=2022,
        period_to=2022,
    )
    services.recognise(
        actor=SYSTEM,
        entry=police,
        level="tinh",
        form="tieu_bieu",
        decided_on=dt.date(2025, 12, 1),
        decision_symbol="1890-QĐ/TU",
        by_unit=city,
        period_from=2021,
        period_to=2025,
    )
    religion = _dn_entry(
        "DN-MTTQ",
        "Mô hình “Dân vận khéo, sống tốt đời đẹp đạo” trong đồng bào Công giáo",
        "mo_hinh",
        "tap_the",
        "van_hoa_xa_hoi",
        "mat_tran",
        dt.date(2022, 5, 3),
        tags=["ton_giao"],
        sub_movement="song_tot_doi_dep_dao",
    )
    _run(religion, dt.date(2022, 6, 1))
    services.assess(
        actor=SYSTEM,
        entry=religion,
        assessed_on=dt.date(2023, 12, 5),
        conclusion="chua_hieu_qua",
        checklist=[0, 1],
        assessor_unit=city,
        note="Chưa huy động được nhiều lực lượng.",
    )
    services.change_status(actor=SYSTEM, entry=religion, target="cung_co", at=dt.date(2024, 1, 10))
    person = _dn_entry(
        "DN-DUP-ANKHE",
        "Điển hình “Dân vận khéo”: tổ trưởng tổ dân phố vận động chuyển đổi số",
        "dien_hinh",
        "ca_nhan",
        "xay_dung_htct",
        "mat_tran",
        dt.date(2025, 9, 15),
        tags=["chuyen_doi_so"],
        person_name="Nguyễn Thị Mai (nhân vật giả định)",
        person_position="Tổ trưởng tổ dân phố",
    )
    _run(person, dt.date(2025, 10, 1))
    draft_unit = OrgUnit.objects.get(code="DN-DUP-HAICHAU")
    services.create_entry(
        actor=SYSTEM,
        owner_unit=draft_unit,
        register=False,
        at=dt.date(2026, 3, 2),
        data={
            "kind": "mo_hinh",
            "subject": "tap_the",
            "channel": "chi_bo",
            "field": "van_hoa_xa_hoi",
            "name": "Mô hình “Dân vận khéo” sạch nhà, đẹp phố (dự kiến)",
        },
    )
    return 6


def _dn_authority() -> None:
    """A past setting, shown on the register's page: before the 2025 reform the district's own
    board recognised Thanh Khê's models at district level (as the demo's 215-QĐ/QU did)."""
    root = OrgUnit.objects.filter(code="DN-QU-TK").first()
    board = OrgUnit.objects.filter(code="DN-BDV-TK").first()
    if root is not None and board is not None:
        Authority.objects.get_or_create(
            root_unit=root,
            level="huyen",
            valid_from=dt.date(2021, 1, 1),
            defaults={
                "recognising_unit": board,
                "valid_to": dt.date(2025, 6, 30),
                "source": "Giả định cho dữ liệu mẫu: cấp huyện công nhận đến khi bỏ cấp huyện.",
            },
        )


def load_demo() -> dict[str, int]:
    with transaction.atomic():
        _ensure_units()
        _dn_authority()
        created = _can_tho() + _da_nang()
    return {"exemplars_created": created}
