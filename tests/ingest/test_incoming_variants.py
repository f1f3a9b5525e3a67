"""Header and closing variants of real files in samples/incoming/ (issue 12, point 4).
Expected values read by hand from each file (antiword's text or the page)."""

from pathlib import Path

import pytest

from danvan.ingest import parse_file

INCOMING = Path(__file__).resolve().parents[3] / "shared" / "samples" / "incoming"


@pytest.fixture(scope="module")
def qd_09_can_tho():
    return parse_file(INCOMING / "ubnd-can-tho-qd-09-2010-khcn.doc").to_dict()


def test_an_authority_line_with_no_space_after_the_dot(qd_09_can_tho):
    """The signature table reads "TM.ỦY BAN NHÂN DÂN" / "KT.CHỦ TỊCH" / "PHÓ CHỦ TỊCH" /
    "(đã ký)" / "Trần Tuấn Anh"."""
    assert qd_09_can_tho["closing"]["signature"] == {
        "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "name": "Trần Tuấn Anh",
    }


def test_a_party_draft_number_with_no_digits_and_no_colon():
    """Page 1 prints "THÀNH ỦY HÀ NỘI / BAN TỔ CHỨC / * / Số     - HD/BTCTU" beside
    "ĐẢNG CỘNG SẢN VIỆT NAM / Hà Nội, ngày        tháng 11 năm 2025", then "HƯỚNG DẪN /
    Nghiệp vụ công tác tổ chức đảng và đảng viên"."""
    parsed = parse_file(INCOMING / "btctu-ha-noi-hd-nghiep-vu-to-chuc-dang-2025-draft.pdf")
    header = parsed.to_dict()["header"]
    assert parsed.form == "party"
    assert header["parent_issuer"] == "THÀNH ỦY HÀ NỘI"
    assert header["issuer"] == "BAN TỔ CHỨC"
    assert (header["number"], header["symbol"], header["type_code"]) == (None, "-HD/BTCTU", "HD")
    assert (header["place"], header["date"]) == ("Hà Nội", None)
    assert header["type_name"] == "HƯỚNG DẪN"
    assert header["title"] == "Nghiệp vụ công tác tổ chức đảng và đảng viên"


def test_a_quoc_hieu_that_starts_left_of_the_middle():
    """Page 1: "BỘ NỘI VỤ" and "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line, the motto
    beginning before the page's middle; the number 12094 and the day 15 are stamped by the
    signing system; "V/v hướng dẫn triển khai Đề án / xác định Chỉ số cải cách hành chính";
    "Kính gửi: - Các bộ, cơ quan ngang bộ; - Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung
    ương."."""
    header = parse_file(INCOMING / "bnv-cv-12094-huong-dan-chi-so-cchc-2025.pdf").to_dict()[
        "header"
    ]
    assert (header["parent_issuer"], header["issuer"]) == (None, "BỘ NỘI VỤ")
    assert header["symbol"] == "12094/BNV-CCHC"
    assert (header["place"], header["date"]) == ("Hà Nội", "2025-12-15")
    assert header["title"] == "hướng dẫn triển khai Đề án xác định Chỉ số cải cách hành chính"
    assert header["addressees"] == [
        "Các bộ, cơ quan ngang bộ",
        "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương",
    ]


def test_an_annex_alone_has_no_issuer_and_keeps_its_title():
    """Page 1 opens "Phụ lục I / KẾT QUẢ ĐÁNH GIÁ ĐỐI VỚI CÁC TIÊU CHÍ THUỘC CÔNG TÁC / CHỈ ĐẠO
    ĐIỀU HÀNH NĂM 2025", then the ruled table "I. ĐỐI VỚI CẤP SỞ": no issuer, number, date."""
    header = parse_file(INCOMING / "hdtd-lam-dong-phu-luc-i-chi-so-cchc-2025.pdf").to_dict()[
        "header"
    ]
    assert (header["parent_issuer"], header["issuer"], header["symbol"], header["date"]) == (
        None,
        None,
        None,
        None,
    )
    assert header["title"] == (
        "KẾT QUẢ ĐÁNH GIÁ ĐỐI VỚI CÁC TIÊU CHÍ THUỘC CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH NĂM 2025"
    )


def test_a_symbol_with_an_ampersand_is_cited_whole():
    """Báo cáo 329/BC-UBND (corpus) cites "Văn bản số 4756/BTP-KTVB&QLXLVPHC ngày 05/8/2025
    của Bộ Tư pháp"."""
    corpus = INCOMING.parent / "corpus"
    references = parse_file(corpus / "ubnd-lam-dong-bc-329-cchc-2025.pdf").to_dict()["references"]
    cited = [r for r in references if r["number"] == "4756"]
    assert [(r["symbol"], r["date"]) for r in cited][:1] == [
        ("4756/BTP-KTVB&QLXLVPHC", "2025-08-05")
    ]


def test_a_title_over_several_wide_lines():
    """Báo cáo 36/BC-HĐTĐ, page 1: "BÁO CÁO" then the title over three lines, the last two
    as wide as the text block (not measurably centred), then "I. CÔNG TÁC CHỈ ĐẠO …"."""
    header = parse_file(INCOMING / "hdtd-lam-dong-bc-36-tham-dinh-chi-so-cchc-2025.pdf").to_dict()[
        "header"
    ]
    assert header["type_name"] == "BÁO CÁO"
    assert header["title"] == (
        "Kết quả thẩm định và khảo sát, điều tra xã hội học xác định Chỉ số cải cách hành chính"
        " năm 2025 của các cơ quan chuyên môn thuộc UBND tỉnh, Ban Quản lý các khu công nghiệp"
        " và UBND các xã, phường, đặc khu"
    )


def test_a_heading_that_joins_two_topics_with_a_semicolon():
    """Hướng dẫn of Ban Tổ chức Thành ủy Hà Nội, Phần thứ hai: "A. CÔNG TÁC TẠO NGUỒN, KẾT
    NẠP ĐẢNG VIÊN, CÔNG NHẬN / ĐẢNG VIÊN CHÍNH THỨC; XỬ LÝ NHỮNG TRƯỜNG HỢP KẾT NẠP / ĐẢNG
    VIÊN, CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC KHÔNG ĐÚNG / QUY ĐỊNH", then "I. TIÊU CHUẨN, ĐIỀU
    KIỆN KẾT NẠP ĐẢNG VIÊN" and "II. QUY TRÌNH, THỦ TỤC …" under it, then "B." and "C."."""
    doc = parse_file(INCOMING / "btctu-ha-noi-hd-nghiep-vu-to-chuc-dang-2025-draft.pdf")
    top = [section.label for section in doc.outline]
    assert top == ["I", "II", "III", "IV", "A", "B", "C"]
    part_a = doc.outline[4]
    assert part_a.title == (
        "CÔNG TÁC TẠO NGUỒN, KẾT NẠP ĐẢNG VIÊN, CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC; XỬ LÝ NHỮNG"
        " TRƯỜNG HỢP KẾT NẠP ĐẢNG VIÊN, CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC KHÔNG ĐÚNG QUY ĐỊNH"
    )
    assert [(child.label, child.title[:30]) for child in part_a.children] == [
        ("I", "TIÊU CHUẨN, ĐIỀU KIỆN KẾT NẠP "),
        ("II", "QUY TRÌNH, THỦ TỤC KẾT NẠP ĐẢN"),
    ]
