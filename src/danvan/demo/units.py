"""The real structures behind the samples, in the unit exchange format, so that the demo is
loaded through the same checks as any import.

Dates the sources do not give exactly are assumptions, stated in each unit's note.
"""

from __future__ import annotations

from .unit_rows import (
    DISTRICT_END,
    MERGER_2025,
    PROVINCE_MERGER,
    WARDS,
    succession,
    unit,
)
from .units_can_tho import can_tho

DA_NANG_DISTRICTS = [
    # code suffix, committee name, board name, committee issuer, board issuer, valid_from
    ("HC", "Quận ủy Hải Châu", "Ban Dân vận Quận ủy Hải Châu", "QU", "BDVQU", "1997-01-01"),
    ("TK", "Quận ủy Thanh Khê", "Ban Dân vận Quận ủy Thanh Khê", "QU", "BDVQU", "1997-01-01"),
    ("ST", "Quận ủy Sơn Trà", "Ban Dân vận Quận ủy Sơn Trà", "QU", "BDVQU", "1997-01-01"),
    (
        "NHS",
        "Quận ủy Ngũ Hành Sơn",
        "Ban Dân vận Quận ủy Ngũ Hành Sơn",
        "QU",
        "BDVQU",
        "1997-01-01",
    ),
    ("LC", "Quận ủy Liên Chiểu", "Ban Dân vận Quận ủy Liên Chiểu", "QU", "BDVQU", "1997-01-01"),
    ("CL", "Quận ủy Cẩm Lệ", "Ban Dân vận Quận ủy Cẩm Lệ", "QU", "BDVQU", "2005-08-05"),
    ("HV", "Huyện ủy Hòa Vang", "Ban Dân vận Huyện ủy Hòa Vang", "HU", "BDVHU", "1997-01-01"),
]

# New commune-level Party committees from 01/7/2025 and the districts they came from.
DA_NANG_WARDS = [
    ("DN-DUP-HAICHAU", "Đảng ủy phường Hải Châu", "HC"),
    ("DN-DUP-HOACUONG", "Đảng ủy phường Hòa Cường", "HC"),
    ("DN-DUP-THANHKHE", "Đảng ủy phường Thanh Khê", "TK"),
    ("DN-DUP-ANKHE", "Đảng ủy phường An Khê", "TK"),
    ("DN-DUP-SONTRA", "Đảng ủy phường Sơn Trà", "ST"),
    ("DN-DUP-ANHAI", "Đảng ủy phường An Hải", "ST"),
    ("DN-DUP-NGUHANHSON", "Đảng ủy phường Ngũ Hành Sơn", "NHS"),
    ("DN-DUP-LIENCHIEU", "Đảng ủy phường Liên Chiểu", "LC"),
    ("DN-DUP-HOAKHANH", "Đảng ủy phường Hòa Khánh", "LC"),
    ("DN-DUP-CAMLE", "Đảng ủy phường Cẩm Lệ", "CL"),
    ("DN-DUP-HOAXUAN", "Đảng ủy phường Hòa Xuân", "CL"),
    ("DN-DUX-HOAVANG", "Đảng ủy xã Hòa Vang", "HV"),
    ("DN-DUX-BANA", "Đảng ủy xã Bà Nà", "HV"),
]


