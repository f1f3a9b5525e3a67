"""Legacy Word (.doc) files of samples/incoming/: a header table antiword prints without its
cell marks, TCVN3 capitals carried by the ".VnTimeH" font (read through LibreOffice), VNI
text with a Unicode name, a joint resolution with three signatures side by side. Expected
values read by hand from each file (antiword's text and LibreOffice's rendering)."""

import shutil

import pytest

from danvan.ingest import parse_file

from .conftest import SAMPLES

INCOMING = SAMPLES / "incoming"
needs_antiword = pytest.mark.skipif(not shutil.which("antiword"), reason="antiword not installed")
needs_both = pytest.mark.skipif(
    not (shutil.which("antiword") and shutil.which("soffice")),
    reason="antiword and LibreOffice needed",
)


@needs_antiword
def test_a_header_table_that_spills_out_of_its_cells():
    """QĐ 09/2010 Cần Thơ: "ỦY BAN NHÂN DÂN / THÀNH PHỐ CẦN THƠ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA
    VIỆT NAM / Độc lập - Tự do - Hạnh phúc", an empty row, then "Số:09/2010/QĐ-UBND |
    Cần Thơ, ngày 21 tháng  01  năm 2010" (no space after the colon)."""
    doc = parse_file(INCOMING / "ubnd-can-tho-qd-09-2010-khcn.doc")
    header = doc.to_dict()["header"]
    assert doc.form == "state"
    assert (header["parent_issuer"], header["issuer"]) == (
        None,
        "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
    )
    assert (header["number"], header["symbol"], header["type_code"]) == (
        "09",
        "09/2010/QĐ-UBND",
        "QĐ",
    )
    assert (header["place"], header["date"]) == ("Cần Thơ", "2010-01-21")
    assert header["type_name"] == "QUYẾT ĐỊNH"
    assert header["title"] == (
        "Ban hành Quy định tuyển chọn, xét chọn tổ chức, cá nhân chủ trì thực hiện nhiệm vụ"
        " khoa học và công nghệ cấp thành phố"
    )
    # The header's lines are not body text; the preamble starts with the issuing body.
    assert doc.preamble[0].text == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    assert doc.preamble[1].text.startswith("Căn cứ Luật Tổ chức Hội đồng nhân dân")
    # Each article opens its section, even when its text is a sentence, not a heading.
    assert [(s.label, s.title) for s in doc.outline] == [
        ("Điều 1", ""),
        ("Điều 2", ""),
        ("Điều 3", ""),
    ]
    assert doc.outline[0].paragraphs[0].text == (
        "Ban hành kèm theo Quyết định này Quy định tuyển chọn, xét chọn tổ chức, cá nhân chủ trì"
        " thực hiện nhiệm vụ khoa học và công nghệ cấp thành phố."
    )
    assert doc.outline[1].paragraphs[0].text.startswith("Quyết định này có hiệu lực thi hành sau")


@needs_both
def test_tcvn3_capitals_carried_by_the_vntimeh_font():
    """QĐ 256/2004/QĐ-UB Cần Thơ, in .VnTime/.VnTimeH: "ñY BAN NH©N D©N" is "ỦY BAN NHÂN
    DÂN", "Sè:  256 /2004/Q§-UB", "TP.CÇn Th¬, ngµy  01 th¸ng  7 n¨m 2004", "QUYÕT §ÞNH
    cña ñY BAN ..." (the type name followed by "CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" in
    capitals), a stray "XV80" right of the date, and "tm . ubnd thµnh phè CÇn Th¬ / chñ tÞch /
    (®· ký) / Vâ Thanh Tßng" at the end."""
    doc = parse_file(INCOMING / "ubnd-can-tho-qd-256-2004-cchc-tcvn3.doc")
    header = doc.to_dict()["header"]
    assert doc.form == "state"
    assert (header["parent_issuer"], header["issuer"]) == (
        None,
        "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
    )
    assert (header["number"], header["symbol"]) == ("256", "256/2004/QĐ-UB")
    assert (header["place"], header["date"]) == ("TP.Cần Thơ", "2004-07-01")
    assert (header["type_name"], header["type_code"]) == ("QUYẾT ĐỊNH", "QĐ")
    assert header["title"] == (
        "V/v ban hành Chương trình Cải cách hành chính của thành phố Cần Thơ giai đoạn 2004 - 2010"
    )
    assert doc.to_dict()["closing"]["signature"] == {
        "authority": ["TM. UBND THÀNH PHỐ CẦN THƠ"],
        "title": "CHỦ TỊCH",
        "name": "Võ Thanh Tòng",
    }
    # "­" (0xAD) is "ư" in TCVN3, set by Word as a soft hyphen: it is kept, not dropped.
    assert doc.preamble[2].text.startswith(
        "Căn cứ Quyết định số 136/2001/QĐ-TTg ngày 17/9/2001 của Thủ tướng Chính phủ"
    )
    # The decision's three articles, then the programme it issues (I. ĐÁNH GIÁ KẾT QUẢ …).
    assert [section.label for section in doc.outline][:6] == [
        "Điều 1",
        "Điều 2",
        "Điều 3",
        "I",
        "II",
        "III",
    ]
    assert doc.outline[0].paragraphs[0].text == (
        "Nay ban hành kèm theo Quyết định này Chương trình cải cách hành chính của thành phố Cần"
        " Thơ giai đoạn 2004 -2010."
    )


