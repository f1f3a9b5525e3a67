"""Rows of the unit exchange format for the demo's structures, and the notes they share."""

from __future__ import annotations

MERGER_2025 = (
    "Giả định: hợp nhất Ban Tuyên giáo và Ban Dân vận có hiệu lực từ 01/3/2025 (đầu năm 2025); "
    "thay bằng ngày của quyết định thành lập khi có."
)
DISTRICT_END = "Cấp huyện kết thúc hoạt động ngày 30/6/2025 (sắp xếp đơn vị hành chính 2025)."
PROVINCE_MERGER = "Sáp nhập vào thành phố mới từ 01/7/2025 (Nghị quyết 202/2025/QH15)."
WARDS = (
    "Chỉ ghi một phần các phường, xã kế thừa; địa bàn thực tế của một phường có thể gồm "
    "phần của nhiều quận, huyện cũ."
)
BLOC_END = (
    "Giả định: Đảng ủy Khối kết thúc ngày 31/01/2025, các tổ chức đảng chuyển về Đảng bộ các "
    "cơ quan Đảng và Đảng bộ UBND thành phố từ 01/02/2025."
)


def unit(code, name, kind, issuer, parent, start, end="", short="", note=""):
    return {
        "code": code,
        "name": name,
        "short_name": short,
        "kind": kind,
        "issuer_code": issuer,
        "parent_code": parent,
        "valid_from": start,
        "valid_to": end,
        "note": note,
    }


def succession(predecessor, successor, date, kind, note=""):
    return {
        "predecessor_code": predecessor,
        "successor_code": successor,
        "date": date,
        "kind": kind,
        "note": note,
    }