def da_nang() -> tuple[list[dict], list[dict]]:
    units = [
        unit(
            "DN-TU",
            "Thành ủy Đà Nẵng",
            "party_committee",
            "TU",
            "TW",
            "1997-01-01",
            short="Thành ủy",
            note="Từ 01/7/2025 là Thành ủy thành phố Đà Nẵng mới, sau khi tỉnh Quảng Nam sáp nhập.",
        ),
        unit(
            "DN-BDVTU",
            "Ban Dân vận Thành ủy Đà Nẵng",
            "board",
            "BDVTU",
            "DN-TU",
            "1997-01-01",
            "2025-02-28",
            short="Ban Dân vận Thành ủy",
            note=MERGER_2025,
        ),
        unit(
            "DN-BTGTU",
            "Ban Tuyên giáo Thành ủy Đà Nẵng",
            "board",
            "BTGTU",
            "DN-TU",
            "1997-01-01",
            "2025-02-28",
            short="Ban Tuyên giáo Thành ủy",
            note=MERGER_2025,
        ),
        unit(
            "DN-BTGDVTU",
            "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng",
            "board",
            "BTGDVTU",
            "DN-TU",
            "2025-03-01",
            short="Ban Tuyên giáo và Dân vận Thành ủy",
            note=MERGER_2025,
        ),
        unit(
            "DN-UBND",
            "Ủy ban nhân dân thành phố Đà Nẵng",
            "peoples_committee",
            "UBND",
            "DN-TU",
            "1997-01-01",
            short="UBND thành phố",
        ),
        unit(
            "DN-BCHQS",
            "Bộ Chỉ huy Quân sự thành phố Đà Nẵng",
            "military",
            "BCHQS",
            "DN-TU",
            "1997-01-01",
            short="BCH Quân sự thành phố",
        ),
        unit(
            "DN-CATP",
            "Công an thành phố Đà Nẵng",
            "police",
            "CATP",
            "DN-TU",
            "1997-01-01",
            short="Công an thành phố",
        ),
        unit(
            "DN-BDBP",
            "Bộ Chỉ huy Bộ đội Biên phòng thành phố Đà Nẵng",
            "border_guard",
            "BĐBP",
            "DN-TU",
            "1997-01-01",
            short="BCH Bộ đội Biên phòng thành phố",
        ),
        unit(
            "DN-MTTQ",
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Đà Nẵng",
            "front",
            "MTTQ",
            "DN-TU",
            "1997-01-01",
            short="Ủy ban MTTQ thành phố",
        ),
    ]
    successions = [
        succession("DN-BDVTU", "DN-BTGDVTU", "2025-03-01", "merge", MERGER_2025),
        succession("DN-BTGTU", "DN-BTGDVTU", "2025-03-01", "merge", MERGER_2025),
    ]
    for suffix, committee, board, committee_issuer, board_issuer, start in DA_NANG_DISTRICTS:
        committee_code = f"DN-QU-{suffix}" if committee_issuer == "QU" else f"DN-HU-{suffix}"
        units.append(
            unit(
                committee_code,
                committee,
                "party_committee",
                committee_issuer,
                "DN-TU",
                start,
                "2025-06-30",
                note=DISTRICT_END,
            )
        )
        units.append(
            unit(
                f"DN-BDV-{suffix}",
                board,
                "board",
                board_issuer,
                committee_code,
                start,
                "2025-06-30",
                note=DISTRICT_END,
            )
        )
    committees = {
        suffix: (f"DN-QU-{suffix}" if issuer == "QU" else f"DN-HU-{suffix}")
        for suffix, _, _, issuer, _, _ in DA_NANG_DISTRICTS
    }
    for code, name, district in DA_NANG_WARDS:
        units.append(unit(code, name, "party_committee", "ĐU", "DN-TU", "2025-07-01", note=WARDS))
        successions.append(succession(committees[district], code, "2025-07-01", "split", WARDS))
    return units, successions


def quang_nam() -> tuple[list[dict], list[dict]]:
    units = [
        unit(
            "QNA-TU",
            "Tỉnh ủy Quảng Nam",
            "party_committee",
            "TU",
            "TW",
            "1997-01-01",
            "2025-06-30",
            short="Tỉnh ủy",
            note=PROVINCE_MERGER,
        ),
        unit(
            "QNA-BDVTU",
            "Ban Dân vận Tỉnh ủy Quảng Nam",
            "board",
            "BDVTU",
            "QNA-TU",
            "1997-01-01",
            "2025-02-28",
            note=MERGER_2025,
        ),
        unit(
            "QNA-BTGDVTU",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Nam",
            "board",
            "BTGDVTU",
            "QNA-TU",
            "2025-03-01",
            "2025-06-30",
            note=f"{MERGER_2025} {PROVINCE_MERGER}",
        ),
        unit(
            "QNA-UBND",
            "Ủy ban nhân dân tỉnh Quảng Nam",
            "peoples_committee",
            "UBND",
            "QNA-TU",
            "1997-01-01",
            "2025-06-30",
            note=PROVINCE_MERGER,
        ),
    ]
    successions = [
        succession("QNA-BDVTU", "QNA-BTGDVTU", "2025-03-01", "merge", MERGER_2025),
        succession("QNA-TU", "DN-TU", "2025-07-01", "merge", PROVINCE_MERGER),
        succession("QNA-BTGDVTU", "DN-BTGDVTU", "2025-07-01", "merge", PROVINCE_MERGER),
        succession("QNA-UBND", "DN-UBND", "2025-07-01", "merge", PROVINCE_MERGER),
    ]
    return units, successions


def central() -> tuple[list[dict], list[dict]]:
    units = [
        unit(
            "TW",
            "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",
            "party_committee",
            "TW",
            "",
            "1930-02-03",
            short="Trung ương",
        ),
        unit(
            "TW-BDVTW",
            "Ban Dân vận Trung ương",
            "board",
            "BDVTW",
            "TW",
            "1930-02-03",
            note="Giả định: hiệu lực tính từ ngày thành lập Đảng; ban đã qua nhiều lần đổi tên trước đó.",
        ),
    ]
    return units, []


def demo_interchange() -> dict:
    """All demo units and successions as the JSON exchange format (parents before children)."""
    units, successions = [], []
    for part in (central, da_nang, quang_nam, can_tho):
        part_units, part_successions = part()
        units += part_units
        successions += part_successions
    return {"units": units, "successions": successions}
