"""Header, outline and closing rules on documents written here in the two layouts
(Party and State) as a plain-text extraction would give them, columns side by side."""

from danvan.ingest import parse_bytes

PARTY = """ĐẢNG BỘ TỈNH LÂM ĐỒNG                ĐẢNG CỘNG SẢN VIỆT NAM
BAN DÂN VẬN TỈNH ỦY
*
Số 15-BC/BDVTU                Lâm Đồng, ngày 05 tháng 11 năm 2025

BÁO CÁO
kết quả công tác dân vận quý III năm 2025
-----

Kính gửi: Ban Dân vận Trung ương

Thực hiện Hướng dẫn số 12-HD/BDVTW ngày 03/3/2025 của Ban Dân vận Trung ương, Ban Dân vận Tỉnh ủy báo cáo như sau:

Phần thứ nhất
KẾT QUẢ THỰC HIỆN

I. CÔNG TÁC TRIỂN KHAI
Đã tổ chức 12 hội nghị với hơn 1.500 lượt cán bộ tham dự.
II. KẾT QUẢ
1. Dân vận chính quyền
Có 45/48 xã đạt chuẩn.

Phần thứ hai
PHƯƠNG HƯỚNG

Nơi nhận:
- Ban Dân vận Trung ương (b/c),
- Lưu Văn phòng.

T/M BAN THƯỜNG VỤ
PHÓ TRƯỞNG BAN THƯỜNG TRỰC

Nguyễn Văn An
"""

STATE_LETTER = """ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG                Độc lập - Tự do - Hạnh phúc
SỞ NỘI VỤ
Số: 181/SNV-CCHC             Lâm Đồng, ngày 25-02-2010
V/v báo cáo kết quả cải cách
hành chính năm 2009

Kính gửi:
- Ủy ban nhân dân tỉnh;
- Bộ Nội vụ.

Theo Công văn số 05/BNV-VP ngày 15/01/2010 của Bộ Nội vụ, Sở Nội vụ báo cáo khoảng 26 tỷ đồng đã giải ngân.

Nơi nhận:
- Như trên;
- Lưu: VT, CCHC.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Thị Bình
"""


