"""The Cần Thơ bloc and its successors in 2025, for the demo (see `danvan.demo.units`)."""

from __future__ import annotations

from .unit_rows import BLOC_END, MERGER_2025, PROVINCE_MERGER, succession, unit

CAN_THO_GRASSROOTS = [
    # code suffix, name
    ("BAOCT", "Đảng bộ Báo Cần Thơ"),
    ("VPTU", "Đảng bộ Văn phòng Thành ủy"),
    ("BDVTU", "Chi bộ Ban Dân vận Thành ủy"),
    ("MTTQ", "Đảng bộ cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"),
]


def can_tho() -> tuple[list[dict], list[dict]]:
    units = [
        unit(
            "CT-TU",
            "Thành ủy Cần Thơ",
            "party_committee",
            "TU",
            "TW",
            "2004-01-01",
            short="Thành ủy",
            note="Từ 01/7/2025 là Thành ủy thành phố Cần Thơ mới, sau khi Sóc Trăng và Hậu Giang sáp nhập.",
        ),
        unit(
            "CT-BDVTU",
            "Ban Dân vận Thành ủy Cần Thơ",
            "board",
            "BDVTU",
            "CT-TU",
            "2004-01-01",
            "2025-02-28",
            short="Ban Dân vận Thành ủy",
            note=MERGER_2025,
        ),
        unit(
            "CT-BTGDVTU",
            "Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ",
            "board",
            "BTGDVTU",
            "CT-TU",
            "2025-03-01",
            short="Ban Tuyên giáo và Dân vận Thành ủy",
            note=MERGER_2025,
        ),
        unit(
            "CT-UBND",
            "Ủy ban nhân dân thành phố Cần Thơ",
            "peoples_committee",
            "UBND",
            "CT-TU",
            "2004-01-01",
            short="UBND thành phố",
        ),
        unit(
            "CT-MTTQ",
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ",
            "front",
            "MTTQ",
            "CT-TU",
            "2004-01-01",
            short="Ủy ban MTTQ thành phố",
        ),
        unit(
            "CT-DUK",
            "Đảng ủy Khối cơ quan Dân Chính Đảng thành phố Cần Thơ",
            "bloc_committee",
            "ĐUK",
            "CT-TU",
            "2004-01-01",
            "2025-01-31",
            short="Đảng ủy Khối Dân Chính Đảng",
            note=BLOC_END,
        ),
        unit(
            "CT-DUCQD",
            "Đảng ủy các cơ quan Đảng thành phố Cần Thơ",
            "party_committee",
            "ĐU",
            "CT-TU",
            "2025-02-01",
            note=BLOC_END,
        ),
        unit(
            "CT-DUUBND",
            "Đảng ủy Ủy ban nhân dân thành phố Cần Thơ",
            "party_committee",
            "ĐU",
            "CT-TU",
            "2025-02-01",
            note=BLOC_END,
        ),
        unit(
            "ST-TU",
            "Tỉnh ủy Sóc Trăng",
            "party_committee",
            "TU",
            "TW",
            "1992-04-01",
            "2025-06-30",
            note=PROVINCE_MERGER,
        ),
        unit(
            "HG-TU",
            "Tỉnh ủy Hậu Giang",
            "party_committee",
            "TU",
            "TW",
            "2004-01-01",
            "2025-06-30",
            note=PROVINCE_MERGER,
        ),
    ]
    successions = [
        succession("CT-BDVTU", "CT-BTGDVTU", "2025-03-01", "merge", MERGER_2025),
        succession("CT-DUK", "CT-DUCQD", "2025-02-01", "split", BLOC_END),
        succession("CT-DUK", "CT-DUUBND", "2025-02-01", "split", BLOC_END),
        succession("ST-TU", "CT-TU", "2025-07-01", "merge", PROVINCE_MERGER),
        succession("HG-TU", "CT-TU", "2025-07-01", "merge", PROVINCE_MERGER),
    ]
    for suffix, name in CAN_THO_GRASSROOTS:
        units.append(
            unit(
                f"CT-DUK-{suffix}",
                name,
                "grassroots_party",
                "ĐB",
                "CT-DUK",
                "2004-01-01",
                "2025-01-31",
                note=BLOC_END,
            )
        )
        units.append(
            unit(
                f"CT-DUCQD-{suffix}",
                name,
                "grassroots_party",
                "ĐB",
                "CT-DUCQD",
                "2025-02-01",
                note=BLOC_END,
            )
        )
        successions.append(
            succession(f"CT-DUK-{suffix}", f"CT-DUCQD-{suffix}", "2025-02-01", "transfer", BLOC_END)
        )
    return units, successions