@needs_both
def test_vni_text_with_a_unicode_name_in_the_signature_table():
    """QĐ 991/QĐ-UBND Bình Phước, in VNI-Times: the signature table "TM. UÛY BAN NHAÂN DAÂN
    TÆNH / CHUÛ TÒCH / Trương Tấn Thiệu" (the name typed in Unicode) has no "Nơi nhận" and is
    followed only by a picture."""
    doc = parse_file(INCOMING / "ubnd-binh-phuoc-qd-991-2008-vni.doc")
    header = doc.to_dict()["header"]
    assert header["issuer"] == "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"
    assert (header["symbol"], header["place"], header["date"]) == (
        "991/QĐ-UBND",
        "Đồng Xoài",
        "2008-05-14",
    )
    assert doc.to_dict()["closing"] == {
        "recipients": [],
        "signature": {
            "authority": ["TM. ỦY BAN NHÂN DÂN TỈNH"],
            "title": "CHỦ TỊCH",
            "name": "Trương Tấn Thiệu",
        },
    }


@needs_antiword
def test_a_joint_resolution_with_three_signatures():
    """NQLT 102/2025: one header cell names three issuers over two lines; "NGHỊ QUYẾT LIÊN
    TỊCH" over its title in capitals; the closing table holds three signatures side by side
    (TM. ĐOÀN CHỦ TỊCH UB TW MẶT TRẬN TỔ QUỐC VIỆT NAM / CHỦ TỊCH / Đỗ Văn Chiến | TM. CHÍNH
    PHỦ / THỦ TƯỚNG / Phạm Minh Chính | TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI / CHỦ TỊCH / Trần Thanh
    Mẫn) above a "Nơi nhận" row of eight entries."""
    doc = parse_file(INCOMING / "ubtvqh-cp-mttq-nqlt-102-2025-hiep-thuong.doc").to_dict()
    header = doc["header"]
    assert header["parent_issuer"] is None
    assert header["issuer"] == (
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI - CHÍNH PHỦ - ĐOÀN CHỦ TỊCH ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ"
        " QUỐC VIỆT NAM"
    )
    assert (header["symbol"], header["type_code"]) == (
        "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
        "NQLT",
    )
    assert (header["place"], header["date"]) == ("Hà Nội", "2025-09-26")
    assert header["type_name"] == "NGHỊ QUYẾT LIÊN TỊCH"
    assert header["title"] == (
        "HƯỚNG DẪN QUY TRÌNH HIỆP THƯƠNG, GIỚI THIỆU NGƯỜI ỨNG CỬ ĐẠI BIỂU QUỐC HỘI KHÓA XVI,"
        " ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN CÁC CẤP NHIỆM KỲ 2026 - 2031"
    )
    assert doc["closing"]["signature"] == {
        "authority": ["TM. ĐOÀN CHỦ TỊCH UB TW MẶT TRẬN TỔ QUỐC VIỆT NAM"],
        "title": "CHỦ TỊCH",
        "name": "Đỗ Văn Chiến",
    }
    recipients = doc["closing"]["recipients"]
    assert len(recipients) == 8
    assert (recipients[0], recipients[-1]) == (
        "Hội đồng bầu cử quốc gia",
        "Lưu: HC (VPQH, VPCP, MTTQ)",
    )


@needs_antiword
def test_a_signature_shown_as_an_example_inside_a_guide_is_not_the_closing():
    """Hướng dẫn 36-HD/VPTW shows a "T/M ĐOÀN THƯ KÝ / TRƯỞNG ĐOÀN" block in a table as an
    example, pages before its real closing (K/T CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Bùi
    Văn Thạch, beside "Nơi nhận")."""
    doc = parse_file(SAMPLES / "corpus" / "vptw-hd-36-the-thuc-van-ban-dang-2018.doc").to_dict()
    assert doc["closing"]["signature"] == {
        "authority": ["K/T CHÁNH VĂN PHÒNG"],
        "title": "PHÓ CHÁNH VĂN PHÒNG",
        "name": "Bùi Văn Thạch",
    }
    assert doc["closing"]["recipients"][0] == "Các tỉnh uỷ, thành uỷ"