def test_party_report_layout():
    doc = parse_bytes(PARTY.encode(), "dang.txt")
    h = doc.header
    assert doc.form == "party"
    assert (h.parent_issuer, h.issuer) == ("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "BAN DÂN VẬN TỈNH ỦY")
    assert (h.number, h.symbol, h.type_code) == ("15", "15-BC/BDVTU", "BC")
    assert (h.place, h.date) == ("Lâm Đồng", "2025-11-05")
    assert (h.type_name, h.title) == ("BÁO CÁO", "kết quả công tác dân vận quý III năm 2025")
    assert h.addressees == ["Ban Dân vận Trung ương"]
    parts = doc.outline
    assert [(p.label, p.title, p.level) for p in parts] == [
        ("Phần thứ nhất", "KẾT QUẢ THỰC HIỆN", 1),
        ("Phần thứ hai", "PHƯƠNG HƯỚNG", 1),
    ]
    assert [c.label for c in parts[0].children] == ["I", "II"]
    assert parts[0].children[1].children[0].title == "Dân vận chính quyền"
    assert parts[0].children[1].children[0].level == 3
    figures = {f.text: f for f in doc.figures}
    assert figures["hơn 1.500 lượt"].approx == "hơn"
    assert (figures["45/48 xã"].value, figures["45/48 xã"].total) == (45, 48)
    assert doc.closing.recipients == ["Ban Dân vận Trung ương (b/c)", "Lưu Văn phòng"]
    sig = doc.closing.signature
    assert (sig.authority, sig.title, sig.name) == (
        ["T/M BAN THƯỜNG VỤ"],
        "PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
        "Nguyễn Văn An",
    )


def test_state_letter_layout():
    doc = parse_bytes(STATE_LETTER.encode(), "cong-van.txt")
    h = doc.header
    assert doc.form == "state"
    assert (h.parent_issuer, h.issuer) == ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ")
    assert (h.number, h.symbol) == ("181", "181/SNV-CCHC")
    assert h.type_code == "CV"  # a công văn: no type code in the symbol, no type name
    assert (h.place, h.date, h.type_name) == ("Lâm Đồng", "2010-02-25", None)
    assert h.title == "báo cáo kết quả cải cách hành chính năm 2009"
    assert h.addressees == ["Ủy ban nhân dân tỉnh", "Bộ Nội vụ"]
    ref = doc.references[0]
    assert (ref.symbol, ref.type_code, ref.issuer_code, ref.date, ref.issued_by) == (
        "05/BNV-VP",
        None,
        "BNV-VP",
        "2010-01-15",
        "Bộ Nội vụ",
    )
    money = next(f for f in doc.figures if f.unit == "đồng")
    assert (money.text, money.value, money.approx) == (
        "khoảng 26 tỷ đồng",
        26_000_000_000,
        "khoảng",
    )
    assert doc.closing.recipients == ["Như trên", "Lưu: VT, CCHC"]
    sig = doc.closing.signature
    assert (sig.authority, sig.title, sig.name) == (
        ["KT. GIÁM ĐỐC"],
        "PHÓ GIÁM ĐỐC",
        "Trần Thị Bình",
    )


def test_text_saved_one_paragraph_per_line():
    first = (
        "Trong năm 2025, Ban Dân vận đã phối hợp với các cơ quan tổ chức "
        + "nhiều hoạt động tuyên truyền, vận động Nhân dân thực hiện chủ trương của Đảng " * 2
    )
    second = (
        "Kết quả, các địa phương đã xây dựng 120 mô hình Dân vận khéo, trong đó "
        + "có nhiều mô hình tiêu biểu được nhân rộng trên địa bàn toàn tỉnh " * 2
    )
    text = "\n".join(
        [
            first.strip(),
            second.strip() + ".",
            "Tiếp tục duy trì các mô hình đã có, nhân rộng mô hình mới, gắn với phong trào thi đua yêu nước và các nhiệm vụ chính trị của địa phương trong năm 2026 và những năm tiếp theo.",
        ]
    )
    doc = parse_bytes(text.encode(), "mot-dong.txt")
    # The first paragraph does not end with a full stop, yet the line break ends it.
    assert [p.text[:20] for p in doc.preamble] == [
        "Trong năm 2025, Ban ",
        "Kết quả, các địa phư",
        "Tiếp tục duy trì các",
    ]


def test_closing_columns_set_with_tabs():
    text = (
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở báo cáo như trên./.\n"
        "Nơi nhận:\tKT. GIÁM ĐỐC\n"
        "- Như trên;\tPHÓ GIÁM ĐỐC\n"
        "- Lưu: VT.\n"
        "\t\t\tLê Văn Cường\n"
    )
    doc = parse_bytes(text.encode(), "tab.txt")
    assert doc.closing.recipients == ["Như trên", "Lưu: VT"]
    sig = doc.closing.signature
    assert (sig.authority, sig.title, sig.name) == (
        ["KT. GIÁM ĐỐC"],
        "PHÓ GIÁM ĐỐC",
        "Lê Văn Cường",
    )


DECISION = """ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG                Độc lập - Tự do - Hạnh phúc
Số: 787/QĐ-UBND              Lâm Đồng, ngày 21 tháng 8 năm 2025

QUYẾT ĐỊNH
Về việc thí điểm các mô hình, sáng kiến cải cách hành chính
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;
QUYẾT ĐỊNH:
Điều 1. Thí điểm 05 mô hình cải cách hành chính.
"""


def test_decision_title_stops_before_the_signing_authority():
    doc = parse_bytes(DECISION.encode(), "qd.txt")
    h = doc.header
    assert (h.symbol, h.type_code, h.type_name) == ("787/QĐ-UBND", "QĐ", "QUYẾT ĐỊNH")
    assert h.title == "Về việc thí điểm các mô hình, sáng kiến cải cách hành chính"
    assert (h.place, h.date) == ("Lâm Đồng", "2025-08-21")


def test_html_saved_as_doc_is_refused_clearly():
    import pytest

    from danvan.ingest import DocumentError

    with pytest.raises(DocumentError) as caught:
        parse_bytes(b"<html><body><p>B\xc3\xa1o c\xc3\xa1o</p></body></html>", "bao-cao.doc")
    assert caught.value.reason == "unsupported"


def test_bracketed_marks_and_footnotes():
    text = (
        "Sở đã ban hành 06 văn bản[1] chỉ đạo và tổ chức 19 lượt làm việc [2].\n"
        "____________________\n"
        "[1] Kế hoạch số 3920/KH-UBND ngày 23/9/2025.\n"
        "[2] Nội dung làm việc theo kế hoạch.\n"
    )
    doc = parse_bytes(text.encode(), "ngoac.txt")
    assert doc.preamble[0].text == "Sở đã ban hành 06 văn bản chỉ đạo và tổ chức 19 lượt làm việc."
    assert doc.preamble[0].footnotes == [1, 2]
    assert [(f.id, f.text) for f in doc.footnotes] == [
        (1, "Kế hoạch số 3920/KH-UBND ngày 23/9/2025."),
        (2, "Nội dung làm việc theo kế hoạch."),
    ]


def test_figures_in_capital_units_and_scales():
    from danvan.ingest.structure.figures import find_figures

    found = [
        (f.text, f.value, f.unit)
        for f in find_figures("Kim ngạch đạt 1,2 triệu USD; công suất 50 MW.", "body")
    ]
    assert found == [("1,2 triệu USD", 1200000, "USD"), ("50 MW", 50, "MW")]


def test_indented_first_footnote_after_the_separator():
    text = (
        "Ban Thường vụ đã ban hành Chỉ thị số 17-CT/TU1 về công tác dân vận.\n"
        "                                        \n"
        "   1 Chỉ thị số 17-CT/TU ngày 22/8/2017 của Ban Thường vụ Thành ủy.\n"
    )
    doc = parse_bytes(text.encode(), "thut-dau.txt")
    assert [(f.id, f.text) for f in doc.footnotes] == [
        (1, "Chỉ thị số 17-CT/TU ngày 22/8/2017 của Ban Thường vụ Thành ủy.")
    ]
    assert (
        doc.preamble[0].text == "Ban Thường vụ đã ban hành Chỉ thị số 17-CT/TU về công tác dân vận."
    )
    assert doc.preamble[0].footnotes == [1]


def test_letter_parts_above_roman_sections():
    text = "A. KẾT QUẢ\nI. CÔNG TÁC CHỈ ĐẠO\n1) Đã ban hành 05 văn bản.\nB. PHƯƠNG HƯỚNG\nI. NHIỆM VỤ\nTiếp tục thực hiện.\n"
    doc = parse_bytes(text.encode(), "chu-cai.txt")
    assert [(s.label, s.title, s.level) for s in doc.outline] == [
        ("A", "KẾT QUẢ", 1),
        ("B", "PHƯƠNG HƯỚNG", 1),
    ]
    assert [(s.label, s.level) for s in doc.outline[0].children] == [("I", 2)]
    assert doc.outline[0].children[0].paragraphs[0].text == "1) Đã ban hành 05 văn bản."
    assert doc.outline[1].children[0].paragraphs[0].text == "Tiếp tục thực hiện."


def test_regulation_chapters_and_articles():
    text = (
        "Chương I\nQUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định công tác dân vận.\n"
        "Điều 2. Đối tượng áp dụng\n1. Cán bộ, công chức.\n2. Viên chức.\n"
        "Chương II\nTỔ CHỨC THỰC HIỆN\n"
        "Điều 3. Hiệu lực thi hành\nQuy chế có hiệu lực từ ngày ký.\n"
    )
    doc = parse_bytes(text.encode(), "quy-che.txt")
    assert [(s.label, s.title) for s in doc.outline] == [
        ("Chương I", "QUY ĐỊNH CHUNG"),
        ("Chương II", "TỔ CHỨC THỰC HIỆN"),
    ]
    articles = doc.outline[0].children
    assert [(a.label, a.title, a.level) for a in articles] == [
        ("Điều 1", "Phạm vi điều chỉnh", 2),
        ("Điều 2", "Đối tượng áp dụng", 2),
    ]
    assert [p.text for p in articles[1].paragraphs] == ["1. Cán bộ, công chức.", "2. Viên chức."]
    assert doc.figures == []  # article numbers and clause labels are not figures


def test_appendix_after_the_signature_is_not_closing():
    text = (
        "Sở Nội vụ báo cáo như trên./.\n"
        "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nPhạm Thị Hoa\n"
        "PHỤ LỤC\nDanh sách đơn vị\nTrường Cao Đẳng\n"
    )
    doc = parse_bytes(text.encode(), "phu-luc.txt")
    assert doc.closing.recipients == ["Bộ Nội vụ", "Lưu: VT"]
    assert doc.closing.signature.name == "Phạm Thị Hoa"


def test_excerpt_whose_footnotes_start_at_five():
    text = (
        "Tiếp nhận 2.403 đơn5, đã thụ lý giải quyết 43 đơn6.\n"
        "                                        \n"
        "5 Trong đó, 123 đơn khiếu nại.\n"
        "6 Tổng số đơn khiếu nại: 31 đơn.\n"
    )
    doc = parse_bytes(text.encode(), "trich.txt")
    assert [f.id for f in doc.footnotes] == [5, 6]
    assert doc.preamble[0].footnotes == [5, 6]
    assert doc.preamble[0].text == "Tiếp nhận 2.403 đơn, đã thụ lý giải quyết 43 đơn."


def test_step_headings_and_party_sub_headings_with_a_dash():
    """Synthetic: a plan's "BƯỚC MỘT" / "BƯỚC HAI" steps above numbered items, and the Party's
    "1.1-" sub-headings under "1-"."""
    text = (
        "BƯỚC MỘT: CHUẨN BỊ\n1- Công tác tuyên truyền\n1.1- Nội dung tuyên truyền\n"
        "Tuyên truyền sâu rộng trong Nhân dân.\n1.2- Hình thức\nQua hệ thống loa truyền thanh.\n"
        "BƯỚC HAI: TRIỂN KHAI\nCác đơn vị tổ chức thực hiện.\n"
    )
    doc = parse_bytes(text.encode(), "buoc.txt")
    assert [(s.label, s.title, s.level) for s in doc.outline] == [
        ("BƯỚC MỘT", "CHUẨN BỊ", 1),
        ("BƯỚC HAI", "TRIỂN KHAI", 1),
    ]
    item = doc.outline[0].children[0]
    assert (item.label, item.title, item.level) == ("1", "Công tác tuyên truyền", 2)
    assert [(s.label, s.title, s.level) for s in item.children] == [
        ("1.1", "Nội dung tuyên truyền", 3),
        ("1.2", "Hình thức", 3),
    ]
    assert item.children[0].paragraphs[0].text == "Tuyên truyền sâu rộng trong Nhân dân."
    assert doc.outline[1].paragraphs[0].text == "Các đơn vị tổ chức thực hiện."


def test_a_short_heading_with_a_semicolon_and_recipients_continued_on_a_capital_line():
    """Synthetic (no shared file shows a lower-case heading with ";"): "1. Công tác tuyên
    truyền; vận động nhân dân" is a heading; a longer sentence with ";" stays a paragraph;
    "- Chủ tịch Ủy ban nhân dân tỉnh và" continued by "Ủy ban MTTQ Việt Nam tỉnh;"."""
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SỞ NỘI VỤ                           Độc lập - Tự do - Hạnh phúc",
            "Số: 181/BC-SNV                      Lâm Đồng, ngày 05 tháng 11 năm 2025",
            "",
            "BÁO CÁO",
            "Kết quả công tác dân vận năm 2025",
            "",
            "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO; TUYÊN TRUYỀN",
            "Sở đã tổ chức 12 hội nghị với hơn 1.500 lượt người tham dự.",
            "1. Công tác tuyên truyền; vận động nhân dân",
            "Đã tuyên truyền 30 buổi.",
            "2. Sở đã phối hợp với Ủy ban MTTQ tỉnh tổ chức các hội nghị đối thoại với nhân dân"
            " ở các xã; đã tiếp nhận 45 kiến nghị của cử tri và trả lời đầy đủ",
            "",
            "Nơi nhận:                                 KT. GIÁM ĐỐC",
            "- Chủ tịch Ủy ban nhân dân tỉnh và        PHÓ GIÁM ĐỐC",
            "Ủy ban MTTQ Việt Nam tỉnh;",
            "- Lưu: VT, CCHC.                          Mai Thị Thu",
        ]
    )
    doc = parse_bytes(text.encode(), "bao-cao.txt")
    [part] = doc.outline
    assert (part.label, part.title) == ("I", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO; TUYÊN TRUYỀN")
    assert [(c.label, c.title) for c in part.children] == [
        ("1", "Công tác tuyên truyền; vận động nhân dân")
    ]
    assert part.children[0].paragraphs[-1].text.startswith("2. Sở đã phối hợp với Ủy ban MTTQ")
    assert doc.closing.recipients == [
        "Chủ tịch Ủy ban nhân dân tỉnh và Ủy ban MTTQ Việt Nam tỉnh",
        "Lưu: VT, CCHC",
    ]


def test_an_authority_glued_to_its_body_after_a_slash():
    """OCR of the Party letter 20-CV/BTGDVTU (samples/incoming, a scan) reads "K/T TRƯỞNG
    BAN" as "K/TTRƯỞNG BAN"; rebuilt here as text so that the test does not need Tesseract."""
    text = "\n".join(
        [
            "TỈNH ỦY LÂM ĐỒNG                 ĐẢNG CỘNG SẢN VIỆT NAM",
            "BAN TUYÊN GIÁO VÀ DÂN VẬN",
            "Số 20-CV/BTGDVTU                 Lâm Đồng, ngày 04 tháng 9 năm 2025",
            "",
            "Ban cử đồng chí tham gia Ban Vì sự tiến bộ của phụ nữ tỉnh.",
            "",
            "Nơi nhận:                         K/TTRƯỞNG BAN",
            "- Như trên,                       PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
            "- Lưu Ban.",
            "                                  Châu Ngọc Lương",
        ]
    )
    closing = parse_bytes(text.encode(), "cong-van.txt").closing
    assert closing.recipients == ["Như trên", "Lưu Ban"]
    assert closing.signature.to_dict() == {
        "authority": ["K/T TRƯỞNG BAN"],
        "title": "PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
        "name": "Châu Ngọc Lương",
    }
