"""Reader accuracy on the shared samples: the share of header and closing facts read right.

    .venv/bin/python bench/reader_accuracy.py [--scans] [--verbose]

Expected values were written by hand from each file (the page, antiword's or LibreOffice's
text); they are the same facts the hold-out measure counts (header, closing). Scans are read
by OCR only with --scans (slow). Prints one line per file and the total; asserts nothing.
A title is compared without case and without a leading "V/v" / "Về việc".
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from danvan.ingest import DocumentError, parse_file

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
LD = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"

# file → {field: value}; header fields by name, "sig" = (authority, title, name),
# "recipients" = (count, first entry).
EXPECTED: dict[str, dict] = {
    "corpus/bcd-de-an-06-lam-dong-bc-10-2025-draft.doc": {
        "parent_issuer": "UBND TỈNH LÂM ĐỒNG",
        "issuer": "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO, "
        "CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06",
        "number": None,
        "symbol": "/BC-BCĐ",
        "place": "Lâm Đồng",
        "date": None,
        "type_name": "BÁO CÁO",
        "title": "Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng tháng 10/2025",
        "sig": (["TM. BAN CHỈ ĐẠO"], "PHÓ TRƯỞNG BAN", "Nguyễn Ngọc Phúc"),
        "recipients": (8, "Văn phòng Chính phủ"),
    },
    "corpus/ubnd-lam-dong-bc-329-cchc-2025.pdf": {
        "issuer": LD,
        "symbol": "329/BC-UBND",
        "place": "Lâm Đồng",
        "date": "2025-12-19",
        "type_name": "BÁO CÁO",
        "title": "Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 "
        "của tỉnh Lâm Đồng",
        "sig": (["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"),
        "recipients": (8, "Bộ Nội vụ"),
    },
    "corpus/ubnd-lam-dong-bc-cchc-quy-i-2026-draft.docx": {
        "issuer": LD,
        "symbol": "/BC-UBND",
        "date": None,
        "type_name": "BÁO CÁO",
        "title": "Công tác cải cách hành chính quý I năm 2026 và phương hướng, nhiệm vụ quý II "
        "năm 2026 tỉnh Lâm Đồng",
        "sig": (["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"),
        "recipients": (7, "Bộ Nội vụ"),
    },
    "corpus/ubnd-quang-ngai-cv-507-2025.pdf": {
        "issuer": "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
        "symbol": "507/UBND-KGVX",
        "place": "Quảng Ngãi",
        "date": "2025-01-24",
        "type_name": None,
        "title": "góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số "
        "2269/QĐ-TTg về Chương trình cung cấp dịch vụ viễn thông công ích",
        "addressees": ["Sở Thông tin và Truyền thông"],
        "sig": (["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"], "PHÓ CHÁNH VĂN PHÒNG", "Phùng Tô Long"),
        "recipients": (6, "Như trên"),
    },
    "corpus/vptw-hd-36-the-thuc-van-ban-dang-2018.doc": {
        "parent_issuer": "BAN CHẤP HÀNH TRUNG ƯƠNG",
        "issuer": "VĂN PHÒNG",
        "symbol": "36-HD/VPTW",
        "place": "Hà Nội",
        "date": "2018-04-03",
        "type_name": "HƯỚNG DẪN",
        "title": "THỂ THỨC VÀ KỸ THUẬT TRÌNH BÀY VĂN BẢN CỦA ĐẢNG",
        "sig": (["K/T CHÁNH VĂN PHÒNG"], "PHÓ CHÁNH VĂN PHÒNG", "Bùi Văn Thạch"),
        "recipients": (5, "Các tỉnh uỷ, thành uỷ"),
    },
    "incoming/bnv-cv-12094-huong-dan-chi-so-cchc-2025.pdf": {
        "issuer": "BỘ NỘI VỤ",
        "symbol": "12094/BNV-CCHC",
        "place": "Hà Nội",
        "date": "2025-12-15",
        "title": "hướng dẫn triển khai Đề án xác định Chỉ số cải cách hành chính",
        "addressees": [
            "Các bộ, cơ quan ngang bộ",
            "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
        ],
        "sig": (["TL. BỘ TRƯỞNG"], "VỤ TRƯỞNG", "Phạm Minh Hùng"),
        "recipients": (7, "Như trên"),
    },
    "incoming/btctu-ha-noi-hd-nghiep-vu-to-chuc-dang-2025-draft.pdf": {
        "parent_issuer": "THÀNH ỦY HÀ NỘI",
        "issuer": "BAN TỔ CHỨC",
        "number": None,
        "symbol": "-HD/BTCTU",
        "place": "Hà Nội",
        "date": None,
        "type_name": "HƯỚNG DẪN",
        "title": "Nghiệp vụ công tác tổ chức đảng và đảng viên",
        "sig": (["K/T TRƯỞNG BAN"], "PHÓ TRƯỞNG BAN", "Triệu Thị Ngọc"),
    },
    "incoming/hdtd-lam-dong-bc-36-tham-dinh-chi-so-cchc-2025.pdf": {
        "parent_issuer": "UBND TỈNH LÂM ĐỒNG",
        "issuer": "HỘI ĐỒNG THẨM ĐỊNH, ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH",
        "symbol": "36/BC-HĐTĐ",
        "place": "Lâm Đồng",
        "date": "2026-02-02",
        "type_name": "BÁO CÁO",
        "title": "Kết quả thẩm định và khảo sát, điều tra xã hội học xác định Chỉ số cải cách "
        "hành chính năm 2025 của các cơ quan chuyên môn thuộc UBND tỉnh, Ban Quản lý các "
        "khu công nghiệp và UBND các xã, phường, đặc khu",
        "sig": (["TM. HỘI ĐỒNG THẨM ĐỊNH"], "PHÓ CHỦ TỊCH", "Trần Hữu Tuấn"),
        "recipients": (3, "UBND tỉnh (Báo cáo)"),
    },
    "incoming/hdtd-lam-dong-phu-luc-i-chi-so-cchc-2025.pdf": {
        "issuer": None,
        "symbol": None,
        "date": None,
        "title": "KẾT QUẢ ĐÁNH GIÁ ĐỐI VỚI CÁC TIÊU CHÍ THUỘC CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH NĂM 2025",
    },
    "incoming/mttq-bac-cam-ranh-kh-giam-sat-bau-cu-2025-draft.docx": {
        "parent_issuer": "UỶ BAN MTTQ VIỆT NAM PHƯỜNG BẮC CAM RANH",
        "issuer": "BAN THƯỜNG TRỰC",
        "symbol": "/KH-MTTQ-BTT",
        "date": None,
        "type_name": "KẾ HOẠCH",
        "title": "Kiểm tra, giám sát công tác bầu cử đại biểu Quốc hội khóa XVI và đại biểu "
        "Hội đồng nhân dân các cấp, nhiệm kỳ 2026 – 2031 trên địa bàn phường Bắc Cam Ranh",
        "sig": (["TM. BAN THƯỜNG TRỰC"], "CHỦ TỊCH", "Phạm Thị Thúy"),
        "recipients": (7, "BTT UBMTTQVN Tỉnh( B/c)"),
    },
    "incoming/mttq-xa-luong-minh-kh-tiep-cong-dan-bau-cu-2025-draft.docx": {
        "parent_issuer": "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH",
        "issuer": "BAN THƯỜNG TRỰC",
        "symbol": "/KH-MTTQ-BTT",
        "place": "Lương Minh",
        "date": "2025-12-10",
        "type_name": "KẾ HOẠCH",
        "sig": (["TM. BAN THƯỜNG TRỰC"], "CHỦ TỊCH", "Lan Thị Vân"),
        "recipients": (10, "BTT Ủy ban MTTQ Việt Nam tỉnh"),
    },
    "incoming/snv-lam-dong-cv-2926-dieu-le-hoi-quan-chung-2025.pdf": {
        "parent_issuer": "UBND TỈNH LÂM ĐỒNG",
        "issuer": "SỞ NỘI VỤ",
        "symbol": "2926/SNV-TCBC",
        "place": "Lâm Đồng",
        "date": "2025-11-15",
        "title": "báo cáo, xin ý kiến cho phép sử dụng Điều lệ hội đã phê duyệt",
        "addressees": ["Chủ tịch UBND tỉnh Lâm Đồng"],
        "sig": (["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC", "Nguyễn Đức Vũ"),
        "recipients": (3, "Như trên"),
    },
    "incoming/ubnd-binh-phuoc-qd-991-2008-vni.doc": {
        "issuer": "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC",
        "symbol": "991/QĐ-UBND",
        "place": "Đồng Xoài",
        "date": "2008-05-14",
        "type_name": "QUYẾT ĐỊNH",
        "title": "phê duyệt Kế hoạch thực hiện quy hoạch sử dụng rừng, đất rừng và đất chuyển "
        "ra khỏi lâm phần sau rà soát quy hoạch 03 loại rừng",
        "sig": (["TM. ỦY BAN NHÂN DÂN TỈNH"], "CHỦ TỊCH", "Trương Tấn Thiệu"),
    },
    "incoming/ubnd-can-tho-qd-09-2010-khcn.doc": {
        "issuer": "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
        "symbol": "09/2010/QĐ-UBND",
        "place": "Cần Thơ",
        "date": "2010-01-21",
        "type_name": "QUYẾT ĐỊNH",
        "title": "Ban hành Quy định tuyển chọn, xét chọn tổ chức, cá nhân chủ trì thực hiện "
        "nhiệm vụ khoa học và công nghệ cấp thành phố",
        "sig": (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Trần Tuấn Anh"),
        "recipients": (15, "Văn phòng Chính phủ (HN-TPHCM)"),
    },
    "incoming/ubnd-can-tho-qd-256-2004-cchc-tcvn3.doc": {
        "issuer": "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
        "symbol": "256/2004/QĐ-UB",
        "date": "2004-07-01",
        "type_name": "QUYẾT ĐỊNH",
        "title": "ban hành Chương trình Cải cách hành chính của thành phố Cần Thơ giai đoạn "
        "2004 - 2010",
        "sig": (["TM. UBND THÀNH PHỐ CẦN THƠ"], "CHỦ TỊCH", "Võ Thanh Tòng"),
    },
    "incoming/ubnd-lam-dong-bc-ma-tuy-dia-ban-2025-draft.doc": {
        "issuer": LD,
        "symbol": "/BC-UBND",
        "date": None,
        "type_name": "BÁO CÁO",
        "title": "Kết quả thực hiện việc xác định tuyến, địa bàn trọng điểm phức tạp về ma túy, "
        "địa bàn không ma túy năm 2025",
        "sig": ([], "CHỦ TỊCH", None),
        "recipients": (7, "Bộ Công an (C04)"),
    },
    "incoming/ubnd-lam-dong-kh-cchc-2026-draft.docx": {
        "issuer": LD,
        "symbol": "/KH-UBND",
        "type_name": "KẾ HOẠCH",
        "title": "Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng",
        "sig": (["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"),
        "recipients": (13, "Bộ Nội vụ"),
    },
    "incoming/ubtvqh-cp-mttq-nqlt-102-2025-hiep-thuong.doc": {
        "parent_issuer": None,
        "issuer": "ỦY BAN THƯỜNG VỤ QUỐC HỘI - CHÍNH PHỦ - ĐOÀN CHỦ TỊCH ỦY BAN TRUNG ƯƠNG "
        "MẶT TRẬN TỔ QUỐC VIỆT NAM",
        "symbol": "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
        "place": "Hà Nội",
        "date": "2025-09-26",
        "type_name": "NGHỊ QUYẾT LIÊN TỊCH",
        "title": "HƯỚNG DẪN QUY TRÌNH HIỆP THƯƠNG, GIỚI THIỆU NGƯỜI ỨNG CỬ ĐẠI BIỂU QUỐC HỘI "
        "KHÓA XVI, ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN CÁC CẤP NHIỆM KỲ 2026 - 2031",
        "sig": (
            ["TM. ĐOÀN CHỦ TỊCH UB TW MẶT TRẬN TỔ QUỐC VIỆT NAM"],
            "CHỦ TỊCH",
            "Đỗ Văn Chiến",
        ),
        "recipients": (8, "Hội đồng bầu cử quốc gia"),
    },
}

SCANS: dict[str, dict] = {
    "incoming/btgdv-tu-lam-dong-cv-20-cu-can-bo-2025-scan.pdf": {
        "parent_issuer": "TỈNH ỦY LÂM ĐỒNG",
        "symbol": "20-CV/BTGDVTU",
        "date": "2025-09-04",
        "sig": (["K/T TRƯỞNG BAN"], "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Châu Ngọc Lương"),
    },
    "incoming/mttq-lam-dong-cv-477-hoi-quan-chung-2025-scan.pdf": {
        "symbol": "477/MTTQ-BTT",
        "date": "2025-11-13",
        "sig": (["TM. BAN THƯỜNG TRỰC"], "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Phạm Triều"),
    },
    "incoming/ubnd-phu-tho-cv-4532-kstthc-2011-scan.pdf": {
        "issuer": "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
        "symbol": "4532/UBND-KSTTHC",
        "date": "2011-12-07",
    },
}


def _title(value):
    if not value:
        return value
    return re.sub(r"^(v/v|về việc)\s+", "", value.strip(), flags=re.IGNORECASE).casefold()


def facts(doc: dict) -> dict:
    header, closing = doc["header"], doc["closing"]
    signature = closing["signature"]
    recipients = closing["recipients"]
    out = dict(header)
    out["title"] = _title(header["title"])
    out["sig"] = (signature["authority"], signature["title"], signature["name"])
    out["recipients"] = (len(recipients), recipients[0] if recipients else None)
    return out


def score(name: str, expected: dict, verbose: bool) -> tuple[int, int]:
    try:
        got = facts(parse_file(SAMPLES / name).to_dict())
    except DocumentError as error:
        print(f"{name[:60]:60} error: {error}")
        return 0, len(expected)
    right = 0
    wrong = []
    for field, value in expected.items():
        want = _title(value) if field == "title" else value
        if field == "sig":
            want = (list(value[0]), value[1], value[2])
        if got[field] == want:
            right += 1
        else:
            wrong.append((field, want, got[field]))
    print(f"{name[:60]:60} {right:2d}/{len(expected):2d}")
    if verbose:
        for field, want, have in wrong:
            print(f"    {field}: want {want!r}\n    {' ' * len(field)}  got  {have!r}")
    return right, len(expected)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", action="store_true", help="also the scans, read by OCR")
    parser.add_argument("--verbose", action="store_true", help="print every wrong fact")
    args = parser.parse_args()
    table = {**EXPECTED, **(SCANS if args.scans else {})}
    right = total = 0
    for name, expected in table.items():
        r, t = score(name, expected, args.verbose)
        right, total = right + r, total + t
    print(f"\n{right}/{total} facts right: {100 * right / total:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
