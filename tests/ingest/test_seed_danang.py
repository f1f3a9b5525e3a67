"""Expectations read by hand from danang-bdvtu-phoi-hop-6t-2022.txt."""


def _refs(doc):
    return {r.symbol: r for r in doc.references}


def _paragraph_with(doc, footnote_id):
    holders = [p for p in doc.paragraphs() if footnote_id in p.footnotes]
    assert len(holders) == 1, f"footnote {footnote_id} is in {len(holders)} paragraphs"
    return holders[0]


def test_header_is_the_report_title(danang):
    h = danang.header
    assert h.type_name == "BÁO CÁO"
    assert h.type_code == "BC"
    assert h.title == (
        "kết quả triển khai, thực hiện Chương trình phối hợp công tác dân vận "
        "6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm 2022"
    )
    # The seed has no issuer block, số ký hiệu or Quốc hiệu.
    assert h.symbol is None and h.issuer is None and danang.form is None


def test_fifteen_footnotes_with_their_texts(danang):
    notes = {f.id: f.text for f in danang.footnotes}
    assert sorted(notes) == list(range(1, 16))
    assert notes[2] == "Kế hoạch số 59-KH/TU ngày 13/4/2022 của Thường trực Thành ủy."
    assert notes[4] == "Trong đó, 123 đơn khiếu nại, 107 đơn tố cáo, 2.173 đơn kiến nghị, phản ánh."
    assert (
        notes[15]
        == "Báo cáo 1.107 thông tin liên quan đến ANTT; tiếp nhận, xử lý 4.433 thông tin đường dây nóng 113."
    )
    assert notes[13] == "Tổ chức tuyên truyền được 1024 tổ/3.890 lượt cán bộ, chiến sĩ."


def test_footnote_7_has_two_paragraphs(danang):
    text = {f.id: f.text for f in danang.footnotes}[7]
    first, second = text.split("\n")
    assert first.startswith("Ban hành Chương trình hành động của UBND thành phố")
    assert first.endswith("biểu hiện “tự diễn biến”, “tự chuyển hóa”.")
    assert second.startswith("Công văn số 94/UBND-SNV ngày 07/01/2022")
    assert second.endswith("đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị.")


def test_footnote_text_does_not_leak_into_the_body(danang):
    body = " ".join(p.text for p in danang.paragraphs())
    assert "Kế hoạch số 59-KH/TU" not in body
    assert "Hũ gạo vì người nghèo" not in body
    notes = " ".join(f.text for f in danang.footnotes)
    assert "phong trào Toàn dân bảo vệ an ninh Tổ quốc" not in notes


def test_each_footnote_is_attached_where_its_mark_is(danang):
    assert _paragraph_with(danang, 1).text.startswith(
        "Trên cơ sở các Chương trình phối hợp của Trung ương, Ban"
    )
    p45 = _paragraph_with(danang, 4)
    assert p45 is _paragraph_with(danang, 5)
    assert "Tiếp nhận 2.403 đơn, đã thụ lý" in p45.text
    assert "12 đơn tố cáo) thuộc thẩm" in p45.text
    # "năm 20228" is 2022 + mark 8; "COVID-1911" is COVID-19 + mark 11.
    p8 = _paragraph_with(danang, 8)
    assert "Nhâm Dần năm 2022 cho 51.919 đối tượng" in p8.text
    p11 = _paragraph_with(danang, 11)
    assert "phòng, chống dịch COVID-19. Chỉ đạo Hải" in p11.text
    assert "Quyết định số 2838-QĐ/TU đến các sở" in _paragraph_with(danang, 9).text
    for k in range(1, 16):
        _paragraph_with(danang, k)


def test_outline(danang):
    labels = [(s.label, s.title) for s in danang.outline]
    assert labels == [
        ("I", "CÔNG TÁC PHỐI HỢP TRIỂN KHAI"),
        ("II", "KẾT QUẢ TRIỂN KHAI THỰC HIỆN"),
        ("III", "ĐÁNH GIÁ CHUNG"),
        ("IV", "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022"),
    ]
    children = danang.outline[1].children
    assert [c.label for c in children] == ["1", "2"]
    assert children[1].title == (
        "Kết quả thực hiện Chương trình phối hợp với Công an, Bộ Chỉ huy quân sự, "
        "Bộ chỉ huy Bộ đội biên phòng thành phố"
    )
    assert children[1].level == 2
    # The paragraph split by footnotes and a page break reads as one.
    first = danang.outline[0].paragraphs[0].text
    assert "tham gia các phong trào thi đua yêu nước" in first


def test_page_number_is_not_text(danang):
    paragraph = next(p for p in danang.paragraphs() if "tổ chức lấy ý kiến" in p.text)
    assert "tổ chức lấy ý kiến của Mặt trận" in paragraph.text


def test_references(danang):
    refs = _refs(danang)
    expected = {
        "03-Ctr/BDVTW-BCSĐCP": "2021-12-15",
        "2806-QĐ/TU": "2021-12-02",
        "08-CT/TU": "2021-08-05",
        "17-CT/TU": "2022-06-07",
        "34/2007/PL-UBTVQH11": "2007-04-20",
        "02/CT-UBND": "2022-01-12",
        "4392/QĐ-UBND": "2021-12-31",
    }
    for symbol, date in expected.items():
        assert any(r.symbol == symbol and r.date == date for r in danang.references), symbol
    for symbol in (
        "482/TTCP-BTCDTW", "363/KH-TTCP", "21-KL/TW", "30/NQ-CP", "94/UBND-SNV", "38/KH-UBND",
        "45-KH/TU", "03-KH/TW", "238/2019/NQ-HĐND", "492/UBND-SNV", "2838-QĐ/TU", "572-CT/QUTW",
        "81-QĐ/ĐUCA", "87/KH-CATP-PXDPT", "53/KH-CATP-PTM", "183/KH-CATP-PV05", "11/CT-BCA-V05",
    ):  # fmt: skip
        assert symbol in refs, symbol
    joint = refs["03-Ctr/BDVTW-BCSĐCP"]
    assert (joint.system, joint.type_code, joint.issuer_code, joint.where) == (
        "party",
        "Ctr",
        "BDVTW-BCSĐCP",
        "footnote",
    )
    law = refs["34/2007/PL-UBTVQH11"]
    assert (law.system, law.year, law.kind, law.issued_by) == (
        "state",
        2007,
        "Pháp lệnh",
        "Uỷ ban Thường vụ Quốc hội",
    )
    assert refs["482/TTCP-BTCDTW"].type_code is None
    assert refs["482/TTCP-BTCDTW"].issued_by == "Thanh tra Chính phủ"
    assert refs["238/2019/NQ-HĐND"].kind == "Nghị quyết"
    assert refs["59-KH/TU"].raw == "Kế hoạch số 59-KH/TU ngày 13/4/2022"


def test_figures(danang):
    by_text = {f.text: f for f in danang.figures}
    assert by_text["1.868 lượt"].value == 1868
    assert by_text["1.817 người"].value == 1817
    assert by_text["2.403 đơn"].unit == "đơn"
    assert by_text["99%"].value == 99 and by_text["99%"].unit == "%"
    assert by_text["51.919 đối tượng"].value == 51919
    young = by_text["1.275/1275 thanh niên"]
    assert (young.value, young.total, young.unit) == (1275, 1275, "thanh niên")
    money = by_text["hơn 1,821 tỷ đồng"]
    assert (money.value, money.unit, money.approx, money.where) == (
        1821000000,
        "đồng",
        "hơn",
        "footnote",
    )
    assert by_text["9,24 triệu đồng"].value == 9240000
    assert by_text["4.433 thông tin"].value == 4433
    assert by_text["6.205 kg"].value == 6205
    assert "1.868 lượt/1.817 người" in by_text["1.868 lượt"].context


def test_dates_symbols_and_marks_are_not_figures(danang):
    values = {f.value for f in danang.figures}
    assert 2806 not in values and 2021 not in values and 1911 not in values


def test_closing(danang):
    assert danang.closing.recipients == [
        "Ban Dân vận Trung ương (b/c)",
        "Cơ quan Thường trực BDVTW tại ĐN (b/c)",
        "Thường trực Thành ủy (b/c)",
        "Ban cán sự đảng Uỷ ban nhân dân TP",
        "BCH Quân sự, Công an, BCH Bộ đội biên phòng TP",
        "Ban Dân vận các quận, huyện ủy",
        "Lưu VT, P.DVNN-DT-TG",
    ]
    sig = danang.closing.signature
    assert (sig.authority, sig.title, sig.name) == (
        ["K/T TRƯỞNG BAN"],
        "PHÓ TRƯỞNG BAN",
        "Mai Thị Thu",
    )


def test_closing_text_is_not_body(danang):
    last = danang.outline[-1].paragraphs[-1].text
    assert last.startswith("Trên đây là báo cáo kết quả triển khai")
    assert "Nơi nh" not in last
